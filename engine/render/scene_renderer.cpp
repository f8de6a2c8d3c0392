#include "render/scene_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "core/log.h"
#include "core/stopwatch.h"
#include "gpu/context.h"
#include "gpu/frames.h"
#include "gpu/pipeline.h"
#include "gpu/upload.h"
#include "gpu/vk_check.h"
#include "render/frame_plan.h"
#include "render/geometry_residency.h"
#include "render/pass_splitter.h"
#include "render/render_target.h"
#include "render/texture_residency.h"
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
const uint32_t kShadowVert[] =
#include "shadow.vert.inc"
    ;
const uint32_t kShadowFrag[] =
#include "shadow.frag.inc"
    ;
const uint32_t kMeshWireGeom[] =
#include "mesh_wire.geom.inc"
    ;
const uint32_t kMeshWireFrag[] =
#include "mesh_wire.frag.inc"
    ;
const uint32_t kSkyVert[] =
#include "sky.vert.inc"
    ;
const uint32_t kSkyFrag[] =
#include "sky.frag.inc"
    ;

constexpr uint32_t kTexturesPerMaterial = 3;  // base colour, metallic-roughness, emissive.
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

// A point range draws its indices (a clustered cloud: asset/lod_build.h buildPointLod)
// or, unindexed, its primitive's every vertex.
std::uint64_t pointsOf(const DrawRange& r) { return r.indexCount > 0 ? r.indexCount : r.vertexCount; }

// What the frame draws directly. The occlusion test's draws are left out: they are the clusters
// hidden last time, mostly hidden again, and a CPU device bins nothing for a zero-instance draw.
std::uint64_t directPrimitives(const FramePlan& plan) {
    std::uint64_t n = 0;
    for (const PlannedItem& p : plan.items)
        for (const DrawRange& r : p.first) n += r.topology == Topology::Points ? pointsOf(r) : r.indexCount / 3;
    return n;
}

uint32_t shaderInspection(InspectionMode mode) {
    switch (mode) {
        case InspectionMode::Off: return AXIS_INSPECT_OFF;
        case InspectionMode::Clay: return AXIS_INSPECT_CLAY;
        case InspectionMode::Normals: return AXIS_INSPECT_NORMALS;
        case InspectionMode::Wireframe: return AXIS_INSPECT_WIREFRAME;
        case InspectionMode::TexelDensity: return AXIS_INSPECT_TEXEL_DENSITY;
        case InspectionMode::VertexColour: return AXIS_INSPECT_VERTEX_COLOR;
    }
    return AXIS_INSPECT_OFF;
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
    renderPasses += o.renderPasses;
    streamingSeconds += o.streamingSeconds;
    texturesWaiting += o.texturesWaiting;
    return *this;
}

SceneRenderer::SceneRenderer(gpu::Context& context, VkFormat colorFormat, VkFormat depthFormat,
                             VkSampleCountFlagBits samples)
    : context_(context), colorFormat_(colorFormat), depthFormat_(depthFormat), samples_(samples),
      uniforms_(context), occlusion_(context, samples), owners_(gpu::FrameRing::kFramesInFlight) {
    createLayouts();
    createSkyPipeline();
    createDefaults();
    residency_ = std::make_unique<TextureResidency>(context, defaultTextureBudget(context));
    geometry_ = std::make_unique<GeometryResidency>(context, defaultGeometryBudget(context));
    shadowMap_ = std::make_shared<ShadowMap>(context, 1);
    uniforms_.setShadowMap(shadowMap_->view(), shadowMap_->sampler());
}

SceneRenderer::~SceneRenderer() = default;

