#include "viewer/kiosk/exit_gesture.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <utility>

#include "viewer/kiosk/kiosk_text.h"

namespace axis::viewer::kiosk {
namespace {

constexpr double kPadTimeoutSeconds = 60.0;
constexpr size_t kMaxDigits = 12;

}  // namespace

void CornerLongPress::press(glm::dvec2 p, double now) {
    if (inCorner(p)) since_ = now;
    else since_.reset();
}

void CornerLongPress::feed(const InputEvent& event, double now) {
    if (auto* m = std::get_if<MouseMoveEvent>(&event)) {
        mouse_ = m->position;
        if (since_ && !inCorner(mouse_)) since_.reset();  // Slid out of the corner: not a hold.
    } else if (auto* b = std::get_if<MouseButtonEvent>(&event)) {
        if (b->button != 0) return;
        if (b->down) press(mouse_, now);
        else since_.reset();
    } else if (auto* t = std::get_if<TouchEvent>(&event)) {
        if (t->phase == TouchEvent::Down) press(t->position, now);
        else if (t->phase == TouchEvent::Up || !inCorner(t->position)) since_.reset();
    }
}

bool CornerLongPress::fired(double now) {
    if (!since_ || now - *since_ < kHoldSeconds) return false;
    since_.reset();
    return true;
}

void PinPad::key(const char* label, char digit, float size) {
    if (ImGui::Button(label, ImVec2(size, size)) && entered_.size() < kMaxDigits) {
        entered_.push_back(digit);
        wrong_ = false;
    }
}

void PinPad::typeKey(int k) {
    if (k >= GLFW_KEY_0 && k <= GLFW_KEY_9 && entered_.size() < kMaxDigits) entered_.push_back(char('0' + k - GLFW_KEY_0));
    else if (k == GLFW_KEY_ENTER || k == GLFW_KEY_KP_ENTER) submit_ = true;
    else if (k == GLFW_KEY_BACKSPACE) entered_.clear();
    wrong_ = false;
}

PinPad::Result PinPad::draw(const std::string& pin, Language l, double dt) {
    if (!open_) return Result::Closed;
    if ((openSeconds_ += dt) > kPadTimeoutSeconds) {
        close();
        return Result::Closed;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##pinpad", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted(text::kEnterPin(l));
    const std::string dots(entered_.size(), '*');
    ImGui::TextUnformatted(wrong_ ? text::kWrongPin(l) : (dots.empty() ? " " : dots.c_str()));
    const float size = 96.0f;
    static const char* const kDigits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int i = 0; i < 9; ++i) {
        if (i % 3) ImGui::SameLine();
        key(kDigits[i], char('1' + i), size);
    }
    if (ImGui::Button(text::kClear(l), ImVec2(size, size))) entered_.clear();
    ImGui::SameLine();
    key("0", '0', size);
    ImGui::SameLine();
    Result result = Result::Open;
    if (ImGui::Button(text::kOk(l), ImVec2(size, size)) || std::exchange(submit_, false)) {
        if (!pin.empty() && entered_ == pin) result = Result::Accepted;
        else wrong_ = true, entered_.clear();
    }
    if (ImGui::Button(text::kCancel(l), ImVec2(size * 3 + ImGui::GetStyle().ItemSpacing.x * 2, 72.0f))) close();
    ImGui::End();
    if (result == Result::Accepted) close();
    return open_ || result == Result::Accepted ? result : Result::Closed;
}

}  // namespace axis::viewer::kiosk
