#pragma once
// Earth-centred coordinates and local east-north-up frames (WGS84), through PROJ.
#include <glm/glm.hpp>

#include "core/error.h"

namespace axis::geo {

/// WGS84 latitude and longitude (degrees) and height above the ellipsoid (metres).
struct Geodetic {
    double latitude = 0.0, longitude = 0.0, height = 0.0;
};

/// The geodetic position of an earth-centred point (EPSG:4978 to EPSG:4979). Fails only when
/// PROJ cannot be set up (its database missing) or the point is not finite.
Expected<Geodetic> geodeticFromEcef(const glm::dvec3& ecef);

/// Rotation taking earth-centred directions to east, north and up at `at` (rows: the unit east,
/// north and up vectors in ECEF).
glm::dmat3 enuFromEcef(const Geodetic& at);

}  // namespace axis::geo
