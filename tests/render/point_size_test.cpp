// Point size (issue 15, LAS point clouds): in pixels, a cloud covers the same pixels per point at
// any distance; in metres, its points shrink with distance as a surface does, so the share of the
// image a cloud covers follows its size on screen.
#include <catch2/catch.hpp>

#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"
#include "support/test_support.h"

using namespace axis;

namespace {

// The share of a 256 x 256 frame a sparse grid of points (1 m apart) covers, seen from above at
// `height` metres, against a black background.
double coverageFrom(gpu::Context& ctx, double height, render::FrameView::PointSize size) {
    render::OffscreenRenderer renderer(ctx, {256, 256, VK_SAMPLE_COUNT_1_BIT});
    const Model grid = test::makePointGrid(41, 1.0f);
    auto gm = renderer.scene().upload(grid);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), Shading::Unlit};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, height};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = true;
    view.pointSize = size;
    return test::coverage(renderer.render(view, {&item, 1}), {0, 0, 0});
}

}  // namespace

TEST_CASE("points are sized in pixels, or in metres so that they shrink with distance", "[render][points]") {
    auto ctx = test::makeValidatedContext();
    if (ctx->features().maxPointSize < 8.0f) test::skip("the device draws no points larger than a pixel");
    // Pixels: six-pixel points cover nine times what two-pixel ones do (each is 36 pixels, not 4).
    const double two = coverageFrom(*ctx, 30.0, {2.0, 0.0});
    const double six = coverageFrom(*ctx, 30.0, {6.0, 0.0});
    CHECK(six / two == Approx(9.0).epsilon(0.15));
    // Metres: a 30 cm point seen from 30 m and from 15 m covers four times the pixels when twice
    // as near, as the grid itself does, where pixel-sized points cover the same per point.
    const double far = coverageFrom(*ctx, 30.0, {0.0, 0.3});
    const double near = coverageFrom(*ctx, 15.0, {0.0, 0.3});
    const double pointsInViewRatio = coverageFrom(*ctx, 15.0, {2.0, 0.0}) / two;  // Fewer points when nearer.
    CHECK(near / far == Approx(4.0 * pointsInViewRatio).epsilon(0.2));
    REQUIRE(ctx->validationMessageCount() == 0);
}
