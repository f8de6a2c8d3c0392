#pragma once
// Copying a rendered image back to the CPU as tightly packed RGBA8 rows, top row first.
#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>

#include "gpu/resources.h"

namespace axis::gpu {

struct Rgba8Image {
    uint32_t width = 0, height = 0;
    std::vector<std::uint8_t> pixels;  ///< width*height*4 bytes; sRGB-encoded for sRGB formats.
};

/// Records a copy of `image` (single-sample, 4 bytes per texel, usage TRANSFER_SRC, in
/// `layout`, which it is returned to) into `staging`, which it (re)creates as needed. Call
/// readStaging() after the command buffer completed.
void recordReadback(Context& context, VkCommandBuffer cmd, const Image& image, VkImageLayout layout,
                    Buffer& staging);
Rgba8Image readStaging(const Buffer& staging, const Image& image);

/// Convenience: copy and wait.
Rgba8Image readbackNow(Context& context, const Image& image, VkImageLayout layout);

}  // namespace axis::gpu
