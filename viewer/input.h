#pragma once
// Input events as the viewer sees them, from GLFW callbacks or from a --script file alike, so
// that scripted runs exercise exactly the code a person does. Keys use GLFW key codes.
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <glm/glm.hpp>

namespace axis::viewer {

struct KeyEvent {
    int key = 0;  ///< GLFW_KEY_*.
    bool down = true;
    int mods = 0;  ///< GLFW_MOD_* bits.
};
struct MouseMoveEvent {
    glm::dvec2 position{0.0};  ///< Window coordinates (screen points, not framebuffer pixels).
};
struct MouseButtonEvent {
    int button = 0;  ///< 0 left, 1 right, 2 middle (GLFW_MOUSE_BUTTON_*).
    bool down = true;
};
struct ScrollEvent {
    double dy = 0.0;  ///< Wheel steps; positive is away from the user (zoom in).
};
/// One finger of a touch screen, from XInput 2.2 (viewer/touch: GLFW 3.3 has no touch API) or a
/// script. Fingers are small numbers, reused once lifted.
struct TouchEvent {
    int finger = 0;
    enum Phase { Down, Move, Up } phase = Down;
    glm::dvec2 position{0.0};
};
/// A gamepad's state (GLFW's standard mapping): sticks in [-1,1], triggers in [0,1].
struct GamepadEvent {
    glm::dvec2 leftStick{0.0}, rightStick{0.0};
    double leftTrigger = 0.0, rightTrigger = 0.0;
    unsigned buttons = 0;  ///< Bit i = GLFW_GAMEPAD_BUTTON_i pressed.
};

/// Text typed into the focused field (scripts; live typing reaches ImGui through its backend).
struct TextEvent {
    std::string utf8;
};

using InputEvent =
    std::variant<KeyEvent, MouseMoveEvent, MouseButtonEvent, ScrollEvent, TouchEvent, GamepadEvent, TextEvent>;

/// What is held down right now, updated from the event stream.
struct InputState {
    std::set<int> keys;
    glm::dvec2 mouse{0.0};
    bool buttons[3] = {false, false, false};
    GamepadEvent gamepad;

    void apply(const InputEvent& e);
    bool held(int key) const { return keys.count(key) > 0; }
};

}  // namespace axis::viewer
