#include "gpu/readback.h"

#include <cstring>
#include <utility>

#include "gpu/barriers.h"
#include "gpu/context.h"

namespace axis::gpu {

void recordReadback(Context& context, VkCommandBuffer cmd, const Image& image, VkImageLayout layout,
                    Buffer& staging) {
    const auto& d = image.desc();
    VkDeviceSize bytes = VkDeviceSize(d.width) * d.height * 4;
    if (!staging || staging.size() != bytes)
        staging = Buffer(context, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::Readback);
    pipelineBarrier(cmd, {imageBarrier(image.handle(), VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
                                       VK_ACCESS_2_MEMORY_WRITE_BIT, layout, VK_PIPELINE_STAGE_2_COPY_BIT,
                                       VK_ACCESS_2_TRANSFER_READ_BIT, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL)});
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {d.width, d.height, 1};
    vkCmdCopyImageToBuffer(cmd, image.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, staging.handle(), 1, &region);
    pipelineBarrier(cmd, {imageBarrier(image.handle(), VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_COPY_BIT,
                                       VK_ACCESS_2_TRANSFER_READ_BIT, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                                       VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT, layout)});
    memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                  VK_ACCESS_2_HOST_READ_BIT);
}

Rgba8Image readStaging(const Buffer& staging, const Image& image) {
    const auto& d = image.desc();
    Rgba8Image out;
    out.width = d.width;
    out.height = d.height;
    out.pixels.resize(std::size_t(d.width) * d.height * 4);
    std::memcpy(out.pixels.data(), staging.mapped(), out.pixels.size());
    if (d.format == VK_FORMAT_B8G8R8A8_SRGB || d.format == VK_FORMAT_B8G8R8A8_UNORM)
        for (std::size_t i = 0; i < out.pixels.size(); i += 4) std::swap(out.pixels[i], out.pixels[i + 2]);
    return out;
}

Rgba8Image readbackNow(Context& context, const Image& image, VkImageLayout layout) {
    Buffer staging;
    context.submitAndWait([&](VkCommandBuffer cmd) { recordReadback(context, cmd, image, layout, staging); });
    return readStaging(staging, image);
}

}  // namespace axis::gpu
