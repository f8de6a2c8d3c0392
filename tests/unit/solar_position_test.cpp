// The sun's position (geo/solar_position.h): against what the sky does, not against itself.
#include <catch2/catch.hpp>

#include "geo/solar_position.h"
#include "scene/utc_offset.h"

using namespace axis;
using namespace axis::geo;

namespace {

const double kBeijingLat = 39.9042, kBeijingLon = 116.4074;

SolarPosition beijingAt(int month, int day, int hour, int minute) {
    return solarPosition(julianDay({2024, month, day, hour, minute, 0.0}, 8.0), kBeijingLat, kBeijingLon);
}

}  // namespace

TEST_CASE("the summer solstice sun over Beijing: noon height, due south, rising in the north-east", "[sun]") {
    // Highest at 90 - (latitude - 23.44): 73.5 degrees, due south, at about 12:14 local time
    // (116.4 E is 14 minutes of longitude west of the +08:00 meridian, less the equation of time).
    double best = -90.0;
    int bestMinute = 0;
    for (int m = 11 * 60; m < 13 * 60; ++m) {
        const SolarPosition p = beijingAt(6, 21, m / 60, m % 60);
        if (p.elevationDeg > best) best = p.elevationDeg, bestMinute = m;
    }
    CHECK(best == Approx(73.54).margin(0.05));
    CHECK(bestMinute == Approx(12 * 60 + 16).margin(3));
    CHECK(beijingAt(6, 21, bestMinute / 60, bestMinute % 60).azimuthDeg == Approx(180.0).margin(1.5));
    // Sunrise (the centre on the horizon, no refraction) near 04:50, in the north-east.
    CHECK(beijingAt(6, 21, 4, 35).elevationDeg < 0.0);
    const SolarPosition morning = beijingAt(6, 21, 5, 10);
    CHECK(morning.elevationDeg > 0.0);
    CHECK(morning.azimuthDeg == Approx(60.0).margin(5.0));
    // The direction agrees with the angles: east of south in the morning, up when high.
    const glm::dvec3 d = beijingAt(6, 21, 9, 30).direction();
    CHECK(d.x > 0.5);
    CHECK(d.z > 0.5);
    CHECK(glm::length(d) == Approx(1.0));
}

TEST_CASE("the winter sun is low, and the equinox sun stands overhead at the equator", "[sun]") {
    double best = -90.0;
    for (int m = 11 * 60; m < 13 * 60 + 30; ++m) best = std::max(best, beijingAt(12, 21, m / 60, m % 60).elevationDeg);
    CHECK(best == Approx(90.0 - kBeijingLat - 23.44).margin(0.1));
    const SolarPosition equator = solarPosition(julianDay({2024, 3, 20, 12, 7, 0.0}, 0.0), 0.0, 0.0);
    CHECK(equator.elevationDeg > 89.0);
    const SolarPosition night = beijingAt(1, 1, 0, 0);
    CHECK(night.elevationDeg < -60.0);
}

TEST_CASE("dates that do not exist and malformed offsets are refused", "[sun]") {
    auto t = parseLocalDateTime("2024-06-21T09:30");
    REQUIRE(t);
    CHECK(t->hour == 9);
    CHECK(t->minute == 30);
    CHECK(parseLocalDateTime("2024-02-29T12:00"));   // A leap year.
    CHECK(parseLocalDateTime("2024-06-21T09:30:15.5")->second == 15.5);
    for (const char* bad : {"2023-02-29T12:00", "2024-13-01T00:00", "2024-06-31T00:00", "2024-06-21T24:00",
                            "2024-06-21T09:60", "2024-06-21", "21/06/2024 09:30", "2024-06-21T09:30x"}) {
        auto r = parseLocalDateTime(bad);
        CHECK_FALSE(r);
        if (!r) CHECK(r.error().message.find(bad) != std::string::npos);
    }
    CHECK(*axis::parseUtcOffset("+08:00") == 8.0);
    CHECK(*axis::parseUtcOffset("-03:30") == -3.5);
    CHECK(*axis::parseUtcOffset("+8") == 8.0);
    CHECK(*axis::parseUtcOffset("UTC") == 0.0);
    for (const char* bad : {"8", "+15:00", "+08:75", "CST", ""}) CHECK_FALSE(axis::parseUtcOffset(bad));
    CHECK(axis::nominalUtcOffset(116.4) == 8.0);
    CHECK(axis::nominalUtcOffset(-73.9) == -5.0);
    // The offset moves the instant: 08:00 at +08:00 is midnight UT.
    CHECK(julianDay({2024, 1, 1, 8, 0, 0.0}, 8.0) == Approx(julianDay({2024, 1, 1, 0, 0, 0.0}, 0.0)));
    CHECK(julianDay({2000, 1, 1, 12, 0, 0.0}, 0.0) == 2451545.0);  // J2000.0.
}
