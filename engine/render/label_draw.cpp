#include "render/label_draw.h"

namespace axis::render {
namespace {

constexpr float kPadding = 6.0f;

ImU32 withAlpha(ImU32 color, float alpha) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    c.w *= alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

}  // namespace

glm::vec2 labelBoxSize(const std::string& text) {
    ImVec2 s = ImGui::CalcTextSize(text.c_str());
    return {s.x + 2 * kPadding, s.y + 2 * kPadding};
}

void drawLabels(ImDrawList* list, const LabelLayout& layout, const std::vector<std::string>& texts, int highlight) {
    // Imperial vermilion markers, a dark box with light text: readable over sky and stone alike.
    const ImU32 marker = IM_COL32(200, 40, 30, 255), ring = IM_COL32(255, 255, 255, 255);
    const ImU32 box = IM_COL32(20, 20, 24, 200), boxHot = IM_COL32(150, 30, 20, 230), text = IM_COL32(245, 240, 230, 255);
    for (const auto& m : layout.markers) {
        ImVec2 p(m.marker.x, m.marker.y);
        list->AddCircleFilled(p, 7.0f, withAlpha(ring, m.alpha));
        list->AddCircleFilled(p, 5.0f, withAlpha(marker, m.alpha));
    }
    for (const auto& l : layout.labels) {
        const bool hot = int(l.input) == highlight;
        list->AddLine(ImVec2(l.marker.x, l.marker.y), ImVec2(l.leaderEnd.x, l.leaderEnd.y), withAlpha(ring, l.alpha), 1.5f);
        list->AddRectFilled(ImVec2(l.boxMin.x, l.boxMin.y), ImVec2(l.boxMax.x, l.boxMax.y),
                            withAlpha(hot ? boxHot : box, l.alpha), 5.0f);
        list->AddText(ImVec2(l.boxMin.x + kPadding, l.boxMin.y + kPadding), withAlpha(text, l.alpha),
                      texts.at(l.input).c_str());
    }
}

}  // namespace axis::render
