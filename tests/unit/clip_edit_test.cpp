// The curator's clip gizmos as geometry: a drag of each handle, seen down a known view ray,
// moves or turns the cut by exactly what the pointer covered.
#include <catch2/catch.hpp>

#include "scene/clip_edit.h"

using namespace axis;

namespace {

// A ray looking west (-x) through (10, y, z): the view of a camera far to the east.
Ray west(double y, double z) { return {{10.0, y, z}, {-1.0, 0.0, 0.0}}; }
// A ray looking south (-y) through (x, 10, z).
Ray south(double x, double z) { return {{x, 10.0, z}, {0.0, -1.0, 0.0}}; }

void checkNear(const glm::dvec3& got, const glm::dvec3& want) {
    INFO(got.x << ' ' << got.y << ' ' << got.z);
    CHECK(glm::length(got - want) < 1e-9);
}

}  // namespace

TEST_CASE("a plane's arrow drags it along its normal", "[clip_edit]") {
    const ClipPlane start{{0, 0, -1}, 2.0};  // Keeps z <= 2.
    const auto handles = planeHandles(start, {0, 0, 0}, 1.0);
    REQUIRE(handles.size() == 2);
    checkNear(handles[0].position, {0, 0, 1});  // Anchor (0,0,2), one metre down its normal.
    ClipDrag drag = ClipDrag::plane(start, ClipHandle::PlaneMove, {0, 0, 0}, 1.0, west(0, 1), {-1, 0, 0});
    const ClipPlane moved = drag.updatePlane(west(0, 0));
    checkNear(moved.normal, {0, 0, -1});
    CHECK(moved.offset == Approx(1.0));  // Now keeps z <= 1: a metre lower.
    // A ray along the normal says nothing about where on it the pointer is: the cut stays.
    const ClipPlane kept = drag.updatePlane({{0, 0, 10}, {0, 0, -1}});
    CHECK(kept == moved);
}

TEST_CASE("a plane's side handle turns it about its anchor", "[clip_edit]") {
    const ClipPlane start{{0, 0, 1}, 0.0};
    checkNear(planeTangent(start), {0, -1, 0});
    ClipDrag drag = ClipDrag::plane(start, ClipHandle::PlaneTurn, {0, 0, 0}, 1.0, west(-1, 0), {-1, 0, 0});
    const ClipPlane turned = drag.updatePlane(west(-1, 1));  // The handle lifted a metre: 45 degrees.
    checkNear(turned.normal, {0, std::sqrt(0.5), std::sqrt(0.5)});
    CHECK(turned.offset == Approx(0.0).margin(1e-12));
    CHECK(std::abs(glm::dot(turned.normal, glm::dvec3(0, -1, 1)) + turned.offset) < 1e-12);  // Through the pointer.
}

TEST_CASE("a box's faces move along their axis and never pass the opposite face", "[clip_edit]") {
    const ClipBox start{{0, 0, 0}, {2, 2, 2}};
    const auto handles = boxHandles(start);
    REQUIRE(handles.size() == 7);
    checkNear(handles[1].position, {2, 1, 1});  // +x face.
    checkNear(handles[6].position, {1, 1, 1});  // Centre.
    ClipDrag drag = ClipDrag::box(start, ClipHandle::BoxFace, 1, south(2, 1), {0, -1, 0});
    const ClipBox wider = drag.updateBox(south(3.5, 1));
    checkNear(wider.min, {0, 0, 0});
    checkNear(wider.max, {3.5, 2, 2});
    const ClipBox flat = drag.updateBox(south(-5, 1));
    checkNear(flat.max, {0, 2, 2});  // Stopped at min.x.
    CHECK(makeClipBox(flat.min, flat.max).ok());

    ClipDrag lower = ClipDrag::box(start, ClipHandle::BoxFace, 4, south(1, 0), {0, -1, 0});
    checkNear(lower.updateBox(south(1, -0.5)).min, {0, 0, -0.5});
}

TEST_CASE("a box's centre moves the whole box in the plane facing the view", "[clip_edit]") {
    const ClipBox start{{0, 0, 0}, {2, 2, 2}};
    ClipDrag drag = ClipDrag::box(start, ClipHandle::BoxCentre, -1, south(1, 1), {0, -1, 0});
    const ClipBox moved = drag.updateBox(south(2, 1.5));
    checkNear(moved.min, {1, 0, 0.5});
    checkNear(moved.max, {3, 2, 2.5});
}

TEST_CASE("closestOnLine and rayPlane refuse what has no answer", "[clip_edit]") {
    CHECK_FALSE(closestOnLine({{0, 0, 0}, {1, 0, 0}}, {{0, 1, 0}, {1, 0, 0}}));
    CHECK(closestOnLine({{0, 0, 0}, {1, 0, 0}}, {{3, 1, 5}, {0, 0, -1}}) == Approx(3.0));
    CHECK_FALSE(rayPlane({{0, 0, 1}, {1, 0, 0}}, {0, 0, 0}, {0, 0, 1}));  // Parallel.
    CHECK_FALSE(rayPlane({{0, 0, 1}, {0, 0, 1}}, {0, 0, 0}, {0, 0, 1}));  // Behind.
}
