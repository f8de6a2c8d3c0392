#include <catch2/catch.hpp>

#include <random>

#include <glm/gtc/matrix_transform.hpp>

#include "asset/import.h"
#include "nav/test_geometry.h"
#include "scene/bvh.h"
#include "support/test_support.h"

using namespace axis;

namespace {

// Random triangles in a cube: overlapping, every size and orientation.
Model triangleSoup(int count, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> pos(-10.0f, 10.0f), off(-2.0f, 2.0f);
    Model m;
    Primitive prim;
    for (int i = 0; i < count; ++i) {
        const glm::vec3 c(pos(rng), pos(rng), pos(rng));
        for (int k = 0; k < 3; ++k) prim.vertices.push_back({c + glm::vec3(off(rng), off(rng), off(rng))});
        for (std::uint32_t k = 0; k < 3; ++k) prim.indices.push_back(3 * i + k);
    }
    m.primitives.push_back(std::move(prim));
    m.materials.push_back({});
    m.computeBounds();
    return m;
}

// Checks `rays` random rays from around the bounds towards points inside them against brute force.
void compareWithBruteForce(std::span<const PlacedModel> models, const Bvh& bvh, int rays, unsigned seed) {
    std::mt19937 rng(seed);
    const Bounds b = bvh.bounds();
    std::uniform_real_distribution<double> u(0.0, 1.0);
    auto inside = [&] { return b.min + (b.max - b.min) * glm::dvec3(u(rng), u(rng), u(rng)); };
    int hits = 0;
    for (int i = 0; i < rays; ++i) {
        const glm::dvec3 target = inside();
        const glm::dvec3 dir = glm::normalize(glm::dvec3(u(rng), u(rng), u(rng)) - 0.5);
        const glm::dvec3 origin = (i % 2) ? target - dir * b.radius() * 1.5 : inside();
        const auto fast = bvh.raycast(origin, dir, 1e9);
        const auto slow = raycastBruteForce(models, origin, dir, 1e9);
        REQUIRE(fast.has_value() == slow.has_value());
        if (!fast) continue;
        ++hits;
        const double tol = 1e-5 * b.radius();
        CHECK(fast->distance == Approx(slow->distance).margin(tol));
        CHECK(glm::length(fast->position - slow->position) < tol);
        CHECK(glm::dot(fast->normal, dir) <= 0.0);
        CHECK(glm::length(fast->normal) == Approx(1.0));
        // The same triangle, unless two lie at the same distance along the ray.
        if (std::abs(fast->distance - slow->distance) < tol * 1e-3 || fast->triangle == slow->triangle)
            CHECK(fast->model == slow->model);
        CHECK(bvh.anyHit(origin, dir, 1e9));
        CHECK_FALSE(bvh.anyHit(origin, dir, slow->distance * 0.999));
    }
    CHECK(hits > rays / 4);
}

}  // namespace

TEST_CASE("BVH raycast agrees with brute force on a triangle soup", "[bvh]") {
    const Model soup = triangleSoup(5000, 1);
    const PlacedModel placed[] = {{&soup, glm::dmat4(1.0)}};
    const Bvh bvh = Bvh::build(placed);
    CHECK(bvh.triangleCount() == 5000);
    compareWithBruteForce(placed, bvh, 2000, 2);
}

TEST_CASE("BVH indexes models and triangles through several placements", "[bvh]") {
    const Model a = triangleSoup(300, 3), b = triangleSoup(200, 4);
    const PlacedModel placed[] = {{&a, glm::translate(glm::dmat4(1.0), glm::dvec3(30, 0, 0))},
                                  {&b, glm::scale(glm::dmat4(1.0), glm::dvec3(0.5))},
                                  {&a, glm::dmat4(1.0)}};
    const Bvh bvh = Bvh::build(placed);
    CHECK(bvh.triangleCount() == 800);
    compareWithBruteForce(placed, bvh, 1000, 5);
    // A ray straight at the first placement's copy names it.
    const auto hit = bvh.raycast({30, 0, -100}, {0, 0, 1}, 1e9);
    const auto slow = raycastBruteForce(placed, {30, 0, -100}, {0, 0, 1}, 1e9);
    REQUIRE(hit);
    CHECK(hit->model == slow->model);
    CHECK(hit->triangle == slow->triangle);
}

TEST_CASE("BVH handles empty, points-only and degenerate input", "[bvh]") {
    const Bvh empty = Bvh::build({});
    CHECK_FALSE(empty.raycast({0, 0, 0}, {0, 0, 1}, 10));
    CHECK_FALSE(empty.anyHit({0, 0, 0}, {0, 0, 1}, 10));
    CHECK_FALSE(empty.closestPoint({0, 0, 0}, 10));
    CHECK(empty.bounds().empty());

    Model points;
    Primitive cloud;
    cloud.topology = Topology::Points;
    cloud.vertices = {{{0, 0, 1}}, {{1, 0, 1}}, {{0, 1, 1}}};
    cloud.indices = {0, 1, 2};
    points.primitives.push_back(cloud);
    const PlacedModel placed[] = {{&points, glm::dmat4(1.0)}};
    CHECK(Bvh::build(placed).triangleCount() == 0);

    const Model flat = test::MeshBuilder().floor(-1, -1, 1, 1, 0).build();
    const PlacedModel one[] = {{&flat, glm::dmat4(1.0)}};
    const Bvh bvh = Bvh::build(one);
    CHECK_FALSE(bvh.raycast({0, 0, 1}, {0, 0, 0}, 10));     // Zero direction.
    CHECK_FALSE(bvh.raycast({0, 0, 1}, {0, 0, -1}, 0.5));   // Too short.
    CHECK_FALSE(bvh.raycast({0, 0, 1}, {0, 0, 1}, 10));     // Pointing away.
    const auto hit = bvh.raycast({0.3, 0.2, 1}, {0, 0, -5}, 10);  // Non-unit direction.
    REQUIRE(hit);
    CHECK(hit->distance == Approx(1.0));
    CHECK(hit->normal.z == Approx(1.0));
    const auto below = bvh.raycast({0.3, 0.2, -1}, {0, 0, 1}, 10);  // From below: normal faces the ray.
    REQUIRE(below);
    CHECK(below->normal.z == Approx(-1.0));
}

