#include "gpu/resources.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

#include "gpu/context.h"
#include "gpu/vk_check.h"

namespace axis::gpu {

Buffer::Buffer(Context& context, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUsage memory)
    : device_(context.device()), allocator_(&context.allocator()), size_(size) {
    VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    info.size = size ? size : 4;  // Zero-sized buffers are invalid; empty meshes still get one.
    info.usage = usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    AXIS_VK_CHECK(vkCreateBuffer(device_, &info, nullptr, &buffer_));
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(device_, buffer_, &req);
    allocation_ = allocator_->allocate(req, memory, true);
    AXIS_VK_CHECK(vkBindBufferMemory(device_, buffer_, allocation_.memory, allocation_.offset));
}

Buffer Buffer::importHost(Context& context, std::span<const std::byte> bytes, VkBufferUsageFlags usage) {
    const VkDeviceSize alignment = context.features().hostPointerAlignment;
    if (!context.features().hostPointerImport || bytes.empty() || alignment == 0 ||
        reinterpret_cast<std::uintptr_t>(bytes.data()) % alignment != 0)
        return {};
    Buffer b;
    b.device_ = context.device();
    b.size_ = bytes.size();
    VkExternalMemoryBufferCreateInfo external{VK_STRUCTURE_TYPE_EXTERNAL_MEMORY_BUFFER_CREATE_INFO};
    external.handleTypes = VK_EXTERNAL_MEMORY_HANDLE_TYPE_HOST_ALLOCATION_BIT_EXT;
    VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO, &external};
    info.size = bytes.size();
    info.usage = usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if (vkCreateBuffer(b.device_, &info, nullptr, &b.buffer_) != VK_SUCCESS) return {};
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(b.device_, b.buffer_, &req);
    const uint32_t types = req.memoryTypeBits & context.hostPointerMemoryTypes(bytes.data());
    if (types == 0) return {};
    // The pointer is const: the device never writes a vertex or index buffer.
    VkImportMemoryHostPointerInfoEXT import{VK_STRUCTURE_TYPE_IMPORT_MEMORY_HOST_POINTER_INFO_EXT};
    import.handleType = VK_EXTERNAL_MEMORY_HANDLE_TYPE_HOST_ALLOCATION_BIT_EXT;
    import.pHostPointer = const_cast<std::byte*>(bytes.data());
    VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO, &import};
    // Whole aligned blocks, as Vulkan requires: the last one runs past `bytes` into the mapping.
    alloc.allocationSize = (std::max(req.size, VkDeviceSize(bytes.size())) + alignment - 1) / alignment * alignment;
    alloc.memoryTypeIndex = static_cast<uint32_t>(std::countr_zero(types));
    if (vkAllocateMemory(b.device_, &alloc, nullptr, &b.importedMemory_) != VK_SUCCESS ||
        vkBindBufferMemory(b.device_, b.buffer_, b.importedMemory_, 0) != VK_SUCCESS)
        return {};
    return b;
}

Buffer::Buffer(Buffer&& o) noexcept
    : device_(o.device_), allocator_(o.allocator_), buffer_(std::exchange(o.buffer_, VK_NULL_HANDLE)),
      size_(o.size_), allocation_(std::exchange(o.allocation_, {})),
      importedMemory_(std::exchange(o.importedMemory_, VK_NULL_HANDLE)) {}

Buffer& Buffer::operator=(Buffer&& o) noexcept {
    if (this != &o) {
        release();
        device_ = o.device_;
        allocator_ = o.allocator_;
        buffer_ = std::exchange(o.buffer_, VK_NULL_HANDLE);
        size_ = o.size_;
        allocation_ = std::exchange(o.allocation_, {});
        importedMemory_ = std::exchange(o.importedMemory_, VK_NULL_HANDLE);
    }
    return *this;
}

Buffer::~Buffer() { release(); }

void Buffer::release() {
    if (buffer_) vkDestroyBuffer(device_, buffer_, nullptr);
    if (allocation_) allocator_->free(allocation_);
    if (importedMemory_) vkFreeMemory(device_, importedMemory_, nullptr);
    buffer_ = VK_NULL_HANDLE;
    allocation_ = {};
    importedMemory_ = VK_NULL_HANDLE;
}

void Buffer::write(std::span<const std::byte> bytes, VkDeviceSize offset) {
    if (!mapped() || offset + bytes.size() > size_)
        throwVulkanError(VK_ERROR_MEMORY_MAP_FAILED, "Buffer::write", __FILE__, __LINE__);
    std::memcpy(mapped() + offset, bytes.data(), bytes.size());
}

bool isDepthFormat(VkFormat format) {
    return format == VK_FORMAT_D32_SFLOAT || format == VK_FORMAT_D24_UNORM_S8_UINT ||
           format == VK_FORMAT_D16_UNORM || format == VK_FORMAT_D32_SFLOAT_S8_UINT;
}

Image::Image(Context& context, const ImageDesc& desc)
    : device_(context.device()), allocator_(&context.allocator()), desc_(desc) {
    VkImageCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = desc.format;
    info.extent = {desc.width, desc.height, 1};
    info.mipLevels = desc.mipLevels;
    info.arrayLayers = 1;
    info.samples = desc.samples;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = desc.usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    AXIS_VK_CHECK(vkCreateImage(device_, &info, nullptr, &image_));
    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(device_, image_, &req);
    allocation_ = allocator_->allocate(req, MemoryUsage::GpuOnly, false, desc.dedicatedMemory);
    AXIS_VK_CHECK(vkBindImageMemory(device_, image_, allocation_.memory, allocation_.offset));

    VkImageViewCreateInfo viewInfo{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    viewInfo.image = image_;
    viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D;
    viewInfo.format = desc.format;
    viewInfo.subresourceRange = {aspect(), 0, desc.mipLevels, 0, 1};
    AXIS_VK_CHECK(vkCreateImageView(device_, &viewInfo, nullptr, &view_));
}

VkImageAspectFlags Image::aspect() const {
    return isDepthFormat(desc_.format) ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT;
}

Image::Image(Image&& o) noexcept
    : device_(o.device_), allocator_(o.allocator_), image_(std::exchange(o.image_, VK_NULL_HANDLE)),
      view_(std::exchange(o.view_, VK_NULL_HANDLE)), desc_(o.desc_), allocation_(std::exchange(o.allocation_, {})) {}

Image& Image::operator=(Image&& o) noexcept {
    if (this != &o) {
        release();
        device_ = o.device_;
        allocator_ = o.allocator_;
        image_ = std::exchange(o.image_, VK_NULL_HANDLE);
        view_ = std::exchange(o.view_, VK_NULL_HANDLE);
        desc_ = o.desc_;
        allocation_ = std::exchange(o.allocation_, {});
    }
    return *this;
}

Image::~Image() { release(); }

void Image::release() {
    if (view_) vkDestroyImageView(device_, view_, nullptr);
    if (image_) vkDestroyImage(device_, image_, nullptr);
    if (allocation_) allocator_->free(allocation_);
    view_ = VK_NULL_HANDLE;
    image_ = VK_NULL_HANDLE;
    allocation_ = {};
}

}  // namespace axis::gpu
