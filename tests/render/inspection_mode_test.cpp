// Inspection modes (issue 16, item 4): clay, normals, wireframe, texel density and vertex colours,
// each checked by what its pixels must show on models whose answer is known.
#include <catch2/catch.hpp>

#include <algorithm>

#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"
#include "support/test_support.h"

using namespace axis;

namespace {

using Pixel = glm::ivec3;
using test::pixelAt;

// Looks straight down from 3 m at `model` (about 2 m across at the origin), on black.
render::Rgba8Image renderFromAbove(gpu::Context& ctx, const Model& model, render::InspectionMode mode,
                                   Shading shading = Shading::Unlit) {
    render::OffscreenRenderer renderer(ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    auto gm = renderer.scene().upload(model);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), shading};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, 3.0};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = true;
    view.inspection = mode;
    return renderer.render(view, {&item, 1});
}

// The largest difference between two channels of any pixel in the centre square: 0 for greys.
int maxChroma(const render::Rgba8Image& image) {
    int chroma = 0;
    for (uint32_t y = 40; y < 88; ++y)
        for (uint32_t x = 40; x < 88; ++x) {
            const Pixel p = pixelAt(image, x, y);
            chroma = std::max(chroma, std::max({p.r, p.g, p.b}) - std::min({p.r, p.g, p.b}));
        }
    return chroma;
}

}  // namespace

TEST_CASE("clay shows shape without colour, and normals show the site-frame normal", "[render][inspection]") {
    auto ctx = test::makeValidatedContext();
    const Model quad = test::makeQuad(1.0f, test::makeCheckerTexture(64, 1));
    CHECK(maxChroma(renderFromAbove(*ctx, quad, render::InspectionMode::Off)) > 100);  // The texture's colours.
    const auto clay = renderFromAbove(*ctx, quad, render::InspectionMode::Clay);
    CHECK(maxChroma(clay) < 30);  // A warm grey, whatever the texture.
    CHECK(pixelAt(clay, 64, 64).r > 60);  // Lit, not black.

    // The quad faces up (+z): 0.5 + 0.5 * (0, 0, 1) as sRGB bytes.
    const Pixel n = pixelAt(renderFromAbove(*ctx, quad, render::InspectionMode::Normals), 64, 64);
    CHECK(std::abs(n.r - 128) <= 2);
    CHECK(std::abs(n.g - 128) <= 2);
    CHECK(n.b >= 253);

    // Turned to face east (+x) by the site transform, it reads red.
    render::OffscreenRenderer renderer(*ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    auto gm = renderer.scene().upload(quad);
    const glm::dmat4 faceEast = glm::dmat4(glm::dmat3(glm::dvec3(0, 0, -1), glm::dvec3(0, 1, 0), glm::dvec3(1, 0, 0)));
    render::DrawItem item{gm.get(), faceEast, Shading::Unlit};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {3.0, 0.0, 0.0};
    view.camera.forward = {-1.0, 0.0, 0.0};
    view.camera.up = {0.0, 0.0, 1.0};
    view.solidBackground = true;
    view.inspection = render::InspectionMode::Normals;
    const Pixel east = pixelAt(renderer.render(view, {&item, 1}), 64, 64);
    CHECK(east.r >= 253);
    CHECK(std::abs(east.g - 128) <= 2);
    CHECK(std::abs(east.b - 128) <= 2);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("texel density colours texels per metre from blue to red, untextured surfaces are grey",
          "[render][inspection]") {
    auto ctx = test::makeValidatedContext();
    // The quad is 2 m across: 16 texels are 8 per metre (blue), 512 are 256 per metre (green).
    const Pixel coarse = pixelAt(renderFromAbove(*ctx, test::makeQuad(1.0f, test::makeCheckerTexture(16, 1)),
                                            render::InspectionMode::TexelDensity), 64, 64);
    CHECK(coarse.b > coarse.r + 80);
    CHECK(coarse.b > coarse.g + 80);
    const Pixel fine = pixelAt(renderFromAbove(*ctx, test::makeQuad(1.0f, test::makeCheckerTexture(512, 1)),
                                          render::InspectionMode::TexelDensity), 64, 64);
    CHECK(fine.g > fine.r + 80);
    CHECK(fine.g > fine.b + 80);
    // Shrunk to 2 cm across, the same 512 texels are 25,600 per metre: red.
    Model tiny = test::makeQuad(0.01f, test::makeCheckerTexture(512, 1));
    render::OffscreenRenderer renderer(*ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    auto gm = renderer.scene().upload(tiny);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), Shading::Unlit};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, 0.06};  // Beyond the near plane (5 cm).
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = true;
    view.inspection = render::InspectionMode::TexelDensity;
    const Pixel dense = pixelAt(renderer.render(view, {&item, 1}), 64, 64);
    CHECK(dense.r > dense.g + 80);
    CHECK(dense.r > dense.b + 80);

    const Model sphere = test::makeSphere(1.0f, 32, {255, 0, 0, 255}, {0, 0, 255, 255});  // No texture.
    CHECK(maxChroma(renderFromAbove(*ctx, sphere, render::InspectionMode::TexelDensity)) < 12);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("vertex-colour mode shows the vertex colours alone, unlit", "[render][inspection]") {
    auto ctx = test::makeValidatedContext();
    // Seen from above, the sphere's top is its `top` colour; lit shading would darken or tint it.
    const Model sphere = test::makeSphere(1.0f, 48, {200, 120, 40, 255}, {0, 0, 255, 255});
    const Pixel top = pixelAt(renderFromAbove(*ctx, sphere, render::InspectionMode::VertexColour, Shading::Lit), 64, 64);
    CHECK(std::abs(top.r - 200) <= 3);
    CHECK(std::abs(top.g - 120) <= 3);
    CHECK(std::abs(top.b - 40) <= 3);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("wireframe draws each triangle's edges over the shaded surface", "[render][inspection]") {
    auto ctx = test::makeValidatedContext();
    if (!ctx->features().geometryShader) test::skip("the device has no geometry shaders");
    // One colour (no checker cells), so only edges are dark.
    const Model quad = test::makeQuad(1.0f, test::makeCheckerTexture(64, 1));
    auto darkOnDiagonal = [](const render::Rgba8Image& image, bool rising) {
        int dark = 0;
        for (uint32_t i = 30; i < 98; ++i) {
            const Pixel p = pixelAt(image, i, rising ? 127 - i : i);
            dark += std::max({p.r, p.g, p.b}) < 90;
        }
        return dark;
    };
    const auto surface = renderFromAbove(*ctx, quad, render::InspectionMode::Off);
    const auto wire = renderFromAbove(*ctx, quad, render::InspectionMode::Wireframe);
    test::writeTestOutput("inspection_wireframe", wire);
    // The quad's two triangles share the diagonal from (-1,-1) to (1,1): rising in the image.
    CHECK(darkOnDiagonal(surface, true) == 0);
    CHECK(darkOnDiagonal(wire, true) > 60);
    CHECK(darkOnDiagonal(wire, false) < 4);  // The other diagonal is no edge.
    // Away from edges the surface is unchanged.
    const Pixel a = pixelAt(surface, 80, 60), b = pixelAt(wire, 80, 60);
    CHECK(std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) <= 3);
    REQUIRE(ctx->validationMessageCount() == 0);
}
