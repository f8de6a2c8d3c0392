#pragma once
// Device memory suballocation. Vulkan drivers cap the number of live allocations (4096 is
// common; lavapipe counts too), so buffers and images are placed inside large blocks.
// Buffers and optimal-tiling images live in separate blocks so bufferImageGranularity never
// matters. Thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include <vulkan/vulkan.h>

namespace axis::gpu {

struct Allocation {
    VkDeviceMemory memory = VK_NULL_HANDLE;
    VkDeviceSize offset = 0;
    VkDeviceSize size = 0;
    std::byte* mapped = nullptr;  ///< Host pointer at `offset` for host-visible memory, else null.
    uint32_t block = UINT32_MAX;
    explicit operator bool() const { return memory != VK_NULL_HANDLE; }
};

enum class MemoryUsage {
    GpuOnly,   ///< Device-local; filled by transfers.
    Upload,    ///< Host-visible and coherent, written once by the CPU (staging, per-frame data).
    Readback,  ///< Host-visible, cached when possible, read by the CPU.
};

struct AllocatorStats {
    uint32_t blocks = 0;
    uint32_t allocations = 0;
    VkDeviceSize blockBytes = 0;
    VkDeviceSize usedBytes = 0;
};

class Allocator {
public:
    static constexpr VkDeviceSize kBlockSize = 64ull << 20;  ///< Larger requests get a block of their own.

    Allocator(VkPhysicalDevice physicalDevice, VkDevice device);
    ~Allocator();
    Allocator(const Allocator&) = delete;
    Allocator& operator=(const Allocator&) = delete;

    /// Throws VulkanError(VK_ERROR_OUT_OF_DEVICE_MEMORY) when no memory is left. `dedicated`: a
    /// block of its own, given back to the driver when freed: for resources that come and go
    /// (streamed texture levels), whose freed ranges would otherwise keep shared blocks at their
    /// high-water mark (on a CPU device, resident host memory).
    Allocation allocate(const VkMemoryRequirements& requirements, MemoryUsage usage, bool linearResource,
                        bool dedicated = false);
    void free(const Allocation& allocation);
    AllocatorStats stats() const;

private:
    struct Block {
        VkDeviceMemory memory = VK_NULL_HANDLE;
        VkDeviceSize size = 0;
        uint32_t memoryType = 0;
        bool linear = true;
        bool dedicated = false;  ///< One resource's own: freed with it.
        std::byte* mapped = nullptr;
        std::map<VkDeviceSize, VkDeviceSize> freeRanges;  ///< offset -> size, coalesced.
        uint32_t live = 0;
    };

    uint32_t findMemoryType(uint32_t typeBits, MemoryUsage usage) const;
    bool carve(Block& block, VkDeviceSize size, VkDeviceSize alignment, VkDeviceSize& offset);
    Block* newBlock(uint32_t memoryType, VkDeviceSize size, bool linear, bool dedicated);

    VkDevice device_;
    VkPhysicalDeviceMemoryProperties memoryProperties_{};
    std::vector<std::unique_ptr<Block>> blocks_;  ///< Null slots are reused.
    mutable std::mutex mutex_;
};

}  // namespace axis::gpu
