// Render-pass splitting on CPU devices (render/pass_splitter.h): a frame drawn in many passes is
// the same image as one drawn in a single pass, through every way the scene draws: merged ranges,
// point lists, and the occlusion test's indirect draws after them, with and without MSAA.
#include <catch2/catch.hpp>

#include "render/image_io.h"
#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"

using namespace axis;

namespace {

glm::dmat4 at(const glm::dvec3& p) {
    glm::dmat4 m(1.0);
    m[3] = glm::dvec4(p, 1.0);
    return m;
}

}  // namespace

TEST_CASE("A frame split into many render passes is the same image as one pass", "[render][split]") {
    const auto samples = GENERATE(VK_SAMPLE_COUNT_1_BIT, VK_SAMPLE_COUNT_4_BIT);
    auto ctx = test::makeValidatedContext();
    const bool cpu = ctx->properties().deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
    render::TargetDesc desc;
    desc.width = 320;
    desc.height = 240;
    desc.samples = samples;
    render::OffscreenRenderer r(*ctx, desc);
    // A big sphere with smaller ones behind it (which the occlusion test hides once it has a
    // history) and beside it, as in occlusion_test.cpp, and a point cloud below: ~150k
    // triangles before the test, 4k points.
    auto big = r.scene().upload(test::makeSphere(1.0f, 48, {220, 200, 180, 255}, {120, 100, 90, 255}));
    auto small = r.scene().upload(test::makeSphere(0.3f, 96, {60, 160, 80, 255}, {30, 60, 200, 255}));
    auto points = r.scene().upload(test::makePointGrid(64, 0.02f));
    std::vector<render::DrawItem> items{{big.get(), glm::dmat4(1.0), Shading::Lit}};
    for (int i = 0; i < 6; ++i) items.push_back({small.get(), at({0.1 * (i % 3), 2.0 + i, 0.0}), Shading::Lit});
    for (int i = 0; i < 2; ++i) items.push_back({small.get(), at({2.2, 2.0 + i, 0.0}), Shading::Lit});
    items.push_back({points.get(), at({-1.0, 0.0, -1.2}), Shading::Unlit});

    render::FrameView view;
    view.aspect = r.aspect();
    view.camera.position = {0.0, -4.0, 0.0};
    view.camera.forward = {0.0, 1.0, 0.0};
    view.camera.up = {0.0, 0.0, 1.0};
    render::FrameView onePass = view;
    onePass.cpuPassPrimitives = 0;
    render::FrameView manyPasses = view;
    manyPasses.cpuPassPrimitives = 500;

    // Three frames each: the occlusion test runs in all (a one-off still would skip it).
    for (int frame = 0; frame < 3; ++frame) {
        render::RenderStats whole, split;
        const auto expected = r.render(onePass, items, &whole);
        const auto image = r.render(manyPasses, items, &split);
        INFO("samples " << samples << ", frame " << frame << ": " << whole.triangles << " triangles, "
                        << whole.points << " points; passes " << whole.renderPasses << " and " << split.renderPasses);
        CHECK(whole.renderPasses <= 2);
        if (cpu) CHECK(split.renderPasses > 10);
        CHECK(split.triangles == whole.triangles);
        CHECK(split.points == whole.points);
        CHECK(split.clustersOccluded == whole.clustersOccluded);
        CHECK(split.clustersOccluded > 0);
        CHECK(render::compareImages(image, expected, 0).maxChannelDifference == 0);
    }
    REQUIRE(ctx->validationMessageCount() == 0);
}
