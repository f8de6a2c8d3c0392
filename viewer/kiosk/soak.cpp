#include "viewer/kiosk/soak.h"

#include "viewer/kiosk/layout.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace axis::viewer::kiosk {

std::vector<ScriptStep> soakScript(int cycles, glm::dvec2 size) {
    std::vector<ScriptStep> s;
    double t = 0.5;
    constexpr double kGap = kSoakStepSeconds;  // One event per frame, so the UI sees every press.
    auto at = [&](double dt, ScriptAction a) { s.push_back({t += dt, std::move(a)}); };
    const glm::dvec2 middle = size * 0.5;
    for (int i = 0; i < cycles; ++i) {
        // Idle long enough to time out, glide home and start the tour (the glide is short: the
        // visitor did not go far).
        t += kSoakIdleSeconds + 2.0;
        at(0.0, InputEvent{TouchEvent{1, TouchEvent::Down, middle}});  // Wakes the kiosk.
        at(kGap, InputEvent{TouchEvent{1, TouchEvent::Up, middle}});
        // A look-around drag, a language change, a place from the list (opens its story).
        at(kGap, InputEvent{TouchEvent{1, TouchEvent::Down, middle}});
        at(kGap, InputEvent{TouchEvent{1, TouchEvent::Move, middle + glm::dvec2(40.0, 5.0)}});
        at(kGap, InputEvent{TouchEvent{1, TouchEvent::Up, middle + glm::dvec2(40.0, 5.0)}});
        at(kGap, InputEvent{KeyEvent{i % 2 ? GLFW_KEY_L : GLFW_KEY_W, true, 0}});
        at(kGap, InputEvent{KeyEvent{i % 2 ? GLFW_KEY_L : GLFW_KEY_W, false, 0}});
        // A place from the list (opens its story and glides there), then a landmark on the map.
        const glm::dvec2 place(layout::kPlacesX + 100.0, layout::kPanelsTop + 100.0 + (i % 4) * layout::kRowHeight);
        const glm::dvec2 map(layout::kMargin + layout::kMapWidth * 0.5, layout::kPanelsTop + 60.0 + (i % 7) * 40.0);
        for (glm::dvec2 p : {place, map}) {
            at(kGap, InputEvent{MouseMoveEvent{p}});
            at(kGap, InputEvent{MouseButtonEvent{0, true}});
            at(kGap, InputEvent{MouseButtonEvent{0, false}});
        }
    }
    at(0.5, ScriptQuit{});
    return s;
}

}  // namespace axis::viewer::kiosk
