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

namespace {

// Two white squares facing the camera (looking down from 10 m), the near one 2 m above and
// smaller: no texture, no colour, nothing but depth to tell them apart.
Model twoSquares() {
    Model m;
    for (const auto& [half, z] : {std::pair{4.0f, 0.0f}, std::pair{2.0f, 2.0f}}) {
        Primitive p;
        for (int i = 0; i < 4; ++i) {
            Vertex v;
            v.position = {(i & 1) ? half : -half, (i & 2) ? half : -half, z};
            v.normal = {0, 0, 1};
            p.vertices.push_back(v);
        }
        p.indices = {0, 1, 3, 0, 3, 2};
        m.primitives.push_back(p);
    }
    m.materials.push_back({});
    m.computeBounds();
    return m;
}

render::Rgba8Image renderSquares(gpu::Context& ctx, VkSampleCountFlagBits samples, double eyeDome) {
    render::OffscreenRenderer renderer(ctx, {128, 128, samples});
    const Model squares = twoSquares();
    auto gm = renderer.scene().upload(squares);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), Shading::Unlit};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, 10.0};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = true;
    view.background = {0.0f, 0.0f, 0.5f};
    view.eyeDome.strength = eyeDome;
    return renderer.render(view, {&item, 1});
}

int grey(const render::Rgba8Image& image, int x, int y) { return image.pixels[(std::size_t(y) * image.width + x) * 4]; }

}  // namespace

TEST_CASE("eye-dome lighting darkens what lies behind an edge and nothing else", "[render][points][edl]") {
    auto ctx = test::makeValidatedContext();
    for (VkSampleCountFlagBits samples : {VK_SAMPLE_COUNT_1_BIT, VK_SAMPLE_COUNT_4_BIT}) {
        const auto plain = renderSquares(*ctx, samples, 0.0);
        const auto shaded = renderSquares(*ctx, samples, 1.0);
        // The near square's middle (flat, its neighbours as near) and the sky keep their colour.
        CHECK(grey(shaded, 64, 64) == grey(plain, 64, 64));
        CHECK(grey(plain, 64, 64) > 240);
        CHECK(shaded.pixels[(2 * 128 + 2) * 4 + 2] == plain.pixels[(2 * 128 + 2) * 4 + 2]);
        // The far square just outside the near one's edge darkens; farther out it does not.
        const int edge = 64 + int(2.0 / (10.0 - 2.0) / std::tan(glm::radians(25.0)) * 64);  // The near square's edge.
        int darkest = 255;
        for (int x = edge - 1; x <= edge + 2; ++x) darkest = std::min(darkest, grey(shaded, x, 64));
        CHECK(darkest < grey(plain, edge + 2, 64) - 100);
        CHECK(grey(shaded, edge + 12, 64) == grey(plain, edge + 12, 64));
    }
    test::requireMatchesBaseline("eye_dome_squares", renderSquares(*ctx, VK_SAMPLE_COUNT_4_BIT, 1.0));
    REQUIRE(ctx->validationMessageCount() == 0);
}
