// Section planes and clip boxes drawn (issue 16, item 2): what they cut is gone, the inside seen
// through a cut shows the section colour, a model cut away whole is not drawn at all, and a model
// without cuts is drawn as before.
#include <catch2/catch.hpp>

#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"
#include "support/test_support.h"

using namespace axis;

namespace {

struct Shot {
    render::Rgba8Image image;
    render::RenderStats stats;
};

// A closed 2 m cube at the origin, seen from 6 m straight above, on black.
Shot cubeFromAbove(gpu::Context& ctx, const Clipping& clipping) {
    render::OffscreenRenderer renderer(ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    const Model cube = test::makeTexturedBox({1.0f, 1.0f, 1.0f}, test::makeCheckerTexture(64, 1));
    auto gm = renderer.scene().upload(cube);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), Shading::Unlit, clipping};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, 6.0};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = true;
    Shot shot;
    shot.image = renderer.render(view, {&item, 1}, &shot.stats);
    return shot;
}

using test::pixelAt;

bool isCap(const glm::ivec3& c) {  // AXIS_CAP_COLOR (0.55, 0.12, 0.08 linear) as sRGB: 194, 97, 79.
    return std::abs(c.r - 194) <= 3 && std::abs(c.g - 97) <= 3 && std::abs(c.b - 79) <= 3;
}

}  // namespace

TEST_CASE("a section plane cuts a closed model open and its inside shows the section colour",
          "[render][clipping]") {
    auto ctx = test::makeValidatedContext();
    const Shot whole = cubeFromAbove(*ctx, {});
    CHECK_FALSE(isCap(pixelAt(whole.image, 64, 64)));
    CHECK(whole.image.pixels[(64 * 128 + 64) * 4 + 0] + whole.image.pixels[(64 * 128 + 64) * 4 + 1] > 100);

    // Keep z <= 0: the top and the upper half of the sides are gone; looking in, the cube's
    // inside (the back of its bottom and far walls) is its section.
    Clipping halfHeight;
    halfHeight.planes.push_back(*makeClipPlane({0, 0, -1}, 0));
    const Shot cut = cubeFromAbove(*ctx, halfHeight);
    CHECK(isCap(pixelAt(cut.image, 64, 64)));
    CHECK(pixelAt(cut.image, 5, 5) == glm::ivec3(0, 0, 0));  // Outside the cube: still background.
    test::writeTestOutput("clipping_section", cut.image);

    // Keep z <= -2: nothing of it remains, and it is not even submitted.
    Clipping below;
    below.planes.push_back(*makeClipPlane({0, 0, -1}, -2));
    const Shot gone = cubeFromAbove(*ctx, below);
    CHECK(test::coverage(gone.image, {0, 0, 0}) == 0.0);
    CHECK(gone.stats.triangles == 0);
    CHECK(whole.stats.triangles == 12);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("a clip box keeps its inside only", "[render][clipping]") {
    auto ctx = test::makeValidatedContext();
    Clipping westHalf;  // x <= 0 of the cube, everything else of it cut.
    westHalf.boxes.push_back(*makeClipBox({-5, -5, -5}, {0, 5, 5}));
    const Shot shot = cubeFromAbove(*ctx, westHalf);
    // The top face stays on the west (left) half of the image; the east half is empty.
    const glm::ivec3 west = pixelAt(shot.image, 50, 64), east = pixelAt(shot.image, 78, 64);
    CHECK(west.r + west.g + west.b > 150);
    CHECK_FALSE(isCap(west));
    CHECK(east == glm::ivec3(0, 0, 0));
    REQUIRE(ctx->validationMessageCount() == 0);
}
