#pragma once
// The window's swapchain. OUT_OF_DATE and SUBOPTIMAL are not errors: they mean "rebuild", which
// the caller does by calling recreate() with the window's new size.
#include <optional>
#include <vector>

#include <vulkan/vulkan.h>

namespace axis::gpu {

class Context;

class Swapchain {
public:
    Swapchain(Context& context, VkExtent2D extent, bool vsync);
    ~Swapchain();
    Swapchain(const Swapchain&) = delete;
    Swapchain& operator=(const Swapchain&) = delete;

    /// Rebuilds for a new size or after OUT_OF_DATE. Waits for the device to be idle.
    void recreate(VkExtent2D extent, bool vsync);

    /// The next image, signalling `acquired` when it may be written; nullopt when the swapchain
    /// must be recreated first.
    std::optional<uint32_t> acquire(VkSemaphore acquired);
    /// Presents image `index` after `rendered` signals; false when the swapchain must be recreated.
    bool present(uint32_t index);

    VkImage image(uint32_t index) const { return images_[index]; }
    /// Signalled by the frame that renders image `index`; one per image, since presentation of an
    /// image may still wait on it while another frame is recorded.
    VkSemaphore renderedSemaphore(uint32_t index) const { return rendered_[index]; }
    VkExtent2D extent() const { return extent_; }
    VkFormat format() const { return format_; }

private:
    void create(VkExtent2D extent, bool vsync);
    void destroy();

    Context& context_;
    VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
    std::vector<VkImage> images_;
    std::vector<VkSemaphore> rendered_;
    VkExtent2D extent_{};
    VkFormat format_ = VK_FORMAT_UNDEFINED;
};

}  // namespace axis::gpu
