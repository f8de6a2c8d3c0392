#include "viewer/curator/measure_draw.h"

#include <optional>
#include <vector>

#include "render/label_layout.h"

namespace axis::viewer {
namespace {

ImVec2 toIm(glm::vec2 p) { return ImVec2(p.x, p.y); }

// Where the value goes: at the angle's vertex, else the middle of the projected points.
std::optional<glm::vec2> labelSpot(MeasureKind kind, const std::vector<std::optional<glm::vec2>>& screen) {
    if (kind == MeasureKind::Angle && screen.size() >= 2) return screen[1];
    glm::vec2 sum(0.0f);
    int count = 0;
    for (const auto& p : screen)
        if (p) sum += *p, ++count;
    if (count == 0) return std::nullopt;
    return sum / float(count);
}

void drawLabel(ImDrawList* list, glm::vec2 at, const std::string& text, const MeasureStyle& style) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 min(at.x - size.x * 0.5f - 4.0f, at.y - size.y - 10.0f);
    const ImVec2 max(min.x + size.x + 8.0f, min.y + size.y + 4.0f);
    list->AddRectFilled(min, max, IM_COL32(20, 20, 24, 210), 4.0f);
    list->AddRect(min, max, style.line, 4.0f);
    list->AddText(ImVec2(min.x + 4.0f, min.y + 2.0f), IM_COL32(255, 255, 255, 255), text.c_str());
}

}  // namespace

void drawMeasurement(ImDrawList* list, const Camera& camera, glm::vec2 viewport, MeasureKind kind,
                     std::span<const glm::dvec3> points, const std::string& label, const MeasureStyle& style) {
    if (!list || points.empty()) return;
    std::vector<std::optional<glm::vec2>> screen;
    for (const glm::dvec3& p : points) screen.push_back(render::projectToScreen(p, camera, viewport));
    const bool closed = kind == MeasureKind::Area && points.size() >= 3;
    const std::size_t segments = closed ? screen.size() : screen.size() - 1;
    for (std::size_t i = 0; i < segments; ++i) {
        const auto& a = screen[i];
        const auto& b = screen[(i + 1) % screen.size()];
        if (a && b) list->AddLine(toIm(*a), toIm(*b), style.line, style.thickness);
    }
    for (const auto& p : screen)
        if (p) list->AddCircleFilled(toIm(*p), 3.5f, style.point);
    const std::string text = label.empty() ? formatMeasureValue(kind, measureValue(kind, points)) : label;
    if (auto at = labelSpot(kind, screen)) drawLabel(list, *at, text, style);
}

}  // namespace axis::viewer
