// The bake cache: round trip, quantisation bounds, staleness and corruption (rebuilt, never trusted).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <thread>

#include "asset/bake_cache.h"
#include "asset/hash64.h"
#include "bake/bake_test_util.h"
#include "support/textured_grid.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;
namespace fs = std::filesystem;

namespace {

// A scratch folder with AXIS_CACHE_DIR pointing into it, so tests never touch ~/.cache.
struct CacheFixture {
    explicit CacheFixture(const std::string& name) : dir(scratchDir(name)) {
        ::setenv("AXIS_CACHE_DIR", (dir / "cache").c_str(), 1);
        source = dir / "sphere.ply";
        writePly(source, makeIcosphere(4));  // 5,120 triangles.
    }
    fs::path dir, source;
};

std::vector<std::uint8_t> readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeAll(const fs::path& p, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

// The cache is refused with an error naming it and `problem`, then openOrBake rebuilds a good one.
void checkRefusedThenRebuilt(const fs::path& source, const std::string& problem) {
    const fs::path cache = cachePathFor(source);
    auto refused = openCached(source);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains(cache.string()) && Catch::Contains(problem));
    auto rebuilt = openOrBake(source);
    REQUIRE(rebuilt.ok());
    CHECK(rebuilt->triangleCount() == 5120);
    CHECK(openCached(source).ok());
}

// atan2 of cross and dot in double: acos of a float dot cannot resolve angles below ~0.03 degrees.
double angleDegrees(const glm::vec3& a, const glm::vec3& b) {
    glm::dvec3 x(a), y(b);
    return glm::degrees(std::atan2(glm::length(glm::cross(x, y)), glm::dot(x, y)));
}

}  // namespace

TEST_CASE("hash64 is XXH64", "[bake]") {
    auto bytes = [](const std::string& s) { return std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); };
    CHECK(hash64(bytes("")) == 0xEF46DB3751D8E999ull);
    CHECK(hash64(bytes("abc")) == 0x44BC2CF5AD770999ull);
    CHECK(hash64(bytes("Nobody inspects the spammish repetition")) == 0xFBCEA83C8A378BF1ull);
}

TEST_CASE("hash64 reports the runs it has hashed, in order, and hashes the same", "[bake]") {
    // 40 MiB + 13 bytes: two whole 16 MiB runs, then the rest with the tail the stripes leave.
    std::vector<std::uint8_t> data((std::size_t(40) << 20) + 13);
    std::mt19937 rng(3);
    for (auto& b : data) b = std::uint8_t(rng());
    std::vector<std::span<const std::uint8_t>> runs;
    const std::uint64_t chunked = hash64(data, [&](std::span<const std::uint8_t> run) { runs.push_back(run); });
    CHECK(chunked == hash64(data));
    REQUIRE(runs.size() == 3);
    const std::uint8_t* next = data.data();
    for (auto run : runs) {
        CHECK(run.data() == next);
        next += run.size();
    }
    CHECK(next == data.data() + data.size());
    CHECK(runs[0].size() == std::size_t(16) << 20);
}

TEST_CASE("Octahedral normals stay within 0.02 degrees", "[bake]") {
    std::mt19937 rng(7);
    std::normal_distribution<float> d;
    double worst = 0;
    for (int i = 0; i < 100000; ++i) {
        glm::vec3 n = glm::normalize(glm::vec3(d(rng), d(rng), d(rng)));
        worst = std::max(worst, angleDegrees(n, decodeOctahedral(encodeOctahedral(n))));
    }
    for (glm::vec3 n : {glm::vec3(0, 0, 1), glm::vec3(0, 0, -1), glm::vec3(1, 0, 0), glm::vec3(0, -1, 0)})
        worst = std::max(worst, angleDegrees(n, decodeOctahedral(encodeOctahedral(n))));
    INFO("worst " << worst << " degrees");
    CHECK(worst < 0.02);
}

TEST_CASE("Cache folder follows AXIS_CACHE_DIR, then XDG_CACHE_HOME, then HOME", "[bake]") {
    CacheFixture f("bake_dirs");
    CHECK(cachePathFor(f.source).parent_path() == f.dir / "cache");
    CHECK(cachePathFor(f.source).extension() == ".axbake");
    CHECK(cachePathFor(f.source) == cachePathFor(f.dir / "." / "sphere.ply"));
    ::unsetenv("AXIS_CACHE_DIR");
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    std::string savedXdg = xdg ? xdg : "";
    ::setenv("XDG_CACHE_HOME", "/somewhere", 1);
    CHECK(defaultCacheDir() == fs::path("/somewhere/axisview"));
    ::unsetenv("XDG_CACHE_HOME");
    CHECK(defaultCacheDir() == fs::path(std::getenv("HOME")) / ".cache" / "axisview");
    if (xdg) ::setenv("XDG_CACHE_HOME", savedXdg.c_str(), 1);
}

