#include <catch2/catch.hpp>

#include <random>

#include "asset/up_axis.h"

using namespace axis;

namespace {

// A square pyramid standing on its base at y=0, apex up +y: a statue on a plinth, in miniature.
Model pyramidOnBase(bool zUp) {
    auto v = [zUp](float x, float y, float z) {
        Vertex out;
        out.position = zUp ? glm::vec3(x, -z, y) : glm::vec3(x, y, z);
        return out;
    };
    Primitive p;
    p.vertices = {v(-1, 0, -1), v(1, 0, -1), v(1, 0, 1), v(-1, 0, 1), v(0, 2, 0)};
    p.indices = {0, 1, 2, 0, 2, 3, 0, 4, 1, 1, 4, 2, 2, 4, 3, 3, 4, 0};
    Model m;
    m.primitives.push_back(p);
    return m;
}

// An octahedron has no flat base along any axis: nothing to decide by.
Model octahedron() {
    Primitive p;
    for (glm::vec3 pos : {glm::vec3(1, 0, 0), glm::vec3(-1, 0, 0), glm::vec3(0, 1, 0), glm::vec3(0, -1, 0),
                          glm::vec3(0, 0, 1), glm::vec3(0, 0, -1)})
        p.vertices.push_back(Vertex{pos});
    p.indices = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
    Model m;
    m.primitives.push_back(p);
    return m;
}

// Points on a ground plane (z=0) with a blob of points above it, as an aerial or LAS scan.
Model groundAndBlob() {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-5, 5), b(-1, 1);
    Primitive p;
    p.topology = Topology::Points;
    for (int i = 0; i < 2000; ++i) p.vertices.push_back(Vertex{glm::vec3(u(rng), u(rng), 0.0f)});
    for (int i = 0; i < 3000; ++i) p.vertices.push_back(Vertex{glm::vec3(b(rng), b(rng), 2 + b(rng))});
    Model m;
    m.primitives.push_back(p);
    return m;
}

}  // namespace

TEST_CASE("A model standing on a flat base has that base's axis up", "[asset][up]") {
    CHECK(guessUpAxis(pyramidOnBase(false), UpAxis::Z) == UpAxis::Y);
    CHECK(guessUpAxis(pyramidOnBase(true), UpAxis::Y) == UpAxis::Z);
    UpAxisScores s = scoreUpAxes(pyramidOnBase(false));
    CHECK(s.y > 0.2);
    CHECK(s.z == Approx(0.0));
}

TEST_CASE("Without a clear base the fallback is kept", "[asset][up]") {
    CHECK(guessUpAxis(octahedron(), UpAxis::Y) == UpAxis::Y);
    CHECK(guessUpAxis(octahedron(), UpAxis::Z) == UpAxis::Z);
    CHECK(guessUpAxis(Model{}, UpAxis::Z) == UpAxis::Z);
}

TEST_CASE("A point cloud's ground plane marks its up axis", "[asset][up]") {
    CHECK(guessUpAxis(groundAndBlob(), UpAxis::Y) == UpAxis::Z);
}
