#include "render/render_target.h"

#include <atomic>

#include "gpu/barriers.h"
#include "gpu/context.h"

namespace axis::render {

VkSampleCountFlagBits supportedSamples(const gpu::Context& context, VkSampleCountFlagBits wanted) {
    const auto& limits = context.properties().limits;
    VkSampleCountFlags both = limits.framebufferColorSampleCounts & limits.framebufferDepthSampleCounts;
    for (uint32_t s = wanted; s > 1; s >>= 1)
        if (both & s) return static_cast<VkSampleCountFlagBits>(s);
    return VK_SAMPLE_COUNT_1_BIT;
}

namespace {
std::atomic<std::uint64_t> nextTargetId{1};
}

RenderTarget::RenderTarget(gpu::Context& context, const TargetDesc& desc) : desc_(desc), id_(nextTargetId++) {
    desc_.samples = supportedSamples(context, desc.samples);
    gpu::ImageDesc color{desc_.colorFormat, desc_.width, desc_.height, 1, VK_SAMPLE_COUNT_1_BIT,
                         VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT |
                             VK_IMAGE_USAGE_SAMPLED_BIT};
    resolved_ = gpu::Image(context, color);
    if (desc_.samples != VK_SAMPLE_COUNT_1_BIT) {
        gpu::ImageDesc msaa{desc_.colorFormat, desc_.width, desc_.height, 1, desc_.samples,
                            VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT};
        msaaColor_ = gpu::Image(context, msaa);
    }
    // Neither attachment is transient: a frame with occlusion culling suspends its pass, reads the
    // depth in a compute shader and resumes drawing on both.
    gpu::ImageDesc depth{kDepthFormat, desc_.width, desc_.height, 1, desc_.samples,
                         VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT};
    depth_ = gpu::Image(context, depth);
}

void RenderTarget::begin(VkCommandBuffer cmd, const float clearColor[4], bool finalPass) {
    using namespace gpu;
    const VkImage drawn = msaaColor_ ? msaaColor_.handle() : resolved_.handle();
    // Previous contents are never needed: every frame clears, so UNDEFINED is the old layout.
    auto colorBarrier = [](VkImage image) {
        return imageBarrier(image, VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0,
                            VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                            VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
    };
    auto depthBarrier = imageBarrier(
        depth_.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
        VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, VK_IMAGE_LAYOUT_UNDEFINED,
        VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
        VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
        VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL);
    if (msaaColor_)
        pipelineBarrier(cmd, {colorBarrier(drawn), colorBarrier(resolved_.handle()), depthBarrier});
    else
        pipelineBarrier(cmd, {colorBarrier(drawn), depthBarrier});
    beginRendering(cmd, VK_ATTACHMENT_LOAD_OP_CLEAR, clearColor, finalPass);
}

void RenderTarget::suspend(VkCommandBuffer cmd) { vkCmdEndRendering(cmd); }

void RenderTarget::resume(VkCommandBuffer cmd, bool finalPass) {
    // The suspended pass's colour writes must land before this one loads them. (The depth came
    // back through the occlusion culler's own barrier.)
    const VkImage drawn = msaaColor_ ? msaaColor_.handle() : resolved_.handle();
    gpu::pipelineBarrier(cmd, {gpu::imageBarrier(drawn, VK_IMAGE_ASPECT_COLOR_BIT,
                                                 VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                                                 VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                                                 VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                                 VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                                                 VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                                                 VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)});
    const float unused[4] = {0, 0, 0, 0};
    beginRendering(cmd, VK_ATTACHMENT_LOAD_OP_LOAD, unused, finalPass);
}

void RenderTarget::split(VkCommandBuffer cmd, bool finalPass) {
    vkCmdEndRendering(cmd);
    // The next pass tests against the depth this one wrote (resume() adds the colour barrier).
    gpu::pipelineBarrier(cmd, {gpu::imageBarrier(depth_.handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
                                                 VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                                                 VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                                                 VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                                                 VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT |
                                                     VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                                                 VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
                                                     VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                                                 VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL)});
    resume(cmd, finalPass);
}

void RenderTarget::beginRendering(VkCommandBuffer cmd, VkAttachmentLoadOp load, const float clearColor[4],
                                  bool finalPass) {
    VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    color.imageView = msaaColor_ ? msaaColor_.view() : resolved_.view();
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = load;
    // Multisampled colour is only needed until the final pass resolves it.
    color.storeOp = msaaColor_ && finalPass ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE;
    for (int i = 0; i < 4; ++i) color.clearValue.color.float32[i] = clearColor[i];
    if (msaaColor_ && finalPass) {
        color.resolveMode = VK_RESOLVE_MODE_AVERAGE_BIT;
        color.resolveImageView = resolved_.view();
        color.resolveImageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    }
    VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    depth.imageView = depth_.view();
    depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
    depth.loadOp = load;
    depth.storeOp = finalPass && !keepDepth_ ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE;
    depth.clearValue.depthStencil = {0.0f, 0};  // Reversed Z: 0 is infinitely far.

    VkRenderingInfo info{VK_STRUCTURE_TYPE_RENDERING_INFO};
    info.renderArea = {{0, 0}, extent()};
    info.layerCount = 1;
    info.colorAttachmentCount = 1;
    info.pColorAttachments = &color;
    info.pDepthAttachment = &depth;
    vkCmdBeginRendering(cmd, &info);
}

void RenderTarget::end(VkCommandBuffer cmd) { vkCmdEndRendering(cmd); }

VkImageView RenderTarget::beginOverlay(VkCommandBuffer cmd) {
    using namespace gpu;
    // The resolve (or the single-sample draw) wrote the image as a colour attachment.
    pipelineBarrier(cmd, {imageBarrier(resolved_.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
                                       VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                                       VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                                       VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                                       VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL)});
    return resolved_.view();
}

void RenderTarget::copyToSwapchainImage(VkCommandBuffer cmd, VkImage swapImage, VkExtent2D swapExtent) {
    using namespace gpu;
    pipelineBarrier(cmd, {imageBarrier(resolved_.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
                                       VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                                       VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_BLIT_BIT,
                                       VK_ACCESS_2_TRANSFER_READ_BIT, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL),
                          imageBarrier(swapImage, VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_BLIT_BIT, 0,
                                       VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_BLIT_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL)});
    VkImageBlit region{};
    region.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.srcOffsets[1] = {int32_t(desc_.width), int32_t(desc_.height), 1};
    region.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.dstOffsets[1] = {int32_t(swapExtent.width), int32_t(swapExtent.height), 1};
    vkCmdBlitImage(cmd, resolved_.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, swapImage,
                   VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region, VK_FILTER_LINEAR);
    pipelineBarrier(cmd, {imageBarrier(resolved_.handle(), VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_BLIT_BIT,
                                       VK_ACCESS_2_TRANSFER_READ_BIT, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                                       VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT,
                                       VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL),
                          imageBarrier(swapImage, VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_BLIT_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                                       VK_PIPELINE_STAGE_2_NONE, 0, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR)});
}

}  // namespace axis::render
