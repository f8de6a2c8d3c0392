#include "gpu/upload.h"

#include <algorithm>
#include <cstring>

#include "gpu/barriers.h"
#include "gpu/context.h"

namespace axis::gpu {
namespace {

// Buffers are read as vertices, indices or uniforms by the next submission.
void buffersReadyBarrier(VkCommandBuffer cmd) {
    VkMemoryBarrier2 mem{VK_STRUCTURE_TYPE_MEMORY_BARRIER_2};
    mem.srcStageMask = VK_PIPELINE_STAGE_2_COPY_BIT;
    mem.srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT;
    mem.dstStageMask = VK_PIPELINE_STAGE_2_VERTEX_INPUT_BIT | VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT |
                       VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT;
    mem.dstAccessMask = VK_ACCESS_2_VERTEX_ATTRIBUTE_READ_BIT | VK_ACCESS_2_INDEX_READ_BIT |
                        VK_ACCESS_2_UNIFORM_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_READ_BIT;
    VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
    dep.memoryBarrierCount = 1;
    dep.pMemoryBarriers = &mem;
    vkCmdPipelineBarrier2(cmd, &dep);
}

}  // namespace

Buffer UploadBatch::stage(std::span<const std::byte> bytes) {
    Buffer staging(context_, bytes.size(), VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUsage::Upload);
    if (!bytes.empty()) staging.write(bytes);
    return staging;
}

Buffer UploadBatch::createBuffer(std::span<const std::byte> bytes, VkBufferUsageFlags usage) {
    Buffer dst(context_, bytes.size(), usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUsage::GpuOnly);
    if (bytes.empty()) return dst;
    staging_.push_back(stage(bytes));
    Copy c;
    c.staging = staging_.size() - 1;
    c.dstBuffer = dst.handle();
    c.size = bytes.size();
    copies_.push_back(std::move(c));
    return dst;
}

Image UploadBatch::createTexture(std::span<const MipData> mips, VkFormat format) {
    ImageDesc desc;
    desc.format = format;
    desc.width = mips[0].width;
    desc.height = mips[0].height;
    desc.mipLevels = static_cast<uint32_t>(mips.size());
    desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    Image image(context_, desc);

    std::size_t total = 0;
    for (const auto& m : mips) total += m.bytes.size();
    std::vector<std::byte> packed(total);
    Copy c;
    c.dstImage = image.handle();
    c.mipLevels = desc.mipLevels;
    std::size_t offset = 0;
    for (uint32_t level = 0; level < mips.size(); ++level) {
        std::memcpy(packed.data() + offset, mips[level].bytes.data(), mips[level].bytes.size());
        VkBufferImageCopy region{};
        region.bufferOffset = offset;
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level, 0, 1};
        region.imageExtent = {mips[level].width, mips[level].height, 1};
        c.regions.push_back(region);
        offset += mips[level].bytes.size();
    }
    staging_.push_back(stage(packed));
    c.staging = staging_.size() - 1;
    copies_.push_back(std::move(c));
    return image;
}

void UploadBatch::flush() {
    if (copies_.empty()) return;
    context_.submitAndWait([&](VkCommandBuffer cmd) {
        for (const auto& c : copies_) {
            VkBuffer src = staging_[c.staging].handle();
            if (c.dstBuffer) {
                VkBufferCopy region{0, 0, c.size};
                vkCmdCopyBuffer(cmd, src, c.dstBuffer, 1, &region);
                continue;
            }
            pipelineBarrier(cmd, {imageBarrier(c.dstImage, VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_NONE, 0,
                                               VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COPY_BIT,
                                               VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL)});
            vkCmdCopyBufferToImage(cmd, src, c.dstImage, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                                   static_cast<uint32_t>(c.regions.size()), c.regions.data());
            pipelineBarrier(cmd, {imageBarrier(c.dstImage, VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_COPY_BIT,
                                               VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                                               VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
                                               VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)});
        }
        buffersReadyBarrier(cmd);
    });
    copies_.clear();
    staging_.clear();
}

