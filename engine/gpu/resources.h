#pragma once
// Move-only buffers and images placed in Allocator blocks. Destroying one frees it at once:
// callers that may still have it in flight hand it to FrameRing::retire() instead.
#include <cstdint>
#include <span>

#include <vulkan/vulkan.h>

#include "gpu/memory.h"

namespace axis::gpu {

class Context;

class Buffer {
public:
    Buffer() = default;
    Buffer(Context& context, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUsage memory);
    /// A buffer over `bytes` where they are, no copy (Context features().hostPointerImport). The
    /// device only reads them. `bytes` must start on hostPointerAlignment, and the memory from
    /// there to the end of its last aligned block must stay mapped and readable while the buffer
    /// lives (a file mapping's pages do). Empty when the device will not import this memory.
    static Buffer importHost(Context& context, std::span<const std::byte> bytes, VkBufferUsageFlags usage);
    Buffer(Buffer&& other) noexcept;
    Buffer& operator=(Buffer&& other) noexcept;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    ~Buffer();

    VkBuffer handle() const { return buffer_; }
    VkDeviceSize size() const { return size_; }
    /// Host pointer for Upload/Readback buffers; null for GpuOnly.
    std::byte* mapped() const { return allocation_.mapped; }
    void write(std::span<const std::byte> bytes, VkDeviceSize offset = 0);
    explicit operator bool() const { return buffer_ != VK_NULL_HANDLE; }

private:
    void release();
    VkDevice device_ = VK_NULL_HANDLE;
    Allocator* allocator_ = nullptr;
    VkBuffer buffer_ = VK_NULL_HANDLE;
    VkDeviceSize size_ = 0;
    Allocation allocation_;
    VkDeviceMemory importedMemory_ = VK_NULL_HANDLE;  ///< importHost's own memory, not the allocator's.
};

struct ImageDesc {
    VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
    uint32_t width = 1, height = 1;
    uint32_t mipLevels = 1;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    VkImageUsageFlags usage = VK_IMAGE_USAGE_SAMPLED_BIT;
    bool dedicatedMemory = false;  ///< Allocator::allocate's `dedicated`: for images that come and go.
};

class Image {
public:
    Image() = default;
    Image(Context& context, const ImageDesc& desc);
    Image(Image&& other) noexcept;
    Image& operator=(Image&& other) noexcept;
    Image(const Image&) = delete;
    Image& operator=(const Image&) = delete;
    ~Image();

    VkImage handle() const { return image_; }
    VkImageView view() const { return view_; }
    const ImageDesc& desc() const { return desc_; }
    VkImageAspectFlags aspect() const;
    explicit operator bool() const { return image_ != VK_NULL_HANDLE; }

private:
    void release();
    VkDevice device_ = VK_NULL_HANDLE;
    Allocator* allocator_ = nullptr;
    VkImage image_ = VK_NULL_HANDLE;
    VkImageView view_ = VK_NULL_HANDLE;
    ImageDesc desc_;
    Allocation allocation_;
};

bool isDepthFormat(VkFormat format);

}  // namespace axis::gpu
