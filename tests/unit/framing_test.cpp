#include <catch2/catch.hpp>

#include <cmath>

#include "nav/framing.h"

using namespace axis;

namespace {

// Projects a site point into normalised view coordinates (-1..1 inside the view).
glm::dvec2 project(const Camera& cam, double aspect, const glm::dvec3& p) {
    glm::dvec3 f = glm::normalize(cam.forward);
    glm::dvec3 r = glm::normalize(glm::cross(f, glm::dvec3(0, 0, 1)));
    glm::dvec3 u = glm::cross(r, f);
    glm::dvec3 d = p - cam.position;
    double depth = glm::dot(d, f);
    double t = std::tan(cam.fovY / 2);
    return {glm::dot(d, r) / (depth * t * aspect), glm::dot(d, u) / (depth * t)};
}

}  // namespace

TEST_CASE("frameBounds fits every corner of the box and fills the view tightly", "[nav]") {
    Bounds box;
    box.add(glm::dvec3(-3, -1, 0));
    box.add(glm::dvec3(5, 2, 7));
    const double aspect = 16.0 / 9.0;
    for (double az : {0.0, 45.0, 200.0})
        for (double el : {0.0, 30.0, 80.0}) {
            Camera cam = nav::frameBounds(box, {az, el, 1.0}, aspect);
            double widest = 0;
            for (int i = 0; i < 8; ++i) {
                glm::dvec3 c((i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y,
                             (i & 4) ? box.max.z : box.min.z);
                glm::dvec2 p = project(cam, aspect, c);
                CHECK(std::abs(p.x) <= 1.0);
                CHECK(std::abs(p.y) <= 1.0);
                widest = std::max({widest, std::abs(p.x), std::abs(p.y)});
            }
            CHECK(widest > 0.85);  // Tight: some corner reaches near the edge of the view.
        }
}

TEST_CASE("frameBounds looks along the requested heading and from above", "[nav]") {
    Bounds box;
    box.add(glm::dvec3(-1));
    box.add(glm::dvec3(1));
    Camera north = nav::frameBounds(box, {0.0, 30.0, 1.0}, 1.0);
    CHECK(north.forward.y > 0.8);        // Looking north...
    CHECK(north.position.y < -1.0);      // ...from the south...
    CHECK(north.position.z > 1.0);       // ...and from above.
    Camera far = nav::frameBounds(box, {0.0, 30.0, 2.0}, 1.0);
    // Distance along the view (the sideways centring shift is perpendicular to it).
    CHECK(glm::dot(-far.position, far.forward) == Approx(2.0 * glm::dot(-north.position, north.forward)).epsilon(1e-6));
}

TEST_CASE("framePoints fits a sphere's vertices much closer than its box", "[nav]") {
    std::vector<glm::dvec3> sphere;
    for (int i = 0; i < 2000; ++i) {
        double z = -1.0 + 2.0 * (i + 0.5) / 2000.0, phi = i * 2.399963;
        double r = std::sqrt(1.0 - z * z);
        sphere.emplace_back(r * std::cos(phi) + 10.0, r * std::sin(phi), z);
    }
    Camera tight = nav::framePoints(sphere, {30.0, 20.0, 1.0}, 1.0);
    Bounds box;
    for (const auto& p : sphere) box.add(p);
    Camera loose = nav::frameBounds(box, {30.0, 20.0, 1.0}, 1.0);
    double tightDistance = glm::length(tight.position - glm::dvec3(10, 0, 0));
    double looseDistance = glm::length(loose.position - glm::dvec3(10, 0, 0));
    CHECK(tightDistance < 0.8 * looseDistance);
    // The sphere subtends the view: its angular radius is close to half the field of view.
    double angular = std::asin(1.0 / tightDistance);
    CHECK(angular == Approx(tight.fovY / 2 / 1.06).epsilon(0.03));
}
