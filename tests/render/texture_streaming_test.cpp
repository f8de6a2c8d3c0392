// Texture residency (render/texture_residency.h) on a baked scan with two 1024² JPEG atlases:
// frames load the levels their pixels need and no more, stills are as sharp as with every level,
// a budget evicts what is out of view, and a broken image is drawn coarser instead of failing.
#include <catch2/catch.hpp>

#include "asset/bake_cache.h"
#include "asset/import.h"
#include "bake/bake_test_util.h"
#include "nav/framing.h"
#include "render/image_io.h"
#include "render/offscreen.h"
#include "render/texture_residency.h"
#include "support/gpu_support.h"
#include "support/textured_grid.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kAtlasSide = 1024;
constexpr std::uint32_t kStoredFrom = 2;  // 1024 >> 2 = 256 = kStoredTextureSide.
constexpr int kGrid = 32;

struct Scan {
    fs::path source;
    BakedModel baked;
    Model plain;
    glm::dmat4 toSite{1.0};
};

Scan openScan(const std::string& name) {
    const fs::path dir = test::scratchDir(name);
    Scan s;
    s.source = test::writeTexturedGrid(dir, kAtlasSide, kGrid);
    BakeOptions options;
    options.cacheDir = dir / "cache";
    auto baked = openOrBake(s.source, options);
    REQUIRE(baked.ok());
    s.baked = std::move(*baked);
    auto plain = importModel(s.source);
    REQUIRE(plain.ok());
    s.plain = std::move(*plain);
    s.toSite = upAxisToZUp(s.baked.up);
    return s;
}

render::TargetDesc target() {
    render::TargetDesc desc;
    desc.width = desc.height = 256;
    desc.samples = VK_SAMPLE_COUNT_1_BIT;
    return desc;
}

// Looking straight down at model point (x, y) from `height` above the grid.
render::FrameView closeUp(const Scan& s, double x, double y, double height) {
    const glm::dvec3 at(s.toSite * glm::dvec4(x, y, 0.0, 1.0));
    const glm::dvec3 normal = glm::normalize(glm::dvec3(s.toSite * glm::dvec4(0.0, 0.0, 1.0, 0.0)));
    render::FrameView view;
    view.aspect = 1.0;
    view.camera = test::lookAt(at + normal * height, at);
    return view;
}

const render::StreamedTexture& texture(const render::GpuModel& gm, const std::string& file) {
    for (const render::StreamedTexture& t : gm.streams->textures)
        if (fs::path(t.source.name).filename() == file) return t;
    FAIL("no texture " << file);
    throw;
}

double differing(const render::Rgba8Image& a, const render::Rgba8Image& b) {
    return render::compareImages(a, b, 2).differingFraction;
}

}  // namespace

