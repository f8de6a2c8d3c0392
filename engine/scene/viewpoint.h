#pragma once
// A saved camera view in the site frame (east-north-up metres), as stored in site and POI files.
#include <cmath>
#include <string>

#include <glm/glm.hpp>

#include "core/lang_text.h"

namespace axis {

struct Viewpoint {
    glm::dvec3 position{0.0};  ///< Site frame, metres.
    double yaw = 0.0;    ///< Compass heading in degrees: 0 looks north (+y), 90 east (+x).
    double pitch = 0.0;  ///< Degrees above the horizon; negative looks down. Kept within [-90, 90].
    double fov = 60.0;   ///< Vertical field of view in degrees, (0, 180).

    /// Unit view direction in the site frame.
    glm::dvec3 forward() const {
        const double y = glm::radians(yaw), p = glm::radians(pitch);
        return {std::sin(y) * std::cos(p), std::cos(y) * std::cos(p), std::sin(p)};
    }

    /// A view from `eye` towards `target` (they must differ); fov in degrees.
    static Viewpoint lookAt(const glm::dvec3& eye, const glm::dvec3& target, double fovDeg = 60.0) {
        const glm::dvec3 d = glm::normalize(target - eye);
        Viewpoint v;
        v.position = eye;
        v.yaw = glm::degrees(std::atan2(d.x, d.y));
        if (v.yaw < 0.0) v.yaw += 360.0;
        v.pitch = glm::degrees(std::asin(glm::clamp(d.z, -1.0, 1.0)));
        v.fov = fovDeg;
        return v;
    }

    bool operator==(const Viewpoint&) const = default;
};

}  // namespace axis
