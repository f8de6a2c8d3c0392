#pragma once
// `--sun 2024-06-21T09:30`: the light of the sun at a local date and time at the opened site, from
// its geographic origin and time zone (scene/site.h "origin", "time_zone"), for render, record and
// the window alike.
#include <string>

#include "core/error.h"
#include "render/lighting.h"
#include "site/scene_loader.h"

namespace axis {

/// The sun at `localTime` ("YYYY-MM-DDTHH:MM[:SS]", the site's local time). A scene without a
/// geographic origin is lit as if at the Central Axis (39.9 N, 116.4 E), with a warning; a
/// site without a time zone takes its longitude's (+08:00 for Beijing). A date that does not
/// exist fails, the text named.
Expected<render::Lighting> siteSunlight(const LoadedScene& scene, const std::string& localTime);

}  // namespace axis
