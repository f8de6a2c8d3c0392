// Geometry paging (render/geometry_pages.h, geometry_residency.h), the path of GPUs that cannot
// draw from the cache's mapping, forced on lavapipe by refusing host-pointer import.
#include <catch2/catch.hpp>

#include "asset/bake_cache.h"
#include "bake/bake_test_util.h"
#include "gpu/context.h"
#include "nav/framing.h"
#include "render/geometry_residency.h"
#include "render/image_io.h"
#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/test_support.h"

using namespace axis;

namespace {

render::TargetDesc target() {
    render::TargetDesc desc;
    desc.width = desc.height = 192;
    desc.samples = VK_SAMPLE_COUNT_1_BIT;
    return desc;
}

// An icosphere of 328k triangles: a dozen level-0 pages and the coarser ones above them.
// Each test case bakes into its own folder: ctest runs them in parallel.
BakedModel bakedSphere(const std::string& folder) {
    const auto dir = test::scratchDir(folder);
    test::writePly(dir / "sphere.ply", test::makeIcosphere(7));
    BakeOptions options;
    options.cacheDir = dir / "cache";
    auto baked = openOrBake(dir / "sphere.ply", options);
    REQUIRE(baked.ok());
    return std::move(*baked);
}

render::FrameView viewFrom(const glm::dvec3& eye, double pixelError) {
    render::FrameView view;
    view.aspect = 1.0;
    view.camera = test::lookAt(eye, {0, 0, 0});
    view.pixelErrorBound = pixelError;
    return view;
}

struct Frame {
    render::Rgba8Image image;
    render::RenderStats stats;
};

Frame draw(render::OffscreenRenderer& r, const render::GpuModel& gm, const render::FrameView& view) {
    const render::DrawItem item{&gm, glm::dmat4(1.0), Shading::Lit};
    Frame f;
    f.image = r.render(view, {&item, 1}, &f.stats);
    return f;
}

}  // namespace

TEST_CASE("a GPU without host-pointer import draws a baked model from pages loaded by need, like the mapping",
          "[render][lod][geometry]") {
    gpu::ContextOptions paged;
    paged.withoutHostPointerImport = true;
    auto mappedCtx = test::makeValidatedContext();
    auto pagedCtx = test::makeValidatedContext(paged);
    const BakedModel baked = bakedSphere("geometry_pages_like_mapping");

    render::OffscreenRenderer mapped(*mappedCtx, target()), pager(*pagedCtx, target());
    auto reference = mapped.scene().upload(baked);
    auto gm = pager.scene().upload(baked);
    REQUIRE(gm->pages);
    CHECK(gm->pages->pages.size() > 12);
    CHECK(gm->pages->residentBytes() == 0);  // Nothing until a frame needs it.

    // Full detail from afar and a close-up at 1 px: the same triangles and pixels as the mapping.
    for (const auto& view : {viewFrom({0, -4, 1}, 0.0), viewFrom({0, -1.15, 0.2}, 1.0)}) {
        const Frame want = draw(mapped, *reference, view), got = draw(pager, *gm, view);
        CHECK(got.stats.triangles == want.stats.triangles);
        CHECK(render::compareImages(want.image, got.image, 0).maxChannelDifference == 0);
        CHECK(pager.scene().geometry().coarserThanAsked() == 0);
    }
    // The close-up needs the near side only: the far side's finest pages were never loaded.
    render::OffscreenRenderer fresh(*pagedCtx, target());
    auto closeOnly = fresh.scene().upload(baked);
    draw(fresh, *closeOnly, viewFrom({0, -1.15, 0.2}, 1.0));
    std::size_t finestResident = 0, finest = 0;
    for (const render::GeometryPage& p : closeOnly->pages->pages)
        if (baked.clusters[p.firstCluster].level == 0) finest++, finestResident += p.resident();
    INFO(finestResident << " of " << finest << " level-0 pages resident");
    CHECK(finestResident < finest);
    REQUIRE(pagedCtx->validationMessageCount() == 0);
    REQUIRE(mappedCtx->validationMessageCount() == 0);
}

TEST_CASE("over its geometry budget, a paged model draws at a coarser level instead of failing",
          "[render][lod][geometry]") {
    gpu::ContextOptions paged;
    paged.withoutHostPointerImport = true;
    auto ctx = test::makeValidatedContext(paged);
    const BakedModel baked = bakedSphere("geometry_pages_budget");
    render::OffscreenRenderer r(*ctx, target());
    auto gm = r.scene().upload(baked);
    const auto full = draw(r, *gm, viewFrom({0, -4, 1}, 0.0));
    const std::uint64_t all = gm->pages->residentBytes();

    render::OffscreenRenderer small(*ctx, target());
    small.scene().geometry().setBudget(all / 4);
    auto tight = small.scene().upload(baked);
    const auto coarse = draw(small, *tight, viewFrom({0, -4, 1}, 0.0));
    INFO("full detail " << full.stats.triangles << " triangles in " << all << " bytes; within a quarter of that "
                        << coarse.stats.triangles);
    CHECK(small.scene().geometry().coarserThanAsked() == 1);
    CHECK(small.scene().geometry().residentBytes() <= all / 4);
    // The finest cut that fits, not the roots: a quarter of the bytes holds about a sixteenth of
    // the triangles (the estimates before a page is built are on the safe side).
    CHECK(coarse.stats.triangles > full.stats.triangles / 32);
    CHECK(coarse.stats.triangles < full.stats.triangles / 4);
    // Coarser, not broken: the silhouette is the same sphere.
    CHECK(render::compareImages(full.image, coarse.image, 24).differingFraction < 0.05);

    // A view elsewhere evicts what it does not use and still fits.
    draw(small, *tight, viewFrom({0, 4, -1}, 0.0));
    CHECK(small.scene().geometry().residentBytes() <= all / 4);
    REQUIRE(ctx->validationMessageCount() == 0);
}
