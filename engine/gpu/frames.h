#pragma once
// Frames in flight. Each frame owns its command pool and buffer, a fence, an acquire semaphore
// (for a swapchain) and a garbage list: resources retired while frame N records are destroyed
// when frame N's fence next signals, so nothing is freed while the GPU may still read it.
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include <vulkan/vulkan.h>

#include "gpu/resources.h"

namespace axis::gpu {

class FrameRing {
public:
    static constexpr uint32_t kFramesInFlight = 2;

    struct Frame {
        VkCommandPool pool = VK_NULL_HANDLE;
        VkCommandBuffer cmd = VK_NULL_HANDLE;
        VkFence fence = VK_NULL_HANDLE;
        VkSemaphore acquired = VK_NULL_HANDLE;
        std::vector<Buffer> retiredBuffers;
        std::vector<Image> retiredImages;
        std::vector<std::shared_ptr<const void>> retiredObjects;  ///< Whole models (a dropped 3D tile).
    };

    explicit FrameRing(Context& context);
    ~FrameRing();
    FrameRing(const FrameRing&) = delete;
    FrameRing& operator=(const FrameRing&) = delete;

    /// Waits until the next frame's previous use finished, frees its garbage, begins its commands.
    Frame& begin();
    /// Ends the command buffer and submits it; `wait`/`signal` are optional swapchain semaphores.
    void submit(VkSemaphore wait = VK_NULL_HANDLE, VkPipelineStageFlags2 waitStage = 0,
                VkSemaphore signal = VK_NULL_HANDLE);
    /// Blocks until every submitted frame has finished.
    void waitAll();

    Frame& current() { return frames_[index_]; }
    /// Which of the kFramesInFlight slots current() is: per-frame data indexed by it is free to
    /// overwrite after begin(), which waited for that slot's previous use.
    uint32_t index() const { return index_; }
    void retire(Buffer&& buffer) { current().retiredBuffers.push_back(std::move(buffer)); }
    void retire(Image&& image) { current().retiredImages.push_back(std::move(image)); }
    void retire(std::shared_ptr<const void> object) { current().retiredObjects.push_back(std::move(object)); }
    uint64_t frameNumber() const { return frameNumber_; }

private:
    Context& context_;
    std::array<Frame, kFramesInFlight> frames_;
    uint32_t index_ = 0;
    uint64_t frameNumber_ = 0;
};

}  // namespace axis::gpu
