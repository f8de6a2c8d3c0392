#include "gpu/context.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/log.h"
#include "gpu/memory.h"
#include "gpu/vk_check.h"

namespace axis::gpu {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL onValidationMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                   VkDebugUtilsMessageTypeFlagsEXT types,
                                                   const VkDebugUtilsMessengerCallbackDataEXT* data,
                                                   void* user) {
    const bool counts = (severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) &&
                        (types & (VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                                  VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT));
    if (counts) {
        static_cast<std::atomic<uint32_t>*>(user)->fetch_add(1);
        logError(std::string("vulkan validation: ") + (data->pMessage ? data->pMessage : ""));
    }
    return VK_FALSE;
}

bool hasLayer(const char* name) {
    uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    return std::any_of(layers.begin(), layers.end(),
                       [&](const VkLayerProperties& l) { return !std::strcmp(l.layerName, name); });
}

bool hasInstanceExtension(const char* name) {
    uint32_t count = 0;
    vkEnumerateInstanceExtensionProperties(nullptr, &count, nullptr);
    std::vector<VkExtensionProperties> exts(count);
    vkEnumerateInstanceExtensionProperties(nullptr, &count, exts.data());
    return std::any_of(exts.begin(), exts.end(),
                       [&](const VkExtensionProperties& e) { return !std::strcmp(e.extensionName, name); });
}

VkDebugUtilsMessengerCreateInfoEXT messengerInfo(std::atomic<uint32_t>* counter) {
    VkDebugUtilsMessengerCreateInfoEXT info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
    info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                           VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    info.pfnUserCallback = onValidationMessage;
    info.pUserData = counter;
    return info;
}

int deviceTypeScore(VkPhysicalDeviceType type) {
    switch (type) {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 4;
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 3;
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
        case VK_PHYSICAL_DEVICE_TYPE_CPU: return 1;
        default: return 0;
    }
}

bool hasDeviceExtension(VkPhysicalDevice device, const char* name) {
    uint32_t count = 0;
    vkEnumerateDeviceExtensionProperties(device, nullptr, &count, nullptr);
    std::vector<VkExtensionProperties> extensions(count);
    vkEnumerateDeviceExtensionProperties(device, nullptr, &count, extensions.data());
    return std::any_of(extensions.begin(), extensions.end(),
                       [&](const VkExtensionProperties& e) { return std::strcmp(e.extensionName, name) == 0; });
}

bool supports13Features(VkPhysicalDevice device) {
    VkPhysicalDeviceVulkan13Features f13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
    VkPhysicalDeviceFeatures2 f2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f13};
    vkGetPhysicalDeviceFeatures2(device, &f2);
    return f13.dynamicRendering && f13.synchronization2 && f13.maintenance4;
}

}  // namespace

bool validationRequestedByEnvironment() {
    if (const char* v = std::getenv("AXIS_VALIDATION")) return std::strcmp(v, "0") != 0 && *v != '\0';
#ifdef AXIS_VALIDATION_DEFAULT
    return true;
#else
    return false;
#endif
}

Expected<std::unique_ptr<Context>> Context::create(const ContextOptions& options) {
    std::unique_ptr<Context> ctx(new Context());
    try {
        if (auto s = ctx->createInstance(options); !s) return s.error();
        if (options.createSurface) {
            ctx->surface_ = options.createSurface(ctx->instance_);
            if (!ctx->surface_) return Error{"cannot create a Vulkan surface for the window"};
        }
        if (auto s = ctx->pickPhysicalDevice(); !s) return s.error();
        if (auto s = ctx->createDevice(options); !s) return s.error();
    } catch (const VulkanError& e) {
        return Error{std::string("Vulkan initialisation failed: ") + e.what()};
    }
    return ctx;
}

Status Context::createInstance(const ContextOptions& options) {
    validation_ = options.validation;
    if (validation_ && !hasLayer(kValidationLayer))
        return Error{"validation requested (AXIS_VALIDATION=1) but VK_LAYER_KHRONOS_validation is not "
                     "installed (Debian: apt-get install vulkan-validationlayers)"};
    std::vector<const char*> extensions;
    for (const auto& e : options.instanceExtensions) extensions.push_back(e.c_str());
    if (validation_ && hasInstanceExtension(VK_EXT_DEBUG_UTILS_EXTENSION_NAME))
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    const bool debugUtils = validation_ && extensions.size() > options.instanceExtensions.size();

    VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = "axisview";
    app.pEngineName = "axis";
    app.apiVersion = VK_API_VERSION_1_3;
    VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    info.pApplicationInfo = &app;
    info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();
    auto debugInfo = messengerInfo(&validationMessages_);
    if (validation_) {
        info.enabledLayerCount = 1;
        info.ppEnabledLayerNames = &kValidationLayer;
        if (debugUtils) info.pNext = &debugInfo;  // Also catches messages from vkCreateInstance itself.
    }
    VkResult r = vkCreateInstance(&info, nullptr, &instance_);
    if (r == VK_ERROR_INCOMPATIBLE_DRIVER || r == VK_ERROR_INITIALIZATION_FAILED)
        return Error{std::string("no Vulkan driver found (") + resultName(r) +
                     "); on Debian install mesa-vulkan-drivers for a CPU device"};
    AXIS_VK_CHECK(r);
    if (debugUtils) {
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
        if (create) AXIS_VK_CHECK(create(instance_, &debugInfo, nullptr, &messenger_));
    }
    return Ok{};
}

