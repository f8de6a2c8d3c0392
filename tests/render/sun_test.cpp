// The sun (issue 16, item 3): lit shading follows its direction and hour, and with shadows on,
// what stands between a surface and the sun darkens it on the side away from the sun.
#include <catch2/catch.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"
#include "support/test_support.h"

using namespace axis;

namespace {

using Pixel = glm::ivec3;
using test::pixelAt;

// A 10 m ground (four coloured quadrants) with a 1 x 1 x 4 m post standing at its centre, lit, seen from 20 m above.
render::Rgba8Image groundAndPost(gpu::Context& ctx, const render::Lighting& lighting) {
    render::OffscreenRenderer renderer(ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    const Model ground = test::makeQuad(5.0f, test::makeCheckerTexture(16, 1));
    const Model post = test::makeTexturedBox({0.5f, 0.5f, 2.0f}, test::makeCheckerTexture(16, 1));
    auto groundGpu = renderer.scene().upload(ground);
    auto postGpu = renderer.scene().upload(post);
    const render::DrawItem items[] = {
        {groundGpu.get(), glm::dmat4(1.0), Shading::Lit},
        {postGpu.get(), glm::translate(glm::dmat4(1.0), glm::dvec3(0, 0, 2)), Shading::Lit}};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, 20.0};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = true;
    view.lighting = lighting;
    return renderer.render(view, items);
}

int brightness(const Pixel& p) { return p.r + p.g + p.b; }

// A 1 m grey sphere seen from 3 m above, on black or on the sky.
render::Rgba8Image sphereFromAbove(gpu::Context& ctx, const render::Lighting& lighting, Shading shading,
                                   bool solidBackground) {
    const Model sphere = test::makeSphere(1.0f, 48, {200, 200, 200, 255}, {200, 200, 200, 255});
    render::OffscreenRenderer renderer(ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    auto gm = renderer.scene().upload(sphere);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), shading};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, 3.0};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = solidBackground;
    view.lighting = lighting;
    return renderer.render(view, {&item, 1});
}

}  // namespace

TEST_CASE("the post's shadow falls away from the sun and moves with it", "[render][sun]") {
    auto ctx = test::makeValidatedContext();
    // 6.9 pixels a metre: x = -3 m is column 43, x = +3 m column 85; row 62 is y = 0.3 m, in
    // the line of the post (y from -0.5 to 0.5). Each pixel is compared with itself in another light.
    render::Lighting east = render::sunlight({1.0, 0.0, 1.0});  // Morning: 45 degrees up in the east.
    east.shadows = true;
    render::Lighting west = render::sunlight({-1.0, 0.0, 1.0});
    west.shadows = true;
    const auto morning = groundAndPost(*ctx, east), evening = groundAndPost(*ctx, west);
    test::writeTestOutput("sun_shadow_morning", morning);
    // West of the post is in its shade in the morning, not in the evening; east of it, the reverse.
    CHECK(brightness(pixelAt(morning, 43, 62)) + 60 < brightness(pixelAt(evening, 43, 62)));
    CHECK(brightness(pixelAt(evening, 85, 62)) + 60 < brightness(pixelAt(morning, 85, 62)));
    // Away from the shadow's line the two agree but for the sun's highlight.
    CHECK(std::abs(brightness(pixelAt(morning, 43, 90)) - brightness(pixelAt(evening, 43, 90))) < 40);
    // Without shadows the morning ground west of the post is in full sun.
    east.shadows = false;
    CHECK(brightness(pixelAt(groundAndPost(*ctx, east), 43, 62)) > brightness(pixelAt(morning, 43, 62)) + 60);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("lit surfaces follow the sun: bright when it is high, warm and dim when low, dark at night",
          "[render][sun]") {
    auto ctx = test::makeValidatedContext();
    auto shot = [&](const render::Lighting& lighting) { return sphereFromAbove(*ctx, lighting, Shading::Lit, true); };
    // The default light is the renderer's fixed sun: the same as sunlight() in its direction.
    CHECK(render::sunlight(render::Lighting{}.sunDirection) == render::Lighting{});
    const Pixel noon = pixelAt(shot(render::sunlight({0.0, -0.2, 1.0})), 64, 64);
    const Pixel evening = pixelAt(shot(render::sunlight({-1.0, 0.0, 0.1})), 64, 64);  // Low in the west.
    const Pixel night = pixelAt(shot(render::sunlight({0.0, 1.0, -0.5})), 64, 64);
    CHECK(noon.r > evening.r + 40);  // The top of the sphere faces a high sun.
    CHECK(3 * (night.r + night.g + night.b) < noon.r + noon.g + noon.b);  // Only a dim sky.
    // The west side of the sphere catches the evening sun, warm; the east side does not.
    const auto lowSun = shot(render::sunlight({-1.0, 0.0, 0.1}));
    const Pixel west = pixelAt(lowSun, 30, 64), east = pixelAt(lowSun, 98, 64);
    CHECK(west.r > east.r + 40);
    CHECK(west.r > west.b + 20);
    REQUIRE(ctx->validationMessageCount() == 0);
}

TEST_CASE("exposure scales the sun's and sky's light as seen, not unlit scans", "[render][sun]") {
    auto ctx = test::makeValidatedContext();
    // The sky behind the sphere too.
    auto shot = [&](const render::Lighting& lighting, Shading shading) {
        return sphereFromAbove(*ctx, lighting, shading, false);
    };
    const auto linear = [](int srgb) {
        const double c = srgb / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const render::Lighting dusk = render::sunlight({-1.0, 0.0, 0.05});  // Dim: nothing saturates at +1 EV.
    const auto plain = shot(dusk, Shading::Lit), brighter = shot(render::withExposureEv(dusk, 1.0), Shading::Lit);
    // The sphere's top and the sky at the corner: twice the light, within the 8-bit steps.
    for (const auto& [x, y] : {std::pair{64, 64}, std::pair{40, 64}, std::pair{4, 4}}) {
        const Pixel a = pixelAt(plain, x, y), b = pixelAt(brighter, x, y);
        INFO("pixel " << x << "," << y << ": " << a.g << " then " << b.g);
        REQUIRE(a.g > 10);
        CHECK(linear(b.g) / linear(a.g) == Approx(2.0).epsilon(0.12));
    }
    // An unlit scan carries its own light: the same pixels at any exposure.
    CHECK(pixelAt(shot(dusk, Shading::Unlit), 64, 64) == pixelAt(shot(render::withExposureEv(dusk, 2.0), Shading::Unlit), 64, 64));
    // Auto: nothing by day, the most (+2 EV) at night, in between at dusk.
    CHECK(render::autoExposureEv(render::Lighting{}) == Approx(0.0).margin(1e-9));
    CHECK(render::autoExposureEv(render::sunlight({0.0, 1.0, -0.5})) == Approx(2.0));
    const double duskEv = render::autoExposureEv(dusk);
    CHECK(duskEv > 0.5);
    CHECK(duskEv < 2.0);
    REQUIRE(ctx->validationMessageCount() == 0);
}
