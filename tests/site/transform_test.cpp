// Model placement maths: T * Rz*Ry*Rx * S * upAxisToZUp(up), in double precision.
#include <catch2/catch.hpp>

#include "scene/site.h"

using namespace axis;

namespace {
glm::dvec3 apply(const glm::dmat4& m, const glm::dvec3& p, double w = 1.0) { return glm::dvec3(m * glm::dvec4(p, w)); }
bool near(const glm::dvec3& a, const glm::dvec3& b, double eps = 1e-12) { return glm::length(a - b) < eps; }
}  // namespace

TEST_CASE("A y-up model stands upright in the east-north-up site frame", "[site][transform]") {
    ModelPlacement m;
    m.up = UpAxis::Y;
    CHECK(near(apply(m.transform(), {0, 1, 0}, 0), {0, 0, 1}));   // glTF up is site up
    CHECK(near(apply(m.transform(), {1, 0, 0}, 0), {1, 0, 0}));   // +x stays east
    CHECK(near(apply(m.transform(), {0, 0, 1}, 0), {0, -1, 0}));  // glTF front (+z) faces south
    m.up = UpAxis::Z;
    CHECK(m.transform() == glm::dmat4(1.0));
}

TEST_CASE("Rotations apply x first, then y, then z, about the site axes", "[site][transform]") {
    ModelPlacement m;
    m.up = UpAxis::Z;
    m.rotationDeg = {90, 0, 90};
    // Rx(90) takes north to up; Rz then leaves up alone. (Rz first would give west.)
    CHECK(near(apply(m.transform(), {0, 1, 0}, 0), {0, 0, 1}));
    m.rotationDeg = {0, 0, 90};  // positive z turns east to north (counter-clockwise from above)
    CHECK(near(apply(m.transform(), {1, 0, 0}, 0), {0, 1, 0}));
}

TEST_CASE("Scale acts along site axes after the up-axis fix, translation last", "[site][transform]") {
    ModelPlacement m;
    m.up = UpAxis::Y;
    m.scale = {2, 3, 4};
    m.position = {10, 20, 30};
    CHECK(near(apply(m.transform(), {0, 1, 0}), {10, 20, 34}));  // model up scaled by sz
    CHECK(near(apply(m.transform(), {0, 0, -1}), {10, 23, 30}));  // model back = north, scaled by sy
}

TEST_CASE("Projected coordinates of millions of metres keep sub-millimetre precision", "[site][transform]") {
    ModelPlacement m;
    m.up = UpAxis::Z;
    m.position = {5000000.001, 4000000.0005, 0};
    const glm::dvec3 p = apply(m.transform(), {0.001, 0.0005, 0.25});
    CHECK(std::abs(p.x - 5000000.002) < 1e-8);
    CHECK(std::abs(p.y - 4000000.001) < 1e-8);
    CHECK(p.z == 0.25);
}

TEST_CASE("Viewpoint yaw is a compass heading and lookAt inverts forward()", "[site][viewpoint]") {
    CHECK(near(Viewpoint{{0, 0, 0}, 0, 0, 60}.forward(), {0, 1, 0}));
    CHECK(near(Viewpoint{{0, 0, 0}, 90, 0, 60}.forward(), {1, 0, 0}));
    CHECK(near(Viewpoint{{0, 0, 0}, 180, 0, 60}.forward(), {0, -1, 0}, 1e-9));
    CHECK(near(Viewpoint{{0, 0, 0}, 0, 90, 60}.forward(), {0, 0, 1}, 1e-9));
    const glm::dvec3 eye(10, -50, 2), target(40, 100, 30);
    const Viewpoint v = Viewpoint::lookAt(eye, target, 50);
    CHECK(near(v.forward(), glm::normalize(target - eye), 1e-9));
    CHECK(v.fov == 50);
    CHECK(v.yaw >= 0.0);
    CHECK(v.yaw < 360.0);
}
