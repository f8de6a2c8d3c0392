// Camera paths: the spline passes through its keys, moves at a steady speed, turns without flips
// and eases in and out of stops.
#include <catch2/catch.hpp>

#include <cmath>

#include "record/camera_path.h"

using namespace axis::record;

namespace {

PathKey key(double t, glm::dvec3 p, double yaw = 0, double pitch = 0, double roll = 0) {
    PathKey k;
    k.time = t;
    k.position = p;
    k.angles = {yaw, pitch, roll};
    return k;
}

// An S-shaped flight with a climb and unevenly spaced keys.
std::vector<PathKey> wiggle() {
    return {key(0, {0, 0, 2}, 0), key(4, {30, 80, 10}, 40, -5), key(6, {-20, 150, 25}, 320, -10),
            key(14, {10, 400, 5}, 10, 5), key(20, {100, 420, 2}, 95, 0)};
}

CameraPath make(std::vector<PathKey> keys, PathInterpolation interp = {}) {
    auto path = CameraPath::create(std::move(keys), interp);
    REQUIRE(path.ok());
    return std::move(*path);
}

}  // namespace

TEST_CASE("the path passes through each key position at the ends of moves and between stops", "[record]") {
    PathInterpolation keyTimes;
    keyTimes.timing = Timing::KeyTimes;
    keyTimes.ease = 0.0;
    const CameraPath path = make(wiggle(), keyTimes);
    for (const PathKey& k : path.keys()) {
        const auto pose = path.pose(k.time);
        INFO("key at " << k.time);
        CHECK(glm::length(pose.position - k.position) < 1e-3);
        CHECK(glm::length(forwardOf(pose.orientation) - forwardOf(orientationFromAngles(k.angles))) < 1e-3);
    }
    // Outside the keys' times the camera rests at the end keys.
    CHECK(glm::length(path.pose(-5).position - wiggle().front().position) < 1e-9);
    CHECK(glm::length(path.pose(99).position - wiggle().back().position) < 1e-9);
}

TEST_CASE("constant-speed timing keeps the speed within 1% away from the eased ends", "[record]") {
    PathInterpolation interp;
    interp.ease = 2.0;
    const CameraPath path = make(wiggle(), interp);
    const double h = 1e-3;
    double lo = 1e9, hi = 0;
    for (double t = 2.05; t < 18.0; t += 0.05) {
        const double speed = glm::length(path.pose(t + h).position - path.pose(t).position) / h;
        lo = std::min(lo, speed);
        hi = std::max(hi, speed);
    }
    INFO("speed between " << lo << " and " << hi << " m/s");
    CHECK(hi / lo < 1.01);
}

TEST_CASE("a key's speed factor doubles the speed of its segment", "[record]") {
    auto keys = std::vector<PathKey>{key(0, {0, 0, 0}), key(5, {0, 100, 0}), key(10, {0, 200, 0})};
    keys[1].speed = 2.0;
    PathInterpolation interp;
    interp.ease = 0.0;
    const CameraPath path = make(keys, interp);
    const auto speedAt = [&](double t) { return glm::length(path.pose(t + 1e-3).position - path.pose(t).position) / 1e-3; };
    // 100 m at v plus 100 m at 2v in 10 s: v = 15 m/s.
    CHECK(speedAt(2.0) == Approx(15.0).epsilon(0.01));
    CHECK(speedAt(8.0) == Approx(30.0).epsilon(0.01));
}

TEST_CASE("orientation turns without flips or sign jumps, even across the north wrap", "[record]") {
    // Headings 350 -> 10 -> 340 -> 200 cross north; the quaternions of 350 and 10 have opposite signs
    // unless the hemisphere is fixed.
    const std::vector<PathKey> keys{key(0, {0, 0, 0}, 350, 10, 0), key(3, {50, 50, 0}, 10, -10, 5),
                                    key(6, {100, 60, 10}, 340, 0, -5), key(9, {200, 0, 10}, 200, 20, 0)};
    for (auto mode : {OrientationInterpolation::Squad, OrientationInterpolation::Slerp}) {
        PathInterpolation interp;
        interp.orientation = mode;
        const CameraPath path = make(keys, interp);
        auto prev = path.pose(0);
        double worstDot = 1.0, worstQuat = 1.0;
        for (double t = 0.01; t <= 9.0; t += 0.01) {
            const auto pose = path.pose(t);
            worstDot = std::min(worstDot, glm::dot(forwardOf(prev.orientation), forwardOf(pose.orientation)));
            worstQuat = std::min(worstQuat, glm::dot(prev.orientation, pose.orientation));
            prev = pose;
        }
        INFO("worst forward dot " << worstDot << ", quaternion dot " << worstQuat);
        CHECK(worstDot > 0.999);   // Under 2.6 degrees per 10 ms step: no flip.
        CHECK(worstQuat > 0.999);  // Consecutive quaternions stay in one hemisphere.
    }
}

