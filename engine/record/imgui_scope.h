#pragma once
// Makes an ImGui context current for a scope and restores the caller's: the recorder's overlays
// each keep their own context (createHeadlessContext) and may run inside a process (the viewer)
// that has its own.
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

/// A new ImGui context for drawing `width` x `height` frames headlessly: no imgui.ini or log
/// files, and a fixed frame time (unused by what the overlays draw) so frames are reproducible.
/// The caller destroys it.
inline ImGuiContext* createHeadlessContext(float width, float height) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiContextScope scope(context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    return context;
}

}  // namespace axis::record
