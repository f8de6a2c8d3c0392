#include <catch2/catch.hpp>

#include "nav/bvh_world.h"
#include "nav/nav_test_util.h"
#include "nav/test_geometry.h"
#include "nav/walk.h"

using namespace axis;
using test::MeshBuilder;

namespace {

// Standing at `feet`, facing north (+y).
nav::WalkController walkerAt(const nav::NavWorld& world, const glm::dvec3& feet, double yaw = 0.0) {
    nav::WalkController w(&world);
    w.placeFeet(feet, yaw, 0.0);
    return w;
}

}  // namespace

TEST_CASE("walk stays on flat ground at eye height and moves at walking speed", "[nav][walk]") {
    const test::TestScene scene(MeshBuilder().floor(-50, -50, 50, 50, 2.0).build());
    const nav::BvhWorld world(scene.bvh);
    nav::WalkController w(&world);
    w.reset(Camera::fromHeading({0, 0, 3.9}, 0.0, 0.0, 60.0));  // Eye a little too high: lands.
    test::hold(w, {}, 1.0, 60);
    CHECK(w.feet().z == Approx(2.0).margin(1e-6));
    CHECK(w.camera().position.z == Approx(3.6).margin(1e-6));
    test::hold(w, test::forward(), 5.0, 60);
    CHECK(w.onGround());
    CHECK(w.feet().z == Approx(2.0).margin(1e-6));
    // 5 s at 1.4 m/s less the ~0.1 s it takes to get going.
    CHECK(w.feet().y == Approx(5 * 1.4 - 0.14).margin(0.05));
    CHECK(std::abs(w.feet().x) < 1e-9);
    test::hold(w, test::forward(1.0, true), 1.0, 60);
    CHECK(glm::length(glm::dvec2(w.velocity())) == Approx(1.4 * 2.5).margin(0.01));
}

TEST_CASE("walk follows a slope up and down", "[nav][walk]") {
    // A 20-degree ramp rising towards +y from y = 0, flat ground before it.
    const double slope = std::tan(glm::radians(20.0));
    const test::TestScene scene(MeshBuilder()
                                    .floor(-5, -20, 5, 0, 0)
                                    .quad({-5, 0, 0}, {5, 0, 0}, {5, 20, 20 * slope}, {-5, 20, 20 * slope})
                                    .build());
    const nav::BvhWorld world(scene.bvh);
    nav::WalkController w = walkerAt(world, {0, -2, 0});
    for (int i = 0; i < 60 * 6; ++i) {
        w.setInput(test::forward());
        w.update(1.0 / 60);
        const double ground = std::max(0.0, w.feet().y * slope);
        REQUIRE(w.feet().z == Approx(ground).margin(0.02));
    }
    CHECK(w.feet().y > 5.0);
    test::hold(w, test::forward(-1.0), 6.0, 60);  // Back down.
    CHECK(w.feet().z == Approx(std::max(0.0, w.feet().y * slope)).margin(0.02));
    CHECK(w.onGround());
}

TEST_CASE("walk cannot pass through walls, thin ones and corners included", "[nav][walk]") {
    // A zero-thickness wall at y = 3, a solid box wall at x = 5, and a corner where they meet.
    const test::TestScene scene(MeshBuilder()
                                    .floor(-20, -20, 20, 20, 0)
                                    .wall(-20, 3, 20, 3, 0, 3)
                                    .box({5, -20, 0}, {5.3, 3, 3})
                                    .build());
    const nav::BvhWorld world(scene.bvh);
    const double r = nav::WalkSettings{}.radius;

    SECTION("head-on at running speed") {
        nav::WalkController w = walkerAt(world, {0, 0, 0});
        test::hold(w, test::forward(1.0, true), 4.0, 30);
        CHECK(w.feet().y < 3.0 - r + 1e-3);
        CHECK(w.feet().y > 3.0 - r - 0.01);
    }
    SECTION("at an angle it slides along the wall") {
        nav::WalkController w = walkerAt(world, {-5, 0, 0}, 45.0);
        test::hold(w, test::forward(1.0, true), 2.0, 144);
        CHECK(w.feet().y < 3.0 - r + 1e-3);
        const double xBefore = w.feet().x;
        test::hold(w, test::forward(1.0, true), 1.0, 144);
        CHECK(w.feet().x > xBefore + 1.5);  // Still moving east along it.
    }
    SECTION("into the corner") {
        nav::WalkController w = walkerAt(world, {0, 0, 0}, 45.0);
        test::hold(w, test::forward(1.0, true), 6.0, 30);
        CHECK(w.feet().y < 3.0 - r + 1e-3);
        CHECK(w.feet().x < 5.0 - r + 1e-3);
        CHECK(w.feet().x > 5.0 - r - 0.05);  // Pressed into the corner, not stuck before it.
    }
    SECTION("from the far side of the thin wall too") {
        nav::WalkController w = walkerAt(world, {0, 6, 0}, 180.0);
        test::hold(w, test::forward(1.0, true), 4.0, 60);
        CHECK(w.feet().y > 3.0 + r - 1e-3);
    }
}

