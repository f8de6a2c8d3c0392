#include <catch2/catch.hpp>

#include "nav/nav_test_util.h"
#include "nav/orbit.h"

using namespace axis;

TEST_CASE("orbit keeps its existing behaviour", "[nav][orbit]") {
    nav::OrbitController o;
    const Camera start = Camera::fromHeading({0, -10, 0}, 0.0, 0.0, 50.0);
    o.reset(start, 10.0);
    CHECK(glm::length(o.target()) < 1e-9);
    CHECK(glm::length(o.camera().position - start.position) < 1e-9);
    o.rotate(360, 0, 720);  // Half a view height: 90 degrees round.
    CHECK(glm::length(o.camera().position - glm::dvec3(-10, 0, 0)) < 1e-9);
    o.zoom(1);
    CHECK(glm::length(o.camera().position) == Approx(8.5));
    o.zoom(-1);
    o.pan(0, 0, 720);
    CHECK(glm::length(o.target()) < 1e-9);
    o.rotate(0, -1e6, 720);  // Pitch stops short of the pole.
    CHECK(o.camera().forward.z < 0.9999);
}

TEST_CASE("orbit through the controller interface", "[nav][orbit]") {
    nav::OrbitController o;
    o.orbitAround({0, -10, 5}, {0, 0, 0}, glm::radians(50.0));
    CHECK(o.distance() == Approx(std::sqrt(125.0)));
    nav::CameraController& c = o;
    c.setViewport(1000, 720);
    c.grabBegin(100, 100, false);
    c.grabUpdate(460, 100);  // The same drag as rotate(360, 0, 720).
    c.grabEnd();
    CHECK(glm::length(o.target()) < 1e-9);
    CHECK(o.camera().position.x == Approx(-10.0));
    c.scroll(1);
    CHECK(o.distance() == Approx(std::sqrt(125.0) * 0.85));

    // Held zoom is frame-rate independent: 1 s at 30 fps = 1 s at 144 fps.
    nav::OrbitController a = o, b = o;
    test::hold(a, test::forward(), 1.0, 30);
    test::hold(b, test::forward(), 1.0, 144);
    CHECK(a.distance() == Approx(b.distance()).epsilon(1e-12));
    CHECK(a.distance() == Approx(o.distance() * std::pow(0.85, 3.0)));
}
