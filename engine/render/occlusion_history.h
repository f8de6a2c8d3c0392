#pragma once
// Which clusters the occlusion test last found visible, per draw item: frame_plan draws those
// first, so that a single depth pyramid of nearly the whole frame can test everything else (the
// two passes of Nanite-style culling, with the history kept on the CPU). The test's results
// reach it two frames late, from the frame slot's finished use (render/occlusion_culler.h); a
// stale history only costs time, never a visible cluster, since everything not drawn first is
// tested against this frame's depth.
#include <cstdint>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

namespace axis::render {

struct GpuModel;
struct DrawItem;

/// Which item and cluster an indirect draw stands for.
struct CommandOwner {
    std::uint32_t item = 0;
    std::uint32_t cluster = 0;
};

class OcclusionHistory {
public:
    /// Forgets items whose model changed since the last frame.
    void beginFrame(std::span<const DrawItem> items);
    /// Whether the item has been tested at all.
    bool known(std::size_t item) const;
    /// Whether the cluster was visible when last tested; false when never tested.
    bool visible(std::size_t item, std::uint32_t cluster) const;
    /// Records the results of one finished frame: `results[i]` is the draw `owners[i]` stood for.
    void record(std::span<const CommandOwner> owners, std::span<const VkDrawIndexedIndirectCommand> results);

private:
    struct Item {
        const GpuModel* model = nullptr;
        bool known = false;
        std::vector<std::uint8_t> visible;  ///< Per cluster of the model.
    };
    std::vector<Item> items_;
};

}  // namespace axis::render
