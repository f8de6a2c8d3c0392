#include "viewer/window_renderer.h"

#include "gpu/vk_check.h"

namespace axis::viewer {
namespace {

render::TargetDesc targetFor(VkExtent2D extent) {
    render::TargetDesc d;
    d.width = extent.width;
    d.height = extent.height;
    return d;
}

}  // namespace

WindowRenderer::WindowRenderer(std::unique_ptr<gpu::Context> context, VkExtent2D extent, bool vsync)
    : context_(std::move(context)), vsync_(vsync) {
    swapchain_ = std::make_unique<gpu::Swapchain>(*context_, extent, vsync);
    target_ = std::make_unique<render::RenderTarget>(*context_, targetFor(swapchain_->extent()));
    scene_ = std::make_unique<render::SceneRenderer>(*context_, target_->colorFormat(),
                                                     render::RenderTarget::kDepthFormat, target_->samples());
    ui_ = std::make_unique<render::ImGuiPass>(*context_, target_->colorFormat());
    frames_ = std::make_unique<gpu::FrameRing>(*context_);
}

WindowRenderer::~WindowRenderer() {
    if (frames_) frames_->waitAll();
}

void WindowRenderer::resize(VkExtent2D extent) {
    frames_->waitAll();
    swapchain_->recreate(extent, vsync_);
    target_ = std::make_unique<render::RenderTarget>(*context_, targetFor(swapchain_->extent()));
}

std::optional<gpu::Rgba8Image> WindowRenderer::drawFrame(VkExtent2D windowExtent, const render::FrameView& view,
                                                         std::span<const render::DrawItem> items,
                                                         const ImDrawData* ui, bool capture) {
    if (++framesDrawn_ == lossAtFrame_)
        throw gpu::VulkanError(VK_ERROR_DEVICE_LOST, "simulated device loss (AXIS_SIMULATE_DEVICE_LOST)");
    VkExtent2D current = swapchain_->extent();
    if (windowExtent.width != current.width || windowExtent.height != current.height) resize(windowExtent);
    auto& frame = frames_->begin();
    // begin() waited for this slot's previous frame: its occlusion results are in.
    const uint32_t slot = frames_->index();
    if (auto& finished = slotStats_[slot]) {
        scene_->addOcclusionResults(*finished, slot);
        lastStats_ = *finished;
        finished.reset();
    }
    auto index = swapchain_->acquire(frame.acquired);
    if (!index) {
        frames_->submit();  // Keep the ring consistent; nothing was recorded.
        resize(windowExtent);
        return std::nullopt;
    }
    slotStats_[slot] = recordedStats_ = scene_->record(*frames_, *target_, view, items);
    VkImageView overlay = target_->beginOverlay(frame.cmd);
    ui_->record(frame.cmd, *frames_, overlay, target_->extent(), ui);
    gpu::Buffer staging;
    if (capture)
        gpu::recordReadback(*context_, frame.cmd, target_->resolved(), VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, staging);
    target_->copyToSwapchainImage(frame.cmd, swapchain_->image(*index), swapchain_->extent());
    frames_->submit(frame.acquired, VK_PIPELINE_STAGE_2_BLIT_BIT, swapchain_->renderedSemaphore(*index));
    if (!swapchain_->present(*index)) resize(windowExtent);
    if (!capture) return std::nullopt;
    frames_->waitAll();
    return gpu::readStaging(staging, target_->resolved());
}

}  // namespace axis::viewer
