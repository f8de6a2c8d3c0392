#pragma once
// Progress of long work (load, bake, export). The engine reports through a Progress object; the
// CLI prints a bar on stderr when it is a terminal, the window shows it in the UI.
#include <functional>
#include <string>

namespace axis {

class Progress {
public:
    /// `onUpdate(stage, fraction)` with fraction in [0,1]; may be empty (silent).
    using Callback = std::function<void(const std::string& stage, double fraction)>;
    Progress() = default;
    explicit Progress(Callback onUpdate) : onUpdate_(std::move(onUpdate)) {}

    void report(const std::string& stage, double fraction) const;

    /// A progress printer for the command line, with the time left in each stage: a bar on a
    /// terminal, a line per tenth of each stage otherwise (logs, CI).
    static Progress toStderr();

private:
    Callback onUpdate_;
};

}  // namespace axis
