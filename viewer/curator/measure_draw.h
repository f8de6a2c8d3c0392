#pragma once
// Measurements drawn over the scene: their points projected to the window and joined by lines
// (closed for an area), with the value in a label box, in an ImGui draw list. Shared by the
// curator's measure tool and the viewer, which shows a site's saved measurements.
#include <span>
#include <string>

#include <imgui.h>

#include "scene/camera.h"
#include "scene/measure.h"

namespace axis::viewer {

struct MeasureStyle {
    ImU32 line = IM_COL32(255, 214, 64, 255);
    ImU32 point = IM_COL32(255, 255, 255, 255);
    float thickness = 2.0f;
};

/// Draws the measurement of `kind` through `points` (site frame), labelled `label` (its value
/// when empty). Segments with an end behind the camera are left out.
void drawMeasurement(ImDrawList* list, const Camera& camera, glm::vec2 viewport, MeasureKind kind,
                     std::span<const glm::dvec3> points, const std::string& label, const MeasureStyle& style = {});

}  // namespace axis::viewer
