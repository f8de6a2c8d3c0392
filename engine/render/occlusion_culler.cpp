#include "render/occlusion_culler.h"

#include <algorithm>
#include <bit>

#include "gpu/barriers.h"
#include "gpu/context.h"
#include "gpu/frames.h"
#include "gpu/pipeline.h"
#include "gpu/vk_check.h"
#include "render/hiz_footprint.h"
#include "render/render_target.h"

namespace axis::render {
namespace {

const uint32_t kReduce[] =
#include "hiz_reduce.comp.inc"
    ;
const uint32_t kReduceMs[] =
#include "hiz_reduce_ms.comp.inc"
    ;
const uint32_t kCull[] =
#include "occlusion_cull.comp.inc"
    ;
const uint32_t kCompact[] =
#include "occlusion_compact.comp.inc"
    ;

constexpr uint32_t kReduceGroup = 8;  // hiz_reduce.glsl local size, each axis.
constexpr uint32_t kCullGroup = 64;   // occlusion_cull.comp and occlusion_compact.comp local size.
constexpr uint32_t kSlotBuffers = 5;  // Storage buffers of a slot's set: candidates ... counts.

uint32_t groups(uint32_t n, uint32_t size) { return (n + size - 1) / size; }

VkDescriptorSet allocateSet(VkDevice device, VkDescriptorPool pool, VkDescriptorSetLayout layout) {
    VkDescriptorSetAllocateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    info.descriptorPool = pool;
    info.descriptorSetCount = 1;
    info.pSetLayouts = &layout;
    VkDescriptorSet set;
    AXIS_VK_CHECK(vkAllocateDescriptorSets(device, &info, &set));
    return set;
}

// A buffer that holds at least `bytes`, kept when big enough; a replaced one is retired to the frame.
bool ensureCapacity(gpu::Context& context, gpu::FrameRing& frames, gpu::Buffer& buffer, VkDeviceSize bytes,
                    VkBufferUsageFlags usage) {
    if (buffer && buffer.size() >= bytes) return false;
    if (buffer) frames.retire(std::move(buffer));
    buffer = gpu::Buffer(context, std::max<VkDeviceSize>(bytes + bytes / 2, 4096), usage, gpu::MemoryUsage::Upload);
    return true;
}

}  // namespace

OcclusionCuller::OcclusionCuller(gpu::Context& context, VkSampleCountFlagBits samples)
    : context_(context), samples_(samples) {
    available_ = (context.properties().limits.sampledImageDepthSampleCounts & samples) != 0;
    if (available_) slots_.resize(gpu::FrameRing::kFramesInFlight);
}

OcclusionCuller::~OcclusionCuller() = default;

// On first use: a one-off still never tests, and compiling costs tens of milliseconds on lavapipe.
void OcclusionCuller::createPipelines() {
    if (cull_) return;
    VkDevice device = context_.device();
    const VkDescriptorType reduceTypes[] = {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE};
    const VkDescriptorType cullTypes[] = {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                                          VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                                          VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER};
    reduceSetLayout_ = gpu::createSetLayout(device, reduceTypes, VK_SHADER_STAGE_COMPUTE_BIT);
    cullSetLayout_ = gpu::createSetLayout(device, cullTypes, VK_SHADER_STAGE_COMPUTE_BIT);
    const VkDescriptorSetLayout reduceSets[] = {reduceSetLayout_}, cullSets[] = {cullSetLayout_};
    reduceLayout_ = gpu::createPipelineLayout(device, reduceSets, VK_SHADER_STAGE_COMPUTE_BIT, sizeof(shader::HizPush));
    cullLayout_ = gpu::createPipelineLayout(device, cullSets, VK_SHADER_STAGE_COMPUTE_BIT, sizeof(shader::CullPush));
    const uint32_t sampleCount[] = {uint32_t(samples_)};
    reduceFromDepth_ = samples_ != VK_SAMPLE_COUNT_1_BIT ? gpu::createComputePipeline(device, kReduceMs, reduceLayout_, sampleCount)
                                     : gpu::createComputePipeline(device, kReduce, reduceLayout_);
    reduce_ = gpu::createComputePipeline(device, kReduce, reduceLayout_);
    cull_ = gpu::createComputePipeline(device, kCull, cullLayout_);
    compact_ = gpu::createComputePipeline(device, kCompact, cullLayout_);

    nearest_ = gpu::createNearestSampler(device);  // texelFetch only.
}

void OcclusionCuller::upload(gpu::FrameRing& frames, std::span<const shader::OcclusionCandidate> candidates,
                             std::span<const VkDrawIndexedIndirectCommand> commands, uint32_t drawnCommands,
                             std::span<const shader::DrawBatch> batches) {
    if (!available_) return;
    current_ = frames.index();
    Slot& slot = slots_[current_];
    const VkBufferUsageFlags storage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
    bool grown = ensureCapacity(context_, frames, slot.candidates, std::max<size_t>(1, candidates.size_bytes()), storage);
    const VkBufferUsageFlags indirect = storage | VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT;
    grown |= ensureCapacity(context_, frames, slot.commands, std::max<size_t>(1, commands.size_bytes()), indirect);
    grown |= ensureCapacity(context_, frames, slot.packed, std::max<size_t>(1, commands.size_bytes()), indirect);
    grown |= ensureCapacity(context_, frames, slot.batches, std::max<size_t>(1, batches.size_bytes()), storage);
    grown |= ensureCapacity(context_, frames, slot.counts, std::max<size_t>(1, batches.size() * sizeof(uint32_t)), indirect);
    if (grown) slot.setTarget = 0;
    if (!candidates.empty()) slot.candidates.write(std::as_bytes(candidates));
    if (!commands.empty()) slot.commands.write(std::as_bytes(commands));
    if (!batches.empty()) slot.batches.write(std::as_bytes(batches));
    slot.commandCount = static_cast<uint32_t>(commands.size());
    slot.drawnCount = std::min(drawnCommands, slot.commandCount);
    frames_ = &frames;
}

bool OcclusionCuller::packs() const {
    return available_ && context_.features().drawIndirectCount && context_.features().multiDrawIndirect;
}

VkBuffer OcclusionCuller::commands() const { return available_ ? slots_[current_].commands.handle() : VK_NULL_HANDLE; }
VkBuffer OcclusionCuller::packedCommands() const { return available_ ? slots_[current_].packed.handle() : VK_NULL_HANDLE; }
VkBuffer OcclusionCuller::packedCounts() const { return available_ ? slots_[current_].counts.handle() : VK_NULL_HANDLE; }

void OcclusionCuller::preparePyramid(const RenderTarget& target) {
    if (pyramidTarget_ == target.id()) return;
    if (frames_) frames_->waitAll();  // Rare (a resize): the old pyramid may be in flight.
    VkDevice device = context_.device();
    targetExtent_ = target.extent();
    const uint32_t levels = hizLevelCount(targetExtent_);
    const VkExtent2D size0 = hizLevelSize(targetExtent_, 0);
    // Vulkan's mips halve rounding down, the pyramid's levels rounding up (so that no pixel is
    // left out): a power-of-two image holds every level, and the rest of each mip goes unused.
    pyramid_ = gpu::Image(context_, {VK_FORMAT_R32_SFLOAT, std::bit_ceil(size0.width), std::bit_ceil(size0.height), levels,
                                     VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT});
    levelViews_.clear();
    for (uint32_t level = 0; level < levels; ++level) {
        VkImageViewCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
        info.image = pyramid_.handle();
        info.viewType = VK_IMAGE_VIEW_TYPE_2D;
        info.format = VK_FORMAT_R32_SFLOAT;
        info.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, level, 1, 0, 1};
        VkImageView view;
        AXIS_VK_CHECK(vkCreateImageView(device, &info, nullptr, &view));
        levelViews_.emplace_back(device, view, vkDestroyImageView);
    }