Status Context::pickPhysicalDevice() {
    uint32_t count = 0;
    vkEnumeratePhysicalDevices(instance_, &count, nullptr);
    std::vector<VkPhysicalDevice> devices(count);
    vkEnumeratePhysicalDevices(instance_, &count, devices.data());
    const char* forced = std::getenv("AXIS_DEVICE");

    int bestScore = -1;
    std::string rejected;
    for (VkPhysicalDevice d : devices) {
        VkPhysicalDeviceProperties props;
        vkGetPhysicalDeviceProperties(d, &props);
        if (props.apiVersion < VK_API_VERSION_1_3 || !supports13Features(d)) {
            rejected += std::string(" ") + props.deviceName + " (no Vulkan 1.3 dynamic rendering);";
            continue;
        }
        if (forced && !std::strstr(props.deviceName, forced)) continue;
        uint32_t familyCount = 0;
        vkGetPhysicalDeviceQueueFamilyProperties(d, &familyCount, nullptr);
        std::vector<VkQueueFamilyProperties> families(familyCount);
        vkGetPhysicalDeviceQueueFamilyProperties(d, &familyCount, families.data());
        for (uint32_t i = 0; i < familyCount; ++i) {
            if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT)) continue;
            VkBool32 present = VK_TRUE;
            if (surface_) vkGetPhysicalDeviceSurfaceSupportKHR(d, i, surface_, &present);
            if (!present) continue;
            int score = deviceTypeScore(props.deviceType);
            if (score > bestScore) {
                bestScore = score;
                physicalDevice_ = d;
                queueFamily_ = i;
                properties_ = props;
            }
            break;
        }
    }
    if (!physicalDevice_)
        return Error{"no Vulkan 1.3 device with graphics" + std::string(surface_ ? " and present" : "") +
                     " support was found" + (forced ? std::string(" matching AXIS_DEVICE=") + forced : "") +
                     (rejected.empty() ? "" : "; rejected:" + rejected)};
    logDebug(std::string("vulkan device: ") + properties_.deviceName);
    return Ok{};
}

