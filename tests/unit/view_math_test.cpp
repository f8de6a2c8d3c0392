#include <catch2/catch.hpp>

#include "render/view_math.h"

using namespace axis;

TEST_CASE("projection is reversed Z with an infinite far plane", "[render]") {
    Camera cam;
    cam.nearPlane = 0.5;
    glm::mat4 p = render::projection(cam, 1.0);
    auto depthAt = [&](float distance) {
        glm::vec4 clip = p * glm::vec4(0, 0, -distance, 1);
        return clip.z / clip.w;
    };
    CHECK(depthAt(0.5f) == Approx(1.0f));
    CHECK(depthAt(1e6f) == Approx(0.0f).margin(1e-6));
    CHECK(depthAt(2.0f) > depthAt(3.0f));
}

TEST_CASE("cameraRelative keeps millimetres for models millions of metres from the origin", "[render]") {
    Camera cam;
    cam.position = glm::dvec3(500000.123, 4400000.456, 50.0);
    glm::dmat4 model(1.0);
    model[3] = glm::dvec4(500010.124, 4400000.457, 50.0, 1.0);  // 10.001 m east, 1 mm north.
    glm::mat4 rel = render::cameraRelative(model, cam);
    CHECK(rel[3].x == Approx(10.001f).margin(1e-5));
    CHECK(rel[3].y == Approx(0.001f).margin(1e-5));
}
