#pragma once
// A site's time zone, as a fixed offset from UTC ("time_zone": "+08:00"): what turns the local time
// of `--sun 2024-06-21T09:30` into the instant the sun's position needs. No daylight-saving rules.
#include <string>

#include "core/error.h"

namespace axis {

/// "+08:00", "-03:30", "+8", "UTC" or "Z" as hours east of UTC (-14 .. +14).
Expected<double> parseUtcOffset(const std::string& text);

/// The offset of the zone a longitude lies in by the sun (15 degrees an hour), for sites that
/// state none: +8 for Beijing (116.4 E).
double nominalUtcOffset(double longitudeDeg);

}  // namespace axis
