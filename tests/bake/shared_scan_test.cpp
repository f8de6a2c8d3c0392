// The bake cache and LOD on real scans from ../shared/data (skipped when absent).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "asset/bake_cache.h"
#include "core/file_io.h"
#include "bake/bake_test_util.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;

TEST_CASE("igea bakes, reopens and selects coarser levels from afar", "[bake][shared]") {
    const auto source = sharedDataFile("igea/igea.ply");
    const auto dir = scratchDir("bake_igea");
    ::setenv("AXIS_CACHE_DIR", dir.c_str(), 1);
    auto imported = importModel(source);
    REQUIRE(imported.ok());
    auto baked = openOrBake(source);
    REQUIRE(baked.ok());
    CHECK(baked->triangleCount() == imported->triangleCount());
    CHECK(baked->bounds.min == imported->bounds.min);
    CHECK(baked->bounds.max == imported->bounds.max);
    REQUIRE(openCached(source).ok());

    const Bounds& b = baked->bounds;
    const double r = b.radius();
    LodRequest full;
    full.camera = lookAt(b.center() - glm::dvec3(0, 3 * r, 0), b.center());
    full.pixelErrorBound = 0.0;
    full.frustumCull = false;
    LodStats fullStats, farStats;
    selectLod(baked->lod(), full, &fullStats);
    CHECK(fullStats.triangles == imported->triangleCount());

    LodRequest far = full;
    far.camera = lookAt(b.center() - glm::dvec3(0, 60 * r, 0), b.center());
    far.pixelErrorBound = 1.0;
    auto ranges = selectLod(baked->lod(), far, &farStats);
    INFO("full " << fullStats.triangles << ", far " << farStats.triangles << " triangles, levels up to "
                 << farStats.coarsestLevel);
    CHECK(farStats.triangles < fullStats.triangles / 10);
    CHECK_FALSE(ranges.empty());
}

TEST_CASE("Materials, textures and every mip level survive the cache byte for byte", "[bake][shared]") {
    const auto source = sharedDataFile("avocado-gltf/Avocado.gltf");
    const auto dir = scratchDir("bake_avocado");
    ::setenv("AXIS_CACHE_DIR", dir.c_str(), 1);
    auto imported = importModel(source);
    REQUIRE(imported.ok());
    auto baked = openOrBake(source);
    REQUIRE(baked.ok());
    Model back = toModel(*baked, true);
    CHECK(back.format == imported->format);
    CHECK(back.triangleCount() == imported->triangleCount());
    REQUIRE(back.materials.size() == imported->materials.size());
    for (std::size_t i = 0; i < back.materials.size(); ++i) {
        const Material &a = back.materials[i], &e = imported->materials[i];
        CHECK(a.name == e.name);
        CHECK(a.baseColorFactor == e.baseColorFactor);
        CHECK(a.baseColorTexture == e.baseColorTexture);
        CHECK(a.metallicRoughnessTexture == e.metallicRoughnessTexture);
        CHECK(a.metallicFactor == e.metallicFactor);
        CHECK(a.roughnessFactor == e.roughnessFactor);
        CHECK(a.alphaMode == e.alphaMode);
        CHECK(a.doubleSided == e.doubleSided);
    }
    REQUIRE(back.textures.size() == imported->textures.size());
    REQUIRE_FALSE(back.textures.empty());
    for (std::size_t t = 0; t < back.textures.size(); ++t) {
        REQUIRE(back.textures[t].levels.size() == imported->textures[t].levels.size());
        CHECK(back.textures[t].levels.size() > 5);
        CHECK(back.textures[t].usage == imported->textures[t].usage);
        for (std::size_t l = 0; l < back.textures[t].levels.size(); ++l) {
            CHECK(back.textures[t].levels[l].width == imported->textures[t].levels[l].width);
            CHECK((back.textures[t].levels[l].rgba == imported->textures[t].levels[l].rgba));  // Parenthesised: no dump of megabytes.
        }
    }
    CHECK(openCached(source).ok());

    // The 2048² atlases are kept as their JPEG files, only the levels up to kStoredTextureSide
    // decoded: the cache stays near the source's size instead of 6x it in RGBA8 mips.
    std::uint64_t sourceBytes = std::filesystem::file_size(source);
    for (const BakedTexture& t : baked->textures) {
        CHECK(t.firstStoredLevel > 0);
        CHECK(std::max(t.levels.front().width, t.levels.front().height) <= kStoredTextureSide);
        const auto file = readFile(t.name);
        REQUIRE(file.ok());
        CHECK(std::equal(t.encoded.begin(), t.encoded.end(), file->begin(), file->end()));
        sourceBytes += t.encoded.size();
    }
    sourceBytes += std::filesystem::file_size(source.parent_path() / "Avocado.bin");
    INFO("cache " << std::filesystem::file_size(baked->cachePath) << " bytes, source " << sourceBytes);
    CHECK(std::filesystem::file_size(baked->cachePath) < 2 * sourceBytes);
}
