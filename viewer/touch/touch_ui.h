#pragma once
// Fingers meeting the UI. With XInput touch selected, the X server stops emulating a mouse for
// touches on our window, so the UI (ImGui, which reads one pointer per frame) is driven from the
// fingers here, and each finger is routed either to the UI or to the scene for its whole life.
#include <functional>
#include <map>
#include <optional>

#include <glm/glm.hpp>

#include "viewer/input.h"

namespace axis::viewer::touch {

struct Pointer {
    glm::dvec2 position{0.0};
    bool down = false;
};

/// The UI's pointer from the first finger down. ImGui 1.86 samples the pointer once a frame, so a
/// tap whose down and up arrive between two frames would never be seen pressed: the press is
/// shown for at least one frame, and the release for one more at the same place (that is when
/// ImGui reports a click) before the pointer goes back to the mouse.
class TouchPointer {
public:
    void feed(const TouchEvent& touch);
    /// The pointer for the frame about to be built, or nullopt when no finger drives it. Call
    /// once a frame.
    std::optional<Pointer> nextFrame();

private:
    std::optional<int> primary_;  ///< The finger driving the pointer.
    glm::dvec2 position_{0.0};
    bool pressUnseen_ = false;    ///< Went down since the last frame.
    bool releaseToShow_ = false;  ///< Lifted; the UI has not yet seen it up.
};

/// Whether each finger belongs to the UI: decided where it first touched (over a panel or not)
/// and kept until it lifts, so a drag that starts on a panel never turns the view.
class TouchCapture {
public:
    using UiAt = std::function<bool(glm::dvec2)>;
    explicit TouchCapture(UiAt uiAt) : uiAt_(std::move(uiAt)) {}
    /// True when `touch` belongs to the UI.
    bool captured(const TouchEvent& touch);

private:
    UiAt uiAt_;
    std::map<int, bool> fingers_;
};

}  // namespace axis::viewer::touch
