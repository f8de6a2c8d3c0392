#pragma once
// Orbiting a point, for relics on a plinth and for looking at a whole model: drag to turn around
// the target, scroll to move closer or further, pan to slide the target. Frame-rate independent:
// it moves only by the input it is given (deltas as given, held rates integrated exactly over dt).
//
// Through CameraController: grab drags rotate (strafe: pan), scroll zooms, look() turns by degrees,
// NavInput::lookRate turns (degrees per second), move.y zooms (kZoomStepsPerSecond steps per
// second at full input) and move.x circles (kCircleDegreesPerSecond).
#include "nav/controller.h"

namespace axis::nav {

class OrbitController final : public CameraController {
public:
    static constexpr double kZoomStepsPerSecond = 3.0;
    static constexpr double kCircleDegreesPerSecond = 60.0;

    /// Starts from an existing camera, orbiting the point `distance` metres ahead of it.
    void reset(const Camera& camera, double distance);
    /// As above, keeping the current orbit distance.
    void reset(const Camera& camera) override { reset(camera, distance_); }
    /// Orbits `target` (e.g. a picked point) seen from `eye`; they must differ.
    void orbitAround(const glm::dvec3& eye, const glm::dvec3& target, double fovY);

    /// Pixels dragged; `viewHeight` pixels turn the view by 180 degrees.
    void rotate(double dxPixels, double dyPixels, double viewHeight);
    /// Slides the target in the view plane so the point under the cursor follows it.
    void pan(double dxPixels, double dyPixels, double viewHeight);
    /// Scroll steps; each one moves 15% of the way towards (positive) or away from the target.
    void zoom(double steps);

    void scroll(double steps) override { zoom(steps); }
    /// Turns the view by degrees: yaw right, pitch up (the camera circles the other way).
    void look(double yawDegrees, double pitchDegrees) override;
    void update(double dt) override;

    Camera camera() const override;
    const glm::dvec3& target() const { return target_; }
    double distance() const { return distance_; }

protected:
    void onDrag(double dx, double dy, bool strafe) override {
        if (strafe) pan(dx, dy, viewHeight_);
        else rotate(dx, dy, viewHeight_);
    }

private:
    glm::dvec3 target_{0.0};
    double distance_ = 10.0;
    double yawDegrees_ = 0.0;    ///< Compass heading of the view.
    double pitchDegrees_ = -20.0;
    double fovY_ = glm::radians(50.0);
};

}  // namespace axis::nav
