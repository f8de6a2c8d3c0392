#include "gpu/frames.h"

#include "gpu/context.h"
#include "gpu/vk_check.h"

namespace axis::gpu {

FrameRing::FrameRing(Context& context) : context_(context) {
    VkDevice device = context.device();
    for (auto& f : frames_) {
        VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
        poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
        poolInfo.queueFamilyIndex = context.queueFamily();
        AXIS_VK_CHECK(vkCreateCommandPool(device, &poolInfo, nullptr, &f.pool));
        VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        alloc.commandPool = f.pool;
        alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        alloc.commandBufferCount = 1;
        AXIS_VK_CHECK(vkAllocateCommandBuffers(device, &alloc, &f.cmd));
        VkFenceCreateInfo fenceInfo{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
        fenceInfo.flags = VK_FENCE_CREATE_SIGNALED_BIT;
        AXIS_VK_CHECK(vkCreateFence(device, &fenceInfo, nullptr, &f.fence));
        VkSemaphoreCreateInfo semInfo{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
        AXIS_VK_CHECK(vkCreateSemaphore(device, &semInfo, nullptr, &f.acquired));
    }
}

FrameRing::~FrameRing() {
    waitAll();
    VkDevice device = context_.device();
    for (auto& f : frames_) {
        f.retiredBuffers.clear();
        f.retiredImages.clear();
        f.retiredObjects.clear();
        vkDestroySemaphore(device, f.acquired, nullptr);
        vkDestroyFence(device, f.fence, nullptr);
        vkDestroyCommandPool(device, f.pool, nullptr);
    }
}

FrameRing::Frame& FrameRing::begin() {
    index_ = static_cast<uint32_t>(frameNumber_ % kFramesInFlight);
    Frame& f = frames_[index_];
    AXIS_VK_CHECK(vkWaitForFences(context_.device(), 1, &f.fence, VK_TRUE, UINT64_MAX));
    f.retiredBuffers.clear();
    f.retiredImages.clear();
    f.retiredObjects.clear();
    AXIS_VK_CHECK(vkResetCommandPool(context_.device(), f.pool, 0));
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    AXIS_VK_CHECK(vkBeginCommandBuffer(f.cmd, &begin));
    return f;
}

void FrameRing::submit(VkSemaphore wait, VkPipelineStageFlags2 waitStage, VkSemaphore signal) {
    Frame& f = frames_[index_];
    AXIS_VK_CHECK(vkEndCommandBuffer(f.cmd));
    AXIS_VK_CHECK(vkResetFences(context_.device(), 1, &f.fence));
    VkCommandBufferSubmitInfo cmdInfo{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
    cmdInfo.commandBuffer = f.cmd;
    VkSemaphoreSubmitInfo waitInfo{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    waitInfo.semaphore = wait;
    waitInfo.stageMask = waitStage;
    VkSemaphoreSubmitInfo signalInfo{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    signalInfo.semaphore = signal;
    signalInfo.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    VkSubmitInfo2 submitInfo{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
    submitInfo.commandBufferInfoCount = 1;
    submitInfo.pCommandBufferInfos = &cmdInfo;
    submitInfo.waitSemaphoreInfoCount = wait ? 1 : 0;
    submitInfo.pWaitSemaphoreInfos = &waitInfo;
    submitInfo.signalSemaphoreInfoCount = signal ? 1 : 0;
    submitInfo.pSignalSemaphoreInfos = &signalInfo;
    AXIS_VK_CHECK(vkQueueSubmit2(context_.queue(), 1, &submitInfo, f.fence));
    frameNumber_++;
}

void FrameRing::waitAll() {
    for (auto& f : frames_) vkWaitForFences(context_.device(), 1, &f.fence, VK_TRUE, UINT64_MAX);
}

}  // namespace axis::gpu
