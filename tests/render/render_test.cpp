#include <catch2/catch.hpp>

#include "nav/framing.h"
#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"

using namespace axis;

namespace {

render::TargetDesc smallTarget() {
    render::TargetDesc d;
    d.width = 256;
    d.height = 256;
    return d;
}

// Renders `model` framed from a fixed three-quarter view, placed at `offset` in the site.
render::Rgba8Image renderModel(gpu::Context& ctx, const Model& model, Shading shading,
                               glm::dvec3 offset = glm::dvec3(0.0), nav::ViewAngles angles = {30.0, 25.0, 1.0}) {
    render::OffscreenRenderer renderer(ctx, smallTarget());
    auto gm = renderer.scene().upload(model);
    glm::dmat4 toSite(1.0);
    toSite[3] = glm::dvec4(offset, 1.0);
    render::DrawItem item{gm.get(), toSite, shading};
    render::FrameView view;
    view.aspect = renderer.aspect();
    view.camera = nav::framePoints(samplePositions(model, toSite, 20000), angles, view.aspect);
    return renderer.render(view, {&item, 1});
}

}  // namespace

TEST_CASE("a lit sphere with vertex colours matches its baseline", "[render]") {
    auto ctx = test::makeValidatedContext();
    Model sphere = test::makeSphere(1.0f, 48, {230, 60, 40, 255}, {40, 90, 220, 255});
    auto image = renderModel(*ctx, sphere, Shading::Lit);
    test::requireMatchesBaseline("lit_sphere", image);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a textured box, lit and unlit, matches its baselines", "[render]") {
    auto ctx = test::makeValidatedContext();
    Model box = test::makeTexturedBox({1.0f, 0.6f, 0.8f}, test::makeCheckerTexture(128, 8));
    test::requireMatchesBaseline("box_lit", renderModel(*ctx, box, Shading::Lit));
    test::requireMatchesBaseline("box_unlit", renderModel(*ctx, box, Shading::Unlit));
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a coloured point cloud renders as points", "[render]") {
    auto ctx = test::makeValidatedContext();
    Model points = test::makePointGrid(96, 0.05f);
    auto image = renderModel(*ctx, points, Shading::Lit, glm::dvec3(0.0), {0.0, 60.0, 1.0});
    test::requireMatchesBaseline("point_grid", image);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a model millions of metres from the origin renders like one at the origin", "[render]") {
    auto ctx = test::makeValidatedContext();
    Model box = test::makeTexturedBox({1.0f, 1.0f, 1.0f}, test::makeCheckerTexture(128, 8));
    auto atOrigin = renderModel(*ctx, box, Shading::Unlit);
    auto far = renderModel(*ctx, box, Shading::Unlit, glm::dvec3(448312.25, 4419876.5, 43.0));
    auto d = render::compareImages(atOrigin, far, 2);
    INFO("max channel difference " << d.maxChannelDifference);
    CHECK(d.differingFraction < 0.001);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("MSAA smooths silhouette edges", "[render]") {
    auto ctx = test::makeValidatedContext();
    Model sphere = test::makeSphere(1.0f, 48, {255, 255, 255, 255}, {255, 255, 255, 255});
    auto countEdgeShades = [&](VkSampleCountFlagBits samples) {
        render::TargetDesc d = smallTarget();
        d.samples = samples;
        render::OffscreenRenderer renderer(*ctx, d);
        auto gm = renderer.scene().upload(sphere);
        render::DrawItem item{gm.get(), glm::dmat4(1.0), Shading::Unlit};
        render::FrameView view;
        view.aspect = 1.0;
        view.solidBackground = true;
        view.camera = nav::framePoints(samplePositions(sphere, glm::dmat4(1.0), 20000), {0, 0, 1.0}, 1.0);
        auto img = renderer.render(view, {&item, 1});
        int partial = 0;  // Pixels between the black background and the white sphere.
        for (size_t i = 0; i < img.pixels.size(); i += 4) partial += img.pixels[i] > 20 && img.pixels[i] < 235;
        return partial;
    };
    int aliased = countEdgeShades(VK_SAMPLE_COUNT_1_BIT);
    int smoothed = countEdgeShades(VK_SAMPLE_COUNT_4_BIT);
    CHECK(aliased < 10);
    CHECK(smoothed > 200);
    REQUIRE(ctx->validationMessageCount() == 0);
}
