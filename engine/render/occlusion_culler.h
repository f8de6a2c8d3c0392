#pragma once
// GPU occlusion culling in the middle of a frame (SceneRenderer::record). After what is drawn
// first (render/frame_plan.h), the culler reduces the depth to a pyramid of farthest depths
// (compute) and tests clusters against it, each cluster controlling one indirect draw whose
// instance count it sets to 0 or 1. Everything stays on the GPU within the frame's command buffer:
// no read-back and no stall; the sphere footprints come from the CPU (render/hiz_footprint.h).
// The results are read back once the frame has finished, for statistics and for the history of
// what was visible (render/occlusion_history.h).
#include <cstdint>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

#include "gpu/resources.h"
#include "gpu/unique.h"
#include "shared.h"

namespace axis::gpu {
class Context;
class FrameRing;
}

namespace axis::render {

class RenderTarget;

/// What the occlusion test did in one frame, read once that frame finished.
struct OcclusionTally {
    std::uint64_t tested = 0;            ///< Clusters tested and drawn by the verdict.
    std::uint64_t hidden = 0;            ///< Of those, found hidden and not drawn.
    std::uint64_t testedTriangles = 0;
    std::uint64_t hiddenTriangles = 0;
};

class OcclusionCuller {
public:
    OcclusionCuller(gpu::Context& context, VkSampleCountFlagBits samples);
    ~OcclusionCuller();

    /// False when the device cannot sample a depth image of this sample count; then nothing is
    /// culled and callers draw every wave directly.
    bool available() const { return available_; }
    /// Whether cull() packs each batch's visible draws for draw-count calls (drawIndirectCount,
    /// with multiDrawIndirect for counts above one).
    bool packs() const;

    /// Stores this frame's candidates and their draws in the current frame slot's buffers.
    /// Call after frames.begin(), before cull(); `candidates[i].command` indexes `commands`, of
    /// which the first `drawnCommands` are drawn and the rest only report.
    void upload(gpu::FrameRing& frames, std::span<const shader::OcclusionCandidate> candidates,
                std::span<const VkDrawIndexedIndirectCommand> commands, std::uint32_t drawnCommands,
                std::span<const shader::DrawBatch> batches);

    /// Between target.suspend() and target.resume(): builds the pyramid from the target's depth,
    /// tests the first `candidates` candidates of the upload and, where the device has
    /// drawIndirectCount, packs the visible draws of the first `batches` batches.
    void cull(VkCommandBuffer cmd, const RenderTarget& target, std::uint32_t candidates, std::uint32_t batches);

    /// The current slot's indirect draws (VkDrawIndexedIndirectCommand, tightly packed), hidden
    /// ones with zero instances.
    VkBuffer commands() const;
    /// The same draws packed per batch (visible ones first), and each batch's number of them.
    VkBuffer packedCommands() const;
    VkBuffer packedCounts() const;

    /// What the test of the last frame uploaded into `slot` found, over its drawn commands or
    /// over all of them (the reports on clusters drawn first too); only once that frame finished.
    OcclusionTally tally(std::uint32_t slot, bool drawnOnly = true) const;
    /// Every command of that frame, with the test's instance counts.
    std::span<const VkDrawIndexedIndirectCommand> results(std::uint32_t slot) const;

private:
    struct Slot {
        gpu::Buffer candidates, commands, batches, packed, counts;
        std::uint32_t commandCount = 0, drawnCount = 0;
        VkDescriptorSet set = VK_NULL_HANDLE;
        std::uint64_t setTarget = 0;  ///< RenderTarget::id the set points at; 0: must be written.
    };
    void createPipelines();
    void preparePyramid(const RenderTarget& target);
    void writeCullSet(Slot& slot);
    void buildPyramid(VkCommandBuffer cmd, const RenderTarget& target);

    gpu::Context& context_;
    bool available_ = false;
    VkSampleCountFlagBits samples_;
    gpu::Unique<VkDescriptorSetLayout> reduceSetLayout_, cullSetLayout_;
    gpu::Unique<VkPipelineLayout> reduceLayout_, cullLayout_;
    gpu::Unique<VkPipeline> reduceFromDepth_, reduce_, cull_, compact_;
    gpu::Unique<VkSampler> nearest_;

    // The pyramid of the target last culled for, and one descriptor set per level.
    std::uint64_t pyramidTarget_ = 0;
    VkExtent2D targetExtent_{};
    gpu::Image pyramid_;
    std::vector<gpu::Unique<VkImageView>> levelViews_;
    gpu::Unique<VkDescriptorPool> pool_;
    std::vector<VkDescriptorSet> levelSets_;

    std::vector<Slot> slots_;
    std::uint32_t current_ = 0;
    gpu::FrameRing* frames_ = nullptr;  ///< Of the last upload, to drain before replacing the pyramid.
};

}  // namespace axis::render
