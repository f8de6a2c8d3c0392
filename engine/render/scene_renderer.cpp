#include "render/scene_renderer.h"

#include <algorithm>
#include <cstring>

#include "gpu/context.h"
#include "gpu/pipeline.h"
#include "gpu/upload.h"
#include "gpu/vk_check.h"
#include "render/view_math.h"
#include "shared.h"

namespace axis::render {
namespace {

const uint32_t kMeshVert[] =
#include "mesh.vert.inc"
    ;
const uint32_t kMeshFrag[] =
#include "mesh.frag.inc"
    ;
const uint32_t kSkyVert[] =
#include "sky.vert.inc"
    ;
const uint32_t kSkyFrag[] =
#include "sky.frag.inc"
    ;

constexpr uint32_t kTexturesPerMaterial = 3;  // base colour, metallic-roughness, emissive.

std::vector<VkVertexInputAttributeDescription> vertexAttributes() {
    return {
        {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, position)},
        {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, normal)},
        {2, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(Vertex, uv)},
        {3, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(Vertex, color)},
    };
}

uint32_t floatBits(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

shader::MaterialParams toParams(const Material& m) {
    shader::MaterialParams p{};
    p.baseColorFactor = m.baseColorFactor;
    p.emissiveCutoff = glm::vec4(m.emissiveFactor, m.alphaCutoff);
    p.metalRoughAlpha = glm::vec4(m.metallicFactor, m.roughnessFactor, float(static_cast<uint32_t>(m.alphaMode)), 0.0f);
    return p;
}

}  // namespace

SceneRenderer::SceneRenderer(gpu::Context& context, VkFormat colorFormat, VkFormat depthFormat,
                             VkSampleCountFlagBits samples)
    : context_(context) {
    createLayouts();
    createPipelines(colorFormat, depthFormat, samples);
    createDefaults();
}

SceneRenderer::~SceneRenderer() = default;

void SceneRenderer::createLayouts() {
    VkDevice device = context_.device();
    VkDescriptorSetLayoutBinding bindings[1 + kTexturesPerMaterial]{};
    bindings[0] = {0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr};
    for (uint32_t i = 1; i <= kTexturesPerMaterial; ++i)
        bindings[i] = {i, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr};
    VkDescriptorSetLayoutCreateInfo setInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    setInfo.bindingCount = 1 + kTexturesPerMaterial;
    setInfo.pBindings = bindings;
    VkDescriptorSetLayout setLayout;
    AXIS_VK_CHECK(vkCreateDescriptorSetLayout(device, &setInfo, nullptr, &setLayout));
    materialLayout_ = {device, setLayout, vkDestroyDescriptorSetLayout};

    auto makeLayout = [&](uint32_t pushBytes, const VkDescriptorSetLayout* sets, uint32_t setCount) {
        VkPushConstantRange range{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, pushBytes};
        VkPipelineLayoutCreateInfo info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
        info.setLayoutCount = setCount;
        info.pSetLayouts = sets;
        info.pushConstantRangeCount = 1;
        info.pPushConstantRanges = &range;
        VkPipelineLayout layout;
        AXIS_VK_CHECK(vkCreatePipelineLayout(device, &info, nullptr, &layout));
        return gpu::Unique<VkPipelineLayout>(device, layout, vkDestroyPipelineLayout);
    };
    meshLayout_ = makeLayout(sizeof(shader::DrawPush), &setLayout, 1);
    skyLayout_ = makeLayout(sizeof(shader::SkyPush), nullptr, 0);
}

void SceneRenderer::createPipelines(VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples) {
    VkDevice device = context_.device();
    const float pointSize = context_.features().largePoints ? 2.0f : 1.0f;
    for (int shading = 0; shading < 2; ++shading)
        for (int topology = 0; topology < 2; ++topology)
            for (int blend = 0; blend < 2; ++blend) {
                gpu::GraphicsPipelineDesc d;
                d.vertexSpirv = kMeshVert;
                d.fragmentSpirv = kMeshFrag;
                d.layout = meshLayout_;
                d.colorFormat = colorFormat;
                d.depthFormat = depthFormat;
                d.samples = samples;
                d.topology = topology ? VK_PRIMITIVE_TOPOLOGY_POINT_LIST : VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
                d.bindings = {{0, sizeof(Vertex), VK_VERTEX_INPUT_RATE_VERTEX}};
                d.attributes = vertexAttributes();
                d.alphaBlend = blend;
                d.depthWrite = !blend;
                d.fragmentConstants = {shading == 0 ? AXIS_SHADING_LIT : AXIS_SHADING_UNLIT, floatBits(pointSize)};
                meshPipelines_[shading][topology][blend] = gpu::createGraphicsPipeline(device, d);
            }
    gpu::GraphicsPipelineDesc sky;
    sky.vertexSpirv = kSkyVert;
    sky.fragmentSpirv = kSkyFrag;
    sky.layout = skyLayout_;
    sky.colorFormat = colorFormat;
    sky.depthFormat = depthFormat;
    sky.samples = samples;
    sky.depthTest = false;
    sky.depthWrite = false;
    skyPipeline_ = gpu::createGraphicsPipeline(device, sky);
}

