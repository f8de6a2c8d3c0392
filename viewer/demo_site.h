#pragma once
// The built-in Central Axis demo site, generated at build time by tools/demo_site.
#include <filesystem>

namespace axis::viewer {

/// $AXIS_DEMO_SITE, else demo/central-axis.site.json beside the executable, else the build tree's.
std::filesystem::path demoSitePath();

/// The main job without a display: stills of a site or model (an overview and, for sites, each
/// stop of the attract tour) written into `outDir`, whose path is printed.
int renderStills(const std::filesystem::path& scene, const std::filesystem::path& outDir);

}  // namespace axis::viewer
