#include <catch2/catch.hpp>

#include "nav/bvh_world.h"
#include "nav/test_geometry.h"
#include "nav/transition.h"

using namespace axis;
using test::MeshBuilder;

TEST_CASE("easeInOut starts and ends at rest", "[nav][transition]") {
    CHECK(nav::easeInOut(0.0) == 0.0);
    CHECK(nav::easeInOut(1.0) == 1.0);
    CHECK(nav::easeInOut(0.5) == Approx(0.5));
    CHECK(nav::easeInOut(1e-3) < 1e-8);
    CHECK(1.0 - nav::easeInOut(1.0 - 1e-3) < 1e-8);
}

TEST_CASE("a transition ends exactly at the target, monotonically and eased", "[nav][transition]") {
    const Camera from = Camera::fromHeading({0, 0, 1.6}, 0.0, 0.0, 60.0);
    const Camera to = Camera::fromHeading({30, 40, 11.6}, 200.0, -20.0, 45.0);
    nav::CameraTransition t(from, to);
    CHECK(t.active());
    CHECK(t.duration() >= 0.6);
    CHECK(t.duration() <= 3.0);
    const double dt = 1.0 / 144;
    double lastDistance = glm::length(to.position - from.position);
    double lastAngle = std::acos(glm::dot(from.forward, to.forward));
    std::vector<double> speeds;
    glm::dvec3 last = from.position;
    while (t.active()) {
        t.update(dt);
        const Camera c = t.camera();
        const double d = glm::length(to.position - c.position);
        const double angle = std::acos(std::clamp(glm::dot(glm::normalize(c.forward), to.forward), -1.0, 1.0));
        CHECK(d <= lastDistance + 1e-9);
        CHECK(angle <= lastAngle + 1e-9);
        CHECK(c.up.z == 1.0);
        speeds.push_back(glm::length(c.position - last) / dt);
        lastDistance = d;
        lastAngle = angle;
        last = c.position;
    }
    const Camera end = t.camera();
    CHECK(end.position == to.position);
    CHECK(end.forward == to.forward);
    CHECK(end.fovY == to.fovY);
    // Eased: slow at both ends, fastest in the middle.
    const double peak = *std::max_element(speeds.begin(), speeds.end());
    CHECK(speeds.front() < 0.05 * peak);
    CHECK(speeds.back() < 0.05 * peak);
    CHECK(speeds[speeds.size() / 2] > 0.9 * peak);
}

TEST_CASE("transition durations scale with distance and turning, within clamps", "[nav][transition]") {
    const Camera a = Camera::fromHeading({0, 0, 0}, 0.0, 0.0, 60.0);
    const double tiny = nav::CameraTransition::durationFor(a, Camera::fromHeading({0.1, 0, 0}, 0, 0, 60), {});
    const double mid = nav::CameraTransition::durationFor(a, Camera::fromHeading({0, 36, 0}, 0, 0, 60), {});
    const double huge = nav::CameraTransition::durationFor(a, Camera::fromHeading({0, 5000, 0}, 0, 0, 60), {});
    const double turn = nav::CameraTransition::durationFor(a, Camera::fromHeading({0, 0, 0}, 180, 0, 60), {});
    CHECK(tiny == Approx(0.6));
    CHECK(mid == Approx(1.5));
    CHECK(huge == Approx(3.0));
    CHECK(turn == Approx(1.2));
}

TEST_CASE("turning the long way round never happens and the view never flips", "[nav][transition]") {
    // From heading 350 to heading 10: 20 degrees through north, not 340 the other way.
    nav::CameraTransition t(Camera::fromHeading({0, 0, 0}, 350, 0, 60), Camera::fromHeading({0, 0, 0}, 10, 0, 60));
    for (int i = 0; i < 200 && t.active(); ++i) {
        t.update(0.01);
        CHECK(t.camera().forward.y > 0.93);  // cos(20 degrees): always looking roughly north.
    }
    // Looking up to looking down behind: passes over without rolling the horizon.
    nav::CameraTransition over(Camera::fromHeading({0, 0, 0}, 0, 80, 60), Camera::fromHeading({0, 0, 0}, 180, 80, 60));
    while (over.active()) {
        over.update(0.01);
        CHECK(std::isfinite(over.camera().forward.x));
        CHECK(glm::length(over.camera().forward) == Approx(1.0));
    }
}

TEST_CASE("go-to targets for picked points", "[nav][transition]") {
    // Ground, a wall facing south at y = 20 and a raised terrace at 5 m.
    const test::TestScene scene(MeshBuilder()
                                    .floor(-100, -100, 100, 100, 0)
                                    .wall(-10, 20, 10, 20, 0, 10)
                                    .box({30, 0, 0}, {60, 30, 5})
                                    .build());
    const nav::BvhWorld world(scene.bvh);
    const Camera from = Camera::fromHeading({0, 0, 1.6}, 0.0, 0.0, 60.0);
    const nav::GoToSettings s;

    SECTION("walk onto the ground") {
        const auto hit = world.raycast(from.position, glm::dvec3(0.2, 1, -0.1), 100);
        REQUIRE(hit);
        const Camera to = nav::goToTarget(from, *hit, nav::GoToStyle::Walk, &world);
        CHECK(to.position.x == Approx(hit->position.x));
        CHECK(to.position.y == Approx(hit->position.y));
        CHECK(to.position.z == Approx(1.6));
    }
    SECTION("walk to a wall stands in front of it on the ground") {
        const auto hit = world.raycast(from.position + glm::dvec3(0, 0, 4), glm::dvec3(0, 1, 0.05), 100);
        REQUIRE(hit);
        const Camera to = nav::goToTarget(from, *hit, nav::GoToStyle::Walk, &world);
        CHECK(to.position.y == Approx(20.0 - s.walkStandoff));
        CHECK(to.position.z == Approx(1.6));
        CHECK(to.forward.y > 0.5);  // Looking at it.
    }
    SECTION("walk to a terrace's side stands on the ground; onto its top stands on the terrace") {
        const auto side = world.raycast({0, 15, 3}, glm::dvec3(1, 0, 0), 100);
        REQUIRE(side);
        CHECK(nav::goToTarget(from, *side, nav::GoToStyle::Walk, &world).position.z == Approx(1.6));
        const auto top = world.raycast({35, 15, 20}, glm::dvec3(0, 0, -1), 100);
        REQUIRE(top);
        const Camera on = nav::goToTarget(from, *top, nav::GoToStyle::Walk, &world);
        CHECK(on.position.z == Approx(5.0 + 1.6));
    }
    SECTION("fly arrives in front along the normal, looking at the point") {
        const Camera high = Camera::fromHeading({0, -50, 30}, 0.0, -20.0, 60.0);
        const auto hit = world.raycast(high.position, glm::dvec3(0, 70, -25), 200);
        REQUIRE(hit);
        const Camera to = nav::goToTarget(high, *hit, nav::GoToStyle::Fly, &world);
        const double standoff = glm::length(to.position - hit->position);
        CHECK(standoff == Approx(glm::clamp(hit->distance * s.flyStandoffFraction, 1.0, 50.0)));
        CHECK(glm::dot(glm::normalize(hit->position - to.position), to.forward) == Approx(1.0));
        CHECK(to.position.y < 20.0);  // On the camera's side of the wall.
    }
}
