#pragma once
// How much device memory what streams in by need may take (texture levels, geometry pages): one
// rule for both, read from the environment or derived from the device.
#include <cstdint>

namespace axis::gpu {
class Context;
}

namespace axis::render {

constexpr std::uint64_t kMiB = 1ull << 20;

struct BudgetRule {
    const char* environment;         ///< Variable holding MiB that overrides the rest.
    std::uint64_t cpuDevice;         ///< On a CPU device, where device memory is the process's.
    std::uint64_t heapDivisor;       ///< Else this part of the largest device-local heap...
    std::uint64_t least, most;       ///< ...within these bounds.
};

/// The rule's budget for `context`'s device; a malformed variable is warned about and ignored.
std::uint64_t streamingBudget(const gpu::Context& context, const BudgetRule& rule);

}  // namespace axis::render
