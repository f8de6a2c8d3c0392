#pragma once
// The kiosk's settings: the site's "kiosk" block with safe defaults, so a site without one still
// runs as an exhibit (idle 90 s, Chinese then English, the first tour, no exit gesture).
#include <string>
#include <vector>

#include "site/scene_loader.h"
#include "viewer/ui/text.h"

namespace axis::viewer::kiosk {

struct KioskConfig {
    double idleSeconds = 90.0;  ///< No input for this long: reset and play the attract tour. > 0.
    std::vector<Language> languages{Language::Chinese, Language::English};  ///< First is the default.
    std::string attractTour;  ///< Tour id; empty when the site has no tours.
    std::string exitPin;      ///< Empty: no exit gesture at all.
};

/// Reads `scene.site->kiosk`, falling back per field. AXIS_KIOSK_IDLE_SECONDS (a positive number)
/// overrides the idle time, for soak tests and for trying a site out.
KioskConfig kioskConfig(const LoadedScene& scene);

}  // namespace axis::viewer::kiosk
