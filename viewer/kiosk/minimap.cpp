#include "viewer/kiosk/minimap.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "viewer/app.h"

namespace axis::viewer::kiosk {
namespace {

constexpr float kTapRadius = 48.0f;  // Pixels: a finger is not a pointer.
const ImU32 kGround = IM_COL32(58, 52, 44, 230);
const ImU32 kAxis = IM_COL32(200, 60, 40, 255);      // Vermilion, the colour of the Forbidden City.
const ImU32 kLandmark = IM_COL32(240, 200, 90, 255);
const ImU32 kVisitor = IM_COL32(90, 200, 255, 255);

// The mapped area: the site's extent and every landmark, so no dot falls off the map.
Bounds mappedArea(const ViewerApp& app) {
    Bounds area = app.scene().bounds;
    if (app.scene().pois)
        for (const Poi& poi : app.scene().pois->pois) area.add(poi.anchor.position);
    if (area.empty()) area.add(glm::dvec3(0.0));
    return area;
}

void drawVisitor(ImDrawList* draw, const MapFrame& frame, const Camera& c) {
    const glm::vec2 p = frame.toScreen(c.position);
    glm::dvec2 f(c.forward.x, c.forward.y);
    f = glm::length(f) > 1e-6 ? glm::normalize(f) : glm::dvec2(0, 1);
    const glm::vec2 d(float(f.x), float(-f.y));  // Screen y grows southwards.
    const glm::vec2 side(-d.y, d.x);
    auto v = [](glm::vec2 q) { return ImVec2(q.x, q.y); };
    draw->AddTriangleFilled(v(p + d * 22.0f), v(p - d * 10.0f + side * 11.0f), v(p - d * 10.0f - side * 11.0f), kVisitor);
    draw->AddCircle(v(p), 14.0f, kVisitor, 0, 2.5f);
}

}  // namespace

MapFrame MapFrame::fit(const Bounds& area, glm::vec2 boxMin, glm::vec2 boxSize) {
    glm::dvec2 lo(area.min), hi(area.max);
    const glm::dvec2 extent = glm::max(hi - lo, glm::dvec2(1.0));
    const glm::dvec2 margin = extent * 0.04 + 10.0;  // Metres, so edge dots stay inside the frame.
    lo -= margin, hi += margin;
    MapFrame f;
    f.siteMin = lo;
    f.northY = hi.y;
    f.pixelsPerMetre = std::min(double(boxSize.x) / (hi.x - lo.x), double(boxSize.y) / (hi.y - lo.y));
    f.size = glm::vec2(glm::dvec2(hi - lo) * f.pixelsPerMetre);
    f.origin = boxMin + (boxSize - f.size) * 0.5f;
    return f;
}

glm::vec2 MapFrame::toScreen(const glm::dvec3& site) const {
    return origin + glm::vec2(float((site.x - siteMin.x) * pixelsPerMetre), float((northY - site.y) * pixelsPerMetre));
}

std::optional<size_t> nearestDot(const std::vector<glm::vec2>& dots, glm::vec2 p, float radius) {
    std::optional<size_t> best;
    float bestDistance = radius;
    for (size_t i = 0; i < dots.size(); ++i)
        if (float d = glm::length(dots[i] - p); d <= bestDistance) best = i, bestDistance = d;
    return best;
}

std::optional<size_t> drawMinimap(ViewerApp& app, glm::vec2 size) {
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const MapFrame frame = MapFrame::fit(mappedArea(app), glm::vec2(cursor.x, cursor.y), size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const glm::vec2 a = frame.origin, b = frame.origin + frame.size;
    draw->AddRectFilled(ImVec2(a.x, a.y), ImVec2(b.x, b.y), kGround, 8.0f);
    // The Central Axis: the site's x = 0 meridian, south to north.
    const glm::vec2 s = frame.toScreen({0.0, frame.siteMin.y, 0.0}), n = frame.toScreen({0.0, frame.northY, 0.0});
    if (s.x > a.x && s.x < b.x) draw->AddLine(ImVec2(s.x, s.y), ImVec2(n.x, n.y), kAxis, 4.0f);
    std::vector<glm::vec2> dots;
    std::vector<size_t> dotPois;
    if (app.scene().pois)
        for (size_t i = 0; i < app.scene().pois->pois.size(); ++i) {
            const Poi& poi = app.scene().pois->pois[i];
            if (!poi.viewpoint) continue;  // Nowhere to go: not a target.
            dots.push_back(frame.toScreen(poi.anchor.position));
            dotPois.push_back(i);
            const bool open = app.openedPoi() == i;
            // Dots grow with the text, so they read on a 4K screen too.
            const float r = ImGui::GetFontSize() * (open ? 0.4f : 0.28f);
            draw->AddCircleFilled(ImVec2(dots.back().x, dots.back().y), r, kLandmark);
        }
    drawVisitor(draw, frame, app.camera());
    ImGui::InvisibleButton("##minimap", ImVec2(size.x, size.y));
    if (!ImGui::IsItemClicked()) return std::nullopt;
    const ImVec2 m = ImGui::GetIO().MousePos;
    // At least a touch target's reach (kiosk_layout.h: 9 mm), whatever the screen.
    const float reach = std::max(kTapRadius, ImGui::GetFrameHeight());
    if (auto hit = nearestDot(dots, glm::vec2(m.x, m.y), reach)) return dotPois[*hit];
    return std::nullopt;
}

}  // namespace axis::viewer::kiosk
