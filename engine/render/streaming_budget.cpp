#include "render/streaming_budget.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/log.h"
#include "gpu/context.h"

namespace axis::render {

std::uint64_t streamingBudget(const gpu::Context& context, const BudgetRule& rule) {
    if (const char* env = std::getenv(rule.environment); env && *env) {
        char* end = nullptr;
        const unsigned long long mb = std::strtoull(env, &end, 10);
        if (end && *end == '\0' && mb > 0) return mb * kMiB;
        logWarn(std::string(rule.environment) + ": expected a positive number of MiB, got '" + env + "'");
    }
    if (context.properties().deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU) return rule.cpuDevice;
    VkPhysicalDeviceMemoryProperties memory{};
    vkGetPhysicalDeviceMemoryProperties(context.physicalDevice(), &memory);
    VkDeviceSize largest = 0;
    for (std::uint32_t i = 0; i < memory.memoryHeapCount; ++i)
        if (memory.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) largest = std::max(largest, memory.memoryHeaps[i].size);
    return std::clamp<std::uint64_t>(largest / rule.heapDivisor, rule.least, rule.most);
}

}  // namespace axis::render
