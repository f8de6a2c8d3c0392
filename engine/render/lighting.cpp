#include "render/lighting.h"

#include <algorithm>
#include <cmath>

namespace axis::render {
namespace {

double smoothstep(double edge0, double edge1, double x) {
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

}  // namespace

Lighting sunlight(const glm::dvec3& direction) {
    Lighting light;
    light.sunDirection = glm::normalize(direction);
    const double elevation = glm::degrees(std::asin(std::clamp(light.sunDirection.z, -1.0, 1.0)));
    // Direct light fades in over the sun's first few degrees and reddens below about 25 degrees,
    // where it crosses more air.
    const glm::vec3 lowSun(1.0f, 0.55f, 0.3f), highSun(1.0f);
    const glm::vec3 colour = glm::mix(lowSun, highSun, float(smoothstep(0.0, 25.0, elevation)));
    light.sunRadiance = colour * 2.3f * float(smoothstep(-1.0, 6.0, elevation));
    // The sky: full by day, warm at dusk, a dim blue after civil twilight (the sun 6 degrees down).
    const glm::vec3 night(0.06f, 0.07f, 0.12f), dusk(1.0f, 0.72f, 0.55f), day(1.0f);
    const glm::vec3 lit = glm::mix(dusk, day, float(smoothstep(2.0, 20.0, elevation)));
    light.skyTint = glm::mix(night, lit, float(smoothstep(-6.0, 6.0, elevation)));
    light.sunDisc = float(smoothstep(-1.0, 1.0, elevation));
    return light;
}

namespace {

// Light falling on level ground, in the units of sunRadiance: the sun's (by its height) and the
// sky's ambient (the shaders' 0.55 of the sky's mean colour, about 0.5 of its tint).
double groundLight(const Lighting& light) {
    const auto luminance = [](const glm::vec3& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
    return luminance(light.sunRadiance) * std::max(0.0, light.sunDirection.z) + 0.5 * luminance(light.skyTint);
}

}  // namespace

double autoExposureEv(const Lighting& light) {
    // Half the gap, as an eye adapts: the whole would bring the ground to daylight but blow the
    // dusk sky (far brighter than the ground it lights) out to white.
    constexpr double kAdaptation = 0.5, kMaxEv = 2.0;
    const double day = groundLight(Lighting{}), now = groundLight(light);
    if (now <= 0.0) return kMaxEv;
    return std::clamp(kAdaptation * std::log2(day / now), 0.0, kMaxEv);
}

Lighting withExposureEv(Lighting light, double ev) {
    light.exposure = float(std::exp2(std::clamp(ev, -10.0, 10.0)));
    return light;
}

}  // namespace axis::render
