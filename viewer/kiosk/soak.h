#pragma once
// Months unattended, compressed: `axisview --kiosk SITE --soak N` replays N idle/visitor cycles
// (idle timeout, glide home, attract tour, a touch, a place, the minimap, the language) with a
// large fixed step and a draw every kSoakDrawEvery steps, while the kiosk prints resident memory
// and open handles.
#include <vector>

#include <glm/glm.hpp>

#include "viewer/script.h"

namespace axis::viewer::kiosk {

constexpr double kSoakIdleSeconds = 1.0;  ///< The compressed idle timeout during a soak.
constexpr double kSoakStepSeconds = 0.25;  ///< The app's fixed step during a soak (scripts: 1/60).
/// Steps between draws during a soak (scripts: 8). Not a divisor of a cycle's length, so the draws
/// fall on every phase of the cycle (idle, glide, tour, captions, places, minimap) over a run, while
/// 10,000 cycles stay within a few minutes on lavapipe.
constexpr int kSoakDrawEvery = 64;
constexpr int kSoakReportEvery = 250;     ///< Cycles between memory reports.

/// The scripted input of `cycles` cycles for a window of `size` points.
std::vector<ScriptStep> soakScript(int cycles, glm::dvec2 size);

}  // namespace axis::viewer::kiosk
