#include "nav/framing.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace axis::nav {
namespace {

constexpr double kMargin = 1.06;  // Leave a little air around the silhouette.

struct Basis {
    glm::dvec3 f, r, u;
};

// Along one screen axis: the camera's sideways shift s must satisfy, for every point,
// |a_i - s| <= t * (D + z_i), with a_i the point's offset along the axis and z_i along the view.
// Returns the feasible interval of s for distance D (empty when lo > hi).
struct Interval {
    double lo, hi;
};

Interval shiftInterval(const std::vector<glm::dvec3>& local, int axis, double t, double distance) {
    Interval s{-1e300, 1e300};
    for (const auto& q : local) {
        double a = q[axis], reach = t * (distance + q.z);
        s.lo = std::max(s.lo, a - reach);
        s.hi = std::min(s.hi, a + reach);
    }
    return s;
}

}  // namespace

Camera framePoints(std::span<const glm::dvec3> points, const ViewAngles& angles, double aspect, double fovYDegrees) {
    Camera cam = Camera::fromHeading(glm::dvec3(0.0), angles.azimuthDegrees, -angles.elevationDegrees, fovYDegrees);
    Bounds box;
    for (const auto& p : points) box.add(p);
    const glm::dvec3 center = box.empty() ? glm::dvec3(0.0) : box.center();
    Basis b{cam.forward, glm::normalize(glm::cross(cam.forward, glm::dvec3(0, 0, 1))), {}};
    b.u = glm::cross(b.r, b.f);

    // Points in camera axes around the centre: x right, y up, z forward.
    std::vector<glm::dvec3> local;
    local.reserve(points.size());
    double radius = 0.0;
    for (const auto& p : points) {
        glm::dvec3 c = p - center;
        local.emplace_back(glm::dot(c, b.r), glm::dot(c, b.u), glm::dot(c, b.f));
        radius = std::max(radius, glm::length(c));
    }
    const double tanY = std::tan(cam.fovY * 0.5) / kMargin, tanX = tanY * aspect;
    auto fits = [&](double d) {
        Interval x = shiftInterval(local, 0, tanX, d), y = shiftInterval(local, 1, tanY, d);
        return x.lo <= x.hi && y.lo <= y.hi;
    };
    // Far enough to see the bounding sphere from its centre always fits; bisect down from there.
    double hi = std::max(radius, 1e-9) * (1.0 + 1.0 / std::min(tanX, tanY)), lo = 0.0;
    for (int i = 0; i < 60; ++i) {
        double mid = 0.5 * (lo + hi);
        (fits(mid) ? hi : lo) = mid;
    }
    Interval x = shiftInterval(local, 0, tanX, hi), y = shiftInterval(local, 1, tanY, hi);
    glm::dvec3 shift = local.empty() ? glm::dvec3(0.0) : b.r * (0.5 * (x.lo + x.hi)) + b.u * (0.5 * (y.lo + y.hi));

    const double distance = (radius > 0.0 ? hi : 1.0) * std::max(angles.distanceScale, 1e-3);
    glm::dvec3 target = center + shift;
    cam.position = target - b.f * distance;
    // Keep the near plane small against the scene but large enough for depth precision.
    cam.nearPlane = std::clamp((distance - radius) * 0.5, 1e-4 * distance, 0.1 * distance);
    return cam;
}

Camera frameBounds(const Bounds& box, const ViewAngles& angles, double aspect, double fovYDegrees) {
    std::vector<glm::dvec3> corners;
    for (int i = 0; i < 8 && !box.empty(); ++i)
        corners.emplace_back((i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y,
                             (i & 4) ? box.max.z : box.min.z);
    return framePoints(corners, angles, aspect, fovYDegrees);
}

}  // namespace axis::nav
