// Cascaded shadow maps' geometry (render/shadow_cascades.h): where the view is split, that each
// cascade's sphere holds its slice of the view frustum and its map holds the sphere, and that
// the maps move in whole texels and keep their size as the camera moves and turns.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "render/shadow_cascades.h"

using namespace axis;
using namespace axis::render;

namespace {

// The eight corners of the view frustum between two depths, camera-relative.
std::array<glm::dvec3, 8> sliceCorners(const Camera& camera, double aspect, double nearDepth, double farDepth) {
    const glm::dvec3 f = glm::normalize(camera.forward);
    const glm::dvec3 r = glm::normalize(glm::cross(f, camera.up));
    const glm::dvec3 u = glm::cross(r, f);
    const double h = std::tan(camera.fovY * 0.5), w = h * aspect;
    std::array<glm::dvec3, 8> corners;
    int k = 0;
    for (double z : {nearDepth, farDepth})
        for (double sx : {-1.0, 1.0})
            for (double sy : {-1.0, 1.0}) corners[k++] = z * (f + sx * w * r + sy * h * u);
    return corners;
}

Camera lookingAlongTheAxis() {
    Camera camera = Camera::fromHeading({0.0, -3900.0, 1.7}, 0.0, -2.0, 50.0);
    camera.nearPlane = 0.05;
    return camera;
}

}  // namespace

TEST_CASE("Cascade splits blend the logarithmic and uniform schemes and end at the far depth", "[shadow]") {
    // lambda 1: each slice's far/near ratio the same (20 for 0.05 m to 8 km in four).
    const std::vector<double> log = practicalSplits(0.05, 8000.0, 4, 1.0);
    REQUIRE(log.size() == 4);
    CHECK(log[0] == Approx(1.0));
    CHECK(log[1] == Approx(20.0));
    CHECK(log[2] == Approx(400.0));
    CHECK(log[3] == 8000.0);
    // lambda 0: equal depths.
    const std::vector<double> uniform = practicalSplits(0.05, 8000.0, 4, 0.0);
    CHECK(uniform[0] == Approx(0.05 + 7999.95 / 4));
    CHECK(uniform[2] == Approx(0.05 + 7999.95 * 3 / 4));
    // The project's blend: the nearest slice ends about 100 m out, each further one deeper.
    const std::vector<double> blend = practicalSplits(0.05, 8000.0, 4, 0.9);
    CHECK(blend[0] == Approx(0.9 * 1.0 + 0.1 * uniform[0]));
    CHECK(blend[1] == Approx(0.9 * 20.0 + 0.1 * uniform[1]));
    CHECK(practicalSplits(0.05, 8000.0, 4, kShadowSplitLambda)[0] > 70.0);
    CHECK(practicalSplits(0.05, 8000.0, 4, kShadowSplitLambda)[0] < 130.0);
    for (std::size_t i = 1; i < blend.size(); ++i)
        CHECK(blend[i] - blend[i - 1] > blend[i - 1] - (i > 1 ? blend[i - 2] : 0.05));
}

TEST_CASE("The far depth reaches the lit scene's far side and moves in steps", "[shadow]") {
    const glm::dvec3 centre(0.0, 0.0, 0.0);
    const double far = shadowFarDepth({0.0, -3900.0, 2.0}, centre, 3950.0);
    CHECK(far >= 3900.0 + 3950.0);
    CHECK(far < (3900.0 + 3950.0) * 1.19);  // A quarter power of two at most.
    // Ten metres' walk keeps it: the cascades keep their size.
    CHECK(shadowFarDepth({0.0, -3890.0, 2.0}, centre, 3950.0) == far);
    CHECK(shadowFarDepth({0.0, 0.0, 0.0}, centre, 0.1) == 1.0);
}

