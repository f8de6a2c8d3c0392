// The occlusion test's footprint of a sphere (render/hiz_footprint.h): it must cover every pixel
// the sphere can reach, stay small enough to be read, and never claim a sphere is farther than
// it is. Checked against points sampled on the sphere and projected like the rasteriser does.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "render/hiz_footprint.h"
#include "render/view_math.h"

using namespace axis;
using namespace axis::render;

TEST_CASE("The depth pyramid halves each level, rounding up, down to one texel", "[occlusion]") {
    CHECK(hizLevelSize({1280, 720}, 0).width == 640);
    CHECK(hizLevelSize({1280, 720}, 0).height == 360);
    CHECK(hizLevelSize({1281, 721}, 0).width == 641);
    CHECK(hizLevelSize({1281, 721}, 1).height == 181);
    const uint32_t levels = hizLevelCount({1280, 720});
    CHECK(levels == 11);  // 640 x 360, 320 x 180, ... 2 x 1, 1 x 1.
    CHECK(hizLevelSize({1280, 720}, levels - 1).width == 1);
    CHECK(hizLevelSize({1280, 720}, levels - 1).height == 1);
    CHECK(hizLevelCount({1, 1}) == 1);
}

TEST_CASE("A sphere's footprint covers every pixel it projects to, within 8x8 texels", "[occlusion]") {
    Camera camera;
    camera.position = {0, 0, 0};
    camera.forward = {0, 1, 0};
    camera.up = {0, 0, 1};
    camera.nearPlane = 0.05;
    const VkExtent2D extent{1280, 720};
    const double aspect = 1280.0 / 720.0;
    const glm::dmat4 clipFromView(projection(camera, aspect));
    const glm::dmat4 viewFromSite(viewRotation(camera));

    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    int tested = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const glm::dvec3 centre(u(rng) * 6, 2.0 + (u(rng) + 1) * 10, u(rng) * 4);
        const double radius = 0.02 + (u(rng) + 1) * 0.8;
        const glm::dvec3 view = glm::dvec3(viewFromSite * glm::dvec4(centre, 1.0));
        auto f = sphereFootprint(view, radius, clipFromView, camera.nearPlane, extent);
        if (glm::length(centre) - radius <= camera.nearPlane * 1.01) continue;
        if (!f) continue;  // Off screen or through the near plane: drawn untested, always safe.
        ++tested;
        REQUIRE(f->rect.z - f->rect.x < kHizFootprintTexels);
        REQUIRE(f->rect.w - f->rect.y < kHizFootprintTexels);
        const VkExtent2D level = hizLevelSize(extent, f->level);
        REQUIRE(f->rect.x >= 0);
        REQUIRE(f->rect.z < int(level.width));
        REQUIRE(f->rect.w < int(level.height));
        const int shift = int(f->level) + 1;
        for (int s = 0; s < 300; ++s) {
            glm::dvec3 dir(u(rng), u(rng), u(rng));
            if (glm::length(dir) < 1e-3) continue;
            const glm::dvec3 p = view + glm::normalize(dir) * radius;
            const glm::dvec4 clip = clipFromView * glm::dvec4(p, 1.0);
            const glm::dvec2 pixel = (glm::dvec2(clip) / clip.w * 0.5 + 0.5) * glm::dvec2(extent.width, extent.height);
            if (pixel.x < 0 || pixel.y < 0 || pixel.x >= extent.width || pixel.y >= extent.height) continue;
            const int tx = int(std::floor(pixel.x)) >> shift, ty = int(std::floor(pixel.y)) >> shift;
            REQUIRE(tx >= f->rect.x);
            REQUIRE(tx <= f->rect.z);
            REQUIRE(ty >= f->rect.y);
            REQUIRE(ty <= f->rect.w);
            REQUIRE(clip.z / clip.w <= f->nearestDepth);  // Never nearer than the footprint says.
        }
    }
    CHECK(tested > 200);
}

TEST_CASE("A sphere through the near plane or off screen has no footprint", "[occlusion]") {
    Camera camera;
    camera.nearPlane = 0.1;
    const glm::dmat4 clipFromView(projection(camera, 1.0));
    CHECK_FALSE(sphereFootprint({0, 0, -0.5}, 0.45, clipFromView, 0.1, {256, 256}));  // Reaches the near plane.
    CHECK_FALSE(sphereFootprint({0, 0, 2.0}, 0.5, clipFromView, 0.1, {256, 256}));    // Behind the camera.
    CHECK_FALSE(sphereFootprint({50, 0, -5}, 0.5, clipFromView, 0.1, {256, 256}));    // Far to the side.
    auto f = sphereFootprint({0, 0, -5}, 0.5, clipFromView, 0.1, {256, 256});
    REQUIRE(f);
    CHECK(f->nearestDepth == Approx(0.1 / 4.5).epsilon(1e-5));
}