TEST_CASE("BVH keeps millimetres for a site placed at projected coordinates", "[bvh]") {
    // A 200 m square ground with a 1 m box, placed 4,400 km east and 500 km north.
    const glm::dvec3 far(4.4e6, 5.0e5, 40.0);
    const Model ground = test::MeshBuilder().floor(-100, -100, 100, 100, 0).box({10, 10, 0}, {11, 11, 1}).build();
    const PlacedModel placed[] = {{&ground, glm::translate(glm::dmat4(1.0), far)}};
    const Bvh bvh = Bvh::build(placed);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-90.0, 90.0);
    for (int i = 0; i < 200; ++i) {
        const glm::dvec3 p = far + glm::dvec3(u(rng), u(rng), 0.0);
        const auto hit = bvh.raycast(p + glm::dvec3(3, -2, 20), glm::dvec3(-3, 2, -20), 100.0);
        REQUIRE(hit);
        const bool onBox = hit->position.z > far.z + 1e-3;
        if (!onBox) CHECK(glm::length(hit->position - p) < 1e-3);
    }
    const auto top = bvh.raycast(far + glm::dvec3(10.5, 10.5, 5), {0, 0, -1}, 100);
    REQUIRE(top);
    CHECK(top->position.z - far.z == Approx(1.0).margin(1e-3));
    const auto near = bvh.closestPoint(far + glm::dvec3(11.4, 10.5, 0.8), 5.0);  // 0.4 from the box, 0.8 above ground.
    REQUIRE(near);
    CHECK(near->distance == Approx(0.4).margin(1e-3));
    CHECK(near->normal.x == Approx(1.0));
}

TEST_CASE("BVH closest point and capsule contacts", "[bvh]") {
    const test::TestScene scene(test::MeshBuilder().floor(-5, -5, 5, 5, 0).wall(-5, 2, 5, 2, 0, 3).build());
    const auto p = scene.bvh.closestPoint({0, 1.5, 1.0}, 2.0);
    REQUIRE(p);
    CHECK(p->distance == Approx(0.5));
    CHECK(p->normal.y == Approx(-1.0));
    CHECK_FALSE(scene.bvh.closestPoint({0, 0, 10}, 2.0));

    std::vector<Contact> contacts;
    scene.bvh.capsuleContacts({0, 1.8, 0.5}, {0, 1.8, 1.5}, 0.3, contacts);
    REQUIRE(contacts.size() >= 1);  // The wall (one or both of its triangles); the floor is 0.5 away.
    for (const Contact& c : contacts) {
        CHECK(c.depth == Approx(0.1));
        CHECK(c.normal.y == Approx(-1.0));
        CHECK(c.point.y == Approx(2.0));
    }
    contacts.clear();
    scene.bvh.capsuleContacts({0, 0, 0.2}, {0, 0, 0.2}, 0.3, contacts);  // A sphere on the floor.
    REQUIRE_FALSE(contacts.empty());
    CHECK(contacts[0].normal.z == Approx(1.0));
    CHECK(contacts[0].depth == Approx(0.1));
}

TEST_CASE("BVH raycast agrees with brute force on a real scan", "[bvh][data]") {
    const auto path = test::sharedDataFile("igea/igea.ply");
    auto model = importModel(path);
    REQUIRE(model.ok());
    const PlacedModel placed[] = {{&*model, upAxisToZUp(model->up)}};
    const Bvh bvh = Bvh::build(placed);
    CHECK(bvh.triangleCount() > 100000);
    compareWithBruteForce(placed, bvh, 300, 11);
}

TEST_CASE("BVH leaves out what section planes and clip boxes cut away", "[bvh][clipping]") {
    // A roof at 10 m over a floor at 0: cut the roof off and a ray from above lands on the floor;
    // a wall the cut crosses stays whole.
    const Model model = test::MeshBuilder().floor(-5, -5, 5, 5, 0).floor(-5, -5, 5, 5, 10).wall(-5, 3, 5, 3, 0, 10).build();
    PlacedModel placed{&model, glm::dmat4(1.0)};
    placed.clipping.planes.push_back(*makeClipPlane({0, 0, -1}, 5));  // Keeps z <= 5.
    const Bvh cut = Bvh::build({&placed, 1});
    auto hit = cut.raycast({0, 0, 20}, {0, 0, -1}, 100);
    REQUIRE(hit);
    CHECK(hit->position.z == Approx(0.0).margin(1e-6));
    CHECK(cut.raycast({0, 6, 8}, {0, -1, 0}, 100));  // The crossed wall, above the cut: still there.
    const PlacedModel uncut{&model, glm::dmat4(1.0)};
    const Bvh whole = Bvh::build({&uncut, 1});
    CHECK(whole.raycast({0, 0, 20}, {0, 0, -1}, 100)->position.z == Approx(10.0));
    CHECK(cut.triangleCount() == whole.triangleCount() - 2);
}
