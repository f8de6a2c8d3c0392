#include "viewer/touch/touch_ui.h"

namespace axis::viewer::touch {

void TouchPointer::feed(const TouchEvent& touch) {
    switch (touch.phase) {
        case TouchEvent::Down:
            if (primary_) return;  // A second finger: a gesture, not a pointer.
            primary_ = touch.finger;
            position_ = touch.position;
            pressUnseen_ = true;
            releaseToShow_ = false;
            break;
        case TouchEvent::Move:
            if (primary_ == touch.finger) position_ = touch.position;
            break;
        case TouchEvent::Up:
            // Released where it last was: a script's "touch up" carries no position.
            if (primary_ != touch.finger) return;
            primary_.reset();
            releaseToShow_ = true;
            break;
    }
}

std::optional<Pointer> TouchPointer::nextFrame() {
    if (primary_ || pressUnseen_) {
        pressUnseen_ = false;
        return Pointer{position_, true};
    }
    if (releaseToShow_) {
        releaseToShow_ = false;
        return Pointer{position_, false};
    }
    return std::nullopt;
}

bool TouchCapture::captured(const TouchEvent& touch) {
    if (touch.phase == TouchEvent::Down) return fingers_[touch.finger] = uiAt_(touch.position);
    auto it = fingers_.find(touch.finger);
    const bool ui = it != fingers_.end() && it->second;
    if (touch.phase == TouchEvent::Up && it != fingers_.end()) fingers_.erase(it);
    return ui;
}

}  // namespace axis::viewer::touch
