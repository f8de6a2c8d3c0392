// Measurement geometry (scene/measure.h): the values against a box of known size, and snapping a
// picked point to the box's corners and edges through the BVH.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/bvh.h"
#include "scene/measure.h"

using namespace axis;

namespace {

// A closed box from `lo` to `hi`, 12 triangles, far from the origin so that precision is tested.
Model box(const glm::vec3& lo, const glm::vec3& hi) {
    Model m;
    Primitive prim;
    for (int i = 0; i < 8; ++i)
        prim.vertices.push_back({glm::vec3(i & 1 ? hi.x : lo.x, i & 2 ? hi.y : lo.y, i & 4 ? hi.z : lo.z)});
    const std::uint32_t faces[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4},
                                       {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
    for (const auto& f : faces) prim.indices.insert(prim.indices.end(), {f[0], f[1], f[2], f[0], f[2], f[3]});
    m.primitives.push_back(std::move(prim));
    m.materials.push_back({});
    m.computeBounds();
    return m;
}

// The corner of the box from `lo` to `hi` with bits x, y, z (0: low, 1: high).
glm::dvec3 corner(const glm::dvec3& lo, const glm::dvec3& hi, int x, int y, int z) {
    return {x ? hi.x : lo.x, y ? hi.y : lo.y, z ? hi.z : lo.z};
}

}  // namespace

TEST_CASE("Distances, heights, polylines, areas and angles of a 2 x 3 x 4 m box", "[measure]") {
    const glm::dvec3 lo(500000.0, 4400000.0, 40.0), hi = lo + glm::dvec3(2.0, 3.0, 4.0);
    const glm::dvec3 a = corner(lo, hi, 0, 0, 0), b = corner(lo, hi, 1, 0, 0), c = corner(lo, hi, 1, 1, 0),
                     d = corner(lo, hi, 0, 1, 0), top = corner(lo, hi, 1, 1, 1);
    CHECK(distance(a, b) == Approx(2.0).margin(1e-6));
    CHECK(distance(a, top) == Approx(std::sqrt(4.0 + 9.0 + 16.0)).margin(1e-6));
    CHECK(heightDifference(a, top) == Approx(4.0).margin(1e-6));
    CHECK(heightDifference(top, a) == Approx(-4.0).margin(1e-6));
    CHECK(horizontalDistance(a, top) == Approx(std::sqrt(13.0)).margin(1e-6));
    const std::vector<glm::dvec3> path = {a, b, c, top};
    CHECK(polylineLength(path) == Approx(2.0 + 3.0 + 4.0).margin(1e-6));
    const std::vector<glm::dvec3> floor = {a, b, c, d};
    CHECK(polygonArea(floor) == Approx(6.0).margin(1e-6));
    const std::vector<glm::dvec3> side = {a, b, corner(lo, hi, 1, 0, 1), corner(lo, hi, 0, 0, 1)};  // A vertical face.
    CHECK(polygonArea(side) == Approx(8.0).margin(1e-6));
    const std::vector<glm::dvec3> reversed = {d, c, b, a};
    CHECK(polygonArea(reversed) == Approx(6.0).margin(1e-6));
    CHECK(glm::degrees(angleAt(b, a, d)) == Approx(90.0).margin(1e-9));
    CHECK(glm::degrees(angleAt(c, a, b)) == Approx(glm::degrees(std::atan2(3.0, 2.0))).margin(1e-9));
    CHECK(angleAt(a, a, b) == 0.0);

    CHECK(measureValue(MeasureKind::Distance, std::vector{a, b}) == Approx(2.0).margin(1e-6));
    CHECK(measureValue(MeasureKind::Area, floor) == Approx(6.0).margin(1e-6));
    CHECK(std::isnan(measureValue(MeasureKind::Angle, std::vector{a, b})));
    CHECK(formatMeasureValue(MeasureKind::Distance, 2.0) == "2.000 m");
    CHECK(formatMeasureValue(MeasureKind::HeightDifference, 4.0) == "dz +4.000 m");
    CHECK(formatMeasureValue(MeasureKind::Area, 6.0) == "6.000 m\u00b2");
    CHECK(formatMeasureValue(MeasureKind::Angle, glm::radians(90.0)) == "90.0\u00b0");
}

TEST_CASE("Measure kinds have file names and point counts", "[measure]") {
    for (MeasureKind k : {MeasureKind::Distance, MeasureKind::HeightDifference, MeasureKind::HorizontalDistance,
                          MeasureKind::Polyline, MeasureKind::Area, MeasureKind::Angle})
        CHECK(measureKindFromName(measureKindName(k)) == k);
    CHECK_FALSE(measureKindFromName("volume").has_value());
    CHECK(minPoints(MeasureKind::Area) == 3);
    CHECK(maxPoints(MeasureKind::Polyline) == 0);
    CHECK(maxPoints(MeasureKind::Angle) == 3);
}

TEST_CASE("A click near a box corner snaps to it, near an edge to the edge, elsewhere stays", "[measure][snap]") {
    const glm::dvec3 lo(500000.0, 4400000.0, 40.0), hi = lo + glm::dvec3(2.0, 3.0, 4.0);
    // Placed in the site like a scan in projected coordinates: the model is relative, the placement far.
    const Model model = box(glm::vec3(0.0f), glm::vec3(2.0f, 3.0f, 4.0f));
    PlacedModel placed{&model, glm::translate(glm::dmat4(1.0), lo)};
    const Bvh bvh = Bvh::build(std::span(&placed, 1));
    const double tolerance = 0.05;

    // Straight down onto the top face, 2 cm from its (1, 1) corner.
    auto hit = bvh.raycast(corner(lo, hi, 1, 1, 1) + glm::dvec3(-0.02, -0.01, 10.0), {0, 0, -1}, 100.0);
    REQUIRE(hit);
    Snap snap = snapToSurface(bvh, *hit, tolerance);
    CHECK(snap.kind == SnapKind::Vertex);
    CHECK(glm::length(snap.position - corner(lo, hi, 1, 1, 1)) < 1e-6);

    // 3 cm inside the top face's x = lo edge, half way along it: onto the edge.
    hit = bvh.raycast(lo + glm::dvec3(0.03, 1.2, 14.0), {0, 0, -1}, 100.0);
    REQUIRE(hit);
    snap = snapToSurface(bvh, *hit, tolerance);
    CHECK(snap.kind == SnapKind::Edge);
    CHECK(glm::length(snap.position - (lo + glm::dvec3(0.0, 1.2, 4.0))) < 1e-6);

    // Well inside a face, away from every edge (the diagonal too): the hit itself.
    hit = bvh.raycast(lo + glm::dvec3(1.5, 0.5, 14.0), {0, 0, -1}, 100.0);
    REQUIRE(hit);
    snap = snapToSurface(bvh, *hit, tolerance);
    CHECK(snap.kind == SnapKind::Surface);
    CHECK(glm::length(snap.position - hit->position) < 1e-9);

    // Two snapped corners measure the box's edge exactly.
    auto first = bvh.raycast(corner(lo, hi, 0, 0, 1) + glm::dvec3(0.01, 0.02, 5.0), {0, 0, -1}, 100.0);
    auto second = bvh.raycast(corner(lo, hi, 0, 1, 1) + glm::dvec3(0.02, -0.01, 5.0), {0, 0, -1}, 100.0);
    REQUIRE(first);
    REQUIRE(second);
    const double measured =
        distance(snapToSurface(bvh, *first, tolerance).position, snapToSurface(bvh, *second, tolerance).position);
    CHECK(measured == Approx(3.0).margin(1e-6));
}

TEST_CASE("Triangles near a point are found through the BVH", "[measure][snap]") {
    const Model model = box(glm::vec3(0.0f), glm::vec3(1.0f));
    PlacedModel placed{&model};
    const Bvh bvh = Bvh::build(std::span(&placed, 1));
    std::vector<TriangleCorners> near;
    bvh.trianglesNear({0.5, 0.5, 1.001}, 0.01, near);  // Above the middle of the top face: its two triangles.
    CHECK(near.size() == 2);
    near.clear();
    bvh.trianglesNear({5.0, 5.0, 5.0}, 0.5, near);
    CHECK(near.empty());
}

TEST_CASE("A snapping tolerance in pixels becomes metres at the hit's distance", "[measure][snap]") {
    // 60 degrees across 600 pixels at 10 m: the view is 2 * 10 * tan(30) = 11.547 m tall.
    CHECK(pixelsToMetres(10.0, 10.0, glm::radians(60.0), 600.0) == Approx(10.0 * 11.547005 / 600.0));
    CHECK(pixelsToMetres(10.0, 10.0, glm::radians(60.0), 0.0) == 0.0);
}
