#include "viewer/kiosk/kiosk_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace axis::viewer::kiosk {
namespace {

// Any well-formed tag is offered; a malformed one is an error naming where it is written, and a
// language the UI has no catalogue for still shows its content (buttons then fall back).
void readLanguages(const Site& site, const i18n::UiStrings& ui, KioskConfig& config) {
    std::vector<Language> out;
    const auto& codes = site.kiosk->languages;
    for (size_t i = 0; i < codes.size(); ++i) {
        const std::string where = site.file.string() + ": kiosk.languages[" + std::to_string(i) + "]: ";
        if (!isWellFormedTag(codes[i])) {
            config.errors.push_back(where + "\"" + codes[i] + "\" is not a BCP 47 language tag");
            continue;
        }
        const Language tag = canonicalTag(codes[i]);
        if (std::find(out.begin(), out.end(), tag) != out.end()) continue;
        if (ui.catalogueFor(tag).empty())
            config.warnings.push_back(where + "no UI strings for \"" + tag + "\" (add assets/i18n/" + tag +
                                      ".json); its buttons fall back");
        out.push_back(tag);
    }
    if (!out.empty()) config.languages = out;
}

}  // namespace

KioskConfig kioskConfig(const site::LoadedScene& scene, const i18n::UiStrings& ui) {
    KioskConfig config;
    if (scene.site) {
        const Site& site = *scene.site;
        if (!site.tours.empty()) config.attractTour = site.tours.front().id;
        if (site.kiosk) {
            const KioskSettings& k = *site.kiosk;
            // A zero, negative or absurd idle time would make the exhibit unusable: keep the default.
            if (std::isfinite(k.idleSeconds) && k.idleSeconds >= 5.0) config.idleSeconds = k.idleSeconds;
            readLanguages(site, ui, config);
            if (site.findTour(k.attractTour)) config.attractTour = k.attractTour;
            config.exitPin = k.exitPin;
        }
    }
    if (const char* v = std::getenv("AXIS_KIOSK_IDLE_SECONDS")) {
        char* end = nullptr;
        double s = std::strtod(v, &end);
        if (end != v && std::isfinite(s) && s > 0.0) config.idleSeconds = s;
    }
    return config;
}

}  // namespace axis::viewer::kiosk
