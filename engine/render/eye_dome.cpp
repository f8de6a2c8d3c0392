#include "render/eye_dome.h"

#include "gpu/barriers.h"
#include "gpu/context.h"
#include "gpu/pipeline.h"
#include "gpu/vk_check.h"
#include "render/render_target.h"
#include "shared.h"

namespace axis::render {
namespace {

const uint32_t kFullscreenVert[] =
#include "fullscreen.vert.inc"
    ;
const uint32_t kEyeDomeFrag[] =
#include "eye_dome.frag.inc"
    ;
const uint32_t kEyeDomeMsFrag[] =
#include "eye_dome_ms.frag.inc"
    ;

}  // namespace

EyeDome::EyeDome(gpu::Context& context, VkFormat colorFormat, VkSampleCountFlagBits depthSamples) : context_(context) {
    VkDevice device = context.device();
    nearest_ = gpu::createNearestSampler(device);
    const VkDescriptorType types[] = {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER};
    setLayout_ = gpu::createSetLayout(device, types, VK_SHADER_STAGE_FRAGMENT_BIT);
    const VkDescriptorSetLayout sets[] = {setLayout_};
    layout_ = gpu::createPipelineLayout(device, sets, VK_SHADER_STAGE_FRAGMENT_BIT, sizeof(shader::EyeDomePush));

    gpu::GraphicsPipelineDesc d;
    d.vertexSpirv = kFullscreenVert;
    d.fragmentSpirv = depthSamples == VK_SAMPLE_COUNT_1_BIT ? std::span<const uint32_t>(kEyeDomeFrag)
                                                            : std::span<const uint32_t>(kEyeDomeMsFrag);
    d.layout = layout_;
    d.colorFormat = colorFormat;
    d.samples = VK_SAMPLE_COUNT_1_BIT;  // Drawn over the resolved image.
    d.depthTest = false;
    d.depthWrite = false;
    d.alphaBlend = true;
    pipeline_ = gpu::createGraphicsPipeline(device, d);

    VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
    poolInfo.maxSets = 1;
    poolInfo.poolSizeCount = 1;
    poolInfo.pPoolSizes = &size;
    VkDescriptorPool pool;
    AXIS_VK_CHECK(vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool));
    pool_ = {device, pool, vkDestroyDescriptorPool};
    VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    alloc.descriptorPool = pool;
    alloc.descriptorSetCount = 1;
    const VkDescriptorSetLayout layouts[] = {setLayout_};
    alloc.pSetLayouts = layouts;
    AXIS_VK_CHECK(vkAllocateDescriptorSets(device, &alloc, &set_));
}

// The set names the target's depth view; a new target (the window resized) gets it rewritten.
// Only between frames that use it: the caller's frame waits made the old one idle.
void EyeDome::bindTarget(const RenderTarget& target) {
    if (boundTarget_ == target.id()) return;
    VkDescriptorImageInfo depth{nearest_, target.depth().view(), VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL};
    VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,    nullptr, set_,    0,      0, 1,
                               VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, &depth,  nullptr, nullptr};
    vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
    boundTarget_ = target.id();
}

void EyeDome::draw(VkCommandBuffer cmd, RenderTarget& target, const Camera& camera, const EyeDomeSettings& settings) {
    using namespace gpu;
    bindTarget(target);
    // The scene's depth writes, read now by this pass's fragments.
    pipelineBarrier(
        cmd, {imageBarrier(target.depth().handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
                           VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                           VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                           VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
                           VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL)});
    const VkExtent2D extent = target.extent();
    VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    color.imageView = target.beginOverlay(cmd);
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    VkRenderingInfo info{VK_STRUCTURE_TYPE_RENDERING_INFO};
    info.renderArea = {{0, 0}, extent};
    info.layerCount = 1;
    info.colorAttachmentCount = 1;
    info.pColorAttachments = &color;
    vkCmdBeginRendering(cmd, &info);
    VkViewport viewport{0, 0, float(extent.width), float(extent.height), 0.0f, 1.0f};
    VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &set_, 0, nullptr);
    shader::EyeDomePush push{};
    push.size = {int(extent.width), int(extent.height)};
    push.nearPlane = float(camera.nearPlane);
    push.strength = float(settings.strength);
    push.radius = float(settings.radiusPx);
    vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push), &push);
    vkCmdDraw(cmd, 3, 1, 0, 0);
    vkCmdEndRendering(cmd);
}

}  // namespace axis::render