    const uint32_t sets = levels + uint32_t(slots_.size());
    VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, sets},
                                    {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, levels},
                                    {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kSlotBuffers * uint32_t(slots_.size())}};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.maxSets = sets;
    poolInfo.poolSizeCount = 3;
    poolInfo.pPoolSizes = sizes;
    VkDescriptorPool pool;
    AXIS_VK_CHECK(vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool));
    pool_ = {device, pool, vkDestroyDescriptorPool};

    levelSets_.clear();
    for (uint32_t level = 0; level < levels; ++level) {
        VkDescriptorSet set = allocateSet(device, pool, reduceSetLayout_);
        VkDescriptorImageInfo source = level == 0
            ? VkDescriptorImageInfo{nearest_, target.depth().view(), VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL}
            : VkDescriptorImageInfo{nearest_, levelViews_[level - 1], VK_IMAGE_LAYOUT_GENERAL};
        VkDescriptorImageInfo dest{VK_NULL_HANDLE, levelViews_[level], VK_IMAGE_LAYOUT_GENERAL};
        VkWriteDescriptorSet writes[2]{};
        writes[0] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET, nullptr, set, 0, 0, 1,
                     VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, &source, nullptr, nullptr};
        writes[1] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET, nullptr, set, 1, 0, 1,
                     VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, &dest, nullptr, nullptr};
        vkUpdateDescriptorSets(device, 2, writes, 0, nullptr);
        levelSets_.push_back(set);
    }
    for (Slot& slot : slots_) {
        slot.set = allocateSet(device, pool, cullSetLayout_);
        slot.setTarget = 0;
    }
    pyramidTarget_ = target.id();
}

