#pragma once
// Graphics pipelines for dynamic rendering (no render pass objects). Viewport, scissor and cull
// mode are dynamic state, so one pipeline serves any target size and both culling choices.
#include <cstdint>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

#include "gpu/unique.h"

namespace axis::gpu {

struct GraphicsPipelineDesc {
    std::span<const uint32_t> vertexSpirv;
    std::span<const uint32_t> fragmentSpirv;  ///< Empty for depth-only passes that discard nothing.
    std::span<const uint32_t> geometrySpirv;  ///< Optional (the device must enable geometryShader).
    VkPipelineLayout layout = VK_NULL_HANDLE;
    VkFormat colorFormat = VK_FORMAT_R8G8B8A8_SRGB;  ///< UNDEFINED: depth only, no colour attachment.
    VkFormat depthFormat = VK_FORMAT_UNDEFINED;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    VkPrimitiveTopology topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    std::vector<VkVertexInputBindingDescription> bindings;
    std::vector<VkVertexInputAttributeDescription> attributes;
    bool depthTest = true;
    bool depthWrite = true;
    VkCompareOp depthCompare = VK_COMPARE_OP_GREATER_OR_EQUAL;  ///< Reversed Z: near is 1, far is 0.
    bool alphaBlend = false;
    /// Depth bias (shadow maps): constant in depth units, and per unit of slope.
    float depthBiasConstant = 0.0f, depthBiasSlope = 0.0f;
    /// Fragment-stage specialisation constants (constant_id = index), 32-bit each.
    std::vector<uint32_t> fragmentConstants;
};

Unique<VkPipeline> createGraphicsPipeline(VkDevice device, const GraphicsPipelineDesc& desc);

/// A compute pipeline; `constants` are specialisation constants (constant_id = index), 32-bit each.
Unique<VkPipeline> createComputePipeline(VkDevice device, std::span<const uint32_t> spirv, VkPipelineLayout layout,
                                         std::span<const uint32_t> constants = {});

Unique<VkShaderModule> createShaderModule(VkDevice device, std::span<const uint32_t> spirv);

/// A set layout with one descriptor of `types[i]` at binding i, all seen by `stages`.
Unique<VkDescriptorSetLayout> createSetLayout(VkDevice device, std::span<const VkDescriptorType> types,
                                              VkShaderStageFlags stages);

/// A pipeline layout of `sets` and one push-constant range of `pushBytes` (none when 0) for `pushStages`.
Unique<VkPipelineLayout> createPipelineLayout(VkDevice device, std::span<const VkDescriptorSetLayout> sets,
                                              VkShaderStageFlags pushStages, uint32_t pushBytes);

/// A sampler for texelFetch and exact reads: nearest, clamped, every mip level reachable.
Unique<VkSampler> createNearestSampler(VkDevice device);

}  // namespace axis::gpu