void SceneRenderer::createDefaults() {
    const uint8_t white[4] = {255, 255, 255, 255};
    gpu::MipData level{1, 1, white};
    gpu::UploadBatch batch(context_);
    whiteSrgb_ = batch.createTexture({&level, 1}, VK_FORMAT_R8G8B8A8_SRGB);
    whiteLinear_ = batch.createTexture({&level, 1}, VK_FORMAT_R8G8B8A8_UNORM);
    batch.flush();

    VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    info.magFilter = VK_FILTER_LINEAR;
    info.minFilter = VK_FILTER_LINEAR;
    info.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
    info.addressModeU = info.addressModeV = info.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
    info.anisotropyEnable = context_.features().samplerAnisotropy;
    info.maxAnisotropy = context_.features().maxAnisotropy;
    info.maxLod = VK_LOD_CLAMP_NONE;
    VkSampler sampler;
    AXIS_VK_CHECK(vkCreateSampler(context_.device(), &info, nullptr, &sampler));
    sampler_ = {context_.device(), sampler, vkDestroySampler};
}

VkPipeline SceneRenderer::meshPipeline(Shading shading, Topology topology, bool blend) const {
    return meshPipelines_[shading == Shading::Lit ? 0 : 1][topology == Topology::Points ? 1 : 0][blend ? 1 : 0];
}

