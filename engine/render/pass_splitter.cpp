#include "render/pass_splitter.h"

#include <algorithm>

#include "render/render_target.h"

namespace axis::render {

void PassSplitter::drawIndexed(VkCommandBuffer cmd, std::uint32_t indexCount, std::uint32_t firstIndex,
                               std::int32_t vertexOffset, std::uint32_t indicesPerPrimitive) {
    if (!active()) {
        vkCmdDrawIndexed(cmd, indexCount, 1, firstIndex, vertexOffset, 0);
        return;
    }
    for (std::uint32_t done = 0; done < indexCount;) {
        const auto n = static_cast<std::uint32_t>(std::min<std::uint64_t>(indexCount - done, room() * indicesPerPrimitive));
        vkCmdDrawIndexed(cmd, n, 1, firstIndex + done, vertexOffset, 0);
        done += n;
        add(cmd, n / indicesPerPrimitive);
    }
}

void PassSplitter::drawPoints(VkCommandBuffer cmd, std::uint32_t vertexCount, std::uint32_t firstVertex) {
    if (!active()) {
        vkCmdDraw(cmd, vertexCount, 1, firstVertex, 0);
        return;
    }
    for (std::uint32_t done = 0; done < vertexCount;) {
        const auto n = static_cast<std::uint32_t>(std::min<std::uint64_t>(vertexCount - done, room()));
        vkCmdDraw(cmd, n, 1, firstVertex + done, 0);
        done += n;
        add(cmd, n);
    }
}

void PassSplitter::add(VkCommandBuffer cmd, std::uint64_t primitives) {
    sincePass_ += primitives;
    if (sincePass_ < limit_) return;
    target_->split(cmd, false);
    sincePass_ = 0;
    ++splits_;
}

}  // namespace axis::render
