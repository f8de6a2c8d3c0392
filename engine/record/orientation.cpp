#include "record/orientation.h"

#include <cmath>

namespace axis::record {
namespace {

glm::dquat axisAngle(const glm::dvec3& axis, double degrees) {
    return glm::angleAxis(glm::radians(degrees), axis);
}

// Logarithm and exponential of unit quaternions, written out because glm's versions are not
// defined for the pure-vector quaternions squad needs near the identity.
glm::dquat logUnit(const glm::dquat& q) {
    const glm::dvec3 v(q.x, q.y, q.z);
    const double s = glm::length(v);
    if (s < 1e-12) return {0.0, 0.0, 0.0, 0.0};
    const double angle = std::atan2(s, q.w);
    const glm::dvec3 r = v * (angle / s);
    return {0.0, r.x, r.y, r.z};
}

glm::dquat expPure(const glm::dquat& q) {
    const glm::dvec3 v(q.x, q.y, q.z);
    const double a = glm::length(v);
    if (a < 1e-12) return {1.0, 0.0, 0.0, 0.0};
    const glm::dvec3 r = v * (std::sin(a) / a);
    return {std::cos(a), r.x, r.y, r.z};
}

// Slerp along the arc from a to b as given, even if it is the long way round.
glm::dquat slerpAsGiven(const glm::dquat& a, const glm::dquat& end, double t) {
    const double cosAngle = glm::clamp(glm::dot(a, end), -1.0, 1.0);
    if (cosAngle > 0.9999995) return glm::normalize(a * (1.0 - t) + end * t);
    const double angle = std::acos(cosAngle);
    const double s = std::sin(angle);
    return glm::normalize(a * (std::sin((1.0 - t) * angle) / s) + end * (std::sin(t * angle) / s));
}

}  // namespace

glm::dquat orientationFromAngles(const Angles& a) {
    return glm::normalize(axisAngle({0, 0, 1}, -a.yaw) * axisAngle({1, 0, 0}, a.pitch) *
                          axisAngle({0, 1, 0}, a.roll));
}

Angles anglesFromOrientation(const glm::dquat& q) {
    const glm::dvec3 f = forwardOf(q), u = upOf(q);
    Angles a;
    a.pitch = glm::degrees(std::asin(glm::clamp(f.z, -1.0, 1.0)));
    const bool vertical = std::hypot(f.x, f.y) < 1e-9;
    a.yaw = vertical ? 0.0 : glm::degrees(std::atan2(f.x, f.y));
    if (a.yaw < 0.0) a.yaw += 360.0;
    // The unrolled camera's up and right for this yaw and pitch; roll is the angle of u between them.
    const glm::dquat unrolled = orientationFromAngles({a.yaw, a.pitch, 0.0});
    const glm::dvec3 up0 = upOf(unrolled), right0 = unrolled * glm::dvec3(1, 0, 0);
    a.roll = glm::degrees(std::atan2(glm::dot(u, right0), glm::dot(u, up0)));
    return a;
}

glm::dvec3 forwardOf(const glm::dquat& q) { return q * glm::dvec3(0, 1, 0); }
glm::dvec3 upOf(const glm::dquat& q) { return q * glm::dvec3(0, 0, 1); }

void makeHemisphereContinuous(std::span<glm::dquat> keys) {
    for (std::size_t i = 1; i < keys.size(); ++i)
        if (glm::dot(keys[i - 1], keys[i]) < 0.0) keys[i] = -keys[i];
}

glm::dquat slerpShortest(const glm::dquat& a, const glm::dquat& b, double t) {
    return slerpAsGiven(a, glm::dot(a, b) < 0.0 ? -b : b, t);
}

std::vector<glm::dquat> squadControls(std::span<const glm::dquat> keys) {
    std::vector<glm::dquat> out(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const glm::dquat& q = keys[i];
        const glm::dquat& prev = keys[i == 0 ? i : i - 1];
        const glm::dquat& next = keys[i + 1 == keys.size() ? i : i + 1];
        const glm::dquat inv = glm::conjugate(q);
        const glm::dquat sum = logUnit(inv * next) + logUnit(inv * prev);
        out[i] = glm::normalize(q * expPure(sum * -0.25));
    }
    return out;
}

glm::dquat squad(const glm::dquat& q0, const glm::dquat& s0, const glm::dquat& s1, const glm::dquat& q1,
                 double t) {
    // Plain slerps, as Shoemake wrote it: keys and controls already share a hemisphere, and
    // choosing the short arc per t would switch arcs mid-segment and flip the camera.
    return slerpAsGiven(slerpAsGiven(q0, q1, t), slerpAsGiven(s0, s1, t), 2.0 * t * (1.0 - t));
}

}  // namespace axis::record
