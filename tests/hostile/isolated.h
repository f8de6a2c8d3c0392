#pragma once
// Runs one reader call in a forked child with a memory cap and a time limit, so that a runaway
// allocation or a hang in a reader (ours or a library's) shows as a test failure instead of
// taking the machine down. The cap is RLIMIT_AS in a plain build; under AddressSanitizer, whose
// shadow memory needs terabytes of address space, the parent watches the child's resident size
// instead (and ASAN_OPTIONS from tools/dev.sh turn huge allocations into bad_alloc).
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace axis::test {

struct IsolationLimits {
    std::uint64_t memoryBytes = std::uint64_t(4) << 30;  ///< 4 GiB.
    std::chrono::milliseconds time{30000};
};

/// How a child ended.
struct IsolatedOutcome {
    enum Kind { Finished, Crashed, OutOfTime, OutOfMemory } kind = Finished;
    std::string report;       ///< What the child sent back (Finished only).
    std::string description;  ///< One line for failure messages: signal, time, peak memory.
    std::uint64_t peakRssBytes = 0;
    double seconds = 0;
};

/// Forks; the child applies the limits, runs `work` and sends its string back to the parent.
IsolatedOutcome runIsolated(const std::function<std::string()>& work, const IsolationLimits& limits = {});

/// True when this test binary was built with AddressSanitizer (times are looser there).
bool underAddressSanitizer();

}  // namespace axis::test
