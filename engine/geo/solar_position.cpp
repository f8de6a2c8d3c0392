#include "geo/solar_position.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace axis::geo {
namespace {

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) { return deg * kPi / 180.0; }
double deg(double rad) { return rad * 180.0 / kPi; }

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

double julianDay(const LocalDateTime& t, double utcOffsetHours) {
    // Meeus, chapter 7, for the Gregorian calendar; the day's fraction from midnight UT.
    int y = t.year, m = t.month;
    if (m <= 2) {
        y -= 1;
        m += 12;
    }
    const int a = y / 100;
    const int b = 2 - a + a / 4;
    const double dayFraction = (t.hour + t.minute / 60.0 + t.second / 3600.0 - utcOffsetHours) / 24.0;
    return std::floor(365.25 * (y + 4716)) + std::floor(30.6001 * (m + 1)) + t.day + b - 1524.5 + dayFraction;
}

glm::dvec3 SolarPosition::direction() const {
    const double az = rad(azimuthDeg), el = rad(elevationDeg);
    return {std::sin(az) * std::cos(el), std::cos(az) * std::cos(el), std::sin(el)};
}

SolarPosition solarPosition(double jd, double latitudeDeg, double longitudeDeg) {
    const double jc = (jd - 2451545.0) / 36525.0;  // Julian centuries since J2000.0.
    const double meanLong = std::fmod(280.46646 + jc * (36000.76983 + jc * 0.0003032), 360.0);
    const double meanAnom = 357.52911 + jc * (35999.05029 - 0.0001537 * jc);
    const double eccent = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc);
    const double centre = std::sin(rad(meanAnom)) * (1.914602 - jc * (0.004817 + 0.000014 * jc)) +
                          std::sin(rad(2 * meanAnom)) * (0.019993 - 0.000101 * jc) +
                          std::sin(rad(3 * meanAnom)) * 0.000289;
    const double omega = 125.04 - 1934.136 * jc;
    const double apparentLong = meanLong + centre - 0.00569 - 0.00478 * std::sin(rad(omega));
    const double meanObliquity = 23.0 + (26.0 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60.0) / 60.0;
    const double obliquity = meanObliquity + 0.00256 * std::cos(rad(omega));
    const double declination = deg(std::asin(std::sin(rad(obliquity)) * std::sin(rad(apparentLong))));

    const double y = std::pow(std::tan(rad(obliquity / 2.0)), 2.0);
    const double l0 = rad(meanLong), m = rad(meanAnom);
    const double equationOfTimeMin =
        4.0 * deg(y * std::sin(2 * l0) - 2 * eccent * std::sin(m) + 4 * eccent * y * std::sin(m) * std::cos(2 * l0) -
                  0.5 * y * y * std::sin(4 * l0) - 1.25 * eccent * eccent * std::sin(2 * m));
    const double minutesUt = (jd + 0.5 - std::floor(jd + 0.5)) * 1440.0;
    double trueSolarMin = std::fmod(minutesUt + equationOfTimeMin + 4.0 * longitudeDeg, 1440.0);
    if (trueSolarMin < 0) trueSolarMin += 1440.0;
    const double hourAngle = trueSolarMin / 4.0 < 0 ? trueSolarMin / 4.0 + 180.0 : trueSolarMin / 4.0 - 180.0;

    const double lat = rad(latitudeDeg), dec = rad(declination);
    const double cosZenith = std::clamp(std::sin(lat) * std::sin(dec) + std::cos(lat) * std::cos(dec) * std::cos(rad(hourAngle)), -1.0, 1.0);
    const double zenith = std::acos(cosZenith);
    SolarPosition p;
    p.elevationDeg = 90.0 - deg(zenith);
    const double denom = std::cos(lat) * std::sin(zenith);
    if (std::abs(denom) < 1e-12) {
        p.azimuthDeg = latitudeDeg > declination ? 180.0 : 0.0;  // Overhead or at a pole: any will do.
        return p;
    }
    const double a = deg(std::acos(std::clamp((std::sin(lat) * std::cos(zenith) - std::sin(dec)) / denom, -1.0, 1.0)));
    p.azimuthDeg = hourAngle > 0 ? std::fmod(a + 180.0, 360.0) : std::fmod(540.0 - a, 360.0);
    return p;
}

}  // namespace axis::geo