TEST_CASE("A baked model round-trips counts, bounds and vertices within the quantisation bounds", "[bake]") {
    CacheFixture f("bake_round_trip");
    auto imported = importModel(f.source);
    REQUIRE(imported.ok());
    CHECK_FALSE(openCached(f.source).ok());  // Nothing baked yet.
    auto baked = openOrBake(f.source);
    REQUIRE(baked.ok());
    CHECK(fs::exists(cachePathFor(f.source)));
    CHECK(baked->triangleCount() == imported->triangleCount());
    CHECK(baked->vertexCount() == imported->vertexCount());
    CHECK(baked->bounds.min == imported->bounds.min);
    CHECK(baked->bounds.max == imported->bounds.max);
    CHECK(baked->vertexFormat.uvEncoding == UvEncoding::Unorm16);
    CHECK(baked->vertexFormat.stride == 24);
    CHECK(baked->vertexBytes.size() == baked->vertexCount() * 24);
    CHECK(baked->materials.size() == imported->materials.size());

    Model back = toModel(*baked);
    REQUIRE(back.primitives.size() == imported->primitives.size());
    auto expected = canonicalTriangles(imported->primitives[0]);
    auto actual = canonicalTriangles(back.primitives[0]);
    REQUIRE(actual.size() == expected.size());
    double worstNormal = 0, worstUv = 0;
    for (std::size_t t = 0; t < actual.size(); ++t)
        for (int k = 0; k < 3; ++k) {
            const Vertex &a = actual[t][k], &e = expected[t][k];
            REQUIRE(a.position == e.position);  // Positions are stored as float: exact.
            REQUIRE(a.color == e.color);
            worstNormal = std::max(worstNormal, angleDegrees(a.normal, e.normal));
            worstUv = std::max(worstUv, double(glm::length(a.uv - e.uv)));
        }
    CHECK(worstNormal < 0.02);
    CHECK(worstUv <= 1.0 / 65535.0);

    // A second open maps the cache without importing.
    auto again = openCached(f.source);
    REQUIRE(again.ok());
    CHECK(again->indices.size() == baked->indices.size());
}

TEST_CASE("A touched source is rehashed and kept, a changed one is rebuilt", "[bake]") {
    CacheFixture f("bake_stale");
    REQUIRE(openOrBake(f.source).ok());
    const fs::path cache = cachePathFor(f.source);

    fs::last_write_time(f.source, fs::last_write_time(f.source) + std::chrono::seconds(5));
    CHECK(openCached(f.source).ok());  // Same content: still valid, header refreshed.
    CHECK(openCached(f.source).ok());

    writePly(f.source, makeIcosphere(4, 2.0f));  // Same size, new content.
    fs::last_write_time(f.source, fs::last_write_time(f.source) + std::chrono::seconds(10));
    auto stale = openCached(f.source);
    REQUIRE_FALSE(stale.ok());
    CHECK_THAT(stale.error().message, Catch::Contains(cache.string()) && Catch::Contains("source content changed"));
    auto rebuilt = openOrBake(f.source);
    REQUIRE(rebuilt.ok());
    CHECK(rebuilt->bounds.max.x == Approx(2.0));

    writePly(f.source, makeIcosphere(3));
    auto resized = openCached(f.source);
    REQUIRE_FALSE(resized.ok());
    CHECK_THAT(resized.error().message, Catch::Contains("source size changed"));
    REQUIRE(openOrBake(f.source).ok());
    CHECK(openCached(f.source)->triangleCount() == 1280);
}

TEST_CASE("A truncated cache is refused and rebuilt", "[bake]") {
    CacheFixture f("bake_truncated");
    REQUIRE(openOrBake(f.source).ok());
    const fs::path cache = cachePathFor(f.source);
    const auto good = readAll(cache);
    for (std::size_t size : {std::size_t(0), std::size_t(100), std::size_t(4096), good.size() / 2, good.size() - 1}) {
        INFO("truncated to " << size);
        writeAll(cache, std::vector<std::uint8_t>(good.begin(), good.begin() + std::ptrdiff_t(size)));
        checkRefusedThenRebuilt(f.source, size < 216 ? "too short" : "truncated");
        CHECK(readAll(cache).size() == good.size());
    }
}

TEST_CASE("A flipped byte in any section is refused and rebuilt", "[bake]") {
    CacheFixture f("bake_flipped");
    REQUIRE(openOrBake(f.source).ok());
    const fs::path cache = cachePathFor(f.source);
    const auto good = readAll(cache);
    auto sections = describeCacheFile(cache);
    REQUIRE(sections.ok());
    int damaged = 0;
    for (const BakeSectionInfo& s : *sections) {
        if (s.size == 0) continue;  // No texels in a PLY without textures.
        for (std::uint64_t at : {s.offset, s.offset + s.size / 2, s.offset + s.size - 1}) {
            INFO("section " << s.name << ", byte " << at);
            auto bad = good;
            bad[at] ^= 0x10;
            writeAll(cache, bad);
            checkRefusedThenRebuilt(f.source, "section " + s.name + ": checksum mismatch");
        }
        ++damaged;
    }
    CHECK(damaged == 5);
}

