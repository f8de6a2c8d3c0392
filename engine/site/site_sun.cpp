#include "site/site_sun.h"

#include <cmath>
#include <cstdio>

#include "core/log.h"
#include "geo/solar_position.h"
#include "scene/utc_offset.h"

namespace axis::site {

std::optional<SiteSun> chosenSun(const LoadedScene& scene, const std::string& commandLineSun) {
    if (!commandLineSun.empty()) return SiteSun{commandLineSun, true};
    if (scene.site && scene.site->sun) return scene.site->sun;
    return std::nullopt;
}

Expected<render::Lighting> siteSunlight(const LoadedScene& scene, const std::string& localTime) {
    auto time = parseLocalDateTime(localTime);
    if (!time) return Error{"--sun " + time.error().message};
    return siteSunlight(scene, *time, true);
}

render::Lighting siteSunlight(const LoadedScene& scene, const LocalDateTime& time, bool report) {
    GeoOrigin origin{39.9042, 116.4074, 44.0};  // Tiananmen, on the Central Axis.
    if (scene.site && scene.site->origin) origin = *scene.site->origin;
    else if (report) logWarn("--sun: the scene has no geographic origin (a site's \"origin\"); the sun is Beijing's");
    double offset = nominalUtcOffset(origin.lon);
    if (scene.site && !scene.site->timeZone.empty()) offset = *parseUtcOffset(scene.site->timeZone);  // Checked at load.
    const geo::SolarPosition sun = geo::solarPosition(geo::julianDay(time, offset), origin.lat, origin.lon);
    const int minutes = int(std::lround(std::abs(offset) * 60.0));
    char line[128];
    std::snprintf(line, sizeof line, "sun at %04d-%02d-%02dT%02d:%02d (UTC%c%02d:%02d): azimuth %d, elevation %d degrees",
                  time.year, time.month, time.day, time.hour, time.minute, offset < 0 ? '-' : '+', minutes / 60,
                  minutes % 60, int(std::lround(sun.azimuthDeg)), int(std::lround(sun.elevationDeg)));
    logMessage(report ? LogLevel::Info : LogLevel::Debug, line);
    return render::sunlight(sun.direction());
}

}  // namespace axis::site
