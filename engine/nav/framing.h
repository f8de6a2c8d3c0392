#pragma once
// Choosing a camera that shows a whole model or site, for `axisview render` and "frame all".
#include <span>

#include "scene/camera.h"
#include "scene/model.h"

namespace axis::nav {

struct ViewAngles {
    double azimuthDegrees = 0.0;     ///< Compass heading the camera looks along (0 = looking north).
    double elevationDegrees = 20.0;  ///< How far above the centre the camera sits, seen from it.
    double distanceScale = 1.0;      ///< 1 = the tightest distance that fits; 2 = twice as far.
};

/// The camera looking from the given angles at `points` (site frame), as close as it can be
/// while every point stays inside the view with a small margin, and shifted sideways so the
/// silhouette is centred. Pass a model's vertices (or a sample, see samplePositions) for a tight
/// fit, or a box's eight corners.
Camera framePoints(std::span<const glm::dvec3> points, const ViewAngles& angles, double aspect,
                   double fovYDegrees = 40.0);

/// framePoints on the eight corners of `box`.
Camera frameBounds(const Bounds& box, const ViewAngles& angles, double aspect, double fovYDegrees = 40.0);

}  // namespace axis::nav
