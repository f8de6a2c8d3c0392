#pragma once
// The light of lit shading: a sun and the sky's ambient light. By default the fixed late-morning
// sun the renderer always had; sunlight() turns a sun direction (geo/solar_position.h gives it
// for a date and time at a site) into the light of that hour: white and strong when high,
// warmer and weaker near the horizon, none below it, the sky dimming through dusk to night.
// Unlit scans (light baked into their texels) ignore it.
#include <glm/glm.hpp>

namespace axis::render {

struct Lighting {
    glm::dvec3 sunDirection = glm::normalize(glm::dvec3(0.35, -0.55, 0.76));  ///< Unit, site frame, towards the sun.
    glm::vec3 sunRadiance{2.3f};  ///< Linear RGB of direct sunlight.
    glm::vec3 skyTint{1.0f};      ///< Scales the sky's colours and its ambient light.
    float sunDisc = 1.0f;         ///< Brightness of the sun's glow in the sky (0 below the horizon).
    bool shadows = false;         ///< Lit models cast sun shadows (render/shadow_map.h).
    /// Scales the sun's and the sky's light as seen (2^EV): a camera's exposure compensation,
    /// to read a scan at dusk. Unlit scans carry their own light and are not scaled.
    float exposure = 1.0f;
    bool operator==(const Lighting&) const = default;
};

/// The light of a sun standing in `direction` (site frame; normalised here).
Lighting sunlight(const glm::dvec3& direction);

/// The exposure (EV) that brings `light` halfway back to the default day's brightness on level
/// ground, as an eye adapts: 0 by day, up to +2 EV (4x) at dusk and night, which stays darker
/// than day so that it still reads as night.
double autoExposureEv(const Lighting& light);

/// `light` with its exposure set to `ev` stops (clamped to +-10).
Lighting withExposureEv(Lighting light, double ev);

}  // namespace axis::render
