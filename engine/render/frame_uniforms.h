#pragma once
// What the mesh shaders read besides materials: the frame's light (render/lighting.h) and each
// draw's section planes and clip boxes (scene/clipping.h). One uniform block per distinct cut, in
// a per-frame-slot buffer bound at set 1 with a dynamic offset; draws without cuts share an uncut
// block (and a pipeline without the test). Planes go to the shader relative
// to the camera, as positions do, so that sites far from the origin keep their precision.
#include <array>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>
#include <vulkan/vulkan.h>

#include "gpu/resources.h"
#include "gpu/unique.h"
#include "render/lighting.h"
#include "render/shadow_cascades.h"
#include "scene/clipping.h"

namespace axis::gpu {
class Context;
class FrameRing;
}

namespace axis::render {

/// How lit shading reads the sun's cascaded shadow maps (shaders/shared.h, DrawParams), nearest
/// cascade first; all zero: no shadows.
struct ShadowLookup {
    /// Camera-relative to the sun's view axes (ShadowCascade::sunFromCamera): a rotation.
    glm::mat4 sunFromCamera{0.0f};
    /// Each cascade's scale and offset (xyz) from those axes to the atlas (xy) and its depth (z).
    std::array<glm::vec4, kShadowCascades> scales{}, offsets{};
    std::array<glm::vec4, kShadowCascades> tiles{};  ///< Each tile's texture coordinates, half a texel in.
    /// x normal offset (metres), y depth bias, z the view depth where the cascade ends, w where it fades.
    std::array<glm::vec4, kShadowCascades> params{};
    glm::vec3 viewForward{0.0f};  ///< Unit; turns a camera-relative position into its view depth.
    bool operator==(const ShadowLookup&) const = default;
};

class FrameUniforms {
public:
    explicit FrameUniforms(gpu::Context& context);
    VkDescriptorSetLayout setLayout() const { return setLayout_; }

    /// Starts a scene recording in the current frame, lit by `lighting`; a frame may record
    /// several (cube faces).
    void beginRecording(gpu::FrameRing& frames, const Lighting& lighting);
    /// The dynamic offset of the block for `clipping` seen from `eye` (site frame) in this
    /// recording's light, written once per frame; the uncut block when the frame's blocks ran out.
    std::uint32_t offsetFor(const Clipping& clipping, const glm::dvec3& eye);
    /// The sun's shadow atlas the shading samples (binding 1), and how this recording looks it up.
    void setShadowMap(VkImageView view, VkSampler sampler);
    void setShadowLookup(const ShadowLookup& lookup);
    /// Binds the frame's set at `offset` as set 1 of `layout`.
    void bind(VkCommandBuffer cmd, VkPipelineLayout layout, std::uint32_t offset) const;

private:
    /// The block of `clipping` seen from `eye` in this recording's light: an equal one written
    /// earlier in the frame, or a new one.
    std::uint32_t blockOffset(const Clipping& clipping, const glm::dvec3& eye);

    struct Slot {
        gpu::Buffer buffer;
        VkDescriptorSet set = VK_NULL_HANDLE;
        std::uint64_t frame = UINT64_MAX;  ///< FrameRing::frameNumber() its blocks belong to.
        std::vector<std::vector<float>> blocks;  ///< Written this frame, to share equal ones.
        VkImageView shadowView = VK_NULL_HANDLE;  ///< What its set's binding 1 names.
    };
    gpu::Context& context_;
    VkDeviceSize stride_ = 0;
    gpu::Unique<VkDescriptorSetLayout> setLayout_;
    gpu::Unique<VkDescriptorPool> pool_;
    std::vector<Slot> slots_;
    Slot* slot_ = nullptr;
    Lighting lighting_;  ///< Of the recording under way.
    std::uint32_t keepAllOffset_ = 0;  ///< Its uncut block.
    VkImageView shadowView_ = VK_NULL_HANDLE;
    VkSampler shadowSampler_ = VK_NULL_HANDLE;
    ShadowLookup shadowLookup_;
    bool warnedFull_ = false;
};

}  // namespace axis::render
