#include "viewer/kiosk/touch_controls.h"

#include <imgui.h>

#include "viewer/kiosk/kiosk_text.h"

namespace axis::viewer::kiosk {
namespace {

constexpr double kLookDegreesPerSecond = 60.0;
enum class Arrow { Up, Down, Left, Right };

// A big square button with an arrow drawn on it (drawn, so no glyph has to be in the font).
// Returns whether it is held down now.
bool arrowButton(const char* id, Arrow arrow, float side) {
    ImGui::Button(id, ImVec2(side, side));
    const bool held = ImGui::IsItemActive();
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const ImVec2 c((lo.x + hi.x) * 0.5f, (lo.y + hi.y) * 0.5f);
    const float r = side * 0.28f;
    ImVec2 tip, a, b;
    switch (arrow) {
        case Arrow::Up: tip = {c.x, c.y - r}, a = {c.x - r, c.y + r * 0.6f}, b = {c.x + r, c.y + r * 0.6f}; break;
        case Arrow::Down: tip = {c.x, c.y + r}, a = {c.x + r, c.y - r * 0.6f}, b = {c.x - r, c.y - r * 0.6f}; break;
        case Arrow::Left: tip = {c.x - r, c.y}, a = {c.x + r * 0.6f, c.y + r}, b = {c.x + r * 0.6f, c.y - r}; break;
        case Arrow::Right: tip = {c.x + r, c.y}, a = {c.x - r * 0.6f, c.y - r}, b = {c.x - r * 0.6f, c.y + r}; break;
    }
    ImGui::GetWindowDrawList()->AddTriangleFilled(tip, a, b, IM_COL32(255, 255, 255, 230));
    return held;
}

// A cross of four arrows of `side` pixels, `gap` apart (tight, but no mis-taps), at `origin`
// (window coordinates), its name in the empty middle cell; returns (right - left, up - down) held.
glm::dvec2 arrowCross(const char* label, const char* id, ImVec2 origin, float side, float gap) {
    const float step = side + gap;
    auto at = [&](float col, float row) { ImGui::SetCursorPos(ImVec2(origin.x + col * step, origin.y + row * step)); };
    glm::dvec2 v(0.0);
    ImGui::PushID(id);
    at(1, 0), v.y += arrowButton("##up", Arrow::Up, side);
    at(0, 1), v.x -= arrowButton("##left", Arrow::Left, side);
    at(2, 1), v.x += arrowButton("##right", Arrow::Right, side);
    at(1, 2), v.y -= arrowButton("##down", Arrow::Down, side);
    ImGui::PopID();
    const ImVec2 size = ImGui::CalcTextSize(label);
    ImGui::SetCursorPos(ImVec2(origin.x + step + (side - size.x) * 0.5f, origin.y + step + (side - size.y) * 0.5f));
    ImGui::TextUnformatted(label);
    return v;
}

}  // namespace

nav::NavInput drawTouchControls(Language l, const KioskLayout& layout) {
    const float side = layout.padButtonPx, gap = layout.gapPx;
    ImGui::SetNextWindowPos(ImVec2(layout.pads.x, layout.pads.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(layout.pads.w, layout.pads.h), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.35f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout.windowPadPx, layout.windowPadPx));
    ImGui::Begin("##touchpads", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar();
    const ImVec2 origin = ImGui::GetCursorPos();
    const float crossWidth = 3 * side + 2 * gap;
    nav::NavInput in;
    in.move = arrowCross(text::kWalkPad(l), "walk", origin, side, gap);
    const ImVec2 lookAt(origin.x + crossWidth + layout.fontPx, origin.y);
    in.lookRate = arrowCross(text::kLookPad(l), "look", lookAt, side, gap) * kLookDegreesPerSecond;
    ImGui::End();
    return in;
}

}  // namespace axis::viewer::kiosk
