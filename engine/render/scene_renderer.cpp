#include "render/scene_renderer.h"

#include <algorithm>
#include <cstring>

#include "gpu/context.h"
#include "gpu/frames.h"
#include "gpu/pipeline.h"
#include "gpu/upload.h"
#include "gpu/vk_check.h"
#include "render/frame_plan.h"
#include "render/render_target.h"
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

constexpr uint32_t kTexturesPerMaterial = 3;
constexpr uint32_t kDirectDraw = UINT32_MAX;  // A range drawn as it is, not through an indirect draw.  // base colour, metallic-roughness, emissive.
constexpr uint32_t kBakedStride[2] = {24, 28};  // asset/baked_vertex.h, by uv encoding.

// Locations 0..3 are position, normal, uv, colour in every format; only their encodings differ.
std::vector<VkVertexInputAttributeDescription> vertexAttributes(VertexFormat format) {
    if (format == VertexFormat::Plain)
        return {
            {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, position)},
            {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, normal)},
            {2, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(Vertex, uv)},
            {3, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(Vertex, color)},
        };
    const bool floatUv = format == VertexFormat::BakedFloat32Uv;
    return {
        {0, 0, VK_FORMAT_R32G32B32_SFLOAT, 0},
        {1, 0, VK_FORMAT_R16G16_SNORM, 12},
        {2, 0, floatUv ? VK_FORMAT_R32G32_SFLOAT : VK_FORMAT_R16G16_UNORM, 20},
        {3, 0, VK_FORMAT_R8G8B8A8_UNORM, 16},
    };
}

uint32_t vertexStride(VertexFormat format) {
    if (format == VertexFormat::Plain) return sizeof(Vertex);
    return kBakedStride[format == VertexFormat::BakedFloat32Uv ? 1 : 0];
}

uint32_t shaderVertexFormat(VertexFormat format, bool normals) {
    if (format == VertexFormat::Plain) return AXIS_VERTEX_PLAIN;
    return normals ? AXIS_VERTEX_BAKED : AXIS_VERTEX_BAKED_NO_NORMALS;
}

uint32_t floatBits(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

}  // namespace

RenderStats& RenderStats::operator+=(const RenderStats& o) {
    triangles += o.triangles;
    points += o.points;
    clusters += o.clusters;
    clustersCulled += o.clustersCulled;
    clustersOccluded += o.clustersOccluded;
    drawCalls += o.drawCalls;
    return *this;
}

