#pragma once
// Staged uploads: data is copied into host-visible staging buffers and transferred to
// device-local buffers and images in one command buffer, submitted by flush().
#include <cstdint>
#include <span>
#include <vector>

#include "gpu/resources.h"

namespace axis::gpu {

/// One mip level of texel data, tightly packed.
struct MipData {
    uint32_t width = 0, height = 0;
    std::span<const std::uint8_t> bytes;
};

class UploadBatch {
public:
    explicit UploadBatch(Context& context) : context_(context) {}

    /// A device-local buffer holding `bytes`; valid on the GPU once flush() returned.
    Buffer createBuffer(std::span<const std::byte> bytes, VkBufferUsageFlags usage);
    /// A sampled image with every level of `mips` (level 0 first), left in SHADER_READ_ONLY_OPTIMAL.
    Image createTexture(std::span<const MipData> mips, VkFormat format);
    /// Submits the recorded copies and waits for them; frees the staging memory.
    void flush();

    ~UploadBatch() { flush(); }

private:
    Buffer stage(std::span<const std::byte> bytes);
    struct Copy {
        std::size_t staging;
        VkBuffer dstBuffer = VK_NULL_HANDLE;
        VkDeviceSize size = 0;
        VkImage dstImage = VK_NULL_HANDLE;
        std::vector<VkBufferImageCopy> regions;
        uint32_t mipLevels = 0;
    };
    Context& context_;
    std::vector<Buffer> staging_;
    std::vector<Copy> copies_;
};

/// Mip levels copied into an upload buffer, finest first: made on any thread (a texture
/// streamer's worker), so that the render thread only records the copies.
struct StagedMips {
    struct Level {
        uint32_t width = 0, height = 0;
        VkDeviceSize offset = 0;
    };
    Buffer buffer;  ///< Empty when there are no levels.
    std::vector<Level> levels;
};
StagedMips stageMips(Context& context, std::span<const MipData> mips);

/// A sampled image whose mip levels are `finer` (staged, finest first) followed by the levels of
/// `coarser` from its level `coarserFrom` on (copied on the GPU, no CPU round trip), left in
/// SHADER_READ_ONLY_OPTIMAL; either part may be empty, not both. Texture streaming grows an image
/// by finer levels and shrinks it by dropping them this way. `coarser` must have TRANSFER_SRC
/// usage and be in SHADER_READ_ONLY_OPTIMAL; it is left so. The result has TRANSFER_SRC usage too.
/// The copies are recorded into `cmd`, outside any rendering: `finer.buffer` and `coarser` must
/// live until it has run (FrameRing::retire).
Image composeTexture(Context& context, VkCommandBuffer cmd, const StagedMips& finer, const Image& coarser,
                     uint32_t coarserFrom, VkFormat format);
/// The same from levels on the CPU, submitted and waited for (`coarser` must then be idle).
Image composeTexture(Context& context, std::span<const MipData> finer, const Image& coarser, uint32_t coarserFrom,
                     VkFormat format);

}  // namespace axis::gpu
