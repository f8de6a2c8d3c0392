#pragma once
// One interface for every way of moving the camera (orbit, walk, fly), after filament's
// camutils Manipulator: direct manipulation (grab, scroll, look deltas), held intents (NavInput),
// and update(dt) once per frame. The viewer maps mouse, keys, touch and gamepads onto these.
//
// Frame-rate independence: held intents are rates, integrated by update(dt) (walk and fly in
// fixed 240 Hz substeps, see FixedStep), and deltas (grab, look, scroll) are applied as given; the
// same input over the same time gives the same path at 30 or 144 frames per second.
#include <algorithm>
#include <cmath>

#include "scene/camera.h"

namespace axis::nav {

/// Input held over time; set it every frame (or whenever it changes) with setInput().
struct NavInput {
    glm::dvec2 move{0.0};      ///< x strafes right, y moves forward; each in [-1, 1] (keys, left stick).
    double rise = 0.0;         ///< [-1, 1]: fly up/down; walk ignores it.
    glm::dvec2 lookRate{0.0};  ///< Degrees per second: x turns right, y looks up (right stick, arrow keys).
    bool run = false;          ///< Multiplies speed (settings' runMultiplier).
    bool jump = false;         ///< Walk: jumps when standing; holding it jumps again on landing.
};

class CameraController {
public:
    virtual ~CameraController() = default;

    /// Takes over from `camera` (e.g. when switching controllers or after a transition).
    virtual void reset(const Camera& camera) = 0;
    /// Window size in pixels, for turning pixel drags into angles.
    void setViewport(double widthPixels, double heightPixels) {
        viewWidth_ = std::max(widthPixels, 1.0);
        viewHeight_ = std::max(heightPixels, 1.0);
    }

    /// Drag with the mouse or one finger, in pixels (y down). `strafe`: pan instead of turn
    /// (right or middle button, two fingers); walk and fly turn either way.
    virtual void grabBegin(double x, double y, bool strafe) {
        grabbing_ = true;
        grabStrafe_ = strafe;
        grabX_ = x;
        grabY_ = y;
    }
    virtual void grabUpdate(double x, double y) {
        if (!grabbing_) return;
        onDrag(x - grabX_, y - grabY_, grabStrafe_);
        grabX_ = x;
        grabY_ = y;
    }
    virtual void grabEnd() { grabbing_ = false; }

    /// Scroll wheel steps or a pinch (steps = log(pinchScale) / log(1 / 0.85)); + is closer/forward.
    virtual void scroll(double steps) = 0;
    /// Mouse-look deltas in degrees (yaw turns right, pitch looks up), e.g. with a captured cursor.
    virtual void look(double yawDegrees, double pitchDegrees) = 0;

    void setInput(const NavInput& input) { input_ = input; }
    const NavInput& input() const { return input_; }

    /// Advances by `dt` seconds of wall time (any frame rate; hitches over 0.25 s are cut).
    virtual void update(double dt) = 0;
    /// The camera to render now, site frame.
    virtual Camera camera() const = 0;

protected:
    /// A drag of (dx, dy) pixels since the last grab event.
    virtual void onDrag(double dx, double dy, bool strafe) = 0;
    double viewWidth_ = 1280.0, viewHeight_ = 720.0;
    NavInput input_;

private:
    bool grabbing_ = false, grabStrafe_ = false;
    double grabX_ = 0.0, grabY_ = 0.0;
};

/// Fixed-timestep accumulator: how many substeps of 1/hz a frame of `dt` seconds runs, and how far
/// into the next one the frame ends (for interpolating the shown pose).
class FixedStep {
public:
    explicit FixedStep(double hz = 240.0) : step_(1.0 / hz) {}
    /// Adds `dt` (clamped to [0, 0.25] s so a hitch cannot trigger a burst) and returns the number
    /// of whole substeps now due.
    int advance(double dt) {
        accumulator_ += std::clamp(dt, 0.0, 0.25);
        // The slack absorbs rounding, so that 24 frames at 1/144 s run exactly 40 steps.
        const int n = static_cast<int>(std::floor(accumulator_ / step_ + 1e-6));
        accumulator_ = std::max(0.0, accumulator_ - n * step_);
        return n;
    }
    double step() const { return step_; }
    /// Fraction of a substep accumulated but not yet run, in [0, 1).
    double alpha() const { return std::clamp(accumulator_ / step_, 0.0, 1.0); }
    void clear() { accumulator_ = 0.0; }

private:
    double step_;
    double accumulator_ = 0.0;
};

/// Compass heading (degrees, 0 = +y north, 90 = +x east) and pitch (degrees up) of a direction.
inline void headingOf(const glm::dvec3& forward, double& yawDegrees, double& pitchDegrees) {
    const glm::dvec3 f = glm::normalize(forward);
    yawDegrees = glm::degrees(std::atan2(f.x, f.y));
    pitchDegrees = glm::degrees(std::asin(std::clamp(f.z, -1.0, 1.0)));
}

}  // namespace axis::nav