void SceneRenderer::createLayouts() {
    VkDevice device = context_.device();
    VkDescriptorType types[1 + kTexturesPerMaterial];
    types[0] = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
    for (uint32_t i = 1; i <= kTexturesPerMaterial; ++i) types[i] = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    materialLayout_ = gpu::createSetLayout(device, types, VK_SHADER_STAGE_FRAGMENT_BIT);
    const VkDescriptorSetLayout sets[] = {materialLayout_, uniforms_.setLayout()};
    const VkShaderStageFlags stages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
    meshLayout_ = gpu::createPipelineLayout(device, sets, stages, sizeof(shader::DrawPush));
    skyLayout_ = gpu::createPipelineLayout(device, {}, stages, sizeof(shader::SkyPush));
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
    InspectionMode inspection = key.inspection;
    if (inspection == InspectionMode::Wireframe && key.topology == Topology::Triangles) {
        if (context_.features().geometryShader) {
            d.geometrySpirv = kMeshWireGeom;
            d.fragmentSpirv = kMeshWireFrag;
        } else {
            if (!warnedNoWireframe_) logWarn("wireframe: this Vulkan device has no geometry shaders; drawing surfaces only");
            warnedNoWireframe_ = true;
            inspection = InspectionMode::Off;
        }
    }
    d.fragmentConstants = {key.shading == Shading::Lit ? AXIS_SHADING_LIT : AXIS_SHADING_UNLIT, floatBits(context_.features().maxPointSize),
                           shaderVertexFormat(key.format, key.normals), key.alphaTest ? 1u : 0u,
                           shaderInspection(inspection), key.clipped ? 1u : 0u, key.shadowed ? 1u : 0u};
    if (key.shadowCaster) {  // Depth only, biased away from the sun so that surfaces do not shadow themselves.
        d.vertexSpirv = kShadowVert;
        d.attributes.resize(1);  // The position.
        // Only what a clip cuts away needs a fragment shader, to discard it.
        d.fragmentSpirv = key.clipped ? std::span<const uint32_t>(kShadowFrag) : std::span<const uint32_t>();
        d.geometrySpirv = {};
        d.colorFormat = VK_FORMAT_UNDEFINED;
        d.depthFormat = ShadowMap::kFormat;
        d.samples = VK_SAMPLE_COUNT_1_BIT;
        d.alphaBlend = false;
        d.depthWrite = true;
        // Reversed Z: larger is nearer the sun, so casters are pushed to smaller depths.
        d.depthBiasConstant = -2.0f;
        d.depthBiasSlope = -2.0f;
    }
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
    sky.sunDirection = glm::vec4(glm::vec3(view.lighting.sunDirection), view.lighting.sunDisc * view.lighting.exposure);
    sky.skyTint = glm::vec4(view.lighting.skyTint * view.lighting.exposure, 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, skyPipeline_);
    vkCmdPushConstants(cmd, skyLayout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(sky), &sky);
    vkCmdDraw(cmd, 3, 1, 0, 0);
}

// The test costs a depth pyramid and splits draws per cluster. Where little is hidden (a street
// seen from the side, an open plaza) that costs more than it saves, so a frame whose test found
// under kPaysShare of the triangles it looked at hidden (those it drew by its verdict and those
// drawn first alike: the latter are what the history saves next) turns the test off for
// kRetryAfterFrames frames.
// Results arrive two frames late (the frame slot's previous use), so this never stalls. Images
// are the same either way; only the time differs.
bool SceneRenderer::occlusionPays(const gpu::FrameRing& frames) {
    constexpr double kPaysShare = 0.2;
    constexpr std::uint64_t kRetryAfterFrames = 60;
    const OcclusionTally last = occlusion_.tally(frames.index(), false);
    if (last.tested > 0 && double(last.hiddenTriangles) < kPaysShare * double(last.testedTriangles))
        skipOcclusionUntil_ = frames.frameNumber() + kRetryAfterFrames;
    return frames.frameNumber() >= skipOcclusionUntil_;
}