std::unique_ptr<GpuModel> SceneRenderer::upload(const Model& model) {
    auto gm = std::make_unique<GpuModel>();
    gm->bounds = model.bounds;

    // Geometry: every primitive's vertices and indices concatenated into one buffer each.
    std::vector<Vertex> vertices;
    std::vector<uint32_t> indices;
    vertices.reserve(model.vertexCount());
    for (const auto& p : model.primitives) {
        GpuPrimitive gp;
        gp.topology = p.topology;
        gp.material = std::min<uint32_t>(p.material, static_cast<uint32_t>(model.materials.size()) - 1);
        gp.vertexOffset = static_cast<int32_t>(vertices.size());
        gp.vertexCount = static_cast<uint32_t>(p.vertices.size());
        gp.firstIndex = static_cast<uint32_t>(indices.size());
        gp.indexCount = static_cast<uint32_t>(p.indices.size());
        vertices.insert(vertices.end(), p.vertices.begin(), p.vertices.end());
        indices.insert(indices.end(), p.indices.begin(), p.indices.end());
        if (gp.vertexCount > 0) gm->primitives.push_back(gp);
    }
    gpu::UploadBatch batch(context_);
    gm->vertices = batch.createBuffer(std::as_bytes(std::span(vertices)), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
    gm->indices = batch.createBuffer(std::as_bytes(std::span(indices)), VK_BUFFER_USAGE_INDEX_BUFFER_BIT);

    for (const auto& t : model.textures) {
        std::vector<gpu::MipData> mips;
        for (const auto& l : t.levels) mips.push_back({l.width, l.height, l.rgba});
        VkFormat format = t.usage == TextureUsage::Color ? VK_FORMAT_R8G8B8A8_SRGB : VK_FORMAT_R8G8B8A8_UNORM;
        gm->textures.push_back(batch.createTexture(mips, format));
    }

    // Material parameters: one uniform block per material, each at an aligned offset.
    const VkDeviceSize align = std::max<VkDeviceSize>(context_.properties().limits.minUniformBufferOffsetAlignment, 16);
    const VkDeviceSize stride = (sizeof(shader::MaterialParams) + align - 1) / align * align;
    const uint32_t materialCount = static_cast<uint32_t>(std::max<size_t>(model.materials.size(), 1));
    std::vector<std::byte> params(stride * materialCount);
    for (uint32_t i = 0; i < model.materials.size(); ++i) {
        auto p = toParams(model.materials[i]);
        std::memcpy(params.data() + i * stride, &p, sizeof(p));
    }
    gm->materialParams = batch.createBuffer(params, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT);
    batch.flush();

    VkDevice device = context_.device();
    VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, materialCount},
                                    {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, materialCount * kTexturesPerMaterial}};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.maxSets = materialCount;
    poolInfo.poolSizeCount = 2;
    poolInfo.pPoolSizes = sizes;
    VkDescriptorPool pool;
    AXIS_VK_CHECK(vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool));
    gm->descriptorPool = {device, pool, vkDestroyDescriptorPool};

    auto textureView = [&](int index, bool color) {
        if (index >= 0 && index < int(gm->textures.size())) return gm->textures[index].view();
        return color ? whiteSrgb_.view() : whiteLinear_.view();
    };
    for (uint32_t i = 0; i < materialCount; ++i) {
        Material m = i < model.materials.size() ? model.materials[i] : Material{};
        VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
        alloc.descriptorPool = pool;
        alloc.descriptorSetCount = 1;
        VkDescriptorSetLayout layout = materialLayout_;
        alloc.pSetLayouts = &layout;
        GpuMaterial gmat;
        gmat.alphaMode = m.alphaMode;
        gmat.doubleSided = m.doubleSided;
        AXIS_VK_CHECK(vkAllocateDescriptorSets(device, &alloc, &gmat.set));

        VkDescriptorBufferInfo bufferInfo{gm->materialParams.handle(), i * stride, sizeof(shader::MaterialParams)};
        VkDescriptorImageInfo images[kTexturesPerMaterial] = {
            {sampler_, textureView(m.baseColorTexture, true), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
            {sampler_, textureView(m.metallicRoughnessTexture, false), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
            {sampler_, textureView(m.emissiveTexture, true), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
        };
        VkWriteDescriptorSet writes[2]{};
        writes[0] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        writes[0].dstSet = gmat.set;
        writes[0].dstBinding = 0;
        writes[0].descriptorCount = 1;
        writes[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
        writes[0].pBufferInfo = &bufferInfo;
        writes[1] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        writes[1].dstSet = gmat.set;
        writes[1].dstBinding = 1;
        writes[1].descriptorCount = kTexturesPerMaterial;
        writes[1].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
        writes[1].pImageInfo = images;
        vkUpdateDescriptorSets(device, 2, writes, 0, nullptr);
        gm->materials.push_back(gmat);
    }
    return gm;
}

void SceneRenderer::record(VkCommandBuffer cmd, VkExtent2D extent, const FrameView& view,
                           std::span<const DrawItem> items) {
    VkViewport viewport{0, 0, float(extent.width), float(extent.height), 0.0f, 1.0f};
    VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);

    const glm::mat4 viewProj = projection(view.camera, view.aspect) * viewRotation(view.camera);
    shader::SkyPush sky{};
    sky.worldFromClip = glm::inverse(viewProj);
    sky.solidColor = glm::vec4(view.background, view.solidBackground ? 1.0f : 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, skyPipeline_);
    vkCmdPushConstants(cmd, skyLayout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(sky), &sky);
    vkCmdDraw(cmd, 3, 1, 0, 0);

    for (bool blendedPass : {false, true})
        for (const auto& item : items)
            if (item.model) drawModel(cmd, view, item, blendedPass);
}

void SceneRenderer::drawModel(VkCommandBuffer cmd, const FrameView& view, const DrawItem& item, bool blendedPass) {
    const GpuModel& m = *item.model;
    const glm::mat4 viewProj = projection(view.camera, view.aspect) * viewRotation(view.camera);
    shader::DrawPush push{};
    push.cameraFromModel = cameraRelative(item.modelToSite, view.camera);
    push.clipFromModel = viewProj * push.cameraFromModel;
    const bool mirrored = glm::determinant(glm::dmat3(item.modelToSite)) < 0.0;

    VkBuffer vb = m.vertices.handle();
    VkDeviceSize zero = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
    vkCmdBindIndexBuffer(cmd, m.indices.handle(), 0, VK_INDEX_TYPE_UINT32);
    vkCmdPushConstants(cmd, meshLayout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push), &push);
    VkPipeline bound = VK_NULL_HANDLE;
    for (const auto& p : m.primitives) {
        const GpuMaterial& mat = m.materials[p.material];
        if ((mat.alphaMode == AlphaMode::Blend) != blendedPass) continue;
        VkPipeline pipeline = meshPipeline(item.shading, p.topology, blendedPass);
        if (pipeline != bound) {
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
            bound = pipeline;
        }
        // A mirroring transform flips winding, so the back face is then the front one.
        VkCullModeFlags cull = mat.doubleSided ? VK_CULL_MODE_NONE : (mirrored ? VK_CULL_MODE_FRONT_BIT : VK_CULL_MODE_BACK_BIT);
        vkCmdSetCullMode(cmd, cull);
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, meshLayout_, 0, 1, &mat.set, 0, nullptr);
        if (p.indexCount > 0)
            vkCmdDrawIndexed(cmd, p.indexCount, 1, p.firstIndex, p.vertexOffset, 0);
        else
            vkCmdDraw(cmd, p.vertexCount, 1, static_cast<uint32_t>(p.vertexOffset), 0);
    }
}

}  // namespace axis::render
