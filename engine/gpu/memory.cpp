#include "gpu/memory.h"

#include "gpu/vk_check.h"

namespace axis::gpu {

Allocator::Allocator(VkPhysicalDevice physicalDevice, VkDevice device) : device_(device) {
    vkGetPhysicalDeviceMemoryProperties(physicalDevice, &memoryProperties_);
}

Allocator::~Allocator() {
    for (auto& b : blocks_) {
        if (!b) continue;
        if (b->mapped) vkUnmapMemory(device_, b->memory);
        vkFreeMemory(device_, b->memory, nullptr);
    }
}

uint32_t Allocator::findMemoryType(uint32_t typeBits, MemoryUsage usage) const {
    VkMemoryPropertyFlags required = 0, preferred = 0;
    switch (usage) {
        case MemoryUsage::GpuOnly: preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT; break;
        case MemoryUsage::Upload:
            required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
            break;
        case MemoryUsage::Readback:
            required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
            preferred = VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
            break;
    }
    uint32_t fallback = UINT32_MAX;
    for (uint32_t i = 0; i < memoryProperties_.memoryTypeCount; ++i) {
        if (!(typeBits & (1u << i))) continue;
        VkMemoryPropertyFlags flags = memoryProperties_.memoryTypes[i].propertyFlags;
        if ((flags & required) != required) continue;
        if ((flags & preferred) == preferred) return i;
        if (fallback == UINT32_MAX) fallback = i;
    }
    if (fallback == UINT32_MAX) throwVulkanError(VK_ERROR_FEATURE_NOT_PRESENT, "findMemoryType", __FILE__, __LINE__);
    return fallback;
}

bool Allocator::carve(Block& block, VkDeviceSize size, VkDeviceSize alignment, VkDeviceSize& offset) {
    for (auto it = block.freeRanges.begin(); it != block.freeRanges.end(); ++it) {
        VkDeviceSize start = (it->first + alignment - 1) / alignment * alignment;
        VkDeviceSize end = it->first + it->second;
        if (start + size > end) continue;
        VkDeviceSize rangeStart = it->first;
        block.freeRanges.erase(it);
        if (start > rangeStart) block.freeRanges[rangeStart] = start - rangeStart;
        if (end > start + size) block.freeRanges[start + size] = end - (start + size);
        offset = start;
        return true;
    }
    return false;
}

Allocator::Block* Allocator::newBlock(uint32_t memoryType, VkDeviceSize size, bool linear, bool dedicated) {
    auto block = std::make_unique<Block>();
    VkMemoryAllocateInfo info{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    info.allocationSize = size;
    info.memoryTypeIndex = memoryType;
    AXIS_VK_CHECK(vkAllocateMemory(device_, &info, nullptr, &block->memory));
    block->size = size;
    block->memoryType = memoryType;
    block->linear = linear;
    block->dedicated = dedicated;
    block->freeRanges[0] = size;
    if (memoryProperties_.memoryTypes[memoryType].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) {
        void* p = nullptr;
        AXIS_VK_CHECK(vkMapMemory(device_, block->memory, 0, VK_WHOLE_SIZE, 0, &p));
        block->mapped = static_cast<std::byte*>(p);
    }
    for (auto& slot : blocks_)
        if (!slot) {
            slot = std::move(block);
            return slot.get();
        }
    blocks_.push_back(std::move(block));
    return blocks_.back().get();
}

Allocation Allocator::allocate(const VkMemoryRequirements& req, MemoryUsage usage, bool linearResource, bool dedicated) {
    std::lock_guard lock(mutex_);
    uint32_t type = findMemoryType(req.memoryTypeBits, usage);
    VkDeviceSize alignment = req.alignment ? req.alignment : 1;
    Block* chosen = nullptr;
    VkDeviceSize offset = 0;
    const bool shared = !dedicated && req.size <= kBlockSize / 2;
    if (shared) {
        for (auto& b : blocks_)
            if (b && b->memoryType == type && b->linear == linearResource && !b->dedicated && b->size == kBlockSize &&
                carve(*b, req.size, alignment, offset)) {
                chosen = b.get();
                break;
            }
    }
    if (!chosen) {
        chosen = newBlock(type, shared ? kBlockSize : req.size, linearResource, !shared);
        carve(*chosen, req.size, alignment, offset);
    }
    chosen->live++;
    Allocation a;
    a.memory = chosen->memory;
    a.offset = offset;
    a.size = req.size;
    a.mapped = chosen->mapped ? chosen->mapped + offset : nullptr;
    for (uint32_t i = 0; i < blocks_.size(); ++i)
        if (blocks_[i].get() == chosen) a.block = i;
    return a;
}

void Allocator::free(const Allocation& a) {
    if (!a) return;
    std::lock_guard lock(mutex_);
    Block& b = *blocks_[a.block];
    auto [it, inserted] = b.freeRanges.emplace(a.offset, a.size);
    // Coalesce with the following and the preceding free range.
    auto next = std::next(it);
    if (next != b.freeRanges.end() && it->first + it->second == next->first) {
        it->second += next->second;
        b.freeRanges.erase(next);
    }
    if (it != b.freeRanges.begin()) {
        auto prev = std::prev(it);
        if (prev->first + prev->second == it->first) {
            prev->second += it->second;
            b.freeRanges.erase(it);
        }
    }
    if (--b.live == 0 && (b.dedicated || b.size != kBlockSize)) {  // Dedicated blocks go back to the driver at once.
        if (b.mapped) vkUnmapMemory(device_, b.memory);
        vkFreeMemory(device_, b.memory, nullptr);
        blocks_[a.block].reset();
    }
}

AllocatorStats Allocator::stats() const {
    std::lock_guard lock(mutex_);
    AllocatorStats s;
    for (const auto& b : blocks_) {
        if (!b) continue;
        s.blocks++;
        s.allocations += b->live;
        s.blockBytes += b->size;
        VkDeviceSize freeBytes = 0;
        for (const auto& [o, size] : b->freeRanges) freeBytes += size;
        s.usedBytes += b->size - freeBytes;
    }
    return s;
}

}  // namespace axis::gpu
