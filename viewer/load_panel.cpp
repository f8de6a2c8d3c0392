#include "viewer/load_panel.h"

#include <string>

#include <imgui.h>

namespace axis::viewer {

void drawLoadPanel(const std::vector<site::ModelStream::ModelStatus>& models) {
    if (models.empty()) return;
    std::size_t settled = 0;
    for (const auto& m : models) settled += m.state == site::ModelStream::State::Done || m.state == site::ModelStream::State::Failed;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(10, display.y - 10), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                           ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
    const std::string overall = std::to_string(settled) + " / " + std::to_string(models.size());
    ImGui::ProgressBar(float(settled) / float(models.size()), ImVec2(220, 0), overall.c_str());
    for (const auto& m : models) {
        if (m.state != site::ModelStream::State::Loading) continue;
        ImGui::ProgressBar(float(m.fraction), ImVec2(80, 0));
        ImGui::SameLine();
        ImGui::TextUnformatted(m.id.c_str());
    }
    ImGui::End();
}

}  // namespace axis::viewer