TEST_CASE("A textured cache checks its stored levels at open and an atlas's bytes when it is decoded", "[bake][texture]") {
    const fs::path dir = scratchDir("bake_texels");
    ::setenv("AXIS_CACHE_DIR", (dir / "cache").c_str(), 1);
    const fs::path source = writeTexturedGrid(dir, 1024, 8);
    REQUIRE(openOrBake(source).ok());
    const fs::path cache = cachePathFor(source);
    const auto good = readAll(cache);
    std::size_t inLevel = 0, inImage = 0;  // Offsets in the file of a stored level and of the atlas.
    {
        auto opened = openCached(source);
        REQUIRE(opened.ok());
        const BakedTexture& t = opened->textures.at(0);
        REQUIRE(t.firstStoredLevel == 2);
        const std::uint8_t* base = opened->file->bytes().data();
        inLevel = std::size_t(t.levels[1].rgba.data() - base) + 100;
        inImage = std::size_t(t.encoded.data() - base) + t.encoded.size() / 2;
        REQUIRE(t.decodeLevel(0).ok());
    }

    // A stored level is small and read at open: damage there refuses the cache, which is rebuilt.
    auto bad = good;
    bad[inLevel] ^= 0x10;
    writeAll(cache, bad);
    auto refused = openCached(source);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("level 3: checksum mismatch"));

    // The atlas itself is read only when a view needs its finer levels: then its checksum speaks,
    // naming the texture, and the coarse levels still draw.
    bad = good;
    bad[inImage] ^= 0x10;
    writeAll(cache, bad);
    auto damaged = openCached(source);
    REQUIRE(damaged.ok());
    CHECK(damaged->textures[0].decodeLevel(2).ok());
    auto level0 = damaged->textures[0].decodeLevel(0);
    REQUIRE_FALSE(level0.ok());
    CHECK_THAT(level0.error().message, Catch::Contains("a.jpg") && Catch::Contains("checksum"));
}

TEST_CASE("A cache with another version, wrong magic or a damaged header is refused and rebuilt", "[bake]") {
    CacheFixture f("bake_header");
    REQUIRE(openOrBake(f.source).ok());
    const fs::path cache = cachePathFor(f.source);
    const auto good = readAll(cache);

    auto bad = good;
    bad[8] = std::uint8_t(kBakeFormatVersion + 1);  // The version field follows the 8-byte magic.
    writeAll(cache, bad);
    checkRefusedThenRebuilt(f.source, "format version " + std::to_string(kBakeFormatVersion + 1));

    bad = good;
    bad[0] = 'X';
    writeAll(cache, bad);
    checkRefusedThenRebuilt(f.source, "wrong magic");

    bad = good;
    bad[48] ^= 1;  // Inside the source hash: only the header checksum can tell.
    writeAll(cache, bad);
    checkRefusedThenRebuilt(f.source, "header checksum mismatch");

    writeAll(cache, std::vector<std::uint8_t>(good.size(), 0));
    checkRefusedThenRebuilt(f.source, "wrong magic");
}

TEST_CASE("bake() skips a valid cache unless forced, and reports a missing source", "[bake]") {
    CacheFixture f("bake_force");
    REQUIRE(bake(f.source).ok());
    const fs::path cache = cachePathFor(f.source);
    auto first = fs::last_write_time(cache);
    REQUIRE(bake(f.source).ok());
    CHECK(fs::last_write_time(cache) == first);
    BakeOptions force;
    force.force = true;
    REQUIRE(bake(f.source, force).ok());
    CHECK(fs::exists(cache));
    BakeOptions other;
    other.lod.clusterTriangles = 256;
    auto refused = openCached(f.source, other);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("other options"));

    auto missing = bake(f.dir / "absent.ply");
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("absent.ply"));
}

// Two viewers, or two placements of one scan streamed by parallel workers, bake the same source at
// once: neither may truncate the other's temporary file, and both must open the result.
TEST_CASE("Bakes of one source running at the same time all succeed", "[bake]") {
    CacheFixture f("bake_concurrent");
    constexpr int kBakers = 4;
    std::vector<std::string> errors(kBakers);
    std::vector<std::thread> bakers;
    for (int i = 0; i < kBakers; ++i)
        bakers.emplace_back([&, i] {
            BakeOptions options;
            options.force = true;
            if (Status s = bake(f.source, options); !s) errors[i] = s.error().message;
            else if (auto opened = openCached(f.source); !opened) errors[i] = opened.error().message;
        });
    for (auto& t : bakers) t.join();
    for (const std::string& e : errors) CHECK(e.empty());
    REQUIRE(openCached(f.source).ok());
    for (const auto& entry : fs::directory_iterator(f.dir / "cache"))
        CHECK(entry.path().extension() == ".axbake");  // No temporary left behind.
}
