#include <catch2/catch.hpp>

#include "nav/bvh_world.h"
#include "nav/fly.h"
#include "nav/nav_test_util.h"
#include "nav/test_geometry.h"

using namespace axis;
using test::MeshBuilder;

TEST_CASE("fly speed adapts to the distance to the nearest surface and the scene size", "[nav][fly]") {
    // A 1 km ground with a building.
    const test::TestScene scene(MeshBuilder().floor(-500, -500, 500, 500, 0).box({-10, 20, 0}, {10, 40, 30}).build());
    const nav::BvhWorld world(scene.bvh);
    nav::FlyController fly(&world);
    const double near = fly.speedAt({0, 0, 0.5});
    const double mid = fly.speedAt({0, 0, 20});
    const double far = fly.speedAt({0, 0, 400});
    CHECK(near == Approx(0.5));
    CHECK(mid == Approx(20.0));
    CHECK(far > 150.0);
    CHECK(far <= 0.2 * glm::length(scene.bvh.bounds().size()) + 1e-9);  // Capped by the scene size.
    CHECK(fly.speedAt({0, 0, 0.01}) == Approx(nav::FlySettings{}.minSpeed));
    CHECK(fly.speedAt({0, 18, 15}) == Approx(2.0).margin(1e-6));  // 2 m from the building's wall.

    // Flying forward from high up covers far more ground than from near the ground.
    fly.reset(Camera::fromHeading({0, -300, 200}, 0.0, 0.0, 60.0));
    test::hold(fly, test::forward(), 1.0, 60);
    const double highDistance = fly.position().y + 300;
    fly.reset(Camera::fromHeading({0, -300, 1.0}, 0.0, 0.0, 60.0));
    test::hold(fly, test::forward(), 1.0, 60);
    const double lowDistance = fly.position().y + 300;
    CHECK(highDistance > 50 * lowDistance);
}

TEST_CASE("fly moves in all six directions and collides when asked", "[nav][fly]") {
    const test::TestScene scene(MeshBuilder().floor(-50, -50, 50, 50, 0).wall(-50, 10, 50, 10, 0, 20).build());
    const nav::BvhWorld world(scene.bvh);
    nav::FlyController fly(&world);
    fly.reset(Camera::fromHeading({0, 0, 5}, 0.0, 0.0, 60.0));
    nav::NavInput up;
    up.rise = 1.0;
    test::hold(fly, up, 1.0, 60);
    CHECK(fly.position().z > 6.0);
    CHECK(std::abs(fly.position().x) < 1e-9);
    test::hold(fly, test::forward(1.0, true), 10.0, 60);  // Into the wall at y = 10.
    CHECK(fly.position().y < 10.0 - nav::FlySettings{}.radius + 1e-3);

    nav::FlySettings ghost;
    ghost.collide = false;
    nav::FlyController through(&world, ghost);
    through.reset(Camera::fromHeading({0, 0, 5}, 0.0, 0.0, 60.0));
    test::hold(through, test::forward(1.0, true), 10.0, 60);
    CHECK(through.position().y > 10.0);
}

TEST_CASE("fly follows the same path at 30 and 144 frames per second", "[nav][fly]") {
    const test::TestScene scene(MeshBuilder().floor(-200, -200, 200, 200, 0).box({-5, 30, 0}, {5, 40, 20}).build());
    const nav::BvhWorld world(scene.bvh);
    nav::NavInput in = test::forward();
    in.lookRate = {15.0, -3.0};
    in.rise = 0.4;
    auto path = [&](double fps) {
        nav::FlyController fly(&world);
        fly.reset(Camera::fromHeading({0, -20, 3}, 10.0, 0.0, 60.0));
        std::vector<glm::dvec3> samples;
        for (int k = 0; k < 12; ++k) {
            test::hold(fly, in, 0.5, fps);
            samples.push_back(fly.position());
        }
        return samples;
    };
    const auto slow = path(30), fast = path(144);
    for (std::size_t i = 0; i < slow.size(); ++i) CHECK(glm::length(slow[i] - fast[i]) < 1e-6);
    CHECK(glm::length(slow.back() - glm::dvec3(0, -20, 3)) > 10.0);
}
