#pragma once
// Orbiting a point, for relics on a plinth and for looking at a whole model: drag to turn around
// the target, scroll to move closer or further, pan to slide the target. Frame-rate independent:
// it moves only by the input it is given.
#include "scene/camera.h"

namespace axis {

class OrbitController {
public:
    /// Starts from an existing camera, orbiting the point `distance` metres ahead of it.
    void reset(const Camera& camera, double distance);

    /// Pixels dragged; `viewHeight` pixels turn the view by 180 degrees.
    void rotate(double dxPixels, double dyPixels, double viewHeight);
    /// Slides the target in the view plane so the point under the cursor follows it.
    void pan(double dxPixels, double dyPixels, double viewHeight);
    /// Scroll steps; each one moves 15% of the way towards (positive) or away from the target.
    void zoom(double steps);

    Camera camera() const;
    const glm::dvec3& target() const { return target_; }

private:
    glm::dvec3 target_{0.0};
    double distance_ = 10.0;
    double yawDegrees_ = 0.0;    ///< Compass heading of the view.
    double pitchDegrees_ = -20.0;
    double fovY_ = glm::radians(50.0);
};

}  // namespace axis
