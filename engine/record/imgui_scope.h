#pragma once
// Makes an ImGui context current for a scope and restores the caller's: the recorder's overlays
// each keep their own context and may run inside a process (the viewer) that has its own.
#include <imgui.h>

namespace axis::record {

class ImGuiContextScope {
public:
    explicit ImGuiContextScope(ImGuiContext* context) : previous_(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(context);
    }
    ~ImGuiContextScope() { ImGui::SetCurrentContext(previous_); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;

private:
    ImGuiContext* previous_;
};

}  // namespace axis::record
