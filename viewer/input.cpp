#include "viewer/input.h"

namespace axis::viewer {

void InputState::apply(const InputEvent& e) {
    if (auto* k = std::get_if<KeyEvent>(&e)) {
        if (k->down) keys.insert(k->key);
        else keys.erase(k->key);
    } else if (auto* m = std::get_if<MouseMoveEvent>(&e)) {
        mouse = m->position;
    } else if (auto* b = std::get_if<MouseButtonEvent>(&e)) {
        if (b->button >= 0 && b->button < 3) buttons[b->button] = b->down;
    } else if (auto* g = std::get_if<GamepadEvent>(&e)) {
        gamepad = *g;
    }
}

}  // namespace axis::viewer