Status Context::createDevice(const ContextOptions& options) {
    VkPhysicalDeviceFeatures available;
    vkGetPhysicalDeviceFeatures(physicalDevice_, &available);
    VkPhysicalDeviceFeatures enabled{};
    enabled.samplerAnisotropy = available.samplerAnisotropy;
    enabled.largePoints = available.largePoints;
    enabled.fillModeNonSolid = available.fillModeNonSolid;
    enabled.geometryShader = available.geometryShader;
    enabled.multiDrawIndirect = available.multiDrawIndirect && !options.withoutMultiDrawIndirect;
    // lavapipe's anisotropic filter biases the level of detail even at one texel per pixel, which
    // blurs unlit scans; on a CPU device it is also slow. Keep it for real GPUs.
    features_.samplerAnisotropy =
        available.samplerAnisotropy && properties_.deviceType != VK_PHYSICAL_DEVICE_TYPE_CPU;
    enabled.samplerAnisotropy = features_.samplerAnisotropy;
    features_.largePoints = available.largePoints;
    features_.maxPointSize = available.largePoints ? std::clamp(properties_.limits.pointSizeRange[1], 1.0f, 64.0f) : 1.0f;
    features_.fillModeNonSolid = available.fillModeNonSolid;
    features_.geometryShader = available.geometryShader;
    features_.multiDrawIndirect = enabled.multiDrawIndirect;
    features_.maxAnisotropy = features_.samplerAnisotropy ? std::min(8.0f, properties_.limits.maxSamplerAnisotropy) : 1.0f;

    VkPhysicalDeviceVulkan12Features f12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
    VkPhysicalDeviceFeatures2 query{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f12};
    vkGetPhysicalDeviceFeatures2(physicalDevice_, &query);
    features_.drawIndirectCount = f12.drawIndirectCount && !options.withoutDrawIndirectCount;
    f12 = {VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
    f12.drawIndirectCount = features_.drawIndirectCount;

    VkPhysicalDeviceVulkan13Features f13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES, &f12};
    f13.dynamicRendering = VK_TRUE;
    f13.synchronization2 = VK_TRUE;
    f13.maintenance4 = VK_TRUE;  // Required by 1.3; glslc's compute SPIR-V for 1.3 declares LocalSizeId.
    VkPhysicalDeviceFeatures2 features2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f13};
    features2.features = enabled;

    float priority = 1.0f;
    VkDeviceQueueCreateInfo queueInfo{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    queueInfo.queueFamilyIndex = queueFamily_;
    queueInfo.queueCount = 1;
    queueInfo.pQueuePriorities = &priority;

    std::vector<const char*> extensions;
    if (surface_) extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
    features_.hostPointerImport = properties_.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU &&
                                  !options.withoutHostPointerImport &&
                                  hasDeviceExtension(physicalDevice_, VK_EXT_EXTERNAL_MEMORY_HOST_EXTENSION_NAME);
    if (features_.hostPointerImport) {
        extensions.push_back(VK_EXT_EXTERNAL_MEMORY_HOST_EXTENSION_NAME);
        VkPhysicalDeviceExternalMemoryHostPropertiesEXT host{
            VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_EXTERNAL_MEMORY_HOST_PROPERTIES_EXT};
        VkPhysicalDeviceProperties2 props2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, &host};
        vkGetPhysicalDeviceProperties2(physicalDevice_, &props2);
        features_.hostPointerAlignment = host.minImportedHostPointerAlignment;
    }
    VkDeviceCreateInfo info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, &features2};
    info.queueCreateInfoCount = 1;
    info.pQueueCreateInfos = &queueInfo;
    info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();
    AXIS_VK_CHECK(vkCreateDevice(physicalDevice_, &info, nullptr, &device_));
    vkGetDeviceQueue(device_, queueFamily_, 0, &queue_);
    if (features_.hostPointerImport) {
        getHostPointerProperties_ = reinterpret_cast<PFN_vkGetMemoryHostPointerPropertiesEXT>(
            vkGetDeviceProcAddr(device_, "vkGetMemoryHostPointerPropertiesEXT"));
        features_.hostPointerImport = getHostPointerProperties_ != nullptr;
    }

    VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    poolInfo.queueFamilyIndex = queueFamily_;
    AXIS_VK_CHECK(vkCreateCommandPool(device_, &poolInfo, nullptr, &immediatePool_));
    allocator_ = std::make_unique<Allocator>(physicalDevice_, device_);
    return Ok{};
}

uint32_t Context::hostPointerMemoryTypes(const void* pointer) const {
    if (!features_.hostPointerImport) return 0;
    VkMemoryHostPointerPropertiesEXT props{VK_STRUCTURE_TYPE_MEMORY_HOST_POINTER_PROPERTIES_EXT};
    if (getHostPointerProperties_(device_, VK_EXTERNAL_MEMORY_HANDLE_TYPE_HOST_ALLOCATION_BIT_EXT, pointer, &props) !=
        VK_SUCCESS)
        return 0;
    return props.memoryTypeBits;
}

void Context::submitAndWait(const std::function<void(VkCommandBuffer)>& record) {
    VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    alloc.commandPool = immediatePool_;
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    VkCommandBuffer cmd;
    AXIS_VK_CHECK(vkAllocateCommandBuffers(device_, &alloc, &cmd));
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    AXIS_VK_CHECK(vkBeginCommandBuffer(cmd, &begin));
    record(cmd);
    AXIS_VK_CHECK(vkEndCommandBuffer(cmd));

    VkFenceCreateInfo fenceInfo{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    VkFence fence;
    AXIS_VK_CHECK(vkCreateFence(device_, &fenceInfo, nullptr, &fence));
    VkCommandBufferSubmitInfo cmdInfo{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
    cmdInfo.commandBuffer = cmd;
    VkSubmitInfo2 submit{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
    submit.commandBufferInfoCount = 1;
    submit.pCommandBufferInfos = &cmdInfo;
    AXIS_VK_CHECK(vkQueueSubmit2(queue_, 1, &submit, fence));
    AXIS_VK_CHECK(vkWaitForFences(device_, 1, &fence, VK_TRUE, UINT64_MAX));
    vkDestroyFence(device_, fence, nullptr);
    vkFreeCommandBuffers(device_, immediatePool_, 1, &cmd);
}

void Context::waitIdle() {
    if (device_) vkDeviceWaitIdle(device_);
}

Context::~Context() {
    waitIdle();
    allocator_.reset();
    if (immediatePool_) vkDestroyCommandPool(device_, immediatePool_, nullptr);
    if (device_) vkDestroyDevice(device_, nullptr);
    if (surface_) vkDestroySurfaceKHR(instance_, surface_, nullptr);
    if (messenger_) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        if (destroy) destroy(instance_, messenger_, nullptr);
    }
    if (instance_) vkDestroyInstance(instance_, nullptr);
}

}  // namespace axis::gpu
