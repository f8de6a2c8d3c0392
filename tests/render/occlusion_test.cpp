// Occlusion culling: clusters hidden behind nearer models are not drawn, and nothing visible is
// dropped (the image with culling matches the one without). Plain models are one cluster per
// primitive, so each sphere here is one cluster of its own.
#include <catch2/catch.hpp>

#include "nav/framing.h"
#include "render/image_io.h"
#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"

using namespace axis;

namespace {

render::TargetDesc target() {
    render::TargetDesc d;
    d.width = 320;
    d.height = 240;
    return d;
}

glm::dmat4 at(const glm::dvec3& p) {
    glm::dmat4 m(1.0);
    m[3] = glm::dvec4(p, 1.0);
    return m;
}

struct Scene {
    std::unique_ptr<render::GpuModel> big, small;
    std::vector<render::DrawItem> items;
    render::FrameView view;
};

// A big sphere in front of the camera, `hidden` small ones straight behind it, and `beside` small
// ones off to its side, in plain view. Each small sphere has ~18k triangles, enough that the
// spheres behind the first form waves of their own (render/frame_plan.h).
Scene makeScene(render::OffscreenRenderer& r, int hidden, int beside) {
    Scene s;
    s.big = r.scene().upload(test::makeSphere(1.0f, 48, {220, 200, 180, 255}, {120, 100, 90, 255}));
    s.small = r.scene().upload(test::makeSphere(0.3f, 96, {60, 160, 80, 255}, {30, 60, 200, 255}));
    s.view.aspect = r.aspect();
    s.view.camera.position = {0.0, -4.0, 0.0};
    s.view.camera.forward = {0.0, 1.0, 0.0};
    s.view.camera.up = {0.0, 0.0, 1.0};
    s.items.push_back({s.big.get(), glm::dmat4(1.0), Shading::Lit});
    for (int i = 0; i < hidden; ++i) s.items.push_back({s.small.get(), at({0.1 * (i % 3), 2.0 + i, 0.0}), Shading::Lit});
    for (int i = 0; i < beside; ++i) s.items.push_back({s.small.get(), at({2.2, 2.0 + i, 0.0}), Shading::Lit});
    return s;
}

}  // namespace

TEST_CASE("clusters behind a nearer model are not drawn, and the image is unchanged", "[render][occlusion]") {
    // Each way the visible draws can go out: packed for draw-count calls, as one multi-draw with
    // zero instances for the hidden, or one indirect call per cluster.
    gpu::ContextOptions options;
    SECTION("packed") {}
    SECTION("multi-draw") { options.withoutDrawIndirectCount = true; }
    SECTION("one call each") { options.withoutDrawIndirectCount = options.withoutMultiDrawIndirect = true; }
    auto ctx = test::makeValidatedContext(options);
    INFO("drawIndirectCount " << ctx->features().drawIndirectCount << ", multiDrawIndirect "
                              << ctx->features().multiDrawIndirect);
    render::OffscreenRenderer r(*ctx, target());
    Scene s = makeScene(r, 6, 2);

    render::RenderStats culled, all;
    auto withCulling = r.render(s.view, s.items, &culled);
    render::FrameView noOcclusion = s.view;
    noOcclusion.occlusionCull = false;
    auto without = r.render(noOcclusion, s.items, &all);

    CHECK(all.clustersOccluded == 0);
    CHECK(all.clusters == 9);
    CHECK(culled.clustersOccluded == 6);  // Every sphere behind; none of those beside.
    CHECK(culled.clusters == 3);
    CHECK(culled.triangles + 6 * s.small->triangleCount == all.triangles);
    auto diff = render::compareImages(withCulling, without, 0);
    CHECK(diff.maxChannelDifference == 0);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a model peeking out from behind another is drawn", "[render][occlusion]") {
    auto ctx = test::makeValidatedContext();
    render::OffscreenRenderer r(*ctx, target());
    Scene s = makeScene(r, 2, 0);
    // Move the last hidden sphere until only a sliver of it shows beside the big one.
    s.items.back().modelToSite = at({1.8, 3.0, 0.0});  // 12 to 17 degrees off axis; the big one ends at 14.5.
    render::RenderStats stats;
    auto withCulling = r.render(s.view, s.items, &stats);
    render::FrameView noOcclusion = s.view;
    noOcclusion.occlusionCull = false;
    auto without = r.render(noOcclusion, s.items, nullptr);
    CHECK(stats.clustersOccluded == 1);
    CHECK(render::compareImages(withCulling, without, 0).maxChannelDifference == 0);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("what was hidden last frame is drawn again as soon as it shows", "[render][occlusion]") {
    auto ctx = test::makeValidatedContext();
    render::OffscreenRenderer r(*ctx, target());
    Scene s = makeScene(r, 6, 2);
    render::FrameView noOcclusion = s.view;
    noOcclusion.occlusionCull = false;

    // The same view several times: the history settles (the clusters seen go first) and the
    // verdicts and the image stay the same.
    const auto expected = r.render(noOcclusion, s.items, nullptr);
    for (int frame = 0; frame < 4; ++frame) {
        render::RenderStats stats;
        auto image = r.render(s.view, s.items, &stats);
        CHECK(stats.clustersOccluded == 6);
        CHECK(render::compareImages(image, expected, 0).maxChannelDifference == 0);
    }
    // The occluder steps aside: the history still says the small spheres are hidden, and the
    // test against this frame's depth must draw them anyway.
    s.items[0].modelToSite = at({-6.0, 0.0, 0.0});
    render::RenderStats stats;
    auto image = r.render(s.view, s.items, &stats);
    CHECK(stats.clustersOccluded <= 5);  // At most those behind the first small sphere.
    CHECK(render::compareImages(image, r.render(noOcclusion, s.items, nullptr), 0).maxChannelDifference == 0);
    REQUIRE(ctx->validationMessageCount() == 0);
}
