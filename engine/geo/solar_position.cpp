#include "geo/solar_position.h"

#include <algorithm>
#include <cmath>

namespace axis::geo {
namespace {

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) { return deg * kPi / 180.0; }
double deg(double rad) { return rad * 180.0 / kPi; }

}  // namespace

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
