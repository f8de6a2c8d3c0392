#pragma once
// The Vulkan instance and device. One code path for headless rendering and for a window: a
// window passes the instance extensions it needs and a surface factory, nothing else differs.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "core/error.h"

namespace axis::gpu {

class Allocator;

/// True when AXIS_VALIDATION=1 is set (or the build enabled validation by default).
bool validationRequestedByEnvironment();

struct ContextOptions {
    bool validation = validationRequestedByEnvironment();
    std::vector<std::string> instanceExtensions;  ///< e.g. from glfwGetRequiredInstanceExtensions.
    /// Creates the window surface once the instance exists; empty for headless.
    std::function<VkSurfaceKHR(VkInstance)> createSurface;
    /// Leave these optional features off even where the device has them, so that tests can run
    /// the fallback paths on any device.
    bool withoutDrawIndirectCount = false;
    bool withoutMultiDrawIndirect = false;
    bool withoutHostPointerImport = false;
};

/// Optional device features, enabled when the device has them.
struct DeviceFeatures {
    bool samplerAnisotropy = false;
    bool largePoints = false;
    bool fillModeNonSolid = false;
    bool geometryShader = false;  ///< For the wireframe inspection mode (render/inspection_mode.h).
    bool multiDrawIndirect = false;  ///< Several indirect draws per call; else one call per draw.
    bool drawIndirectCount = false;  ///< vkCmdDrawIndexedIndirectCount (a GPU-written draw count).
    float maxAnisotropy = 1.0f;
    float maxPointSize = 1.0f;  ///< Pixels: the device's largest (capped at 64), 1 without largePoints.
    /// VK_EXT_external_memory_host on a CPU device, whose "device memory" is host memory anyway:
    /// buffers can then use a mapped bake cache as it is (Buffer::importHost) instead of a copy.
    bool hostPointerImport = false;
    VkDeviceSize hostPointerAlignment = 0;  ///< minImportedHostPointerAlignment.
};

class Context {
public:
    /// Picks a discrete GPU when present, else any Vulkan 1.3 device with dynamic rendering and
    /// synchronization2 (lavapipe included). AXIS_DEVICE=substring forces a device by name.
    /// Fails with a readable error when no such device exists or the validation layer is missing.
    static Expected<std::unique_ptr<Context>> create(const ContextOptions& options = {});
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    VkInstance instance() const { return instance_; }
    VkPhysicalDevice physicalDevice() const { return physicalDevice_; }
    VkDevice device() const { return device_; }
    VkQueue queue() const { return queue_; }
    uint32_t queueFamily() const { return queueFamily_; }
    VkSurfaceKHR surface() const { return surface_; }
    const VkPhysicalDeviceProperties& properties() const { return properties_; }
    const DeviceFeatures& features() const { return features_; }
    std::string deviceName() const { return properties_.deviceName; }
    Allocator& allocator() { return *allocator_; }

    /// The memory types a host pointer can be imported as (0 when it cannot); needs
    /// features().hostPointerImport.
    uint32_t hostPointerMemoryTypes(const void* pointer) const;

    /// Validation warnings and errors seen since creation; tests require zero.
    uint32_t validationMessageCount() const { return validationMessages_.load(); }

    /// Records commands into a one-time command buffer, submits and waits (uploads, readback).
    void submitAndWait(const std::function<void(VkCommandBuffer)>& record);
    void waitIdle();

private:
    Context() = default;
    Status createInstance(const ContextOptions& options);
    Status pickPhysicalDevice();
    Status createDevice(const ContextOptions& options);

    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    VkSurfaceKHR surface_ = VK_NULL_HANDLE;
    VkPhysicalDevice physicalDevice_ = VK_NULL_HANDLE;
    VkPhysicalDeviceProperties properties_{};
    DeviceFeatures features_;
    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    uint32_t queueFamily_ = 0;
    VkCommandPool immediatePool_ = VK_NULL_HANDLE;
    std::unique_ptr<Allocator> allocator_;
    PFN_vkGetMemoryHostPointerPropertiesEXT getHostPointerProperties_ = nullptr;
    std::atomic<uint32_t> validationMessages_{0};
    bool validation_ = false;
};

}  // namespace axis::gpu
