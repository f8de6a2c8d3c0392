#include "nav/transition.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/quaternion.hpp>

#include "nav/controller.h"

namespace axis::nav {

namespace {

// Orientation with a level horizon: heading about +z, then pitch about the camera's right axis.
glm::dquat orientationOf(const glm::dvec3& forward) {
    double yaw = 0.0, pitch = 0.0;
    headingOf(forward, yaw, pitch);
    return glm::angleAxis(-glm::radians(yaw), glm::dvec3(0, 0, 1)) *
           glm::angleAxis(glm::radians(pitch), glm::dvec3(1, 0, 0));
}

double angleBetween(const glm::dvec3& a, const glm::dvec3& b) {
    return std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0, 1.0));
}

glm::dvec3 horizontal(const glm::dvec3& v) { return {v.x, v.y, 0.0}; }

Camera looking(const glm::dvec3& eye, const glm::dvec3& target, double fovY, double maxPitch) {
    double yaw = 0.0, pitch = 0.0;
    headingOf(target - eye, yaw, pitch);
    Camera c = Camera::fromHeading(eye, yaw, std::clamp(pitch, -maxPitch, maxPitch), glm::degrees(fovY));
    return c;
}

}  // namespace

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

double CameraTransition::durationFor(const Camera& from, const Camera& to, const TransitionSettings& s) {
    const double byDistance = s.secondsPerSqrtMetre * std::sqrt(glm::length(to.position - from.position));
    const double byAngle = s.secondsPer180Degrees * angleBetween(from.forward, to.forward) / glm::pi<double>();
    return std::clamp(std::max(byDistance, byAngle), s.minSeconds, s.maxSeconds);
}

CameraTransition::CameraTransition(const Camera& from, const Camera& to, const TransitionSettings& settings)
    : from_(from), to_(to), duration_(durationFor(from, to, settings)), active_(true) {}

void CameraTransition::update(double dt) {
    if (active_) elapsed_ = std::min(elapsed_ + std::max(dt, 0.0), duration_);
}

Camera CameraTransition::camera() const {
    if (!active_ || elapsed_ >= duration_) return to_;
    const double s = easeInOut(elapsed_ / duration_);
    Camera c = to_;
    c.position = glm::mix(from_.position, to_.position, s);
    glm::dquat a = orientationOf(from_.forward), b = orientationOf(to_.forward);
    if (glm::dot(a, b) < 0.0) b = -b;  // Shortest arc: never the long way round.
    c.forward = glm::normalize(glm::slerp(a, b, s) * glm::dvec3(0, 1, 0));
    c.up = glm::dvec3(0, 0, 1);  // Level horizon throughout; slerp's small roll is not shown.
    c.fovY = glm::mix(from_.fovY, to_.fovY, s);
    c.nearPlane = glm::mix(from_.nearPlane, to_.nearPlane, s);
    return c;
}

static Camera goToWalk(const Camera& from, const Hit& hit, const NavWorld* world, const GoToSettings& s) {
    glm::dvec3 feet = hit.position;
    glm::dvec3 lookAt;
    if (hit.normal.z > s.floorNormalZ) {
        // Ground: stand on it, facing the way we came, looking a little down the way ahead.
        glm::dvec3 ahead = horizontal(hit.position - from.position);
        if (glm::length(ahead) < 1e-6) ahead = horizontal(from.forward);
        if (glm::length(ahead) < 1e-6) ahead = glm::dvec3(0, 1, 0);
        lookAt = feet + glm::normalize(ahead) * 10.0 + glm::dvec3(0, 0, s.eyeHeight * 0.5);
    } else {
        // A wall or an object: stand in front of it, where nothing blocks the way back out.
        glm::dvec3 out = horizontal(hit.normal);
        if (glm::length(out) < 0.1) out = -horizontal(from.forward);
        if (glm::length(out) < 1e-6) out = glm::dvec3(0, -1, 0);
        out = glm::normalize(out);
        double standoff = s.walkStandoff;
        const glm::dvec3 start = hit.position + hit.normal * 0.01;
        if (world)
            if (auto block = world->raycast(start, out, standoff)) standoff = std::max(0.0, block->distance - 0.3);
        feet = hit.position + out * standoff;
        feet.z = from.position.z - s.eyeHeight;
        if (world) {
            const glm::dvec3 probe(feet.x, feet.y, hit.position.z + s.eyeHeight);
            if (auto ground = world->raycast(probe, glm::dvec3(0, 0, -1), 200.0)) feet.z = ground->position.z;
        }
        lookAt = hit.position;
    }
    const glm::dvec3 eye = feet + glm::dvec3(0, 0, s.eyeHeight);
    return looking(eye, lookAt, from.fovY, s.maxPitch);
}

static Camera goToFly(const Camera& from, const Hit& hit, const GoToSettings& s) {
    const glm::dvec3 back = -glm::normalize(from.forward);
    glm::dvec3 dir = hit.normal;
    // A grazing surface seen from far to the side: come in half-way between its normal and the view.
    if (glm::dot(dir, back) < 0.3) dir = glm::normalize(dir + back);
    const double standoff = std::clamp(glm::length(hit.position - from.position) * s.flyStandoffFraction,
                                       s.flyMinStandoff, s.flyMaxStandoff);
    Camera c = looking(hit.position + dir * standoff, hit.position, from.fovY, 89.0);
    c.nearPlane = from.nearPlane;
    return c;
}

Camera goToTarget(const Camera& from, const Hit& hit, GoToStyle style, const NavWorld* world,
                  const GoToSettings& settings) {
    return style == GoToStyle::Walk ? goToWalk(from, hit, world, settings) : goToFly(from, hit, settings);
}

}  // namespace axis::nav
