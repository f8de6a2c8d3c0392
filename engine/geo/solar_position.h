#pragma once
// Where the sun stands, seen from a place on the earth at a moment: NOAA's solar position
// algorithm (the equations of its Solar Calculator, after Meeus, "Astronomical Algorithms"),
// good to about a hundredth of a degree for the years 1800 to 2100; no atmospheric refraction.
// Dates are local civil time at the site with a fixed offset from UTC (no daylight saving rules).
#include <string>

#include <glm/glm.hpp>

#include "core/error.h"
#include "core/local_time.h"

namespace axis::geo {

/// Julian day (UT) of `time` at `utcOffsetHours` east of Greenwich.
double julianDay(const LocalDateTime& time, double utcOffsetHours);

struct SolarPosition {
    double azimuthDeg = 0.0;    ///< Clockwise from north: 90 east, 180 south.
    double elevationDeg = 0.0;  ///< Above the horizon; negative at night.
    /// Unit vector towards the sun in the local east-north-up frame (the site frame's axes).
    glm::dvec3 direction() const;
};

/// The sun's position at Julian day `jd` (UT) seen from `latitudeDeg`, `longitudeDeg` (east +).
SolarPosition solarPosition(double jd, double latitudeDeg, double longitudeDeg);

}  // namespace axis::geo
