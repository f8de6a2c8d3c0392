#pragma once
// The scene pass: a sky (or solid background), then every model of a draw list, lit or unlit,
// triangles and points. One instance per target format; pipelines are built on first use.
//
// Level of detail: each frame record() skips items whose bounding sphere lies outside the view,
// asks selectLod (scene/lod.h) for every other item which clusters to draw at
// FrameView::pixelErrorBound and drops those outside the view (render/frame_plan.h). Items are
// drawn near to far: first the clusters seen last time, then the rest, each tested against the
// depth drawn so far and skipped when hidden (render/occlusion_culler.h). Several DrawItems may
// share one GpuModel (instancing a scan along a street costs its GPU memory once).
#include <cstdint>
#include <map>
#include <memory>
#include <span>

#include <glm/glm.hpp>
#include <vulkan/vulkan.h>

#include "gpu/unique.h"
#include "render/frame_uniforms.h"
#include "render/eye_dome.h"
#include "render/gpu_model.h"
#include "render/inspection_mode.h"
#include "render/lighting.h"
#include "render/shadow_map.h"
#include "render/occlusion_culler.h"
#include "render/occlusion_history.h"
#include "scene/camera.h"
#include "scene/clipping.h"

namespace axis {
struct BakedModel;
}
namespace axis::gpu {
class Context;
class FrameRing;
class UploadBatch;
}

namespace axis::render {

class PassSplitter;
class RenderTarget;
class TextureResidency;
class GeometryResidency;
struct PlannedItem;

struct DrawItem {
    const GpuModel* model = nullptr;
    glm::dmat4 modelToSite{1.0};  ///< Double precision: sites may sit far from the origin.
    Shading shading = Shading::Lit;
    Clipping clipping;  ///< Section planes and clip boxes, site frame: the site's and the model's own.
};

struct FrameView {
    Camera camera;
    double aspect = 1.0;
    bool solidBackground = false;    ///< Fill with `background` instead of drawing the sky.
    glm::vec3 background{0.0f};      ///< Linear RGB.
    /// Largest geometric error the LOD may show, in pixels of the target's height; 0 draws full
    /// detail. At 1 px simplified clusters are indistinguishable from the originals.
    double pixelErrorBound = 1.0;
    /// How large points are drawn: `pixels` across (0: 2 pixels where the device draws large
    /// points), or, when `metres` > 0, that size in the site, so that points near the camera grow
    /// and far ones shrink, like a surface (from 1 pixel to the device's largest).
    struct PointSize {
        double pixels = 0.0;
        double metres = 0.0;
    } pointSize;
    /// Eye-dome lighting over the frame (off by default): shape for colourless point clouds.
    EyeDomeSettings eyeDome;
    /// The sun and sky of lit shading (`--sun`: render/lighting.h sunlight()).
    Lighting lighting;
    /// Clay, normals, wireframe, texel density or vertex colours instead of the surface's look.
    InspectionMode inspection = InspectionMode::Off;
    bool frustumCull = true;    ///< Skip clusters outside the view; off only to measure or debug.
    bool occlusionCull = true;  ///< Skip clusters hidden behind nearer models; likewise.
    /// On CPU devices (lavapipe), a frame of more primitives than this is drawn in several render
    /// passes of this many, which bounds the rasterizer's memory (render/pass_splitter.h). 0: one
    /// pass. GPUs always draw one.
    std::uint64_t cpuPassPrimitives = 131072;
};

/// What one record() drew, for stats overlays, tests and benchmarks.
struct RenderStats {
    std::uint64_t triangles = 0;       ///< Submitted, at whatever level was chosen.
    std::uint64_t points = 0;
    std::uint64_t clusters = 0;        ///< Drawn.
    std::uint64_t clustersCulled = 0;  ///< In the LOD cut but outside the view frustum.
    std::uint64_t clustersOccluded = 0;  ///< In view but hidden (known once the frame finished).
    std::uint64_t drawCalls = 0;
    std::uint32_t renderPasses = 0;  ///< The scene's, split on CPU devices (FrameView::cpuPassPrimitives).
    /// Render-thread seconds spent loading geometry pages and swapping in texture levels: what
    /// streaming adds to the frame (the decodes themselves run on worker threads).
    double streamingSeconds = 0.0;
    std::uint32_t texturesWaiting = 0;  ///< Drawn coarser than their pixels need, finer levels on the way.
    RenderStats& operator+=(const RenderStats& o);
};

class SceneRenderer {
public:
    SceneRenderer(gpu::Context& context, VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples);
    ~SceneRenderer();

    /// Uploads a model's meshes, materials and textures and waits for the transfer. The model is
    /// drawn at full detail (one cluster per primitive).
    std::unique_ptr<GpuModel> upload(const Model& model);

    /// Uploads a bake cache's vertex and index streams as they are (no per-vertex work), the
    /// coarse levels of its textures that the cache stores decoded (finer ones stream in as frames
    /// need them: render/texture_residency.h), and copies its LOD tables. Streams go up in chunks,
    /// and the mapped pages already copied are dropped, so resident memory stays near one copy of
    /// the cache. `baked` may be destroyed afterwards: the model keeps its mapping.
    std::unique_ptr<GpuModel> upload(const BakedModel& baked);

