#pragma once
// A local civil date and time as people write it ("2024-06-21T09:30"), without a time zone: what
// a site's sun (scene/site.h) and a camera path's keys (record/path_file.h) hold, and what the
// solar position (geo/solar_position.h) reads with the site's offset from UTC.
#include <string>

#include "core/error.h"

namespace axis {

/// A local date and time, as written "2024-06-21T09:30" (seconds optional).
struct LocalDateTime {
    int year = 2000, month = 1, day = 1;
    int hour = 12, minute = 0;
    double second = 0.0;
};

/// "YYYY-MM-DDTHH:MM[:SS]"; a date that does not exist (2023-02-29, 2024-13-01, 25:00) fails with
/// the text named.
Expected<LocalDateTime> parseLocalDateTime(const std::string& text);

/// "YYYY-MM-DDTHH:MM", with ":SS" when the seconds are not zero: what parseLocalDateTime reads.
std::string formatLocalDateTime(const LocalDateTime& time);

/// The same day at `hour` (0 to 24, fractions are minutes; seconds dropped): a time-of-day slider.
LocalDateTime atHour(LocalDateTime day, double hour);

/// Seconds from 1970-01-01T00:00 in the same local time (no time zone), and back: what a camera
/// path interpolates the sun's time in.
double localSeconds(const LocalDateTime& time);
LocalDateTime localDateTimeAt(double seconds);

}  // namespace axis
