#include <catch2/catch.hpp>

#include "scene/model.h"

using namespace axis;

TEST_CASE("Bounds grow with points and transform by their corners", "[scene]") {
    Bounds b;
    CHECK(b.empty());
    b.add(glm::dvec3(-1, 0, 2));
    b.add(glm::dvec3(3, 4, 5));
    CHECK_FALSE(b.empty());
    CHECK(b.center() == glm::dvec3(1, 2, 3.5));
    Bounds moved = b.transformed(upAxisToZUp(UpAxis::Y));
    // y-up to z-up: model y becomes site z, model z becomes site -y.
    CHECK(moved.min.z == Approx(0.0));
    CHECK(moved.max.z == Approx(4.0));
    CHECK(moved.min.y == Approx(-5.0));
    CHECK(moved.max.y == Approx(-2.0));
}

TEST_CASE("upAxisToZUp keeps z-up models as they are and is a proper rotation", "[scene]") {
    CHECK(upAxisToZUp(UpAxis::Z) == glm::dmat4(1.0));
    glm::dmat4 m = upAxisToZUp(UpAxis::Y);
    CHECK(glm::determinant(m) == Approx(1.0));
    glm::dvec4 up = m * glm::dvec4(0, 1, 0, 0);
    CHECK(up.z == Approx(1.0));
}

TEST_CASE("Model counts triangles, points and vertices over its primitives", "[scene]") {
    Model m;
    Primitive tri;
    tri.vertices.resize(4);
    tri.indices = {0, 1, 2, 0, 2, 3};
    Primitive pts;
    pts.topology = Topology::Points;
    pts.vertices.resize(7);
    m.primitives = {tri, pts};
    CHECK(m.triangleCount() == 2);
    CHECK(m.pointCount() == 7);
    CHECK(m.vertexCount() == 11);
}
