#pragma once
// Touch gestures from individual fingers: one finger drags (look), two fingers pinch (move
// closer or further) and drag together (pan), a quick second tap is a double-tap (go there).
#include <map>
#include <optional>

#include <glm/glm.hpp>

#include "viewer/input.h"

namespace axis::viewer {

struct Gesture {
    enum Kind { None, DragBegin, Drag, DragEnd, Pinch, Tap, DoubleTap } kind = None;
    glm::dvec2 position{0.0};  ///< Finger (or two-finger midpoint) in window points.
    double scale = 1.0;        ///< Pinch: distance between fingers now / at the last event.
    bool twoFingers = false;
};

class GestureTracker {
public:
    /// Feeds one finger event at time `now` (seconds); returns what it means, in order.
    std::vector<Gesture> feed(const TouchEvent& touch, double now);

private:
    glm::dvec2 midpoint() const;
    double spread() const;

    std::map<int, glm::dvec2> fingers_;
    double lastTapTime_ = -1.0;
    glm::dvec2 lastTapPos_{0.0};
    double downTime_ = 0.0;
    glm::dvec2 downPos_{0.0};
    bool moved_ = false;
};

}  // namespace axis::viewer