SceneRenderer::SceneRenderer(gpu::Context& context, VkFormat colorFormat, VkFormat depthFormat,
                             VkSampleCountFlagBits samples)
    : context_(context), colorFormat_(colorFormat), depthFormat_(depthFormat), samples_(samples),
      occlusion_(context, samples), owners_(gpu::FrameRing::kFramesInFlight) {
    createLayouts();
    createSkyPipeline();
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

void SceneRenderer::createSkyPipeline() {
    gpu::GraphicsPipelineDesc sky;
    sky.vertexSpirv = kSkyVert;
    sky.fragmentSpirv = kSkyFrag;
    sky.layout = skyLayout_;
    sky.colorFormat = colorFormat_;
    sky.depthFormat = depthFormat_;
    sky.samples = samples_;
    sky.depthTest = false;
    sky.depthWrite = false;
    skyPipeline_ = gpu::createGraphicsPipeline(context_.device(), sky);
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

// Dozens of variants exist (format x normals x shading x topology x blend) but a scene uses a few;
// building them lazily keeps renderer creation cheap on lavapipe, where each compile is slow.
VkPipeline SceneRenderer::meshPipeline(const PipelineKey& key) {
    auto it = meshPipelines_.find(key);
    if (it != meshPipelines_.end()) return it->second;
    const float pointSize = context_.features().largePoints ? 2.0f : 1.0f;
    gpu::GraphicsPipelineDesc d;
    d.vertexSpirv = kMeshVert;
    d.fragmentSpirv = kMeshFrag;
    d.layout = meshLayout_;
    d.colorFormat = colorFormat_;
    d.depthFormat = depthFormat_;
    d.samples = samples_;
    d.topology = key.topology == Topology::Points ? VK_PRIMITIVE_TOPOLOGY_POINT_LIST : VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    d.bindings = {{0, vertexStride(key.format), VK_VERTEX_INPUT_RATE_VERTEX}};
    d.attributes = vertexAttributes(key.format);
    d.alphaBlend = key.blend;
    d.depthWrite = !key.blend;
    d.fragmentConstants = {key.shading == Shading::Lit ? AXIS_SHADING_LIT : AXIS_SHADING_UNLIT, floatBits(pointSize),
                           shaderVertexFormat(key.format, key.normals), key.alphaTest ? 1u : 0u};
    return meshPipelines_.emplace(key, gpu::createGraphicsPipeline(context_.device(), d)).first->second;
}

void SceneRenderer::drawSky(VkCommandBuffer cmd, VkExtent2D extent, const FrameView& view) {
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
}

// The test costs a depth pyramid and splits draws per cluster. Where little is hidden (a street
// seen from the side, an open plaza) that costs more than it saves, so a frame whose test found
// under kPaysShare of the triangles it looked at hidden (those it drew by its verdict and those
// drawn first alike: the latter are what the history saves next) turns the test off for
// kRetryAfterFrames frames.
// Results arrive two frames late (the frame slot's previous use), so this never stalls; they also
// feed the history. Images are the same either way; only the time differs.
bool SceneRenderer::occlusionPays(const gpu::FrameRing& frames, std::span<const DrawItem> items) {
    constexpr double kPaysShare = 0.2;
    constexpr std::uint64_t kRetryAfterFrames = 60;
    const uint32_t slot = frames.index();
    history_.record(owners_[slot], occlusion_.results(slot));
    history_.beginFrame(items);
    const OcclusionTally last = occlusion_.tally(slot, false);
    if (last.tested > 0 && double(last.hiddenTriangles) < kPaysShare * double(last.testedTriangles))
        skipOcclusionUntil_ = frames.frameNumber() + kRetryAfterFrames;
    return frames.frameNumber() >= skipOcclusionUntil_;
}

RenderStats SceneRenderer::record(gpu::FrameRing& frames, RenderTarget& target, const FrameView& view,
                                  std::span<const DrawItem> items) {
    const VkCommandBuffer cmd = frames.current().cmd;
    const VkExtent2D extent = target.extent();
    const bool occlusion = view.occlusionCull && occlusion_.available() && occlusionPays(frames, items);
    FramePlan plan = planFrame(view, extent, items, occlusion ? &history_ : nullptr);
    occlusion_.upload(frames, plan.candidates, plan.commands, plan.drawnCommands);
    owners_[frames.index()] = std::move(plan.owners);
    const bool test = !plan.candidates.empty();

    const float clear[4] = {0, 0, 0, 1};
    target.begin(cmd, clear, !test);
    drawSky(cmd, extent, view);
    // Opaque models near to far, so that hidden fragments fail the depth test before shading.
    RenderStats stats = plan.stats;
    for (const PlannedItem& p : plan.items) stats += drawModel(cmd, view, items[p.item], p.first, {}, false);
    if (test) {
        target.suspend(cmd);
        occlusion_.cull(cmd, target, 0, uint32_t(plan.candidates.size()));
        target.resume(cmd, true);  // Dynamic state carries over.
        for (const PlannedItem& p : plan.items)
            if (!p.tested.empty()) stats += drawModel(cmd, view, items[p.item], p.tested, p.commands, false);
    }
    // Blended ones far to near, so that they composite in order (they are never tested).
    for (auto it = plan.items.rbegin(); it != plan.items.rend(); ++it)
        stats += drawModel(cmd, view, items[it->item], it->first, {}, true);
    target.end(cmd);
    return stats;
}

void SceneRenderer::addOcclusionResults(RenderStats& stats, uint32_t slot) const {
    const OcclusionTally t = occlusion_.tally(slot);
    stats.clustersOccluded += t.hidden;
    stats.clusters -= std::min(stats.clusters, t.hidden);
    stats.triangles -= std::min(stats.triangles, t.hiddenTriangles);
}

RenderStats SceneRenderer::drawModel(VkCommandBuffer cmd, const FrameView& view, const DrawItem& item,
                                     std::span<const DrawRange> ranges, std::span<const uint32_t> commands,
                                     bool blendedPass) {
    const GpuModel& m = *item.model;
    RenderStats stats;
    const glm::mat4 viewProj = projection(view.camera, view.aspect) * viewRotation(view.camera);
    shader::DrawPush push{};
    push.cameraFromModel = cameraRelative(item.modelToSite, view.camera);
    push.clipFromModel = viewProj * push.cameraFromModel;
    const bool mirrored = glm::determinant(glm::dmat3(item.modelToSite)) < 0.0;

    VkBuffer vb = m.vertices.handle();
    VkDeviceSize zero = 0;
    bool bound = false;
    VkPipeline boundPipeline = VK_NULL_HANDLE;
    uint32_t boundMaterial = UINT32_MAX;
    // Indirect draws with consecutive commands and the same state go out as one multi-draw.
    const VkBuffer indirect = occlusion_.commands();
    const uint32_t stride = sizeof(VkDrawIndexedIndirectCommand);
    const bool multiDraw = context_.features().multiDrawIndirect;
    const uint32_t maxBatch = std::max(1u, context_.properties().limits.maxDrawIndirectCount);
    uint32_t batchFirst = 0, batchCount = 0;
    auto flush = [&] {
        if (batchCount == 0) return;
        if (multiDraw) vkCmdDrawIndexedIndirect(cmd, indirect, VkDeviceSize(batchFirst) * stride, batchCount, stride);
        else
            for (uint32_t i = 0; i < batchCount; ++i)
                vkCmdDrawIndexedIndirect(cmd, indirect, VkDeviceSize(batchFirst + i) * stride, 1, stride);
        batchCount = 0;
    };
    for (size_t ri = 0; ri < ranges.size(); ++ri) {
        const DrawRange& r = ranges[ri];
        const uint32_t command = ri < commands.size() ? commands[ri] : kDirectDraw;
        const uint32_t material = std::min<uint32_t>(r.material, static_cast<uint32_t>(m.materials.size()) - 1);
        const GpuMaterial& mat = m.materials[material];
        if ((mat.alphaMode == AlphaMode::Blend) != blendedPass) continue;
        if (!bound) {  // Only models with something to draw in this pass bind anything.
            vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
            if (m.indices) vkCmdBindIndexBuffer(cmd, m.indices.handle(), 0, VK_INDEX_TYPE_UINT32);
            vkCmdPushConstants(cmd, meshLayout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                               sizeof(push), &push);
            bound = true;
        }
        const bool normals = m.primitiveHasNormals.empty() || m.primitiveHasNormals[r.primitive];
        VkPipeline pipeline =
            meshPipeline({m.vertexFormat, normals, item.shading, r.topology, blendedPass, mat.alphaMode == AlphaMode::Mask});
        if (pipeline != boundPipeline || material != boundMaterial || command == kDirectDraw ||
            command != batchFirst + batchCount || batchCount == maxBatch)
            flush();
        if (pipeline != boundPipeline) {
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
            boundPipeline = pipeline;
        }
        if (material != boundMaterial) {
            // A mirroring transform flips winding, so the back face is then the front one.
            VkCullModeFlags cull = mat.doubleSided ? VK_CULL_MODE_NONE : (mirrored ? VK_CULL_MODE_FRONT_BIT : VK_CULL_MODE_BACK_BIT);
            vkCmdSetCullMode(cmd, cull);
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, meshLayout_, 0, 1, &mat.set, 0, nullptr);
            boundMaterial = material;
        }
        const uint32_t elements = r.indexCount > 0 ? r.indexCount : r.vertexCount;
        if (command != kDirectDraw) {
            if (batchCount++ == 0) batchFirst = command;
        } else if (r.indexCount > 0)
            vkCmdDrawIndexed(cmd, r.indexCount, 1, r.firstIndex, r.vertexOffset, 0);
        else
            vkCmdDraw(cmd, r.vertexCount, 1, static_cast<uint32_t>(r.vertexOffset), 0);
        ++stats.drawCalls;
        if (r.topology == Topology::Points) stats.points += elements;
        else stats.triangles += elements / 3;
    }
    flush();
    return stats;
}

}  // namespace axis::render
