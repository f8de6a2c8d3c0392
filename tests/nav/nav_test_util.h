#pragma once
// Driving controllers in tests: hold an input for some seconds at a given frame rate.
#include <cmath>

#include "nav/controller.h"

namespace axis::test {

/// Holds `input` for `seconds` at `fps` frames per second (whole frames; `seconds * fps` rounded).
inline void hold(nav::CameraController& c, const nav::NavInput& input, double seconds, double fps) {
    c.setInput(input);
    const int frames = static_cast<int>(std::lround(seconds * fps));
    for (int i = 0; i < frames; ++i) c.update(1.0 / fps);
}

inline nav::NavInput forward(double amount = 1.0, bool run = false) {
    nav::NavInput in;
    in.move = {0.0, amount};
    in.run = run;
    return in;
}

}  // namespace axis::test
