#pragma once
// Camera orientation as a unit quaternion in the site frame (x east, y north, z up), and its
// interpolation for camera paths. The identity looks north (+y) with up = +z.
//
// Angles follow scene/viewpoint.h: yaw is a compass heading in degrees (0 = north/+y, 90 =
// east/+x), pitch is degrees above the horizon, and roll (degrees) banks the camera about its
// view direction; positive roll tilts the camera's up vector towards its right.
#include <span>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "scene/camera.h"

namespace axis::record {

struct Angles {
    double yaw = 0.0, pitch = 0.0, roll = 0.0;  ///< Degrees.
    bool operator==(const Angles&) const = default;
};

/// q = Rz(-yaw) * Rx(pitch) * Ry(roll): heading first, then looking up, then banking.
glm::dquat orientationFromAngles(const Angles& a);
/// The inverse of orientationFromAngles (yaw in [0, 360), pitch in [-90, 90], roll in (-180, 180]).
/// At pitch +-90 the yaw is ambiguous; roll then carries the heading.
Angles anglesFromOrientation(const glm::dquat& q);

glm::dvec3 forwardOf(const glm::dquat& q);  ///< q * (0, 1, 0).
glm::dvec3 upOf(const glm::dquat& q);       ///< q * (0, 0, 1).

/// Flips signs so that each quaternion lies in the hemisphere of the one before (q and -q are
/// the same rotation, but interpolating between opposite signs takes the long way round).
void makeHemisphereContinuous(std::span<glm::dquat> keys);

/// Shortest-arc spherical interpolation, t in [0, 1]; falls back to nlerp for nearly equal keys.
glm::dquat slerpShortest(const glm::dquat& a, const glm::dquat& b, double t);

/// Squad control points (Shoemake): s_i = q_i * exp(-(log(q_i^-1 q_{i+1}) + log(q_i^-1 q_{i-1})) / 4).
/// End keys use themselves as the missing neighbour. Call makeHemisphereContinuous first.
std::vector<glm::dquat> squadControls(std::span<const glm::dquat> keys);

/// Spherical quadrangle interpolation between q0 and q1 with controls s0, s1: C1 across keys.
glm::dquat squad(const glm::dquat& q0, const glm::dquat& s0, const glm::dquat& s1, const glm::dquat& q1,
                 double t);

}  // namespace axis::record