TEST_CASE("Each cascade's sphere holds its slice of the view and its map holds the sphere", "[shadow]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (int trial = 0; trial < 50; ++trial) {
        Camera camera = lookingAlongTheAxis();
        camera.position += glm::dvec3(u(rng) * 300.0, u(rng) * 3000.0, 20.0 + u(rng) * 15.0);
        camera.forward = glm::normalize(glm::dvec3(u(rng), u(rng), 0.6 * u(rng)));
        camera.fovY = glm::radians(40.0 + 30.0 * (u(rng) + 1.0));
        const double aspect = trial % 2 ? 16.0 / 9.0 : 9.0 / 16.0;
        const glm::dvec3 sun = glm::normalize(glm::dvec3(u(rng), u(rng), 0.2 + std::abs(u(rng))));
        const auto cascades = fitShadowCascades(camera, aspect, sun, {0.0, 0.0, 10.0}, 3950.0, 2048);
        INFO("trial " << trial);
        CHECK(cascades[0].nearDepth == camera.nearPlane);
        CHECK(cascades.back().farDepth == shadowFarDepth(camera.position, {0.0, 0.0, 10.0}, 3950.0));
        for (std::size_t i = 0; i < cascades.size(); ++i) {
            const ShadowCascade& c = cascades[i];
            INFO("cascade " << i);
            if (i > 0) CHECK(c.nearDepth == cascades[i - 1].blendFrom);  // Its blend band is in the next map.
            CHECK(c.blendFrom <= c.farDepth);
            CHECK(c.texelMetres == Approx(2.0 * c.radius / 2048.0));
            for (const glm::dvec3& corner : sliceCorners(camera, aspect, c.nearDepth, c.farDepth)) {
                CHECK(glm::length(corner - c.centre) <= c.radius * (1.0 + 1e-9));
                const glm::dvec4 p = c.clipFromCamera * glm::dvec4(corner, 1.0);
                // Within the square, but for the half texel the snap may shift it.
                CHECK(std::abs(p.x) <= 1.0 + 1.0 / 2048.0);
                CHECK(std::abs(p.y) <= 1.0 + 1.0 / 2048.0);
                CHECK(p.z > 0.0);
                CHECK(p.z < 1.0);
                CHECK(c.reaches(corner, 0.0));
            }
            // The far corner of the scene towards the sun is still in front of the map's eye.
            const glm::dvec4 sunward =
                c.clipFromCamera * glm::dvec4(glm::dvec3(0.0, 0.0, 10.0) + sun * 3950.0 - camera.position, 1.0);
            CHECK(sunward.z <= 1.0);
        }
    }
}

// Shading rotates a point into the sun's axes once and then scales and moves it per cascade
// (render/shadow_map.cpp lookup): that is exact only if every map is that rotation scaled per axis.
TEST_CASE("Every cascade's map is the sun's axes scaled per axis and moved", "[shadow]") {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (int trial = 0; trial < 50; ++trial) {
        Camera camera = lookingAlongTheAxis();
        camera.position += glm::dvec3(u(rng) * 300.0, u(rng) * 3000.0, 20.0 + u(rng) * 15.0);
        camera.forward = glm::normalize(glm::dvec3(u(rng), u(rng), 0.6 * u(rng)));
        // Near the zenith too, where the maps' up vector changes.
        const glm::dvec3 sun =
            trial % 5 ? glm::normalize(glm::dvec3(u(rng), u(rng), 0.2 + std::abs(u(rng)))) : glm::dvec3(0.01, 0.0, 1.0);
        const auto cascades = fitShadowCascades(camera, 16.0 / 9.0, sun, {0.0, 0.0, 10.0}, 3950.0, 1024);
        INFO("trial " << trial);
        for (const ShadowCascade& c : cascades) {
            CHECK(c.sunFromCamera == cascades[0].sunFromCamera);
            const glm::dmat3 scale = glm::dmat3(c.clipFromCamera) * glm::transpose(c.sunFromCamera);
            for (int col = 0; col < 3; ++col)
                for (int row = 0; row < 3; ++row)
                    if (col != row) CHECK(std::abs(scale[col][row]) < 1e-12 * std::abs(scale[row][row]));
            // Rotated, scaled and moved, a point lands where the map's matrix puts it.
            const glm::dvec3 p = c.centre + glm::dvec3(u(rng), u(rng), u(rng)) * c.radius;
            const glm::dvec3 viaAxes = glm::dvec3(scale[0][0], scale[1][1], scale[2][2]) * (c.sunFromCamera * p) +
                                       glm::dvec3(c.clipFromCamera[3]);
            const glm::dvec3 direct(c.clipFromCamera * glm::dvec4(p, 1.0));
            CHECK(glm::length(viaAxes - direct) < 1e-9);
        }
    }
}