namespace {

VkImageMemoryBarrier2 readableToCopy(VkImage image, bool toCopy, uint32_t baseMip) {
    const VkPipelineStageFlags2 shader = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT;
    const VkImageLayout read = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, src = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    return toCopy ? imageBarrier(image, VK_IMAGE_ASPECT_COLOR_BIT, shader, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, read,
                                 VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT, src, baseMip)
                  : imageBarrier(image, VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, 0, src, shader,
                                 VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, read, baseMip);
}

}  // namespace

StagedMips stageMips(Context& context, std::span<const MipData> mips) {
    StagedMips staged;
    std::size_t total = 0;
    for (const auto& m : mips) total += m.bytes.size();
    if (total == 0) return staged;
    staged.buffer = Buffer(context, total, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUsage::Upload);
    VkDeviceSize offset = 0;
    for (const MipData& m : mips) {
        staged.buffer.write(std::as_bytes(m.bytes), offset);
        staged.levels.push_back({m.width, m.height, offset});
        offset += m.bytes.size();
    }
    return staged;
}

Image composeTexture(Context& context, std::span<const MipData> finer, const Image& coarser, uint32_t coarserFrom,
                     VkFormat format) {
    const StagedMips staged = stageMips(context, finer);
    Image image;
    context.submitAndWait(
        [&](VkCommandBuffer cmd) { image = composeTexture(context, cmd, staged, coarser, coarserFrom, format); });
    return image;
}

Image composeTexture(Context& context, VkCommandBuffer cmd, const StagedMips& finer, const Image& coarser,
                     uint32_t coarserFrom, VkFormat format) {
    const uint32_t kept = coarser ? coarser.desc().mipLevels - std::min(coarserFrom, coarser.desc().mipLevels) : 0;
    const auto finerCount = static_cast<uint32_t>(finer.levels.size());
    ImageDesc desc;
    desc.format = format;
    desc.width = finerCount == 0 ? std::max(1u, coarser.desc().width >> coarserFrom) : finer.levels[0].width;
    desc.height = finerCount == 0 ? std::max(1u, coarser.desc().height >> coarserFrom) : finer.levels[0].height;
    desc.mipLevels = finerCount + kept;
    desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    // Streamed levels come and go: a large image gets memory of its own, given back when dropped.
    desc.dedicatedMemory = VkDeviceSize(desc.width) * desc.height * 4 >= (VkDeviceSize(1) << 20);
    Image image(context, desc);

    std::vector<VkBufferImageCopy> uploads;
    for (uint32_t level = 0; level < finerCount; ++level) {
        VkBufferImageCopy region{};
        region.bufferOffset = finer.levels[level].offset;
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level, 0, 1};
        region.imageExtent = {finer.levels[level].width, finer.levels[level].height, 1};
        uploads.push_back(region);
    }
    std::vector<VkImageCopy> copies;
    for (uint32_t i = 0; i < kept; ++i) {
        const uint32_t from = coarserFrom + i, to = finerCount + i;
        VkImageCopy c{};
        c.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, from, 0, 1};
        c.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, to, 0, 1};
        c.extent = {std::max(1u, coarser.desc().width >> from), std::max(1u, coarser.desc().height >> from), 1};
        copies.push_back(c);
    }
    pipelineBarrier(cmd, {imageBarrier(image.handle(), VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_NONE, 0,
                                       VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COPY_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL)});
    if (!uploads.empty())
        vkCmdCopyBufferToImage(cmd, finer.buffer.handle(), image.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                               static_cast<uint32_t>(uploads.size()), uploads.data());
    if (!copies.empty()) {
        pipelineBarrier(cmd, {readableToCopy(coarser.handle(), true, 0)});
        vkCmdCopyImage(cmd, coarser.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, image.handle(),
                       VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, static_cast<uint32_t>(copies.size()), copies.data());
        pipelineBarrier(cmd, {readableToCopy(coarser.handle(), false, 0)});
    }
    pipelineBarrier(cmd, {imageBarrier(image.handle(), VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_COPY_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                                       VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
                                       VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)});
    return image;
}

}  // namespace axis::gpu
