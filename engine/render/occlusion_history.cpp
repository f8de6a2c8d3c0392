#include "render/occlusion_history.h"

#include "render/scene_renderer.h"

namespace axis::render {

void OcclusionHistory::beginFrame(std::span<const DrawItem> items) {
    items_.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (items_[i].model == items[i].model) continue;
        items_[i] = Item{items[i].model, false, {}};
        if (items[i].model) items_[i].visible.assign(items[i].model->lodClusters.size(), 0);
    }
}

bool OcclusionHistory::known(size_t item) const { return item < items_.size() && items_[item].known; }

bool OcclusionHistory::visible(size_t item, uint32_t cluster) const {
    return item < items_.size() && cluster < items_[item].visible.size() && items_[item].visible[cluster] != 0;
}

void OcclusionHistory::record(std::span<const CommandOwner> owners, std::span<const VkDrawIndexedIndirectCommand> results) {
    for (size_t i = 0; i < owners.size() && i < results.size(); ++i) {
        const CommandOwner& o = owners[i];
        if (o.item >= items_.size() || o.cluster >= items_[o.item].visible.size()) continue;  // Items changed.
        items_[o.item].known = true;
        items_[o.item].visible[o.cluster] = results[i].instanceCount != 0;
    }
}

}  // namespace axis::render
