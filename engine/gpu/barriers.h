#pragma once
// synchronization2 helpers returning plain VkImageMemoryBarrier2 values (after niagara).
#include <initializer_list>

#include <vulkan/vulkan.h>

namespace axis::gpu {

VkImageMemoryBarrier2 imageBarrier(VkImage image, VkImageAspectFlags aspect,
                                   VkPipelineStageFlags2 srcStage, VkAccessFlags2 srcAccess, VkImageLayout oldLayout,
                                   VkPipelineStageFlags2 dstStage, VkAccessFlags2 dstAccess, VkImageLayout newLayout,
                                   uint32_t baseMip = 0, uint32_t mipCount = VK_REMAINING_MIP_LEVELS);

void pipelineBarrier(VkCommandBuffer cmd, std::initializer_list<VkImageMemoryBarrier2> images);

/// A global memory barrier (buffers written by one stage, read by another).
void memoryBarrier(VkCommandBuffer cmd, VkPipelineStageFlags2 srcStage, VkAccessFlags2 srcAccess,
                   VkPipelineStageFlags2 dstStage, VkAccessFlags2 dstAccess);

}  // namespace axis::gpu
