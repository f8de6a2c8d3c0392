#include "viewer/kiosk/kiosk_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace axis::viewer::kiosk {
namespace {

std::vector<Language> languagesFrom(const std::vector<std::string>& codes) {
    std::vector<Language> out;
    for (const std::string& code : codes) {
        Language l = code == "en" ? Language::English : Language::Chinese;
        if ((code == "zh" || code == "en") && std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
    }
    return out;
}

}  // namespace

KioskConfig kioskConfig(const LoadedScene& scene) {
    KioskConfig config;
    if (scene.site) {
        const Site& site = *scene.site;
        if (!site.tours.empty()) config.attractTour = site.tours.front().id;
        if (site.kiosk) {
            const KioskSettings& k = *site.kiosk;
            // A zero, negative or absurd idle time would make the exhibit unusable: keep the default.
            if (std::isfinite(k.idleSeconds) && k.idleSeconds >= 5.0) config.idleSeconds = k.idleSeconds;
            if (auto l = languagesFrom(k.languages); !l.empty()) config.languages = l;
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