TEST_CASE("angles and quaternions convert both ways", "[record]") {
    for (Angles a : {Angles{0, 0, 0}, Angles{90, 30, 0}, Angles{200, -45, 20}, Angles{359, 80, -170}}) {
        const Angles b = anglesFromOrientation(orientationFromAngles(a));
        CHECK(b.yaw == Approx(a.yaw).margin(1e-6));
        CHECK(b.pitch == Approx(a.pitch).margin(1e-6));
        CHECK(b.roll == Approx(a.roll).margin(1e-6));
    }
    const glm::dvec3 east = forwardOf(orientationFromAngles({90, 0, 0}));
    CHECK(glm::length(east - glm::dvec3(1, 0, 0)) < 1e-12);
    // Positive roll tilts up towards the camera's right (east when looking north).
    CHECK(upOf(orientationFromAngles({0, 0, 30})).x > 0.4);
}

TEST_CASE("moves ease out of and into stops, holds keep the camera still", "[record]") {
    const std::vector<PathKey> keys{key(0, {0, 0, 0}), key(10, {0, 100, 0}), key(15, {0, 100, 0}, 90),
                                    key(25, {0, 200, 0}, 90)};
    PathInterpolation interp;
    interp.ease = 2.0;
    const CameraPath path = make(keys, interp);
    const auto speedAt = [&](double t) { return glm::length(path.pose(t + 1e-4).position - path.pose(t).position) / 1e-4; };
    CHECK(speedAt(0.0) < 0.01);
    CHECK(speedAt(0.5) < speedAt(1.0));
    CHECK(speedAt(1.0) < speedAt(2.5));
    CHECK(speedAt(10.0 - 1e-4) < 0.01);
    // 100 m in 10 s with 2 s ramps at each end: cruising at 100 / 8 m/s.
    CHECK(speedAt(5.0) == Approx(12.5).epsilon(0.01));
    // The hold: still, turning from north to east, already halfway round at its middle.
    CHECK(glm::length(path.pose(12.5).position - glm::dvec3(0, 100, 0)) < 1e-9);
    CHECK(anglesFromOrientation(path.pose(12.5).orientation).yaw == Approx(45.0).margin(1e-6));
    for (double x : {0.0, 0.1, 0.25, 0.5, 0.9, 1.0}) {
        const double p = easedProgress(x * 8.0, 8.0, 2.0, 2.0);
        CHECK(p >= 0.0);
        CHECK(p <= 1.0);
    }
    CHECK(easedProgress(0.0, 8.0, 2.0, 2.0) == 0.0);
    CHECK(easedProgress(8.0, 8.0, 2.0, 2.0) == Approx(1.0));
    CHECK(easedProgress(4.0, 8.0, 2.0, 2.0) == Approx(0.5));
    CHECK(easedProgress(1.0, 1.0, 5.0, 5.0) == Approx(1.0));  // Ramps longer than the move shrink.
}

TEST_CASE("bad key lists are refused with the key named", "[record]") {
    auto problem = [](std::vector<PathKey> keys) {
        auto path = CameraPath::create(std::move(keys));
        REQUIRE_FALSE(path.ok());
        return path.error().message;
    };
    CHECK_THAT(problem({}), Catch::Contains("no keyframes"));
    CHECK_THAT(problem({key(0, {0, 0, 0}), key(0, {1, 0, 0})}), Catch::Contains("keyframes[1].time") &&
                                                                     Catch::Contains("strictly increase"));
    CHECK_THAT(problem({key(0, {0, 0, 0}), key(2, {1, 0, 0}), key(1, {2, 0, 0})}), Catch::Contains("keyframes[2].time"));
    CHECK_THAT(problem({key(0, {0, std::nan(""), 0})}), Catch::Contains("keyframes[0].position"));
    auto wide = key(0, {0, 0, 0});
    wide.fov = 180;
    CHECK_THAT(problem({wide}), Catch::Contains("keyframes[0].fov"));
    // One key is a still.
    auto still = CameraPath::create({key(3, {1, 2, 3}, 45)});
    REQUIRE(still.ok());
    CHECK(glm::length(still->evaluate(0).position - glm::dvec3(1, 2, 3)) < 1e-12);
}
