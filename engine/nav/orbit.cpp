#include "nav/orbit.h"

#include <algorithm>
#include <cmath>

namespace axis::nav {

void OrbitController::reset(const Camera& camera, double distance) {
    glm::dvec3 f = glm::normalize(camera.forward);
    distance_ = std::max(distance, 1e-3);
    target_ = camera.position + f * distance_;
    yawDegrees_ = glm::degrees(std::atan2(f.x, f.y));
    pitchDegrees_ = glm::degrees(std::asin(std::clamp(f.z, -1.0, 1.0)));
    fovY_ = camera.fovY;
}

void OrbitController::orbitAround(const glm::dvec3& eye, const glm::dvec3& target, double fovY) {
    Camera c;
    c.position = eye;
    c.forward = glm::normalize(target - eye);
    c.fovY = fovY;
    reset(c, glm::length(target - eye));
}

void OrbitController::look(double yawDegrees, double pitchDegrees) {
    yawDegrees_ = std::fmod(yawDegrees_ + yawDegrees, 360.0);
    pitchDegrees_ = std::clamp(pitchDegrees_ + pitchDegrees, -89.0, 89.0);
}

void OrbitController::update(double dt) {
    dt = std::clamp(dt, 0.0, 0.25);
    look((input_.lookRate.x + input_.move.x * kCircleDegreesPerSecond) * dt, input_.lookRate.y * dt);
    // pow() composes exactly: two half-frames zoom as much as one whole one.
    if (input_.move.y != 0.0) zoom(input_.move.y * kZoomStepsPerSecond * dt);
}

void OrbitController::rotate(double dx, double dy, double viewHeight) {
    const double degreesPerPixel = 180.0 / std::max(viewHeight, 1.0);
    yawDegrees_ = std::fmod(yawDegrees_ + dx * degreesPerPixel, 360.0);
    // Stop short of the poles, where heading is undefined.
    pitchDegrees_ = std::clamp(pitchDegrees_ - dy * degreesPerPixel, -89.0, 89.0);
}

void OrbitController::pan(double dx, double dy, double viewHeight) {
    Camera c = camera();
    glm::dvec3 right = glm::normalize(glm::cross(c.forward, glm::dvec3(0, 0, 1)));
    glm::dvec3 up = glm::cross(right, c.forward);
    const double metresPerPixel = 2.0 * distance_ * std::tan(fovY_ / 2) / std::max(viewHeight, 1.0);
    target_ += (-dx * right + dy * up) * metresPerPixel;
}

void OrbitController::zoom(double steps) {
    distance_ = std::clamp(distance_ * std::pow(0.85, steps), 1e-3, 1e7);
}

Camera OrbitController::camera() const {
    Camera c = Camera::fromHeading(glm::dvec3(0.0), yawDegrees_, pitchDegrees_, glm::degrees(fovY_));
    c.position = target_ - c.forward * distance_;
    c.nearPlane = std::max(distance_ * 0.002, 1e-4);
    return c;
}

}  // namespace axis::nav