namespace {

// What mesh.vert needs to size points (it reads them from DrawPush::cameraFromModel's bottom row,
// which an affine transform leaves free): x pixels, y metres times pixels per unit of
// distance (0: a fixed size in pixels).
glm::vec2 pointSizeParams(const FrameView::PointSize& size, const Camera& camera, double heightPx) {
    if (size.metres > 0.0) return {0.0f, float(size.metres * heightPx / (2.0 * std::tan(camera.fovY * 0.5)))};
    return {float(size.pixels > 0.0 ? size.pixels : 2.0), 0.0f};
}

}  // namespace

RenderStats SceneRenderer::record(gpu::FrameRing& frames, RenderTarget& target, const FrameView& view,
                                  std::span<const DrawItem> items) {
    const VkCommandBuffer cmd = frames.current().cmd;
    const VkExtent2D extent = target.extent();
    frameSlot_ = frames.index();
    pointParams_ = pointSizeParams(view.pointSize, view.camera, double(extent.height));
    // The frame slot's previous use has finished: its results teach the history.
    history_.record(owners_[frames.index()], occlusion_.results(frames.index()));
    history_.beginFrame(items);
    const bool occlusion = view.occlusionCull && occlusion_.available() && occlusionPays(frames);
    geometry_->beginFrame(frames, items, false);
    FramePlan plan = planFrame(view, extent, items, occlusion ? &history_ : nullptr, *geometry_);
    double textureSeconds = 0.0;
    {
        const ScopedSeconds timing(textureSeconds);
        // Only the first scene recorded into a frame may swap images: a second one's command
        // buffer already binds the material sets.
        residency_->update(frames, items, plan.textureNeeds,
                           frames.frameNumber() != lastResidencyFrame_ ? TextureResidency::Apply::IntoFrame
                                                                       : TextureResidency::Apply::No);
    }
    lastResidencyFrame_ = frames.frameNumber();
    plan.stats.streamingSeconds = geometry_->loadSeconds() + textureSeconds;
    plan.stats.texturesWaiting = residency_->unmet();
    // A first frame that only reports on what it draws anyway gains nothing now: a one-off still
    // (`axisview render`) skips the test, and the history starts with the next frame.
    const bool test = plan.drawnCommands > 0 || (!plan.candidates.empty() && frames.frameNumber() > 0);
    if (!test) {
        plan.candidates.clear();
        plan.commands.clear();
        plan.owners.clear();
    }
    occlusion_.upload(frames, plan.candidates, plan.commands, plan.drawnCommands, plan.batches);
    owners_[frames.index()] = std::move(plan.owners);

    const std::uint64_t splitEvery =
        context_.properties().deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU ? view.cpuPassPrimitives : 0;
    const bool split = splitEvery > 0 && directPrimitives(plan) > splitEvery;
    PassSplitter splitter(split ? &target : nullptr, splitEvery);

    shadowsThisFrame_ = drawShadowMap(frames, view, extent, items);

    const float clear[4] = {0, 0, 0, 1};
    const bool eyeDome = view.eyeDome.strength > 0.0;
    target.keepDepth(eyeDome);
    target.begin(cmd, clear, !test && !split);
    drawSky(cmd, extent, view);
    // Opaque models near to far, so that hidden fragments fail the depth test before shading.
    RenderStats stats = plan.stats;
    for (const PlannedItem& p : plan.items)
        stats += drawModel(cmd, view, items[p.item], clipOffsets_[p.item], p.first, false, splitter);
    if (test) {
        target.suspend(cmd);
        occlusion_.cull(cmd, target, uint32_t(plan.candidates.size()), uint32_t(plan.batches.size()));
        target.resume(cmd, !split);  // Dynamic state carries over.
        for (const PlannedItem& p : plan.items)
            if (!p.tested.empty()) stats += drawTested(cmd, view, items[p.item], clipOffsets_[p.item], p, plan.batches);
    }
    // Blended ones far to near, so that they composite in order (they are never tested).
    for (auto it = plan.items.rbegin(); it != plan.items.rend(); ++it)
        stats += drawModel(cmd, view, items[it->item], clipOffsets_[it->item], it->first, true, splitter);
    if (split) target.split(cmd, true);  // An empty last pass resolves what the others drew.
    target.end(cmd);
    if (eyeDome) {
        if (!eyeDome_) eyeDome_ = std::make_unique<EyeDome>(context_, colorFormat_, samples_);
        eyeDome_->draw(cmd, target, view.camera, view.eyeDome);
    }
    stats.renderPasses = 1 + (test ? 1 : 0) + splitter.splits() + (split ? 1 : 0);
    return stats;
}

