// Record mode's widgets: the panel along the bottom of the window with its timeline, and the
// camera path drawn in the scene.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "render/label_layout.h"
#include "viewer/app.h"
#include "viewer/record_mode/record_layer.h"

namespace axis::viewer {
namespace {

constexpr float kPanelHeight = 230.0f;
constexpr float kTimelineHeight = 44.0f;
constexpr float kMarkerGrab = 7.0f;  ///< Points around a key marker that pick it rather than the playhead.
const ImU32 kVermilion = IM_COL32(200, 40, 30, 255), kGold = IM_COL32(255, 214, 120, 255);

}  // namespace

void RecordLayer::drawPanel(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    const float height = std::min(kPanelHeight, io.DisplaySize.y * 0.5f);  // Leave the view half the window.
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - height), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, height), ImGuiCond_Always);
    const Language l = app.language();
    ImGui::Begin((std::string(text::kRecord(l)) + "###record").c_str(), nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    if (ImGui::Button(idLabel(text::kAddKey, l).c_str())) addKey(app);
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kDeleteKey, l).c_str())) deleteSelected();
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kUndoKey, l).c_str())) undo();
    ImGui::SameLine();
    // One id for both faces of the button.
    if (ImGui::Button(((playing_ ? text::kPause : text::kPlay)(l) + std::string("###record.play")).c_str()))
        togglePlay(app);
    ImGui::SameLine();
    char times[64];
    std::snprintf(times, sizeof times, "%.2f / %.2f s", playhead_, path_ ? path_->endTime() : 0.0);
    ImGui::Text("%s   %s", times,
                formatText(text::kKeyframes, l, {{"count", std::to_string(file_.keys.size())}}).c_str());
    drawTimeline(app);
    drawKeyList(l);
    drawFileRow(l);
    drawExportRow(l);
    ImGui::End();
}

// The track spans [0, end + one gap]: room to drag the last key later.
void RecordLayer::drawTimeline(ViewerApp& app) {
    const double span = std::max(path_ ? path_->endTime() : 0.0, 1.0) + kKeyGapSeconds;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 50.0f);
    ImGui::InvisibleButton("timeline", ImVec2(width, kTimelineHeight));
    const auto xOf = [&](double t) { return origin.x + float(t / span) * width; };
    const auto tOf = [&](float x) { return double(x - origin.x) / width * span; };
    const float midY = origin.y + kTimelineHeight * 0.5f;
    if (ImGui::IsItemActivated()) {  // Pressed: on a marker retimes it, elsewhere scrubs.
        draggedKey_ = -1;
        for (std::size_t i = 0; i < file_.keys.size(); ++i)
            if (std::abs(ImGui::GetIO().MousePos.x - xOf(file_.keys[i].time)) <= kMarkerGrab) draggedKey_ = int(i);
        if (draggedKey_ >= 0) {
            selected_ = draggedKey_;
            snapshot();
        }
        playing_ = false;
    }
    if (ImGui::IsItemActive()) {
        const double t = std::max(0.0, tOf(ImGui::GetIO().MousePos.x));
        if (draggedKey_ >= 0) retime(std::size_t(draggedKey_), t);
        else scrubTo(app, t);
    } else {
        draggedKey_ = -1;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(ImVec2(origin.x, midY - 3), ImVec2(origin.x + width, midY + 3), IM_COL32(80, 80, 90, 255), 3);
    for (double s = 0.0; s <= span; s += 1.0)  // One tick a second.
        list->AddLine(ImVec2(xOf(s), midY + 6), ImVec2(xOf(s), midY + 10), IM_COL32(150, 150, 160, 255));
    for (std::size_t i = 0; i < file_.keys.size(); ++i)
        list->AddCircleFilled(ImVec2(xOf(file_.keys[i].time), midY), int(i) == selected_ ? 7.0f : 5.0f,
                              int(i) == selected_ ? kGold : kVermilion);
    const float px = xOf(playhead_);
    list->AddLine(ImVec2(px, origin.y), ImVec2(px, origin.y + kTimelineHeight), IM_COL32(255, 255, 255, 255), 2.0f);
}

void RecordLayer::drawKeyList(const Language& l) {
    for (std::size_t i = 0; i < file_.keys.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        char name[24];
        std::snprintf(name, sizeof name, "%zu", i + 1);
        if (ImGui::Selectable(name, int(i) == selected_, 0, ImVec2(18, 0))) selected_ = int(i);
    }
    if (selected_ < 0 || selected_ >= int(file_.keys.size())) {
        ImGui::NewLine();
        return;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    double t = file_.keys[std::size_t(selected_)].time;
    const bool changed = ImGui::InputDouble(idLabel(text::kKeyTime, l).c_str(), &t, 0.1, 1.0, "%.2f");
    if (ImGui::IsItemActivated()) snapshot();
    if (changed) retime(std::size_t(selected_), t);
}

void RecordLayer::drawFileRow(const Language& l) {
    ImGui::SetNextItemWidth(360);
    ImGui::InputText("##path", pathText_, sizeof pathText_);
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kSavePath, l).c_str())) save();
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kLoadPath, l).c_str())) load();
    ImGui::SameLine();
    ImGui::TextUnformatted(status_(l).c_str());
}

void RecordLayer::drawExportRow(const Language& l) {
    ImGui::SetNextItemWidth(360);
    ImGui::InputText("##output", outputText_, sizeof outputText_);
    ImGui::SameLine();
    ImGui::BeginDisabled(export_.running());
    if (ImGui::Button(idLabel(text::kExportVideo, l).c_str())) startExport();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (export_.running())
        ImGui::TextUnformatted(text::kExporting(l));
    else if (export_.finished())
        ImGui::TextUnformatted(
            export_.exitCode() == 0
                ? text::kExportDone(l)
                : formatText(text::kExportFailed, l, {{"code", std::to_string(export_.exitCode())}}).c_str());
    const auto& lines = export_.lines();
    for (std::size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i)
        ImGui::TextDisabled("%s", lines[i].c_str());
}

// The curve sampled every 0.1 s, projected; segments with an end behind (or right at) the camera
// are left out rather than drawn across the screen.
void RecordLayer::drawPathInScene(ViewerApp& app) const {
    if (!path_) return;
    const Camera camera = app.camera();
    const glm::vec2 viewport(app.viewport());
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const auto project = [&](const glm::dvec3& p) -> std::optional<glm::vec2> {
        if (glm::dot(p - camera.position, camera.forward) < 0.3) return std::nullopt;
        return render::projectToScreen(p, camera, viewport);
    };
    std::optional<glm::vec2> previous;
    const double start = path_->startTime(), end = path_->endTime();
    const int steps = std::clamp(int((end - start) * 10.0), 1, 2000);
    for (int i = 0; i <= steps; ++i) {
        auto q = project(path_->pose(start + (end - start) * i / steps).position);
        if (q && previous) list->AddLine(ImVec2(previous->x, previous->y), ImVec2(q->x, q->y), kGold, 2.0f);
        previous = q;
    }
    for (std::size_t i = 0; i < file_.keys.size(); ++i)
        if (auto q = project(file_.keys[i].position))
            list->AddCircleFilled(ImVec2(q->x, q->y), int(i) == selected_ ? 7.0f : 5.0f,
                                  int(i) == selected_ ? kGold : kVermilion);
}

}  // namespace axis::viewer
