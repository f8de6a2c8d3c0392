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
    bool operator==(const Lighting&) const = default;
};

/// The light of a sun standing in `direction` (site frame; normalised here).
Lighting sunlight(const glm::dvec3& direction);

}  // namespace axis::render
