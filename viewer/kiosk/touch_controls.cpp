#include "viewer/kiosk/touch_controls.h"

#include <imgui.h>

#include "viewer/kiosk/kiosk_text.h"

namespace axis::viewer::kiosk {
namespace {

constexpr double kLookDegreesPerSecond = 60.0;
constexpr float kGap = 8.0f;            // Between pad buttons: tight, but no mis-taps.
constexpr float kBetweenPads = 40.0f;
enum class Arrow { Up, Down, Left, Right };

// A big square button with an arrow drawn on it (drawn, so no glyph has to be in the font).
// Returns whether it is held down now.
bool arrowButton(const char* id, Arrow arrow) {
    ImGui::Button(id, ImVec2(kTouchButton, kTouchButton));
    const bool held = ImGui::IsItemActive();
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const ImVec2 c((lo.x + hi.x) * 0.5f, (lo.y + hi.y) * 0.5f);
    const float r = kTouchButton * 0.28f;
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

// A cross of four arrows at `origin` (window coordinates), its name in the empty middle cell;
// returns (right - left, up - down) held.
glm::dvec2 arrowCross(const char* label, const char* id, ImVec2 origin) {
    const float step = kTouchButton + kGap;
    auto at = [&](float col, float row) { ImGui::SetCursorPos(ImVec2(origin.x + col * step, origin.y + row * step)); };
    glm::dvec2 v(0.0);
    ImGui::PushID(id);
    at(1, 0), v.y += arrowButton("##up", Arrow::Up);
    at(0, 1), v.x -= arrowButton("##left", Arrow::Left);
    at(2, 1), v.x += arrowButton("##right", Arrow::Right);
    at(1, 2), v.y -= arrowButton("##down", Arrow::Down);
    ImGui::PopID();
    const ImVec2 size = ImGui::CalcTextSize(label);
    ImGui::SetCursorPos(ImVec2(origin.x + step + (kTouchButton - size.x) * 0.5f, origin.y + step + (kTouchButton - size.y) * 0.5f));
    ImGui::TextUnformatted(label);
    return v;
}

}  // namespace

float touchControlsHeight() { return 3 * kTouchButton + 2 * kGap + 2 * ImGui::GetStyle().WindowPadding.y; }

NavInput drawTouchControls(Language l) {
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 12.0f;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, io.DisplaySize.y - margin), ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.35f);
    ImGui::Begin("##touchpads", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                             ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing);
    const ImVec2 origin = ImGui::GetCursorPos();
    const float crossWidth = 3 * kTouchButton + 2 * kGap;
    NavInput in;
    in.move = arrowCross(text::kWalkPad(l), "walk", origin);
    in.lookRate = arrowCross(text::kLookPad(l), "look", ImVec2(origin.x + crossWidth + kBetweenPads, origin.y)) *
                  kLookDegreesPerSecond;
    ImGui::SetCursorPos(origin);
    ImGui::Dummy(ImVec2(2 * crossWidth + kBetweenPads, crossWidth));  // Sizes the window.
    ImGui::End();
    return in;
}

}  // namespace axis::viewer::kiosk
