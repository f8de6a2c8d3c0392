#pragma once
// Coordinate reference systems, earth-centred coordinates and local east-north-up frames
// (WGS84), through PROJ, at double precision.
#include <string>

#include <glm/glm.hpp>

#include "core/error.h"

namespace axis::geo {

/// WGS84 latitude and longitude (degrees) and height above the ellipsoid (metres).
struct Geodetic {
    double latitude = 0.0, longitude = 0.0, height = 0.0;
};

/// The earth-centred CRS (ECEF, WGS84).
inline constexpr const char* kEarthCentred = "EPSG:4978";

/// The geodetic position of `point`, given in `crs` (an "EPSG:n" code, a PROJ string, WKT...;
/// x is easting or longitude, y northing or latitude, z height, whatever the CRS's own axis
/// order). The error names the CRS and what PROJ said: an unknown code, a point outside the
/// CRS's area, PROJ's database missing.
Expected<Geodetic> geodeticOf(const std::string& crs, const glm::dvec3& point);

/// The same for an earth-centred point.
inline Expected<Geodetic> geodeticFromEcef(const glm::dvec3& ecef) { return geodeticOf(kEarthCentred, ecef); }

/// The earth-centred position of a geodetic one (closed form on the WGS84 ellipsoid).
glm::dvec3 ecefOf(const Geodetic& at);

/// Rotation taking earth-centred directions to east, north and up at `at` (rows: the unit east,
/// north and up vectors in ECEF).
glm::dmat3 enuFromEcef(const Geodetic& at);

/// An affine map from coordinates in `crs` relative to `at` (a point in that CRS) to the
/// east-north-up frame at `origin`, in metres: `crs` is converted to earth-centred coordinates
/// through PROJ at `at` and at small steps along each axis, and linearised there. Over a
/// scan's few kilometres the map's error stays far below a millimetre; grid convergence and the
/// projection's scale factor are in it.
Expected<glm::dmat4> crsToEastNorthUp(const std::string& crs, const glm::dvec3& at, const Geodetic& origin);

}  // namespace axis::geo
