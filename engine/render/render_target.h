#pragma once
// Where a frame is drawn: a multisampled colour and depth pair, resolved into a single-sample
// sRGB image that is read back (headless) or copied to a swapchain image (window).
#include <cstdint>

#include <vulkan/vulkan.h>

#include "gpu/resources.h"

namespace axis::render {

struct TargetDesc {
    uint32_t width = 256, height = 256;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT;  ///< Lowered to what the device supports.
    VkFormat colorFormat = VK_FORMAT_R8G8B8A8_SRGB;
};

class RenderTarget {
public:
    static constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;

    RenderTarget(gpu::Context& context, const TargetDesc& desc);

    /// Transitions the attachments and begins dynamic rendering (colour and depth cleared).
    /// `finalPass` false keeps colour and depth for a later resume() instead of resolving.
    void begin(VkCommandBuffer cmd, const float clearColor[4], bool finalPass = true);
    /// Ends a pass begun with finalPass false, so that compute work may read the depth
    /// (occlusion culling); the depth stays in DEPTH_ATTACHMENT_OPTIMAL.
    void suspend(VkCommandBuffer cmd);
    /// Begins rendering again on what the suspended pass drew (both attachments loaded).
    void resume(VkCommandBuffer cmd, bool finalPass);
    /// Ends a pass begun (or resumed) with finalPass false and begins the next on what it drew,
    /// both attachments loaded: the image is as if the two were one pass.
    void split(VkCommandBuffer cmd, bool finalPass);
    /// Ends rendering; the resolved image is then in COLOR_ATTACHMENT_OPTIMAL.
    void end(VkCommandBuffer cmd);
    /// Whether the final pass stores its depth (in DEPTH_ATTACHMENT_OPTIMAL) for a pass that reads
    /// it afterwards (render/eye_dome.h); else it is discarded. For the passes begun next.
    void keepDepth(bool keep) { keepDepth_ = keep; }

    /// Makes the resolved image ready to be drawn over (UI, labels) after end(); returns its view.
    VkImageView beginOverlay(VkCommandBuffer cmd);

    /// Copies (scaling if sizes differ) the resolved image into a swapchain image and leaves that
    /// in PRESENT_SRC_KHR. Call after end().
    void copyToSwapchainImage(VkCommandBuffer cmd, VkImage swapImage, VkExtent2D swapExtent);

    const gpu::Image& resolved() const { return resolved_; }
    const gpu::Image& depth() const { return depth_; }
    /// Unique per target ever created: views of a new target are never taken for an old one's.
    std::uint64_t id() const { return id_; }
    VkExtent2D extent() const { return {desc_.width, desc_.height}; }
    VkSampleCountFlagBits samples() const { return desc_.samples; }
    VkFormat colorFormat() const { return desc_.colorFormat; }

private:
    void beginRendering(VkCommandBuffer cmd, VkAttachmentLoadOp load, const float clearColor[4], bool finalPass);

    TargetDesc desc_;
    std::uint64_t id_;
    gpu::Image msaaColor_;  ///< Empty when samples == 1.
    gpu::Image resolved_;
    gpu::Image depth_;
    bool keepDepth_ = false;
};

/// The largest sample count up to `wanted` that colour and depth attachments both support.
VkSampleCountFlagBits supportedSamples(const gpu::Context& context, VkSampleCountFlagBits wanted);

}  // namespace axis::render
