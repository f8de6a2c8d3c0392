#include "core/progress.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>

namespace axis {
namespace {

std::string clockText(double seconds) {
    const int s = int(seconds + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}

// What the printer remembers between reports: the stage, when it began, the last tenth printed.
struct PrinterState {
    std::string stage;
    std::chrono::steady_clock::time_point start;
    int lastTenth = -1;
};

}  // namespace

void Progress::report(const std::string& stage, double fraction) const {
    if (onUpdate_) onUpdate_(stage, std::clamp(fraction, 0.0, 1.0));
}

// The time left is the stage's elapsed time scaled by what remains: rough, but it moves the right
// way, and it uses the wall clock only for this display (recorded frames never do).
Progress Progress::toStderr() {
    const bool terminal = ::isatty(STDERR_FILENO);
    auto state = std::make_shared<PrinterState>();
    return Progress([terminal, state](const std::string& stage, double fraction) {
        const auto now = std::chrono::steady_clock::now();
        if (stage != state->stage) *state = {stage, now, -1};
        const double elapsed = std::chrono::duration<double>(now - state->start).count();
        const std::string eta = fraction > 0.01 ? clockText(elapsed * (1.0 - fraction) / fraction) : "?";
        if (terminal) {
            const int filled = static_cast<int>(fraction * 30.0);
            std::fprintf(stderr, "\r%-24.24s [%.*s%*s] %3d%%  ETA %s  ", stage.c_str(), filled,
                         "##############################", 30 - filled, "", static_cast<int>(fraction * 100), eta.c_str());
            if (fraction >= 1.0) std::fputc('\n', stderr);
        } else if (const int tenth = static_cast<int>(fraction * 10.0); tenth != state->lastTenth) {
            // Logs and CI: a line per tenth of each stage.
            state->lastTenth = tenth;
            std::fprintf(stderr, "%s %3d%%  ETA %s\n", stage.c_str(), tenth * 10, eta.c_str());
        }
    });
}

}  // namespace axis