    /// Records the scene pass into the current frame of `frames`: begins rendering on `target`
    /// (cleared), draws, ends it. Items without a model are skipped. Call from the thread that
    /// owns this renderer. Triangle and cluster counts include clusters that the GPU then finds
    /// hidden; addOcclusionResults corrects them once the frame has finished.
    RenderStats record(gpu::FrameRing& frames, RenderTarget& target, const FrameView& view,
                       std::span<const DrawItem> items);

    /// For stills and video frames: makes every geometry page and texture level that `items`
    /// seen in `view` on a target of `extent` need resident (loading, decoding and waiting as
    /// needed, within the budgets), so that the frame recorded next is as detailed and as sharp as
    /// with everything resident. Call before frames.begin().
    void makeResident(gpu::FrameRing& frames, const FrameView& view, VkExtent2D extent, std::span<const DrawItem> items);
    TextureResidency& textures() { return *residency_; }
    GeometryResidency& geometry() { return *geometry_; }
    /// Device memory for what streams in by need (`--gpu-budget`): 60% for geometry pages, 40% for
    /// texture levels. The defaults come from the device (defaultGeometryBudget,
    /// defaultTextureBudget).
    void setStreamingBudget(std::uint64_t bytes);

    /// Takes out of `stats` what the occlusion test of the last frame recorded in frame slot
    /// `slot` hid. Only once that frame has finished (FrameRing::waitAll, or the slot's begin).
    void addOcclusionResults(RenderStats& stats, std::uint32_t slot) const;

private:
    struct PipelineKey {
        VertexFormat format;
        bool normals;
        Shading shading;
        Topology topology;
        bool blend;
        bool alphaTest;  ///< Alpha-masked material: the shader variant with a discard.
        InspectionMode inspection;
        bool clipped;  ///< Tests the draw's section planes and clip boxes.
        bool shadowed;      ///< Lit shading samples the sun's shadow map.
        bool shadowCaster;  ///< Draws depth into a cascade of the shadow atlas instead.
        auto operator<=>(const PipelineKey&) const = default;
    };
    void createLayouts();
    void createSkyPipeline();
    void createDefaults();
    bool importable(std::span<const std::byte> bytes, std::span<const std::uint8_t> mapping) const;
    void createMaterials(GpuModel& gm, std::span<const Material> materials, gpu::UploadBatch& batch);
    std::unique_ptr<TextureStreams> streamTextures(const BakedModel& baked, std::uint64_t serial);
    VkPipeline meshPipeline(const PipelineKey& key);
    class ModelBinder;
    RenderStats drawModel(VkCommandBuffer cmd, const FrameView& view, const DrawItem& item, std::uint32_t clipOffset,
                          std::span<const DrawRange> ranges, bool blendedPass, PassSplitter& splitter);
    RenderStats drawTested(VkCommandBuffer cmd, const FrameView& view, const DrawItem& item, std::uint32_t clipOffset,
                           const PlannedItem& p, std::span<const shader::DrawBatch> batches);
    void drawSky(VkCommandBuffer cmd, VkExtent2D extent, const FrameView& view);
    /// Fits the shadow cascades to the view and draws the lit items' casters into the atlas, each
    /// cluster into the cascades it can shade; false when the frame has no sun shadows (then lit
    /// shading does not sample it).
    bool drawShadowMap(gpu::FrameRing& frames, const FrameView& view, VkExtent2D extent, std::span<const DrawItem> items);
    bool occlusionPays(const gpu::FrameRing& frames);

    gpu::Context& context_;
    VkFormat colorFormat_, depthFormat_;
    VkSampleCountFlagBits samples_;
    gpu::Unique<VkDescriptorSetLayout> materialLayout_;
    gpu::Unique<VkPipelineLayout> meshLayout_;
    gpu::Unique<VkPipelineLayout> skyLayout_;
    gpu::Unique<VkPipeline> skyPipeline_;
    std::map<PipelineKey, gpu::Unique<VkPipeline>> meshPipelines_;  ///< Built on first use.
    gpu::Unique<VkSampler> sampler_;
    gpu::Image whiteSrgb_, whiteLinear_;
    FrameUniforms uniforms_;
    std::vector<std::uint32_t> clipOffsets_;  ///< Per item of the scene being recorded.
    OcclusionCuller occlusion_;
    OcclusionHistory history_;
    std::vector<std::vector<CommandOwner>> owners_;  ///< Per frame slot: what its commands stand for.
    std::uint64_t skipOcclusionUntil_ = 0;           ///< Frame number; see occlusionPays.
    std::uint64_t lastResidencyFrame_ = UINT64_MAX;  ///< Frame number of the last update that applied.
    std::uint32_t frameSlot_ = 0;  ///< FrameRing::index() of the frame being recorded: its material sets.
    glm::vec2 pointParams_{0.0f};  ///< Of the frame being recorded: see pointSizeParams.
    std::unique_ptr<TextureResidency> residency_;
    std::unique_ptr<GeometryResidency> geometry_;
    std::unique_ptr<EyeDome> eyeDome_;  ///< Made on first use.
    bool warnedNoWireframe_ = false;
    /// A 1x1 placeholder until a frame wants shadows; the full atlas from then on.
    std::shared_ptr<ShadowMap> shadowMap_;
    bool shadowsThisFrame_ = false;
    const glm::mat4* shadowClip_ = nullptr;  ///< While drawing casters: clip from camera-relative.
};

}  // namespace axis::render
