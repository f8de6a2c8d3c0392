#pragma once
// Where the sun stands, seen from a place on the earth at a moment: NOAA's solar position
// algorithm (the equations of its Solar Calculator, after Meeus, "Astronomical Algorithms"),
// good to about a hundredth of a degree for the years 1800 to 2100; no atmospheric refraction.
// Dates are local civil time at the site with a fixed offset from UTC (no daylight saving rules).
#include <string>

#include <glm/glm.hpp>

#include "core/error.h"

namespace axis::geo {

/// A local date and time, as written "2024-06-21T09:30" (seconds optional).
struct LocalDateTime {
    int year = 2000, month = 1, day = 1;
    int hour = 12, minute = 0;
    double second = 0.0;
};

/// "YYYY-MM-DDTHH:MM[:SS]"; a date that does not exist (2023-02-29, 2024-13-01, 25:00) fails with
/// the text named.
Expected<LocalDateTime> parseLocalDateTime(const std::string& text);

/// Seconds from 1970-01-01T00:00 in the same local time (no time zone), and back: what a camera
/// path interpolates the sun's time in.
double localSeconds(const LocalDateTime& time);
LocalDateTime localDateTimeAt(double seconds);

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