TEST_CASE("Cascade maps move in whole texels with the camera and keep their size as it turns", "[shadow]") {
    const glm::dvec3 sun = glm::normalize(glm::dvec3(0.4, -0.5, 0.6));
    Camera a = lookingAlongTheAxis();
    Camera b = a;
    b.position += glm::dvec3(0.37, 1.91, 0.05);
    b.forward = glm::normalize(glm::dvec3(0.3, 1.0, -0.1));
    const auto ca = fitShadowCascades(a, 16.0 / 9.0, sun, {0.0, 0.0, 0.0}, 3950.0, 2048);
    const auto cb = fitShadowCascades(b, 16.0 / 9.0, sun, {0.0, 0.0, 0.0}, 3950.0, 2048);
    for (std::size_t i = 0; i < ca.size(); ++i) {
        INFO("cascade " << i);
        CHECK(cb[i].radius == Approx(ca[i].radius).epsilon(1e-12));
        // A fixed point of the site lands on the same place within a texel in both maps.
        const glm::dvec3 site(12.0, -3800.0, 0.5);
        const glm::dvec4 pa = ca[i].clipFromCamera * glm::dvec4(site - a.position, 1.0);
        const glm::dvec4 pb = cb[i].clipFromCamera * glm::dvec4(site - b.position, 1.0);
        const glm::dvec2 texels = (glm::dvec2(pb) - glm::dvec2(pa)) * 1024.0;
        CHECK(std::abs(texels.x - std::round(texels.x)) < 1e-6);
        CHECK(std::abs(texels.y - std::round(texels.y)) < 1e-6);
    }
}

TEST_CASE("A caster reaches a cascade only from inside its map's column, on the sun's side", "[shadow]") {
    Camera camera = lookingAlongTheAxis();
    const glm::dvec3 sun(0.0, 0.0, 1.0);  // Overhead: the column is straight up.
    const auto cascades = fitShadowCascades(camera, 16.0 / 9.0, sun, {0.0, 0.0, 0.0}, 3950.0, 2048);
    const ShadowCascade& near = cascades[0];
    CHECK(near.reaches(near.centre + glm::dvec3(0.0, 0.0, 100.0), 1.0));  // High above: casts down into it.
    CHECK_FALSE(near.reaches(near.centre + glm::dvec3(near.radius + 5.0, 0.0, 0.0), 1.0));  // Beside it.
    CHECK(near.reaches(near.centre + glm::dvec3(near.radius + 0.5, 0.0, 0.0), 1.0));        // Overlapping its edge.
    CHECK_FALSE(near.reaches(near.centre - glm::dvec3(0.0, 0.0, near.radius + 5.0), 1.0));  // Below the far side.
}

TEST_CASE("Each cascade draws only where its slice meets the lit scene, which shading never leaves", "[shadow]") {
    // The Central Axis: 7.8 km north-south, 300 m wide, seen along it; a morning sun in the east.
    const glm::dvec3 sceneMin(-150.0, -3900.0, 0.0), sceneMax(150.0, 3900.0, 40.0);
    const glm::dvec3 sun = glm::normalize(glm::dvec3(0.8, -0.17, 0.78));
    Camera camera = lookingAlongTheAxis();
    auto cascades = fitShadowCascades(camera, 16.0 / 9.0, sun, (sceneMin + sceneMax) * 0.5,
                                      glm::length(sceneMax - sceneMin) * 0.5, 1024);
    narrowToReceivers(cascades, camera, 16.0 / 9.0, sceneMin, sceneMax, 1024);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const glm::dvec3 f = glm::normalize(camera.forward), r = glm::normalize(glm::cross(f, camera.up)),
                     up = glm::cross(r, f);
    const double h = std::tan(camera.fovY * 0.5), w = h * 16.0 / 9.0;
    for (std::size_t i = 0; i < cascades.size(); ++i) {
        const ShadowCascade& c = cascades[i];
        INFO("cascade " << i);
        const glm::dvec4 rect = c.receivers;
        CHECK(rect.x >= -1.0);
        CHECK(rect.z <= 1.0);
        // Every point of the scene inside the slice lands inside the part drawn.
        int inside = 0;
        for (int k = 0; k < 20000; ++k) {
            const glm::dvec3 p =
                sceneMin + (sceneMax - sceneMin) * glm::dvec3(u(rng), u(rng), u(rng)) - camera.position;
            const double depth = glm::dot(p, f);
            if (depth < c.nearDepth || depth > c.farDepth) continue;
            if (std::abs(glm::dot(p, r)) > depth * w || std::abs(glm::dot(p, up)) > depth * h) continue;
            ++inside;
            const glm::dvec4 q = c.clipFromCamera * glm::dvec4(p, 1.0);
            CHECK(q.x >= rect.x);
            CHECK(q.x <= rect.z);
            CHECK(q.y >= rect.y);
            CHECK(q.y <= rect.w);
        }
        CHECK(inside > 10);
    }
    // The far map's drawn part is a strip: the site is narrow across the sun's view.
    const glm::dvec4 far = cascades.back().receivers;
    CHECK((far.z - far.x) * (far.w - far.y) < 0.25 * 4.0);
    // A caster far outside that strip draws nothing there.
    CHECK_FALSE(cascades.back().reaches(glm::dvec3(3000.0, 0.0, 0.0) - camera.position, 10.0));
}