namespace {

// A caster's ranges with the bounding sphere of each (camera-relative), to sort into cascades.
struct CasterRanges {
    std::size_t item = 0;
    std::vector<DrawRange> ranges;
    std::vector<glm::dvec4> spheres;
};

// What `item` casts: its triangles in the camera's cut, in view or not (a tower behind the
// camera still shades the street in front of it); nothing when it reaches no cascade.
std::optional<CasterRanges> casterRanges(const DrawItem& item, std::size_t index, const FrameView& view,
                                         VkExtent2D extent, std::span<const ShadowCascade> cascades,
                                         GeometryResidency& geometry) {
    if (!item.model || item.shading != Shading::Lit) return std::nullopt;
    if (!item.model->bounds.empty()) {
        const Bounds& b = item.model->bounds;
        const glm::dvec4 s =
            sphereInSite(glm::vec4(glm::vec3(b.center()), float(b.radius()) * (1.0f + 1e-5f)), item.modelToSite);
        const glm::dvec3 centre = glm::dvec3(s) - view.camera.position;
        if (std::none_of(cascades.begin(), cascades.end(),
                         [&](const ShadowCascade& c) { return c.reaches(centre, s.w); }))
            return std::nullopt;
        if (!item.clipping.empty() && item.clipping.cutsAway(glm::dvec3(s), s.w)) return std::nullopt;
    }
    // One range per cluster (not merged), so that each cascade takes only those that reach it.
    const LodRequest request{
        view.camera, item.modelToSite, double(extent.height), view.aspect, view.pixelErrorBound, false, false};
    const std::vector<DrawRange> all =
        item.model->pages ? geometry.select(item, request, nullptr) : selectLod(item.model->lod(), request, nullptr);
    CasterRanges caster{index, {}, {}};
    for (const DrawRange& r : all) {
        if (r.indexCount == 0 || r.topology != Topology::Triangles) continue;  // Points cast no shadow.
        glm::dvec4 sphere(0.0, 0.0, 0.0, std::numeric_limits<double>::infinity());
        if (r.cluster < item.model->lodClusters.size())
            sphere = sphereInSite(item.model->lodClusters[r.cluster].cullSphere, item.modelToSite);
        caster.ranges.push_back(r);
        caster.spheres.push_back(glm::dvec4(glm::dvec3(sphere) - view.camera.position, sphere.w));
    }
    if (caster.ranges.empty()) return std::nullopt;
    return caster;
}

}  // namespace

