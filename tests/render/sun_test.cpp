// The sun (issue 16, item 3): lit shading follows its direction and hour, and with shadows on,
// what stands between a surface and the sun darkens it on the side away from the sun.
#include <catch2/catch.hpp>

#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>

#include "render/offscreen.h"
#include "support/gpu_support.h"
#include "support/synthetic.h"
#include "support/test_support.h"

using namespace axis;

namespace {

using Pixel = glm::ivec3;
using test::pixelAt;

// A square view straight down from `height` m above the origin, north up, lit by `lighting`.
render::FrameView fromAbove(double height, const render::Lighting& lighting) {
    render::FrameView view;
    view.aspect = 1.0;
    view.camera.position = {0.0, 0.0, height};
    view.camera.forward = {0.0, 0.0, -1.0};
    view.camera.up = {0.0, 1.0, 0.0};
    view.solidBackground = true;
    view.lighting = lighting;
    return view;
}

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
    return renderer.render(fromAbove(20.0, lighting), items);
}

int brightness(const Pixel& p) { return p.r + p.g + p.b; }

// A 1 m grey sphere seen from 3 m above, on black or on the sky.
render::Rgba8Image sphereFromAbove(gpu::Context& ctx, const render::Lighting& lighting, Shading shading,
                                   bool solidBackground) {
    const Model sphere = test::makeSphere(1.0f, 48, {200, 200, 200, 255}, {200, 200, 200, 255});
    render::OffscreenRenderer renderer(ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    auto gm = renderer.scene().upload(sphere);
    render::DrawItem item{gm.get(), glm::dmat4(1.0), shading};
    render::FrameView view = fromAbove(3.0, lighting);
    view.solidBackground = solidBackground;
    return renderer.render(view, {&item, 1});
}

// A plain grey texture: shadows are the only change in brightness on the ground.
Texture greyTexture() {
    Texture t = test::makeCheckerTexture(16, 1);
    for (Texture::Level& level : t.levels) std::fill(level.rgba.begin(), level.rgba.end(), std::uint8_t(180));
    return t;
}

// A 400 m x 2.4 km lit ground along +y with a 1 x 1 x 4 m post 30 m out and a 20 x 20 x 80 m
// tower 1.5 km out, the sun in the south-east: shadows fall north-west, 1.67 m north and 1 m west
// for each metre of height.
render::Rgba8Image longSite(gpu::Context& ctx, const Camera& camera, bool shadows) {
    render::OffscreenRenderer renderer(ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    Model ground = test::makeQuad(1.0f, greyTexture());
    Model box = test::makeTexturedBox({0.5f, 0.5f, 0.5f}, greyTexture());
    auto groundGpu = renderer.scene().upload(ground);
    auto boxGpu = renderer.scene().upload(box);
    const auto place = [](glm::dvec3 at, glm::dvec3 size) {
        return glm::scale(glm::translate(glm::dmat4(1.0), at), size);
    };
    const render::DrawItem items[] = {{groundGpu.get(), place({0, 1000, 0}, {200, 1200, 1}), Shading::Lit},
                                      {boxGpu.get(), place({0, 30, 2}, {1, 1, 4}), Shading::Lit},
                                      {boxGpu.get(), place({0, 1500, 40}, {20, 20, 80}), Shading::Lit}};
    render::FrameView view;
    view.aspect = 1.0;
    view.camera = camera;
    view.solidBackground = true;
    view.lighting = render::sunlight({0.6, -1.0, 0.6});
    view.lighting.shadows = shadows;
    return renderer.render(view, items);
}

}  // namespace

TEST_CASE("a tower 1.5 km away casts its shadow and a post near the camera a sharp one", "[render][sun]") {
    auto ctx = test::makeValidatedContext();
    // Far: from 300 m up, a 10 degree view down the site (10 m of ground a pixel row at the tower,
    // 1.1 m a column). Its shadow reaches 80 m west of it, left of the tower in the image (which
    // covers columns 57 to 71); east of it, nothing changes.
    Camera far = Camera::fromHeading({0.0, 0.0, 300.0}, 0.0, -glm::degrees(std::atan(300.0 / 1600.0)), 10.0);
    const auto farLit = longSite(*ctx, far, false), farShadowed = longSite(*ctx, far, true);
    test::writeTestOutput("sun_shadow_far", farShadowed);
    int darker = 0, beside = 0;
    for (int y = 0; y < 128; ++y)
        for (int x = 0; x < 128; ++x) {
            const int drop = brightness(pixelAt(farLit, x, y)) - brightness(pixelAt(farShadowed, x, y));
            if (drop > 60) ++darker;
            if (x > 74 && drop > 30) ++beside;
        }
    INFO(darker << " pixels in shadow, " << beside << " changed beside the tower");
    CHECK(darker > 60);
    CHECK(beside == 0);

    // Near: from 20 m above the post (15 cm a pixel; the nearest cascade's texels are 4 cm, a
    // single 400 m map's 28 cm). Across the shadow's band, 3.5 m north of the post, shade turns
    // to sun within a pixel at each edge.
    Camera near;
    near.position = {0.0, 30.0, 20.0};
    near.forward = {0.0, 0.0, -1.0};
    near.up = {0.0, 1.0, 0.0};
    const auto nearLit = longSite(*ctx, near, false), nearShadowed = longSite(*ctx, near, true);
    test::writeTestOutput("sun_shadow_near", nearShadowed);
    int shaded = 0, between = 0;
    std::vector<int> drops;
    for (int x = 30; x < 88; ++x)
        drops.push_back(brightness(pixelAt(nearLit, x, 40)) - brightness(pixelAt(nearShadowed, x, 40)));
    const int full = *std::max_element(drops.begin(), drops.end());
    for (int drop : drops) {
        if (drop > full * 9 / 10)
            ++shaded;
        else if (drop > full / 10)
            ++between;
    }
    INFO("full shade darkens by " << full);
    CHECK(full > 60);
    INFO(shaded << " shaded, " << between << " part way");
    CHECK(shaded >= 6);
    CHECK(between <= 2);
    REQUIRE(ctx->validationMessageCount() == 0);
}

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

namespace {

// A 2 x 2 m one-sided square 2 m above the ground of groundAndPost's view, showing its top (up)
// or its underside (its transform mirrors it), lit from 45 degrees up in the east.
render::Rgba8Image roofOverGround(gpu::Context& ctx, bool facingUp, bool shadows) {
    render::OffscreenRenderer renderer(ctx, {128, 128, VK_SAMPLE_COUNT_1_BIT});
    const Model ground = test::makeQuad(5.0f, greyTexture());
    Model roof = test::makeQuad(1.0f, greyTexture());
    roof.materials[0].doubleSided = false;
    auto groundGpu = renderer.scene().upload(ground);
    auto roofGpu = renderer.scene().upload(roof);
    const glm::dmat4 place = glm::scale(glm::translate(glm::dmat4(1.0), glm::dvec3(0, 0, 2)),
                                        glm::dvec3(1.0, 1.0, facingUp ? 1.0 : -1.0));
    const render::DrawItem items[] = {{groundGpu.get(), glm::dmat4(1.0), Shading::Lit},
                                      {roofGpu.get(), place, Shading::Lit}};
    render::Lighting lighting = render::sunlight({1.0, 0.0, 1.0});
    lighting.shadows = shadows;
    return renderer.render(fromAbove(20.0, lighting), items);
}

}  // namespace

// Casters cull as their material does (render/scene_renderer.cpp): a one-sided surface casts
// from the side it shows. An open shell, such as a scanned roof with nothing under it, must still
// cast: its sunward side is the one it shows.
TEST_CASE("a one-sided roof casts from the side it shows and not from the side it hides", "[render][sun]") {
    auto ctx = test::makeValidatedContext();
    // 6.9 pixels a metre, row 64 at y = 0: the roof's shadow falls 2 m west, columns 43 to 57.
    const auto up = roofOverGround(*ctx, true, true), upLit = roofOverGround(*ctx, true, false);
    const auto down = roofOverGround(*ctx, false, true), downLit = roofOverGround(*ctx, false, false);
    test::writeTestOutput("sun_shadow_roof", up);
    test::writeTestOutput("sun_shadow_roof_underside", downLit);
    for (int x : {46, 50, 54}) {
        INFO("column " << x);
        CHECK(brightness(pixelAt(up, x, 64)) + 60 < brightness(pixelAt(upLit, x, 64)));
        CHECK(std::abs(brightness(pixelAt(down, x, 64)) - brightness(pixelAt(downLit, x, 64))) < 10);
    }
    // Seen from above, the hidden side shows nothing: the ground under it is in view.
    CHECK(std::abs(brightness(pixelAt(downLit, 64, 64)) - brightness(pixelAt(downLit, 64, 84))) < 10);
    REQUIRE(ctx->validationMessageCount() == 0);
}
