#include "viewer/kiosk/soak.h"

#include "viewer/kiosk/exit_gesture.h"
#include "viewer/kiosk/kiosk_layout.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace axis::viewer::kiosk {

std::vector<ScriptStep> soakScript(int cycles, glm::dvec2 size) {
    std::vector<ScriptStep> s;
    double t = 0.5;
    constexpr double kGap = kSoakStepSeconds;  // One event per frame, so the UI sees every press.
    auto at = [&](double dt, ScriptAction a) { s.push_back({t += dt, std::move(a)}); };
    const KioskLayout l =
        kioskLayout(float(size.x), float(size.y), kFallbackDpi, float(CornerLongPress::kCornerPixels));
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
        // Behind its tab, a place from the list (opens its story and glides there) on even cycles, a
        // landmark on the map on odd ones: both drawers over a run, in few steps. Where they are at
        // the fallback DPI (a site's screen_inches may move them a little: a missed tap is still a
        // touch).
        const auto centre = [](const Rect& r, double down) { return glm::dvec2(r.x + r.w * 0.5, r.y + r.h * down); };
        const glm::dvec2 tab = i % 2 ? centre(l.mapTab, 0.5) : centre(l.placesTab, 0.5);
        const glm::dvec2 pick = i % 2 ? centre(l.mapDrawer, 0.2 + 0.1 * (i % 7))
                                      : glm::dvec2(centre(l.placesDrawer, 0.0).x,
                                                   l.placesDrawer.y + l.windowPadPx + (i % 4 + 0.5) * l.targetPx);
        for (glm::dvec2 p : {tab, pick}) {
            at(kGap, InputEvent{TouchEvent{1, TouchEvent::Down, p}});
            at(kGap, InputEvent{TouchEvent{1, TouchEvent::Up, p}});
        }
    }
    at(0.5, ScriptQuit{});
    return s;
}

}  // namespace axis::viewer::kiosk