bool SceneRenderer::drawShadowMap(gpu::FrameRing& frames, const FrameView& view, VkExtent2D extent,
                                  std::span<const DrawItem> items) {
    const VkCommandBuffer cmd = frames.current().cmd;
    Bounds lit;
    for (const DrawItem& item : items)
        if (item.model && item.shading == Shading::Lit && !item.model->bounds.empty())
            lit.add(item.model->bounds.transformed(item.modelToSite));
    const bool shadows = view.lighting.shadows && !lit.empty() && view.lighting.sunDirection.z > 0.0;
    // Each cascade's map: 1024 texels put the nearest's at about 19 cm on a 7.8 km site (16:9).
    // On lavapipe, with one lookup a pixel and position-only casters, shadows cost 1.49-1.54x
    // the frame time without them on a quiet machine (1.45-1.48x in CPU time; axis_bench_shadows);
    // drawing the maps and reading them each take about half of that. Fewer cascades (three)
    // measured the same: the casters are the same triangles, only split differently.
    constexpr std::uint32_t kTileSize = 1024;
    if (shadows && shadowMap_->tileSize() != kTileSize) {
        frames.retire(std::shared_ptr<const void>(shadowMap_));  // The placeholder may be in flight.
        shadowMap_ = std::make_shared<ShadowMap>(context_, kTileSize);
        uniforms_.setShadowMap(shadowMap_->view(), shadowMap_->sampler());
    }
    std::array<ShadowCascade, kShadowCascades> cascades;
    if (shadows) {
        cascades = fitShadowCascades(view.camera, view.aspect, view.lighting.sunDirection, lit.center(), lit.radius(),
                                     kTileSize);
        narrowToReceivers(cascades, view.camera, view.aspect, lit.min, lit.max, kTileSize);
        uniforms_.setShadowLookup(shadowMap_->lookup(cascades, view.camera.forward));
    } else {
        uniforms_.setShadowLookup(ShadowLookup{});
    }
    uniforms_.beginRecording(frames, view.lighting);
    clipOffsets_.assign(items.size(), 0);
    for (std::size_t i = 0; i < items.size(); ++i)
        clipOffsets_[i] = uniforms_.offsetFor(items[i].clipping, view.camera.position);
    if (!shadows) {
        shadowMap_->makeReadable(cmd);
        return false;
    }
    std::vector<CasterRanges> casters;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (auto c = casterRanges(items[i], i, view, extent, cascades, *geometry_)) casters.push_back(std::move(*c));
    shadowMap_->begin(cmd);
    PassSplitter noSplit(nullptr, 0);
    for (std::size_t k = 0; k < kShadowCascades; ++k) {
        // Only the clusters that can shade what this cascade's slice reads draw into its map.
        if (!shadowMap_->target(cmd, k, cascades[k].receivers)) continue;
        const glm::mat4 clip(cascades[k].clipFromCamera);
        shadowClip_ = &clip;
        for (const CasterRanges& caster : casters) {
            std::vector<DrawRange> ranges;
            for (std::size_t r = 0; r < caster.ranges.size(); ++r)
                if (cascades[k].reaches(glm::dvec3(caster.spheres[r]), caster.spheres[r].w))
                    ranges.push_back(caster.ranges[r]);
            if (!ranges.empty())
                drawModel(cmd, view, items[caster.item], clipOffsets_[caster.item], mergeAdjacent(ranges), false,
                          noSplit);
        }
    }
    shadowMap_->end(cmd);
    shadowClip_ = nullptr;
    return true;
}

void SceneRenderer::setStreamingBudget(std::uint64_t bytes) {
    geometry_->setBudget(bytes / 5 * 3);
    residency_->setBudget(bytes - bytes / 5 * 3);
}

void SceneRenderer::makeResident(gpu::FrameRing& frames, const FrameView& view, VkExtent2D extent,
                                 std::span<const DrawItem> items) {
    // Geometry first (planning loads every page the cut needs), then each round applies the
    // texture levels that finished and asks for more; it ends when every need is met or cannot be
    // (budget, a broken image). The bound only guards against a bug.
    geometry_->beginFrame(frames, items, true);
    constexpr int kMaxRounds = 100000;
    for (int round = 0; round < kMaxRounds; ++round) {
        FramePlan plan = planFrame(view, extent, items, nullptr, *geometry_);
        residency_->update(frames, items, plan.textureNeeds, TextureResidency::Apply::Waiting);
        if (residency_->satisfied()) return;
        residency_->waitForDecodes();
    }
}

void SceneRenderer::addOcclusionResults(RenderStats& stats, uint32_t slot) const {
    const OcclusionTally t = occlusion_.tally(slot);
    stats.clustersOccluded += t.hidden;
    stats.clusters -= std::min(stats.clusters, t.hidden);
    stats.triangles -= std::min(stats.triangles, t.hiddenTriangles);
}

