#pragma once
// VK_CHECK stays on in release builds: a failing call throws gpu::VulkanError naming the call,
// the result, the file and the line. Expected non-success codes are handled at the call site.
#include <stdexcept>
#include <string>

#include <vulkan/vulkan.h>

namespace axis::gpu {

class VulkanError : public std::runtime_error {
public:
    VulkanError(VkResult result, const std::string& what) : std::runtime_error(what), result_(result) {}
    VkResult result() const { return result_; }

private:
    VkResult result_;
};

const char* resultName(VkResult result);
[[noreturn]] void throwVulkanError(VkResult result, const char* call, const char* file, int line);

}  // namespace axis::gpu

#define AXIS_VK_CHECK(call)                                                              \
    do {                                                                                 \
        VkResult axisVkResult_ = (call);                                                 \
        if (axisVkResult_ != VK_SUCCESS)                                                 \
            ::axis::gpu::throwVulkanError(axisVkResult_, #call, __FILE__, __LINE__);     \
    } while (0)