void OcclusionCuller::writeCullSet(Slot& slot) {
    VkDescriptorImageInfo pyramid{nearest_, pyramid_.view(), VK_IMAGE_LAYOUT_GENERAL};
    const gpu::Buffer* buffers[kSlotBuffers] = {&slot.candidates, &slot.commands, &slot.batches, &slot.packed, &slot.counts};
    VkDescriptorBufferInfo infos[kSlotBuffers];
    VkWriteDescriptorSet writes[1 + kSlotBuffers]{};
    writes[0] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET, nullptr, slot.set, 0, 0, 1,
                 VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, &pyramid, nullptr, nullptr};
    for (uint32_t i = 0; i < kSlotBuffers; ++i) {
        infos[i] = {buffers[i]->handle(), 0, VK_WHOLE_SIZE};
        writes[1 + i] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET, nullptr, slot.set, 1 + i, 0, 1,
                         VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, nullptr, &infos[i], nullptr};
    }
    vkUpdateDescriptorSets(context_.device(), 1 + kSlotBuffers, writes, 0, nullptr);
    slot.setTarget = pyramidTarget_;
}

void OcclusionCuller::buildPyramid(VkCommandBuffer cmd, const RenderTarget& target) {
    using namespace gpu;
    // Depth: attachment writes done, read by compute. The pyramid's old contents are not needed;
    // its previous readers (an earlier wave's cull) are in the first scope.
    pipelineBarrier(cmd, {imageBarrier(target.depth().handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
                                       VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                                       VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                                       VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
                                       VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL),
                          imageBarrier(pyramid_.handle(), VK_IMAGE_ASPECT_COLOR_BIT, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, 0,
                                       VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                                       VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_IMAGE_LAYOUT_GENERAL)});
    const uint32_t levels = uint32_t(levelSets_.size());
    for (uint32_t level = 0; level < levels; ++level) {
        const VkExtent2D source = level == 0 ? targetExtent_ : hizLevelSize(targetExtent_, level - 1);
        const VkExtent2D dest = hizLevelSize(targetExtent_, level);
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, level == 0 ? reduceFromDepth_ : reduce_);
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, reduceLayout_, 0, 1, &levelSets_[level], 0, nullptr);
        shader::HizPush push{{int(source.width), int(source.height)}, {int(dest.width), int(dest.height)}};
        vkCmdPushConstants(cmd, reduceLayout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), &push);
        vkCmdDispatch(cmd, groups(dest.width, kReduceGroup), groups(dest.height, kReduceGroup), 1);
        // Each level reads the one before.
        memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT);
    }
}

void OcclusionCuller::cull(VkCommandBuffer cmd, const RenderTarget& target, uint32_t candidates, uint32_t batches) {
    using namespace gpu;
    if (!available_ || candidates == 0) return;
    createPipelines();
    preparePyramid(target);
    Slot& slot = slots_[current_];
    if (slot.setTarget != pyramidTarget_) writeCullSet(slot);
    buildPyramid(cmd, target);

    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, cull_);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, cullLayout_, 0, 1, &slot.set, 0, nullptr);
    shader::CullPush push{candidates, 0};
    vkCmdPushConstants(cmd, cullLayout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), &push);
    vkCmdDispatch(cmd, groups(candidates, kCullGroup), 1, 1);
    if (packs() && batches > 0) {
        memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_READ_BIT);
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, compact_);
        push = {batches, 0};
        vkCmdPushConstants(cmd, cullLayout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), &push);
        vkCmdDispatch(cmd, groups(batches, kCullGroup), 1, 1);
    }

    // The draws read what the test wrote; depth goes back to being an attachment.
    memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                  VK_PIPELINE_STAGE_2_DRAW_INDIRECT_BIT, VK_ACCESS_2_INDIRECT_COMMAND_READ_BIT);
    pipelineBarrier(cmd, {imageBarrier(target.depth().handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
                                       VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, 0, VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL,
                                       VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                                       VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                                       VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL)});
}

std::span<const VkDrawIndexedIndirectCommand> OcclusionCuller::results(uint32_t slotIndex) const {
    if (!available_ || slotIndex >= slots_.size() || !slots_[slotIndex].commands) return {};
    const Slot& slot = slots_[slotIndex];
    // Host-coherent memory that the finished frame wrote: readable in place.
    return {reinterpret_cast<const VkDrawIndexedIndirectCommand*>(slot.commands.mapped()), slot.commandCount};
}

OcclusionTally OcclusionCuller::tally(uint32_t slotIndex, bool drawnOnly) const {
    OcclusionTally t;
    if (!available_ || slotIndex >= slots_.size()) return t;
    auto commands = results(slotIndex);
    if (drawnOnly) commands = commands.first(slots_[slotIndex].drawnCount);
    for (const auto& c : commands) {
        ++t.tested;
        t.testedTriangles += c.indexCount / 3;
        if (c.instanceCount == 0) {
            ++t.hidden;
            t.hiddenTriangles += c.indexCount / 3;
        }
    }
    return t;
}

}  // namespace axis::render