// What a model's draws share (vertex and index buffers, transform), bound once, then its
// pipeline and material as they change from one range to the next.
class SceneRenderer::ModelBinder {
public:
    ModelBinder(SceneRenderer& r, VkCommandBuffer cmd, const FrameView& view, const DrawItem& item, bool blendedPass,
                std::uint32_t clipOffset)
        : r_(r), cmd_(cmd), item_(item), m_(*item.model), blendedPass_(blendedPass), inspection_(view.inspection),
          clipOffset_(clipOffset) {
        const glm::mat4 viewProj = projection(view.camera, view.aspect) * viewRotation(view.camera);
        push_.cameraFromModel = cameraRelative(item.modelToSite, view.camera);
        push_.clipFromModel = r.shadowClip_ ? *r.shadowClip_ * push_.cameraFromModel : viewProj * push_.cameraFromModel;
        push_.cameraFromModel[0][3] = r.pointParams_.x;  // The free bottom row: see pointSizeParams.
        push_.cameraFromModel[1][3] = r.pointParams_.y;
        mirrored_ = glm::determinant(glm::dmat3(item.modelToSite)) < 0.0;
    }

    /// The range's material index, or nothing when the range belongs to the other pass.
    std::optional<uint32_t> bind(const DrawRange& range) {
        const uint32_t material = std::min<uint32_t>(range.material, static_cast<uint32_t>(m_.materials.size()) - 1);
        const GpuMaterial& mat = m_.materials[material];
        if ((mat.alphaMode == AlphaMode::Blend) != blendedPass_) return std::nullopt;
        if (!bound_) {  // Only models with something to draw in this pass bind anything.
            if (!m_.pages) bindStreams(m_.vertices, m_.indices);
            vkCmdPushConstants(cmd_, r_.meshLayout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                               sizeof(push_), &push_);
            r_.uniforms_.bind(cmd_, r_.meshLayout_, clipOffset_);
            bound_ = true;
        }
        if (m_.pages && range.page != page_) {  // A paged model's ranges each name their page.
            const GeometryPage& page = m_.pages->pages[range.page];
            bindStreams(page.vertices, page.indices);
            page_ = range.page;
        }
        const bool normals = m_.primitiveHasNormals.empty() || m_.primitiveHasNormals[range.primitive];
        const bool caster = r_.shadowClip_ != nullptr;
        if (caster && range.topology != Topology::Triangles) return std::nullopt;  // Points cast no shadow.
        VkPipeline pipeline = r_.meshPipeline(
            {m_.vertexFormat, normals, item_.shading, range.topology, blendedPass_, mat.alphaMode == AlphaMode::Mask,
             caster ? InspectionMode::Off : inspection_, clipped(), !caster && r_.shadowsThisFrame_ && item_.shading == Shading::Lit,
             caster});
        if (pipeline != pipeline_) {
            vkCmdBindPipeline(cmd_, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
            pipeline_ = pipeline;
        }
        if (material != material_) {
            // A mirroring transform flips winding, so the back face is then the front one.
            // A cut model shows its back faces too: through the cut they are its section (mesh_shading.glsl).
            const bool bothSides = mat.doubleSided || clipped();
            // Casters cull as their material does: a one-sided surface casts from the side it
            // shows, as in the usual engines, and half a closed model's triangles are not drawn
            // into the maps (the nearer, sunward half decides the depth anyway). The sun's maps
            // keep y up where the view's projection turns it down, which mirrors their winding.
            const bool flipped = mirrored_ != (r_.shadowClip_ != nullptr);
            VkCullModeFlags cull = bothSides ? VK_CULL_MODE_NONE : (flipped ? VK_CULL_MODE_FRONT_BIT : VK_CULL_MODE_BACK_BIT);
            vkCmdSetCullMode(cmd_, cull);
            vkCmdBindDescriptorSets(cmd_, VK_PIPELINE_BIND_POINT_GRAPHICS, r_.meshLayout_, 0, 1,
                                    &mat.sets[r_.frameSlot_], 0, nullptr);
            material_ = material;
        }
        return material;
    }

private:
    void bindStreams(const gpu::Buffer& vertices, const gpu::Buffer& indices) {
        VkBuffer vb = vertices.handle();
        VkDeviceSize zero = 0;
        vkCmdBindVertexBuffers(cmd_, 0, 1, &vb, &zero);
        if (indices) vkCmdBindIndexBuffer(cmd_, indices.handle(), 0, VK_INDEX_TYPE_UINT32);
    }

    SceneRenderer& r_;
    VkCommandBuffer cmd_;
    const DrawItem& item_;
    const GpuModel& m_;
    bool clipped() const { return !item_.clipping.empty(); }

    bool blendedPass_;
    InspectionMode inspection_;
    std::uint32_t clipOffset_;
    shader::DrawPush push_{};
    bool mirrored_ = false;
    bool bound_ = false;
    VkPipeline pipeline_ = VK_NULL_HANDLE;
    uint32_t material_ = UINT32_MAX;
    uint32_t page_ = DrawRange::kNoPage;
};

namespace {
void count(RenderStats& stats, const DrawRange& r) {
    ++stats.drawCalls;
    if (r.topology == Topology::Points) stats.points += pointsOf(r);
    else stats.triangles += r.indexCount / 3;
}
}  // namespace

RenderStats SceneRenderer::drawModel(VkCommandBuffer cmd, const FrameView& view, const DrawItem& item,
                                     std::uint32_t clipOffset, std::span<const DrawRange> ranges, bool blendedPass,
                                     PassSplitter& splitter) {
    RenderStats stats;
    ModelBinder binder(*this, cmd, view, item, blendedPass, clipOffset);
    for (const DrawRange& r : ranges) {
        if (!binder.bind(r)) continue;
        if (r.indexCount > 0)
            splitter.drawIndexed(cmd, r.indexCount, r.firstIndex, r.vertexOffset, r.topology == Topology::Points ? 1 : 3);
        else splitter.drawPoints(cmd, r.vertexCount, static_cast<uint32_t>(r.vertexOffset));
        count(stats, r);
    }
    return stats;
}

// Each batch is one draw-count call over the test's packed visible draws; without
// drawIndirectCount, a multi-draw (or one call per draw) over all of them, hidden ones with zero
// instances.
RenderStats SceneRenderer::drawTested(VkCommandBuffer cmd, const FrameView& view, const DrawItem& item,
                                      std::uint32_t clipOffset, const PlannedItem& p,
                                      std::span<const shader::DrawBatch> batches) {
    RenderStats stats;
    ModelBinder binder(*this, cmd, view, item, false, clipOffset);
    const uint32_t stride = sizeof(VkDrawIndexedIndirectCommand);
    const auto& features = context_.features();
    for (size_t k = 0; k < p.batches.size(); ++k) {
        const uint32_t range = p.batchStarts[k];
        const shader::DrawBatch& batch = batches[p.batches[k]];
        if (!binder.bind(p.tested[range])) continue;
        const VkDeviceSize offset = VkDeviceSize(batch.first) * stride;
        if (occlusion_.packs())
            vkCmdDrawIndexedIndirectCount(cmd, occlusion_.packedCommands(), offset, occlusion_.packedCounts(),
                                          VkDeviceSize(p.batches[k]) * sizeof(uint32_t), batch.count, stride);
        else if (features.multiDrawIndirect)
            vkCmdDrawIndexedIndirect(cmd, occlusion_.commands(), offset, batch.count, stride);
        else
            for (uint32_t i = 0; i < batch.count; ++i)
                vkCmdDrawIndexedIndirect(cmd, occlusion_.commands(), offset + VkDeviceSize(i) * stride, 1, stride);
        for (uint32_t i = 0; i < batch.count; ++i) count(stats, p.tested[range + i]);
    }
    return stats;
}

}  // namespace axis::render
