#pragma once
// What walk and fly share: a heading and pitch turned by mouse look, drags and look rates.
#include <algorithm>
#include <cmath>

#include "nav/controller.h"

namespace axis::nav {

class FirstPersonController : public CameraController {
public:
    void look(double yawDegrees, double pitchDegrees) override { turn(yawDegrees, pitchDegrees); }
    double yawDegrees() const { return yaw_; }      ///< Compass heading, [0, 360).
    double pitchDegrees() const { return pitch_; }  ///< Above the horizon, within +-pitchLimit.

protected:
    explicit FirstPersonController(double pitchLimitDegrees) : pitchLimit_(pitchLimitDegrees) {}

    void turn(double yawDegrees, double pitchDegrees) {
        yaw_ = std::fmod(yaw_ + yawDegrees, 360.0);
        if (yaw_ < 0.0) yaw_ += 360.0;
        // Short of the poles, where the heading (and the view's up) would be undefined.
        pitch_ = std::clamp(pitch_ + pitchDegrees, -pitchLimit_, pitchLimit_);
    }
    /// Grab-the-world: the point under the cursor follows it (drag right turns left).
    void onDrag(double dx, double dy, bool) override {
        const double degreesPerPixel = glm::degrees(fovY_) / viewHeight_;
        turn(-dx * degreesPerPixel, dy * degreesPerPixel);
    }
    void setOrientation(const glm::dvec3& forward) {
        double yaw = 0.0, pitch = 0.0;
        headingOf(forward, yaw, pitch);
        yaw_ = 0.0;
        pitch_ = 0.0;
        turn(yaw, pitch);
    }
    glm::dvec3 forward() const {
        const double y = glm::radians(yaw_), p = glm::radians(pitch_);
        return {std::sin(y) * std::cos(p), std::cos(y) * std::cos(p), std::sin(p)};
    }
    /// Level unit vectors: ahead along the heading, and to its right.
    glm::dvec3 ahead() const { return {std::sin(glm::radians(yaw_)), std::cos(glm::radians(yaw_)), 0.0}; }
    glm::dvec3 right() const { return {std::cos(glm::radians(yaw_)), -std::sin(glm::radians(yaw_)), 0.0}; }
    Camera cameraAt(const glm::dvec3& eye) const {
        Camera c;
        c.position = eye;
        c.forward = forward();
        c.fovY = fovY_;
        return c;
    }

    double yaw_ = 0.0, pitch_ = 0.0;
    double fovY_ = glm::radians(60.0);
    double pitchLimit_;
};

/// `v` with its length clamped to at most 1 (a stick's diagonal is no faster than straight).
inline glm::dvec2 clampUnit(const glm::dvec2& v) {
    const double len = glm::length(v);
    return len > 1.0 ? v / len : v;
}

/// The factor that moves a value `1 - exp(-dt / tau)` of the way to its target: exponential
/// smoothing that composes exactly across substeps.
inline double approachFactor(double dt, double tau) { return tau > 0.0 ? 1.0 - std::exp(-dt / tau) : 1.0; }

}  // namespace axis::nav
