#include "scene/utc_offset.h"

#include <cmath>
#include <cstdio>

namespace axis {

Expected<double> parseUtcOffset(const std::string& text) {
    if (text == "UTC" || text == "Z") return 0.0;
    int hours = 0, minutes = 0, consumed = 0;
    char sign = 0;
    const int n = std::sscanf(text.c_str(), "%c%2d%n:%2d%n", &sign, &hours, &consumed, &minutes, &consumed);
    if ((sign != '+' && sign != '-') || n < 2 || consumed != int(text.size()) || minutes > 59)
        return Error{"'" + text + "': expected an offset from UTC such as +08:00"};
    const double offset = (hours + minutes / 60.0) * (sign == '-' ? -1.0 : 1.0);
    if (std::abs(offset) > 14.0) return Error{"'" + text + "': offsets from UTC lie within -14:00 .. +14:00"};
    return offset;
}

double nominalUtcOffset(double longitudeDeg) { return std::round(longitudeDeg / 15.0); }

}  // namespace axis
