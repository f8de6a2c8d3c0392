#pragma once
// Whether a point of the window is covered by a UI panel, as drawn in the last frame. For routing
// a finger before the next frame is built: ImGui's own answer (WantCaptureMouse) is about where
// the pointer was, not where a new finger lands.
#include <glm/glm.hpp>

namespace axis::viewer::ui {

/// True when a visible window that takes mouse input covers `point` (window coordinates).
bool panelAt(glm::dvec2 point);

}  // namespace axis::viewer::ui
