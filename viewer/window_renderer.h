#pragma once
// The window's GPU side: device with a surface, swapchain, scene and UI passes, frames in flight.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "gpu/context.h"
#include "gpu/frames.h"
#include "gpu/readback.h"
#include "gpu/swapchain.h"
#include "render/imgui_pass.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"

namespace axis::viewer {

class WindowRenderer {
public:
    WindowRenderer(std::unique_ptr<gpu::Context> context, VkExtent2D extent, bool vsync);
    ~WindowRenderer();

    render::SceneRenderer& scene() { return *scene_; }
    render::ImGuiPass& ui() { return *ui_; }
    gpu::Context& context() { return *context_; }
    /// The frames in flight: what is dropped while they may still read it is retired through them.
    gpu::FrameRing& frames() { return *frames_; }

    /// Draws one frame and presents it. Rebuilds the swapchain when the window changed size or
    /// the swapchain went out of date. With `capture`, also returns the frame (UI included).
    std::optional<gpu::Rgba8Image> drawFrame(VkExtent2D windowExtent, const render::FrameView& view,
                                             std::span<const render::DrawItem> items, const ImDrawData* ui,
                                             bool capture);
    /// What the last finished frame drew (triangles at the chosen levels of detail, clusters,
    /// draws, and the clusters the occlusion test hid, which are known only once the frame is done:
    /// so these lag a frame or two behind drawFrame).
    const render::RenderStats& lastStats() const { return lastStats_; }
    /// What the last drawFrame recorded, known at once: its streaming cost, textures waiting.
    const render::RenderStats& recordedStats() const { return recordedStats_; }
    /// For tests of the recovery path: drawFrame number `frame` (from 1) throws VK_ERROR_DEVICE_LOST
    /// as a real lost device would, before recording anything.
    void simulateDeviceLossAt(uint64_t frame) { lossAtFrame_ = frame; }

private:
    void resize(VkExtent2D extent);

    std::unique_ptr<gpu::Context> context_;
    bool vsync_;
    std::unique_ptr<gpu::Swapchain> swapchain_;
    std::unique_ptr<render::RenderTarget> target_;
    std::unique_ptr<render::SceneRenderer> scene_;
    std::unique_ptr<render::ImGuiPass> ui_;
    std::unique_ptr<gpu::FrameRing> frames_;
    render::RenderStats lastStats_;
    render::RenderStats recordedStats_;
    std::array<std::optional<render::RenderStats>, gpu::FrameRing::kFramesInFlight> slotStats_;  ///< Recorded, unfinished.
    uint64_t framesDrawn_ = 0, lossAtFrame_ = 0;
};

}  // namespace axis::viewer
