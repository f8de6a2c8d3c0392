#pragma once
// `--sun 2024-06-21T09:30`: the light of the sun at a local date and time at the opened site, from
// its geographic origin and time zone (scene/site.h "origin", "time_zone"), for render, record and
// the window alike.
#include <optional>
#include <string>

#include "core/error.h"
#include "geo/solar_position.h"
#include "render/lighting.h"
#include "site/scene_loader.h"

namespace axis::site {

/// The sun a command shows `scene` in: `--sun`'s local time (`commandLineSun`) when given, else
/// the site's saved "sun" (scene/site.h), else none (the default light). With --sun it casts
/// shadows; a site's says whether its does. `--shadows` overrides both (the caller's).
std::optional<SiteSun> chosenSun(const LoadedScene& scene, const std::string& commandLineSun);

/// The sun at `localTime` ("YYYY-MM-DDTHH:MM[:SS]", the site's local time). A scene without a
/// geographic origin is lit as if at the Central Axis (39.9 N, 116.4 E), with a warning; a
/// site without a time zone takes its longitude's (+08:00 for Beijing). A date that does not
/// exist fails, the text named.
Expected<render::Lighting> siteSunlight(const LoadedScene& scene, const std::string& localTime);
/// The same for a parsed local time (the window's time-of-day slider); `report` logs where the
/// sun stands (the commands), else it is only a debug line (a slider moves it every frame).
render::Lighting siteSunlight(const LoadedScene& scene, const LocalDateTime& localTime, bool report = false);

}  // namespace axis::site
