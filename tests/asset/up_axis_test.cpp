#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "asset/import.h"
#include "asset/up_axis.h"
#include "support/test_support.h"

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

TEST_CASE("The up rule is reported, and MeshLab's PLY is y-up by its writer's convention", "[asset][up]") {
    const auto dir = test::scratchDir("up_rule");
    // A pyramid standing on z (its base at z=0), written by MeshLab: VCGLIB keeps y up, and the
    // writer's convention is believed over the shape.
    const std::string body = "0 0 0\n2 0 0\n2 2 0\n0 2 0\n1 1 3\n4 0 1 2 3\n3 0 1 4\n3 1 2 4\n3 2 3 4\n3 3 0 4\n";
    const std::string header = "ply\nformat ascii 1.0\n%sCOMMENTelement vertex 5\nproperty float x\nproperty float y\n"
                               "property float z\nelement face 5\nproperty list uchar int vertex_indices\nend_header\n";
    auto withComment = [&](const std::string& comment) {
        std::string h = header;
        h.replace(h.find("%sCOMMENT"), 9, comment);
        return h + body;
    };
    std::ofstream(dir / "meshlab.ply") << withComment("comment VCGLIB generated\n");
    std::ofstream(dir / "plain.ply") << withComment("");
    auto meshlab = importModel(dir / "meshlab.ply");
    auto plain = importModel(dir / "plain.ply");
    REQUIRE(meshlab.ok());
    REQUIRE(plain.ok());
    CHECK(meshlab->up == UpAxis::Y);
    CHECK(meshlab->frame.upRule.find("VCGLIB") != std::string::npos);
    CHECK(plain->up == UpAxis::Z);  // The shape decides: a flat base at the bottom of z.
    CHECK(plain->frame.upRule.find("bottom of z") != std::string::npos);
    // An override still wins, and says so.
    ImportOptions options;
    options.up = UpAxis::Z;
    auto overridden = importModel(dir / "meshlab.ply", options);
    REQUIRE(overridden.ok());
    CHECK(overridden->up == UpAxis::Z);
    CHECK(overridden->frame.upRule == "set by the user or the site");
}

namespace {

// A closed box of `size` (x, y, z) as triangles: no face dominates any slab more than its size says.
Model box(const glm::vec3& size) {
    Primitive p;
    for (int i = 0; i < 8; ++i)
        p.vertices.push_back(Vertex{glm::vec3((i & 1) ? size.x : 0.0f, (i & 2) ? size.y : 0.0f, (i & 4) ? size.z : 0.0f)});
    p.indices = {0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 4, 5, 0, 5, 1, 2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 5, 7, 1, 7, 3};
    Model m;
    m.primitives.push_back(p);
    return m;
}

// A rough surface without a flat slab anywhere: a statue's body (tall), a terrain (wide) or a
// bust (about as high as wide), sampled as points from noisy ellipsoids.
Model blob(const glm::vec3& radii, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0, 1);
    Primitive p;
    p.topology = Topology::Points;
    for (int i = 0; i < 4000; ++i) {
        glm::vec3 d(n(rng), n(rng), n(rng));
        d = glm::normalize(d) * (1.0f + 0.05f * n(rng));
        p.vertices.push_back(Vertex{d * radii});
    }
    Model m;
    m.primitives.push_back(p);
    return m;
}

glm::vec3 swapYZ(glm::vec3 v) { return {v.x, v.z, v.y}; }

}  // namespace

TEST_CASE("Without a base, proportions decide: tall things stand along their length", "[asset][up]") {
    // A statue's body and a stele, stored y-up and z-up; neither has a flat base to stand on.
    for (const glm::vec3 zUp : {glm::vec3(0.4f, 0.3f, 1.8f), glm::vec3(0.5f, 0.15f, 1.6f)}) {
        const UpGuess z = explainUpAxis(blob(zUp, 1), UpAxis::Y);
        CHECK(z.up == UpAxis::Z);
        CHECK(z.rule.find("taller along z") != std::string::npos);
        CHECK(explainUpAxis(blob(swapYZ(zUp), 2), UpAxis::Z).up == UpAxis::Y);
    }
}

TEST_CASE("Without a base, proportions decide: rooms, streets and terrain lie along their thin axis", "[asset][up]") {
    // A hall interior 30 x 20 x 8 m, a street 200 x 25 x 12 m, a terrain 1 km square and 60 m high.
    for (const glm::vec3 zUp : {glm::vec3(30, 20, 8), glm::vec3(200, 25, 12), glm::vec3(1000, 1000, 60)}) {
        const UpGuess z = explainUpAxis(blob(zUp, 3), UpAxis::Y);
        CHECK(z.up == UpAxis::Z);
        CHECK(z.rule.find("wide and low along z") != std::string::npos);
        CHECK(explainUpAxis(blob(swapYZ(zUp), 4), UpAxis::Z).up == UpAxis::Y);
    }
    // A closed room (a box): floor and walls both lie flat in their slabs; the proportions decide.
    CHECK(explainUpAxis(box({12, 9, 4}), UpAxis::Y).up == UpAxis::Z);
    CHECK(explainUpAxis(box({12, 4, 9}), UpAxis::Z).up == UpAxis::Y);
}

TEST_CASE("A bust, about as high as wide and without a base, keeps the fallback", "[asset][up]") {
    const UpGuess g = explainUpAxis(blob({0.25f, 0.2f, 0.3f}, 5), UpAxis::Y);
    CHECK(g.up == UpAxis::Y);
    CHECK(g.rule.find("the format's usual y up") != std::string::npos);
}
