#include "core/local_time.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace axis {
namespace {

bool leapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leapYear(y) ? 29 : kDays[m - 1];
}

}  // namespace

Expected<LocalDateTime> parseLocalDateTime(const std::string& text) {
    LocalDateTime t;
    int consumed = 0;
    const int fields = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &t.year, &t.month, &t.day, &t.hour,
                                   &t.minute, &consumed);
    const Error malformed{"'" + text + "': expected a local date and time such as 2024-06-21T09:30"};
    if (fields != 5) return malformed;
    if (consumed < int(text.size())) {
        double seconds = 0.0;
        int more = 0;
        if (std::sscanf(text.c_str() + consumed, ":%lf%n", &seconds, &more) != 1 || consumed + more != int(text.size()))
            return malformed;
        t.second = seconds;
    }
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > daysInMonth(t.year, t.month) || t.hour < 0 ||
        t.hour > 23 || t.minute < 0 || t.minute > 59 || !(t.second >= 0.0 && t.second < 60.0))
        return Error{"'" + text + "': no such date or time"};
    return t;
}

std::string formatLocalDateTime(const LocalDateTime& t) {
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    std::string out = text;
    if (t.second > 0.0) {
        const bool whole = t.second == std::floor(t.second);
        std::snprintf(text, sizeof text, whole ? ":%02.0f" : ":%06.3f", t.second);
        out += text;
    }
    return out;
}

LocalDateTime atHour(LocalDateTime day, double hour) {
    const int minutes = std::clamp(int(hour * 60.0), 0, 24 * 60 - 1);
    day.hour = minutes / 60;
    day.minute = minutes % 60;
    day.second = 0.0;
    return day;
}

namespace {

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian, day 0 = 1970-01-01).
long long daysFromCivil(long long y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yoe + era * 400 + (m <= 2));
}

}  // namespace

double localSeconds(const LocalDateTime& t) {
    return double(daysFromCivil(t.year, t.month, t.day)) * 86400.0 + t.hour * 3600.0 + t.minute * 60.0 + t.second;
}

LocalDateTime localDateTimeAt(double seconds) {
    LocalDateTime t;
    const double days = std::floor(seconds / 86400.0);
    civilFromDays((long long)days, t.year, t.month, t.day);
    double rest = seconds - days * 86400.0;
    t.hour = std::min(23, int(rest / 3600.0));
    rest -= t.hour * 3600.0;
    t.minute = std::min(59, int(rest / 60.0));
    t.second = rest - t.minute * 60.0;
    return t;
}

}  // namespace axis