TEST_CASE("a baked scan loads the texture levels its pixels need, and is as sharp as with all of them",
          "[render][texture]") {
    auto ctx = test::makeValidatedContext();
    Scan s = openScan("stream_sharp");
    REQUIRE(s.baked.textures.size() == 2);
    for (const BakedTexture& t : s.baked.textures) {
        CHECK(t.firstStoredLevel == kStoredFrom);
        CHECK_FALSE(t.encoded.empty());
    }
    render::OffscreenRenderer r(*ctx, target());
    auto streamed = r.scene().upload(s.baked);
    auto plain = r.scene().upload(s.plain);
    const render::DrawItem baked{streamed.get(), s.toSite, Shading::Unlit}, all{plain.get(), s.toSite, Shading::Unlit};

    // From afar (the grid about 80 px across) the stored levels suffice: nothing is decoded.
    render::FrameView far;
    far.aspect = 1.0;
    far.camera = nav::framePoints(samplePositions(s.plain, s.toSite, 2000), {0.0, 60.0, 3.0}, 1.0);
    auto farBaked = r.render(far, {&baked, 1});
    auto farAll = r.render(far, {&all, 1});
    CHECK(r.scene().textures().levelsStreamed() == 0);
    CHECK(texture(*streamed, "a.jpg").residentLevel == kStoredFrom);
    CHECK(differing(farBaked, farAll) < 0.002);

    // Close over atlas a: its full level is decoded before the still is drawn, b stays coarse.
    const render::FrameView near = closeUp(s, -0.5, 0.0, 0.3);
    auto nearBaked = r.render(near, {&baked, 1});
    auto nearAll = r.render(near, {&all, 1});
    CHECK(texture(*streamed, "a.jpg").residentLevel == 0);
    CHECK(texture(*streamed, "b.jpg").residentLevel == kStoredFrom);
    INFO("close-up: " << differing(nearBaked, nearAll) * 100 << "% of pixels differ from every level resident");
    if (differing(nearBaked, nearAll) >= 0.002) {
        WARN(test::writeTestOutput("stream_near_baked", nearBaked));
        WARN(test::writeTestOutput("stream_near_all", nearAll));
    }
    CHECK(differing(nearBaked, nearAll) < 0.002);

    // What the test guards against: the same view with only the stored levels is visibly blurred.
    Scan coarse = openScan("stream_sharp_coarse");
    render::OffscreenRenderer starved(*ctx, target());
    starved.scene().textures().setBudget(1);
    auto starvedModel = starved.scene().upload(coarse.baked);
    const render::DrawItem starvedItem{starvedModel.get(), coarse.toSite, Shading::Unlit};
    auto blurred = starved.render(closeUp(coarse, -0.5, 0.0, 0.3), {&starvedItem, 1});
    CHECK(texture(*starvedModel, "a.jpg").residentLevel == kStoredFrom);
    CHECK(differing(blurred, nearAll) > 0.3);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("over its budget, residency drops textures out of view back to their stored levels", "[render][texture]") {
    auto ctx = test::makeValidatedContext();
    Scan s = openScan("stream_budget");
    render::OffscreenRenderer r(*ctx, target());
    auto gm = r.scene().upload(s.baked);
    const render::DrawItem item{gm.get(), s.toSite, Shading::Unlit};
    const std::uint64_t full = s.baked.textures[0].levelBytes(0) * 4 / 3 + 4096;  // One atlas, every level.
    const std::uint64_t tail = s.baked.textures[0].levelBytes(kStoredFrom) * 4 / 3 + 4096;
    r.scene().textures().setBudget(full + tail);

    r.render(closeUp(s, -0.5, 0.0, 0.3), {&item, 1});
    CHECK(texture(*gm, "a.jpg").residentLevel == 0);
    r.render(closeUp(s, 0.5, 0.0, 0.3), {&item, 1});
    CHECK(texture(*gm, "b.jpg").residentLevel == 0);
    CHECK(texture(*gm, "a.jpg").residentLevel == kStoredFrom);  // Evicted: out of view, over budget.
    CHECK(r.scene().textures().residentBytes() <= r.scene().textures().budget());

    // Both close-ups at once cannot fit: the frame still draws, one atlas coarser, and says so.
    auto both = r.render(closeUp(s, 0.0, 0.0, 0.6), {&item, 1});
    CHECK(r.scene().textures().residentBytes() <= r.scene().textures().budget());
    CHECK(test::coverage(both, {0, 0, 0}) > 0.9);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("an atlas that fails to decode is drawn at its stored levels, and the frame goes on", "[render][texture]") {
    auto ctx = test::makeValidatedContext();
    Scan s = openScan("stream_broken");
    // What a damaged (but checksum-resealed) cache or a decoder refusal would hand over.
    const std::vector<std::uint8_t> broken = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'};
    for (BakedTexture& t : s.baked.textures) t.encoded = broken;
    render::OffscreenRenderer r(*ctx, target());
    auto gm = r.scene().upload(s.baked);
    const render::DrawItem item{gm.get(), s.toSite, Shading::Unlit};
    auto image = r.render(closeUp(s, -0.5, 0.0, 0.3), {&item, 1});
    CHECK(texture(*gm, "a.jpg").residentLevel == kStoredFrom);
    CHECK(texture(*gm, "a.jpg").failed);
    CHECK(test::coverage(image, {0, 0, 0}) > 0.9);
    // A second still does not try again.
    r.render(closeUp(s, -0.5, 0.0, 0.3), {&item, 1});
    CHECK(r.scene().textures().levelsStreamed() == 0);
    REQUIRE(ctx->validationMessageCount() == 0);
}
