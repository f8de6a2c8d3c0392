#include "render/offscreen.h"

#include "gpu/context.h"

namespace axis::render {

OffscreenRenderer::OffscreenRenderer(gpu::Context& context, const TargetDesc& desc)
    : context_(context),
      target_(context, desc),
      scene_(context, target_.colorFormat(), RenderTarget::kDepthFormat, target_.samples()),
      frames_(context) {}

gpu::Rgba8Image OffscreenRenderer::render(const FrameView& view, std::span<const DrawItem> items,
                                          RenderStats* stats, const Overlay& overlay) {
    // A still or a video frame is never coarser or blurrier than its pixels: the geometry and
    // texture levels it shows are made resident first.
    scene_.makeResident(frames_, view, target_.extent(), items);
    auto& frame = frames_.begin();
    lastStats_ = scene_.record(frames_, target_, view, items);
    if (overlay) overlay(frame.cmd, frames_, target_.beginOverlay(frame.cmd), target_.extent());
    gpu::recordReadback(context_, frame.cmd, target_.resolved(), VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, staging_);
    frames_.submit();
    frames_.waitAll();
    scene_.addOcclusionResults(lastStats_, frames_.index());
    if (stats) *stats = lastStats_;
    return gpu::readStaging(staging_, target_.resolved());
}

}  // namespace axis::render
