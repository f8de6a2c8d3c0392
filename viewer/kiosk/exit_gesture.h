#pragma once
// Leaving the kiosk: staff hold a finger (or the mouse button) in the top-left corner for three
// seconds, then type the site's exit PIN on a pad. Visitors never stumble on it: nothing shows
// in the corner, and a wrong PIN only clears the pad.
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "viewer/input.h"
#include "viewer/ui/text.h"

namespace axis::viewer::kiosk {

/// A long press inside the corner square, fed with the raw input events.
class CornerLongPress {
public:
    static constexpr double kHoldSeconds = 3.0;
    static constexpr double kCornerPixels = 120.0;

    /// Feeds one event at time `now`; the pointer position is tracked from mouse moves.
    void feed(const InputEvent& event, double now);
    /// True once, when a press has been held long enough.
    bool fired(double now);

private:
    void press(glm::dvec2 p, double now);
    static bool inCorner(glm::dvec2 p) { return p.x <= kCornerPixels && p.y <= kCornerPixels; }

    glm::dvec2 mouse_{-1.0};
    std::optional<double> since_;
};

/// The PIN pad: a centred window of big digit keys.
class PinPad {
public:
    enum class Result { Open, Closed, Accepted };

    void open() { open_ = true, entered_.clear(), wrong_ = false, submit_ = false, openSeconds_ = 0.0; }
    void close() { open_ = false, entered_.clear(); }
    bool isOpen() const { return open_; }
    /// Draws the pad (when open) and checks the entry against `pin`; an untouched pad closes
    /// itself after a minute so it never greets the next visitor.
    Result draw(const std::string& pin, Language language, double dt);
    /// A staff keyboard: digits type, Enter submits (on the next draw), Backspace clears.
    void typeKey(int glfwKey);

private:
    void key(const char* label, char digit, float size);

    bool open_ = false, wrong_ = false, submit_ = false;
    std::string entered_;
    double openSeconds_ = 0.0;
};

}  // namespace axis::viewer::kiosk
