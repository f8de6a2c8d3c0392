#pragma once
// Wall-clock timing for logs and frame statistics (never for decisions a test depends on).
#include <chrono>

namespace axis {

class Stopwatch {
public:
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// Adds the seconds of its scope to `total` when it ends, whichever return ends it.
class ScopedSeconds {
public:
    explicit ScopedSeconds(double& total) : total_(total) {}
    ~ScopedSeconds() { total_ += watch_.seconds(); }
    ScopedSeconds(const ScopedSeconds&) = delete;
    ScopedSeconds& operator=(const ScopedSeconds&) = delete;

private:
    double& total_;
    Stopwatch watch_;
};

}  // namespace axis