TEST_CASE("walk climbs stairs up to 0.3 m and refuses a 0.6 m ledge", "[nav][walk]") {
    for (double rise : {0.15, 0.2, 0.3}) {
        CAPTURE(rise);
        const test::TestScene scene(MeshBuilder().floor(-10, -10, 10, 40, 0).stairs(2.0, 6, rise, 0.3).build());
        const nav::BvhWorld world(scene.bvh);
        nav::WalkController w = walkerAt(world, {0, 0, 0});
        test::hold(w, test::forward(), 5.0, 60);
        CHECK(w.onGround());
        CHECK(w.feet().z == Approx(6 * rise).margin(1e-6));  // On the landing.
        CHECK(w.feet().y > 2.0 + 5 * 0.3);
        // The eye eases up instead of jumping: it lags a climbed step, then catches up.
        test::hold(w, {}, 1.0, 60);
        CHECK(w.camera().position.z == Approx(6 * rise + 1.6).margin(1e-4));
    }
    SECTION("a 0.6 m ledge stops it") {
        const test::TestScene ledge(MeshBuilder().floor(-10, -10, 10, 40, 0).box({-5, 2, 0}, {5, 6, 0.6}).build());
        const nav::BvhWorld world(ledge.bvh);
        nav::WalkController w = walkerAt(world, {0, 0, 0});
        test::hold(w, test::forward(1.0, true), 4.0, 60);
        CHECK(w.feet().z == Approx(0.0).margin(1e-9));
        CHECK(w.feet().y < 2.0 - nav::WalkSettings{}.radius + 1e-3);
    }
}

TEST_CASE("walk falls off an edge with gravity and lands", "[nav][walk]") {
    // A 5 m high platform ending at y = 2, ground below.
    const test::TestScene scene(MeshBuilder().floor(-10, -10, 10, 30, 0).box({-5, -10, 0}, {5, 2, 5}).build());
    const nav::BvhWorld world(scene.bvh);
    nav::WalkController w = walkerAt(world, {0, 1.5, 5});
    test::hold(w, test::forward(), 0.5, 60);
    CHECK_FALSE(w.onGround());
    const double zFalling = w.feet().z;
    CHECK(zFalling < 5.0);
    test::hold(w, {}, 0.3, 60);
    CHECK(w.velocity().z < -2.0);  // Accelerating downwards.
    test::hold(w, {}, 2.0, 60);
    CHECK(w.onGround());
    CHECK(w.feet().z == Approx(0.0).margin(1e-9));
    // A free fall of 5 m takes ~1 s.
    nav::WalkController drop = walkerAt(world, {0, 8, 5});
    drop.reset(Camera::fromHeading({0, 8, 5 + 1.6}, 0, 0, 60));
    test::hold(drop, {}, 0.9, 240);
    CHECK_FALSE(drop.onGround());
    test::hold(drop, {}, 0.2, 240);
    CHECK(drop.onGround());
}

TEST_CASE("walk jumps and lands", "[nav][walk]") {
    const test::TestScene scene(MeshBuilder().floor(-10, -10, 10, 10, 0).build());
    const nav::BvhWorld world(scene.bvh);
    nav::WalkController w = walkerAt(world, {0, 0, 0});
    nav::NavInput jump;
    jump.jump = true;
    test::hold(w, jump, 1.0 / 60, 60);
    test::hold(w, {}, 0.3, 60);
    CHECK(w.feet().z > 0.4);
    test::hold(w, {}, 1.0, 60);
    CHECK(w.onGround());
    CHECK(w.feet().z == Approx(0.0).margin(1e-9));
}

TEST_CASE("walk follows the same path at 30 and 144 frames per second", "[nav][walk]") {
    const test::TestScene scene(MeshBuilder()
                                    .floor(-50, -50, 50, 50, 0)
                                    .stairs(4.0, 4, 0.2, 0.35, 40.0)
                                    .wall(-50, 12, 50, 12, 0, 3)
                                    .build());
    const nav::BvhWorld world(scene.bvh);
    // Turn while walking, run up the stairs, slide along the wall: every part of the simulation.
    nav::NavInput turnWalk = test::forward();
    turnWalk.lookRate = {-20.0, -10.0};
    turnWalk.move = {0.3, 1.0};
    nav::NavInput run = test::forward(1.0, true);
    run.lookRate = {25.0, 5.0};
    auto path = [&](double fps) {
        nav::WalkController w = walkerAt(world, {0.5, 0, 0});
        std::vector<glm::dvec3> samples;
        for (const nav::NavInput& in : {turnWalk, run, run, test::forward(), nav::NavInput{}}) {
            for (int k = 0; k < 6; ++k) {  // Sample every 1/3 s, a whole number of frames at both rates.
                test::hold(w, in, 1.0 / 3.0, fps);
                samples.push_back(w.feet());
            }
        }
        return samples;
    };
    const auto slow = path(30), fast = path(144);
    REQUIRE(slow.size() == fast.size());
    for (std::size_t i = 0; i < slow.size(); ++i) {
        CAPTURE(i, slow[i].x, slow[i].y, slow[i].z);
        CHECK(glm::length(slow[i] - fast[i]) < 1e-6);
    }
    CHECK(slow.back().z == Approx(0.8).margin(1e-6));  // It did climb the stairs onto the landing.
}

TEST_CASE("walk camera looks with clamped pitch and drags grab the world", "[nav][walk]") {
    const test::TestScene scene(MeshBuilder().floor(-10, -10, 10, 10, 0).build());
    const nav::BvhWorld world(scene.bvh);
    nav::WalkController w = walkerAt(world, {0, 0, 0});
    w.look(90.0, 200.0);
    CHECK(w.yawDegrees() == Approx(90.0));
    CHECK(w.pitchDegrees() == Approx(85.0));
    CHECK(w.camera().forward.x > 0.0);
    w.look(0.0, -85.0);
    w.setViewport(1000, 600);
    w.grabBegin(500, 300, false);
    w.grabUpdate(400, 300);  // Dragged left: the view turns right.
    w.grabEnd();
    CHECK(w.yawDegrees() == Approx(90.0 + 100.0 * 60.0 / 600.0));
}
