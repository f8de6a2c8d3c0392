#pragma once
// Eye-dome lighting: a pass over the finished frame that darkens each pixel by how much nearer
// its neighbours are (shaders/eye_dome.glsl), so that point clouds without colours or normals,
// and colourless meshes, show their shape. Reads the target's depth, which the scene pass then
// keeps (RenderTarget::keepDepth), and blends over the resolved image.
#include <cstdint>

#include <vulkan/vulkan.h>

#include "gpu/unique.h"
#include "scene/camera.h"

namespace axis::gpu {
class Context;
}

namespace axis::render {

class RenderTarget;

struct EyeDomeSettings {
    double strength = 0.0;  ///< 0: off; 1: the usual darkness (Potree's default).
    double radiusPx = 1.4;  ///< Distance to the neighbours compared, pixels.
};

class EyeDome {
public:
    EyeDome(gpu::Context& context, VkFormat colorFormat, VkSampleCountFlagBits depthSamples);

    /// Records the pass after the scene pass ended on `target` (its depth kept): the resolved
    /// image stays in COLOR_ATTACHMENT_OPTIMAL, as RenderTarget::end leaves it.
    void draw(VkCommandBuffer cmd, RenderTarget& target, const Camera& camera, const EyeDomeSettings& settings);

private:
    void bindTarget(const RenderTarget& target);

    gpu::Context& context_;
    gpu::Unique<VkSampler> nearest_;
    gpu::Unique<VkDescriptorSetLayout> setLayout_;
    gpu::Unique<VkPipelineLayout> layout_;
    gpu::Unique<VkPipeline> pipeline_;
    gpu::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
    std::uint64_t boundTarget_ = 0;  ///< RenderTarget::id the set names; 0: none.
};

}  // namespace axis::render
