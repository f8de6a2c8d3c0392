#pragma once
// Splits a long render pass into several on CPU rasterizers.
//
// lavapipe (llvmpipe) bins every primitive of a render pass, with its setup data (~380 bytes a
// triangle at our shaders' varyings), before it rasterizes any of them: a 490k-triangle frame held
// 180 MB, more than the geometry it drew. Ending the pass and beginning the next on what it drew
// makes it rasterize as it goes, so a frame's memory follows the split size, not its triangle
// count. The image is the same. The barrier between two passes costs lavapipe ~7 ms (it drains
// its queue); at 131072 triangles a pass the smaller scenes win that back (FrameView). GPUs
// rasterize as they go anyway: there no split is made.
#include <cstdint>

#include <vulkan/vulkan.h>

namespace axis::render {

class RenderTarget;

class PassSplitter {
public:
    /// Splits `target`'s pass every `limit` primitives (triangles or points); a null target or a
    /// limit of 0 never splits. The pass must have been begun with finalPass false.
    PassSplitter(RenderTarget* target, std::uint64_t limit) : target_(limit ? target : nullptr), limit_(limit) {}

    bool active() const { return target_ != nullptr; }
    std::uint32_t splits() const { return splits_; }

    /// vkCmdDrawIndexed of a triangle list (or, with 1 index per primitive, a point list), cut
    /// where a split falls.
    void drawIndexed(VkCommandBuffer cmd, std::uint32_t indexCount, std::uint32_t firstIndex, std::int32_t vertexOffset,
                     std::uint32_t indicesPerPrimitive = 3);
    /// vkCmdDraw of a point list, cut where a split falls.
    void drawPoints(VkCommandBuffer cmd, std::uint32_t vertexCount, std::uint32_t firstVertex);

private:
    std::uint64_t room() const { return limit_ - sincePass_; }
    void add(VkCommandBuffer cmd, std::uint64_t primitives);

    RenderTarget* target_;
    std::uint64_t limit_;
    std::uint64_t sincePass_ = 0;
    std::uint32_t splits_ = 0;
};

}  // namespace axis::render
