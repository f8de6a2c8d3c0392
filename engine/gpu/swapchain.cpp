#include "gpu/swapchain.h"

#include <algorithm>

#include "gpu/context.h"
#include "gpu/vk_check.h"

namespace axis::gpu {
namespace {

VkSurfaceFormatKHR chooseFormat(VkPhysicalDevice device, VkSurfaceKHR surface) {
    uint32_t count = 0;
    vkGetPhysicalDeviceSurfaceFormatsKHR(device, surface, &count, nullptr);
    std::vector<VkSurfaceFormatKHR> formats(count);
    vkGetPhysicalDeviceSurfaceFormatsKHR(device, surface, &count, formats.data());
    // sRGB end to end: the scene target is sRGB, and so must the window be for colours to match.
    for (auto f : formats)
        if ((f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
            f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
            return f;
    return formats.at(0);
}

VkPresentModeKHR choosePresentMode(VkPhysicalDevice device, VkSurfaceKHR surface, bool vsync) {
    if (vsync) return VK_PRESENT_MODE_FIFO_KHR;  // Always available.
    uint32_t count = 0;
    vkGetPhysicalDeviceSurfacePresentModesKHR(device, surface, &count, nullptr);
    std::vector<VkPresentModeKHR> modes(count);
    vkGetPhysicalDeviceSurfacePresentModesKHR(device, surface, &count, modes.data());
    for (auto preferred : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR})
        if (std::find(modes.begin(), modes.end(), preferred) != modes.end()) return preferred;
    return VK_PRESENT_MODE_FIFO_KHR;
}

}  // namespace

Swapchain::Swapchain(Context& context, VkExtent2D extent, bool vsync) : context_(context) { create(extent, vsync); }

Swapchain::~Swapchain() {
    context_.waitIdle();
    destroy();
}

void Swapchain::recreate(VkExtent2D extent, bool vsync) {
    context_.waitIdle();
    destroy();
    create(extent, vsync);
}

void Swapchain::create(VkExtent2D wanted, bool vsync) {
    VkPhysicalDevice pd = context_.physicalDevice();
    VkSurfaceKHR surface = context_.surface();
    VkSurfaceCapabilitiesKHR caps;
    AXIS_VK_CHECK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(pd, surface, &caps));
    VkSurfaceFormatKHR format = chooseFormat(pd, surface);
    extent_ = caps.currentExtent.width != UINT32_MAX
                  ? caps.currentExtent
                  : VkExtent2D{std::clamp(wanted.width, caps.minImageExtent.width, caps.maxImageExtent.width),
                               std::clamp(wanted.height, caps.minImageExtent.height, caps.maxImageExtent.height)};
    format_ = format.format;

    VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
    info.surface = surface;
    info.minImageCount = caps.maxImageCount ? std::min(caps.minImageCount + 1, caps.maxImageCount) : caps.minImageCount + 1;
    info.imageFormat = format.format;
    info.imageColorSpace = format.colorSpace;
    info.imageExtent = extent_;
    info.imageArrayLayers = 1;
    info.imageUsage = VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.preTransform = caps.currentTransform;
    info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
    info.presentMode = choosePresentMode(pd, surface, vsync);
    info.clipped = VK_TRUE;
    AXIS_VK_CHECK(vkCreateSwapchainKHR(context_.device(), &info, nullptr, &swapchain_));

    uint32_t count = 0;
    vkGetSwapchainImagesKHR(context_.device(), swapchain_, &count, nullptr);
    images_.resize(count);
    vkGetSwapchainImagesKHR(context_.device(), swapchain_, &count, images_.data());
    rendered_.resize(count);
    VkSemaphoreCreateInfo semInfo{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    for (auto& s : rendered_) AXIS_VK_CHECK(vkCreateSemaphore(context_.device(), &semInfo, nullptr, &s));
}

void Swapchain::destroy() {
    for (auto s : rendered_) vkDestroySemaphore(context_.device(), s, nullptr);
    rendered_.clear();
    images_.clear();
    if (swapchain_) vkDestroySwapchainKHR(context_.device(), swapchain_, nullptr);
    swapchain_ = VK_NULL_HANDLE;
}

std::optional<uint32_t> Swapchain::acquire(VkSemaphore acquired) {
    uint32_t index = 0;
    VkResult r = vkAcquireNextImageKHR(context_.device(), swapchain_, UINT64_MAX, acquired, VK_NULL_HANDLE, &index);
    if (r == VK_ERROR_OUT_OF_DATE_KHR) return std::nullopt;
    if (r != VK_SUBOPTIMAL_KHR) AXIS_VK_CHECK(r);  // Suboptimal still delivers an image; rebuild after presenting.
    return index;
}

bool Swapchain::present(uint32_t index) {
    VkPresentInfoKHR info{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
    info.waitSemaphoreCount = 1;
    info.pWaitSemaphores = &rendered_[index];
    info.swapchainCount = 1;
    info.pSwapchains = &swapchain_;
    info.pImageIndices = &index;
    VkResult r = vkQueuePresentKHR(context_.queue(), &info);
    if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) return false;
    AXIS_VK_CHECK(r);
    return true;
}

}  // namespace axis::gpu
