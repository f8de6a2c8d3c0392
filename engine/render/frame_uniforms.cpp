#include "render/frame_uniforms.h"

#include <algorithm>
#include <cstring>

#include "core/log.h"
#include "gpu/context.h"
#include "gpu/frames.h"
#include "gpu/pipeline.h"
#include "gpu/vk_check.h"
#include "shared.h"

namespace axis::render {
namespace {

static_assert(AXIS_MAX_CLIP_HALF_SPACES == kMaxClipHalfSpaces, "shaders/shared.h and scene/clipping.h disagree");
static_assert(AXIS_SHADOW_CASCADES == kShadowCascades, "shaders/shared.h and render/shadow_cascades.h disagree");

// Distinct cuts in one frame: a site's, and a few models' of their own. More are drawn uncut.
constexpr std::uint32_t kBlocksPerFrame = 256;

// A half-space that keeps everything: 0.p + 1 >= 0.
constexpr glm::vec4 kKeepAll{0.0f, 0.0f, 0.0f, 1.0f};

// The cut relative to `eye`: n.(eye + q) + d = n.q + (n.eye + d), in double before the float.
shader::DrawParams blockFor(const Clipping& clipping, const glm::dvec3& eye, const Lighting& lighting,
                            const ShadowLookup& shadows) {
    shader::DrawParams p{};
    std::fill(std::begin(p.halfSpaces), std::end(p.halfSpaces), kKeepAll);
    const std::vector<glm::dvec4> halfSpaces = clipping.halfSpaces();
    const std::size_t n = std::min<std::size_t>(halfSpaces.size(), kMaxClipHalfSpaces);
    for (std::size_t i = 0; i < n; ++i) {
        const glm::dvec3 normal(halfSpaces[i]);
        p.halfSpaces[i] = glm::vec4(glm::vec3(normal), float(glm::dot(normal, eye) + halfSpaces[i].w));
    }
    using shader::vec3;  // AXIS_CAP_COLOR is written for GLSL.
    p.capColor = glm::vec4(AXIS_CAP_COLOR, 1.0f);
    p.sunDirection = glm::vec4(glm::vec3(lighting.sunDirection), 0.0f);
    p.sunRadiance = glm::vec4(lighting.sunRadiance * lighting.exposure, 0.0f);
    p.skyTint = glm::vec4(lighting.skyTint * lighting.exposure, 0.0f);
    p.sunFromCamera = shadows.sunFromCamera;
    for (std::size_t i = 0; i < kShadowCascades; ++i) {
        p.shadowScales[i] = shadows.scales[i];
        p.shadowOffsets[i] = shadows.offsets[i];
        p.shadowTiles[i] = shadows.tiles[i];
        p.shadowParams[i] = shadows.params[i];
    }
    p.viewForward = glm::vec4(shadows.viewForward, 0.0f);
    return p;
}

}  // namespace

FrameUniforms::FrameUniforms(gpu::Context& context) : context_(context) {
    VkDevice device = context.device();
    const VkDeviceSize align = std::max<VkDeviceSize>(context.properties().limits.minUniformBufferOffsetAlignment, 16);
    stride_ = (sizeof(shader::DrawParams) + align - 1) / align * align;
    const VkDescriptorType types[] = {VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER};
    setLayout_ = gpu::createSetLayout(device, types, VK_SHADER_STAGE_FRAGMENT_BIT);

    constexpr std::uint32_t kSlots = gpu::FrameRing::kFramesInFlight;
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC, kSlots},
                                          {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, kSlots}};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.maxSets = kSlots;
    poolInfo.poolSizeCount = 2;
    poolInfo.pPoolSizes = sizes;
    VkDescriptorPool pool;
    AXIS_VK_CHECK(vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool));
    pool_ = {device, pool, vkDestroyDescriptorPool};

    slots_.resize(kSlots);
    for (Slot& slot : slots_) {
        // Written by the host each frame, read once by the device: upload memory, no staging.
        slot.buffer = gpu::Buffer(context, stride_ * kBlocksPerFrame, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                                  gpu::MemoryUsage::Upload);
        VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
        alloc.descriptorPool = pool;
        alloc.descriptorSetCount = 1;
        const VkDescriptorSetLayout layouts[] = {setLayout_};
        alloc.pSetLayouts = layouts;
        AXIS_VK_CHECK(vkAllocateDescriptorSets(device, &alloc, &slot.set));
        VkDescriptorBufferInfo info{slot.buffer.handle(), 0, sizeof(shader::DrawParams)};
        VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        write.dstSet = slot.set;
        write.descriptorCount = 1;
        write.descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC;
        write.pBufferInfo = &info;
        vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
    }
}

void FrameUniforms::beginRecording(gpu::FrameRing& frames, const Lighting& lighting) {
    slot_ = &slots_[frames.index()];
    lighting_ = lighting;
    if (slot_->frame != frames.frameNumber() && slot_->shadowView != shadowView_) {
        // Only at the slot's first recording of a frame: its set is not in use by the device then.
        VkDescriptorImageInfo image{shadowSampler_, shadowView_, VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL};
        VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        write.dstSet = slot_->set;
        write.dstBinding = 1;
        write.descriptorCount = 1;
        write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
        write.pImageInfo = &image;
        vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
        slot_->shadowView = shadowView_;
    }
    if (slot_->frame != frames.frameNumber()) {
        // The slot's previous frame has finished (FrameRing::begin waited for it): rewrite from the start.
        slot_->frame = frames.frameNumber();
        slot_->blocks.clear();
    }  // Else another recording of the same frame (a cube face): its blocks are shared where equal.
    keepAllOffset_ = 0;
    keepAllOffset_ = blockOffset(Clipping{}, glm::dvec3(0.0));
}

std::uint32_t FrameUniforms::offsetFor(const Clipping& clipping, const glm::dvec3& eye) {
    // Without cuts the eye does not matter: one block serves every uncut draw.
    return clipping.empty() ? keepAllOffset_ : blockOffset(clipping, eye);
}

std::uint32_t FrameUniforms::blockOffset(const Clipping& clipping, const glm::dvec3& eye) {
    const shader::DrawParams block = blockFor(clipping, eye, lighting_, shadowLookup_);
    std::vector<float> values(sizeof(block) / sizeof(float));
    std::memcpy(values.data(), &block, sizeof(block));
    auto same = std::find(slot_->blocks.begin(), slot_->blocks.end(), values);
    if (same != slot_->blocks.end()) return std::uint32_t(stride_ * (same - slot_->blocks.begin()));
    if (slot_->blocks.size() == kBlocksPerFrame) {
        if (!warnedFull_) logWarn("more than 256 different cuts in one frame: the rest are drawn uncut");
        warnedFull_ = true;
        return keepAllOffset_;
    }
    slot_->buffer.write({reinterpret_cast<const std::byte*>(&block), sizeof(block)}, stride_ * slot_->blocks.size());
    slot_->blocks.push_back(std::move(values));
    return std::uint32_t(stride_ * (slot_->blocks.size() - 1));
}

void FrameUniforms::setShadowMap(VkImageView view, VkSampler sampler) {
    shadowView_ = view;
    shadowSampler_ = sampler;
}

void FrameUniforms::setShadowLookup(const ShadowLookup& lookup) { shadowLookup_ = lookup; }

void FrameUniforms::bind(VkCommandBuffer cmd, VkPipelineLayout layout, std::uint32_t offset) const {
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout, 1, 1, &slot_->set, 1, &offset);
}

}  // namespace axis::render
