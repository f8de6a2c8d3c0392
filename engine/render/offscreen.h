#pragma once
// Headless rendering into an image: the path `axisview render`, recording and the render tests
// share. The window path differs only in its final target.
#include <functional>
#include <memory>
#include <span>

#include "gpu/frames.h"
#include "gpu/readback.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"

namespace axis::render {

class OffscreenRenderer {
public:
    OffscreenRenderer(gpu::Context& context, const TargetDesc& desc);

    SceneRenderer& scene() { return scene_; }
    const RenderTarget& target() const { return target_; }
    double aspect() const { return double(target_.extent().width) / double(target_.extent().height); }

    /// Draws over the finished scene before readback (labels, captions): records into `cmd`
    /// targeting `view` (COLOR_ATTACHMENT_OPTIMAL, contents kept) of size `extent`.
    using Overlay = std::function<void(VkCommandBuffer cmd, gpu::FrameRing& frames, VkImageView view, VkExtent2D extent)>;

    /// Renders one frame and reads it back (sRGB-encoded RGBA8, top row first).
    /// `stats`, when given, receives what the frame drew (also kept as lastStats()).
    /// `overlay`, when set, draws over the scene first.
    gpu::Rgba8Image render(const FrameView& view, std::span<const DrawItem> items, RenderStats* stats = nullptr,
                           const Overlay& overlay = {});
    const RenderStats& lastStats() const { return lastStats_; }

private:
    gpu::Context& context_;
    RenderTarget target_;
    SceneRenderer scene_;
    gpu::FrameRing frames_;
    gpu::Buffer staging_;
    RenderStats lastStats_;
};

}  // namespace axis::render
