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
    /// BCP 47 tags in canonical case, each once; the first is the default.
    std::vector<Language> languages{"zh", "en"};
    std::string attractTour;  ///< Tour id; empty when the site has no tours.
    std::string exitPin;      ///< Empty: no exit gesture at all.
    /// "SITE: kiosk.languages[2]: ..." for a malformed tag (left out) and, as warnings, for a
    /// language without a UI catalogue (kept: its content shows, its buttons fall back).
    std::vector<std::string> errors, warnings;
};

/// Reads `scene.site->kiosk`, falling back per field; `ui` tells which languages have catalogues.
/// AXIS_KIOSK_IDLE_SECONDS (a positive number) overrides the idle time, for soak tests and for
/// trying a site out.
KioskConfig kioskConfig(const site::LoadedScene& scene, const i18n::UiStrings& ui);

}  // namespace axis::viewer::kiosk
