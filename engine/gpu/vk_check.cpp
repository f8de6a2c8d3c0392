#include "gpu/vk_check.h"

namespace axis::gpu {

const char* resultName(VkResult result) {
    switch (result) {
#define AXIS_CASE(x) case x: return #x;
        AXIS_CASE(VK_SUCCESS)
        AXIS_CASE(VK_NOT_READY)
        AXIS_CASE(VK_TIMEOUT)
        AXIS_CASE(VK_INCOMPLETE)
        AXIS_CASE(VK_SUBOPTIMAL_KHR)
        AXIS_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
        AXIS_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
        AXIS_CASE(VK_ERROR_INITIALIZATION_FAILED)
        AXIS_CASE(VK_ERROR_DEVICE_LOST)
        AXIS_CASE(VK_ERROR_MEMORY_MAP_FAILED)
        AXIS_CASE(VK_ERROR_LAYER_NOT_PRESENT)
        AXIS_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
        AXIS_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
        AXIS_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
        AXIS_CASE(VK_ERROR_TOO_MANY_OBJECTS)
        AXIS_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
        AXIS_CASE(VK_ERROR_SURFACE_LOST_KHR)
        AXIS_CASE(VK_ERROR_OUT_OF_DATE_KHR)
        AXIS_CASE(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR)
        AXIS_CASE(VK_ERROR_OUT_OF_POOL_MEMORY)
#undef AXIS_CASE
        default: return "VkResult(unknown)";
    }
}

void throwVulkanError(VkResult result, const char* call, const char* file, int line) {
    throw VulkanError(result, std::string(call) + " failed with " + resultName(result) + " at " + file +
                                  ":" + std::to_string(line));
}

}  // namespace axis::gpu
