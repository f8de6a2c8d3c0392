#pragma once
// The scene pass: a sky (or solid background), then every model of a draw list, lit or unlit,
// triangles and points. One instance per target format; pipelines are built once.
#include <memory>
#include <span>

#include <glm/glm.hpp>
#include <vulkan/vulkan.h>

#include "gpu/unique.h"
#include "render/gpu_model.h"
#include "scene/camera.h"

namespace axis::gpu {
class Context;
}

namespace axis::render {

struct DrawItem {
    const GpuModel* model = nullptr;
    glm::dmat4 modelToSite{1.0};  ///< Double precision: sites may sit far from the origin.
    Shading shading = Shading::Lit;
};

struct FrameView {
    Camera camera;
    double aspect = 1.0;
    bool solidBackground = false;    ///< Fill with `background` instead of drawing the sky.
    glm::vec3 background{0.0f};      ///< Linear RGB.
};

class SceneRenderer {
public:
    SceneRenderer(gpu::Context& context, VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples);
    ~SceneRenderer();

    /// Uploads a model's meshes, materials and textures and waits for the transfer.
    std::unique_ptr<GpuModel> upload(const Model& model);

    /// Records the pass into `cmd` between RenderTarget::begin and end.
    void record(VkCommandBuffer cmd, VkExtent2D extent, const FrameView& view, std::span<const DrawItem> items);

private:
    struct PipelineKey;
    void createLayouts();
    void createPipelines(VkFormat colorFormat, VkFormat depthFormat, VkSampleCountFlagBits samples);
    void createDefaults();
    VkPipeline meshPipeline(Shading shading, Topology topology, bool blend) const;
    void drawModel(VkCommandBuffer cmd, const FrameView& view, const DrawItem& item, bool blendedPass);

    gpu::Context& context_;
    gpu::Unique<VkDescriptorSetLayout> materialLayout_;
    gpu::Unique<VkPipelineLayout> meshLayout_;
    gpu::Unique<VkPipelineLayout> skyLayout_;
    gpu::Unique<VkPipeline> skyPipeline_;
    gpu::Unique<VkPipeline> meshPipelines_[2][2][2];  ///< [shading][topology][blend]
    gpu::Unique<VkSampler> sampler_;
    gpu::Image whiteSrgb_, whiteLinear_;
};

}  // namespace axis::render
