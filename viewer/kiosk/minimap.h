#pragma once
// A top-down map of the site for the kiosk: the site's extent with the axis, a dot per landmark
// (POI anchors), the visitor's position and heading. North is up. Tapping near a landmark picks it.
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model.h"

namespace axis::viewer {
class ViewerApp;
}

namespace axis::viewer::kiosk {

/// Site frame (x east, y north) to map pixels, keeping the aspect ratio, north up.
struct MapFrame {
    glm::dvec2 siteMin{0.0};   ///< South-west corner of the mapped area, metres.
    double pixelsPerMetre = 1.0;
    glm::vec2 origin{0.0f};    ///< Screen pixel of the area's north-west corner.
    glm::vec2 size{0.0f};      ///< Pixels actually used (centred in the box given to fit()).
    double northY = 0.0;       ///< Site y of the area's north edge.

    /// Fits `area` (site frame, margins added) into the box at `boxMin` of `boxSize` pixels.
    static MapFrame fit(const Bounds& area, glm::vec2 boxMin, glm::vec2 boxSize);
    glm::vec2 toScreen(const glm::dvec3& site) const;
};

/// The landmark nearest to screen point `p` within `radius` pixels; indices into `dots`.
std::optional<size_t> nearestDot(const std::vector<glm::vec2>& dots, glm::vec2 p, float radius);

/// Draws the map into the current ImGui window's remaining space and returns the POI (index into
/// the scene's POI file) the visitor tapped, if any.
std::optional<size_t> drawMinimap(ViewerApp& app, glm::vec2 size);

}  // namespace axis::viewer::kiosk
