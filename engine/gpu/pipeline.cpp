#include "gpu/pipeline.h"

#include "gpu/vk_check.h"

namespace axis::gpu {

Unique<VkShaderModule> createShaderModule(VkDevice device, std::span<const uint32_t> spirv) {
    VkShaderModuleCreateInfo info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    info.codeSize = spirv.size_bytes();
    info.pCode = spirv.data();
    VkShaderModule module;
    AXIS_VK_CHECK(vkCreateShaderModule(device, &info, nullptr, &module));
    return {device, module, vkDestroyShaderModule};
}

Unique<VkDescriptorSetLayout> createSetLayout(VkDevice device, std::span<const VkDescriptorType> types,
                                              VkShaderStageFlags stages) {
    std::vector<VkDescriptorSetLayoutBinding> bindings;
    for (uint32_t i = 0; i < types.size(); ++i) bindings.push_back({i, types[i], 1, stages, nullptr});
    VkDescriptorSetLayoutCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    info.bindingCount = static_cast<uint32_t>(bindings.size());
    info.pBindings = bindings.data();
    VkDescriptorSetLayout layout;
    AXIS_VK_CHECK(vkCreateDescriptorSetLayout(device, &info, nullptr, &layout));
    return {device, layout, vkDestroyDescriptorSetLayout};
}

Unique<VkPipelineLayout> createPipelineLayout(VkDevice device, std::span<const VkDescriptorSetLayout> sets,
                                              VkShaderStageFlags pushStages, uint32_t pushBytes) {
    VkPushConstantRange range{pushStages, 0, pushBytes};
    VkPipelineLayoutCreateInfo info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    info.setLayoutCount = static_cast<uint32_t>(sets.size());
    info.pSetLayouts = sets.data();
    info.pushConstantRangeCount = pushBytes > 0 ? 1 : 0;
    info.pPushConstantRanges = &range;
    VkPipelineLayout layout;
    AXIS_VK_CHECK(vkCreatePipelineLayout(device, &info, nullptr, &layout));
    return {device, layout, vkDestroyPipelineLayout};
}

Unique<VkSampler> createNearestSampler(VkDevice device) {
    VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    info.magFilter = info.minFilter = VK_FILTER_NEAREST;
    info.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
    info.addressModeU = info.addressModeV = info.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    info.maxLod = VK_LOD_CLAMP_NONE;
    VkSampler sampler;
    AXIS_VK_CHECK(vkCreateSampler(device, &info, nullptr, &sampler));
    return {device, sampler, vkDestroySampler};
}

Unique<VkPipeline> createComputePipeline(VkDevice device, std::span<const uint32_t> spirv, VkPipelineLayout layout,
                                         std::span<const uint32_t> constants) {
    auto module = createShaderModule(device, spirv);
    std::vector<VkSpecializationMapEntry> entries;
    for (uint32_t i = 0; i < constants.size(); ++i) entries.push_back({i, i * 4u, 4u});
    VkSpecializationInfo spec{static_cast<uint32_t>(entries.size()), entries.data(), constants.size_bytes(),
                              constants.data()};
    VkComputePipelineCreateInfo info{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
    info.stage = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
    info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    info.stage.module = module;
    info.stage.pName = "main";
    info.stage.pSpecializationInfo = entries.empty() ? nullptr : &spec;
    info.layout = layout;
    VkPipeline pipeline;
    AXIS_VK_CHECK(vkCreateComputePipelines(device, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
    return {device, pipeline, vkDestroyPipeline};
}

Unique<VkPipeline> createGraphicsPipeline(VkDevice device, const GraphicsPipelineDesc& desc) {
    // A depth-only pass may have no fragment shader: depth is written from the rasterizer alone.
    auto vs = createShaderModule(device, desc.vertexSpirv);
    Unique<VkShaderModule> fs, gs;
    if (!desc.fragmentSpirv.empty()) fs = createShaderModule(device, desc.fragmentSpirv);
    if (!desc.geometrySpirv.empty()) gs = createShaderModule(device, desc.geometrySpirv);

    std::vector<VkSpecializationMapEntry> entries;
    for (uint32_t i = 0; i < desc.fragmentConstants.size(); ++i)
        entries.push_back({i, i * 4u, 4u});
    VkSpecializationInfo spec{static_cast<uint32_t>(entries.size()), entries.data(),
                              desc.fragmentConstants.size() * 4, desc.fragmentConstants.data()};

    std::vector<VkPipelineShaderStageCreateInfo> stages;
    const auto addStage = [&](VkShaderStageFlagBits stage, VkShaderModule module) {
        VkPipelineShaderStageCreateInfo s{VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
        s.stage = stage;
        s.module = module;
        s.pName = "main";
        s.pSpecializationInfo = entries.empty() ? nullptr : &spec;  // Same ids in every stage.
        stages.push_back(s);
    };
    addStage(VK_SHADER_STAGE_VERTEX_BIT, vs);
    if (fs.get() != VK_NULL_HANDLE) addStage(VK_SHADER_STAGE_FRAGMENT_BIT, fs);
    if (gs.get() != VK_NULL_HANDLE) addStage(VK_SHADER_STAGE_GEOMETRY_BIT, gs);

    VkPipelineVertexInputStateCreateInfo vertexInput{VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
    vertexInput.vertexBindingDescriptionCount = static_cast<uint32_t>(desc.bindings.size());
    vertexInput.pVertexBindingDescriptions = desc.bindings.data();
    vertexInput.vertexAttributeDescriptionCount = static_cast<uint32_t>(desc.attributes.size());
    vertexInput.pVertexAttributeDescriptions = desc.attributes.data();

    VkPipelineInputAssemblyStateCreateInfo assembly{VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
    assembly.topology = desc.topology;
    VkPipelineViewportStateCreateInfo viewport{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
    viewport.viewportCount = 1;
    viewport.scissorCount = 1;
    VkPipelineRasterizationStateCreateInfo raster{VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
    raster.polygonMode = VK_POLYGON_MODE_FILL;
    raster.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
    raster.lineWidth = 1.0f;
    raster.depthBiasEnable = desc.depthBiasConstant != 0.0f || desc.depthBiasSlope != 0.0f;
    raster.depthBiasConstantFactor = desc.depthBiasConstant;
    raster.depthBiasSlopeFactor = desc.depthBiasSlope;
    VkPipelineMultisampleStateCreateInfo multisample{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
    multisample.rasterizationSamples = desc.samples;
    VkPipelineDepthStencilStateCreateInfo depth{VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
    depth.depthTestEnable = desc.depthTest;
    depth.depthWriteEnable = desc.depthWrite;
    depth.depthCompareOp = desc.depthCompare;

    VkPipelineColorBlendAttachmentState blend{};
    blend.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT |
                           VK_COLOR_COMPONENT_A_BIT;
    if (desc.alphaBlend) {
        blend.blendEnable = VK_TRUE;
        blend.srcColorBlendFactor = VK_BLEND_FACTOR_SRC_ALPHA;
        blend.dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
        blend.colorBlendOp = VK_BLEND_OP_ADD;
        blend.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
        blend.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
        blend.alphaBlendOp = VK_BLEND_OP_ADD;
    }
    VkPipelineColorBlendStateCreateInfo colorBlend{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
    const bool color = desc.colorFormat != VK_FORMAT_UNDEFINED;
    colorBlend.attachmentCount = color ? 1 : 0;
    colorBlend.pAttachments = &blend;

    VkDynamicState dynamicStates[] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR, VK_DYNAMIC_STATE_CULL_MODE};
    VkPipelineDynamicStateCreateInfo dynamic{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
    dynamic.dynamicStateCount = 3;
    dynamic.pDynamicStates = dynamicStates;

    VkPipelineRenderingCreateInfo rendering{VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO};
    rendering.colorAttachmentCount = color ? 1 : 0;
    rendering.pColorAttachmentFormats = &desc.colorFormat;
    rendering.depthAttachmentFormat = desc.depthFormat;

    VkGraphicsPipelineCreateInfo info{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO, &rendering};
    info.stageCount = static_cast<uint32_t>(stages.size());
    info.pStages = stages.data();
    info.pVertexInputState = &vertexInput;
    info.pInputAssemblyState = &assembly;
    info.pViewportState = &viewport;
    info.pRasterizationState = &raster;
    info.pMultisampleState = &multisample;
    info.pDepthStencilState = &depth;
    info.pColorBlendState = &colorBlend;
    info.pDynamicState = &dynamic;
    info.layout = desc.layout;
    VkPipeline pipeline;
    AXIS_VK_CHECK(vkCreateGraphicsPipelines(device, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
    return {device, pipeline, vkDestroyPipeline};
}

}  // namespace axis::gpu
