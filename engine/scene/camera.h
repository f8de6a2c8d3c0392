#pragma once
// A camera pose in the site frame (x east, y north, z up; metres, double precision so that
// sites in projected coordinates keep millimetres). Renderers use it relative to itself.
#include <cmath>

#include <glm/glm.hpp>

namespace axis {

struct Camera {
    glm::dvec3 position{0.0};
    glm::dvec3 forward{0.0, 1.0, 0.0};  ///< Unit view direction.
    glm::dvec3 up{0.0, 0.0, 1.0};       ///< Approximate up; need not be orthogonal to forward.
    double fovY = glm::radians(50.0);   ///< Vertical field of view, radians.
    double nearPlane = 0.05;            ///< Metres; the far plane is at infinity (reversed Z).

    /// yaw: compass heading in degrees (0 = north/+y, 90 = east/+x); pitch: degrees above the horizon.
    static Camera fromHeading(const glm::dvec3& position, double yawDegrees, double pitchDegrees,
                              double fovYDegrees) {
        Camera c;
        c.position = position;
        double yaw = glm::radians(yawDegrees), pitch = glm::radians(pitchDegrees);
        c.forward = glm::dvec3(std::sin(yaw) * std::cos(pitch), std::cos(yaw) * std::cos(pitch), std::sin(pitch));
        c.fovY = glm::radians(fovYDegrees);
        return c;
    }
};

}  // namespace axis
