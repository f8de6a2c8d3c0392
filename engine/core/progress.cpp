#include "core/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace axis {

void Progress::report(const std::string& stage, double fraction) const {
    if (onUpdate_) onUpdate_(stage, std::clamp(fraction, 0.0, 1.0));
}

Progress Progress::toStderr() {
    const bool terminal = ::isatty(STDERR_FILENO);
    auto lastStage = std::make_shared<std::string>();
    return Progress([terminal, lastStage](const std::string& stage, double fraction) {
        if (terminal) {
            int filled = static_cast<int>(fraction * 30.0);
            std::fprintf(stderr, "\r%-24.24s [%.*s%*s] %3d%%", stage.c_str(), filled,
                         "##############################", 30 - filled, "", static_cast<int>(fraction * 100));
            if (fraction >= 1.0) std::fputc('\n', stderr);
        } else if (stage != *lastStage) {
            std::fprintf(stderr, "%s...\n", stage.c_str());
        }
        *lastStage = stage;
    });
}

}  // namespace axis
