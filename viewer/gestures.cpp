#include "viewer/gestures.h"

namespace axis::viewer {
namespace {

constexpr double kTapSeconds = 0.3;       // A touch shorter than this, that barely moved, is a tap.
constexpr double kTapSlopPoints = 12.0;   // How far a tap may wander.
constexpr double kDoubleTapSeconds = 0.4;

}  // namespace

glm::dvec2 GestureTracker::midpoint() const {
    glm::dvec2 sum(0.0);
    for (const auto& [id, p] : fingers_) sum += p;
    return fingers_.empty() ? sum : sum / double(fingers_.size());
}

double GestureTracker::spread() const {
    if (fingers_.size() < 2) return 0.0;
    auto it = fingers_.begin();
    glm::dvec2 a = it->second, b = (++it)->second;
    return glm::length(a - b);
}

std::vector<Gesture> GestureTracker::feed(const TouchEvent& touch, double now) {
    std::vector<Gesture> out;
    const size_t before = fingers_.size();
    const double spreadBefore = spread();
    // A finger whose touch began elsewhere (on a panel, or the one that woke the kiosk) is not
    // part of any gesture: its moves must not start one.
    if (touch.phase != TouchEvent::Down && !fingers_.count(touch.finger)) return out;
    // A lifted finger is where it last moved to: a script's "touch up" carries no position.
    const glm::dvec2 position = fingers_.count(touch.finger) ? fingers_[touch.finger] : touch.position;
    if (touch.phase == TouchEvent::Up) {
        fingers_.erase(touch.finger);
    } else {
        fingers_[touch.finger] = touch.position;
    }
    const size_t after = fingers_.size();
    // The finger count changed: end the old drag and start a new one from the new midpoint, so
    // adding or lifting a finger never makes the view jump.
    if (before != after) {
        if (before > 0) out.push_back({Gesture::DragEnd, midpoint(), 1.0, before == 2});
        if (after > 0) out.push_back({Gesture::DragBegin, midpoint(), 1.0, after == 2});
        if (before == 0 && after == 1) {
            downTime_ = now;
            downPos_ = touch.position;
            moved_ = false;
        }
        if (before == 1 && after == 0 && !moved_ && now - downTime_ < kTapSeconds) {
            if (lastTapTime_ >= 0 && now - lastTapTime_ < kDoubleTapSeconds &&
                glm::length(position - lastTapPos_) < kTapSlopPoints * 3) {
                out.push_back({Gesture::DoubleTap, position, 1.0, false});
                lastTapTime_ = -1.0;
            } else {
                out.push_back({Gesture::Tap, position, 1.0, false});
                lastTapTime_ = now;
                lastTapPos_ = position;
            }
        }
        return out;
    }
    if (touch.phase != TouchEvent::Move) return out;
    if (glm::length(touch.position - downPos_) > kTapSlopPoints) moved_ = true;
    if (after == 2 && spreadBefore > 1.0) out.push_back({Gesture::Pinch, midpoint(), spread() / spreadBefore, true});
    out.push_back({Gesture::Drag, midpoint(), 1.0, after == 2});
    return out;
}

}  // namespace axis::viewer
