#include "viewer/ui/panel_at.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace axis::viewer::ui {

bool panelAt(glm::dvec2 point) {
    const ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return false;
    const ImVec2 p(float(point.x), float(point.y));
    for (const ImGuiWindow* window : context->Windows) {
        // Active: submitted in the last frame (this runs between Render and the next NewFrame).
        if (!window->Active || window->Hidden || (window->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (window->OuterRectClipped.Contains(p)) return true;
    }
    return false;
}

}  // namespace axis::viewer::ui
