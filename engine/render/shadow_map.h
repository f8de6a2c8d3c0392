#pragma once
// Sun shadows: one depth atlas holding a map per cascade (render/shadow_cascades.h fits them),
// each a tile rendered from the sun and sampled by lit shading with a 2x2 percentage-closer
// filter. Orthographic projections, reversed Z like the main pass, whose matrices map
// camera-relative positions (the shaders' frame) to a tile.
#include <array>
#include <cstdint>

#include <glm/glm.hpp>
#include <vulkan/vulkan.h>

#include "gpu/resources.h"
#include "gpu/unique.h"
#include "render/frame_uniforms.h"
#include "render/shadow_cascades.h"

namespace axis::gpu {
class Context;
}

namespace axis::render {

class ShadowMap {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_D32_SFLOAT;
    /// Tiles per row of the atlas: kShadowCascades of them in a square.
    static constexpr std::uint32_t kColumns = 2;
    static_assert(kColumns * kColumns >= kShadowCascades);

    /// An atlas of `tileSize`-texel square tiles, one per cascade; 1 makes a 1x1 placeholder that
    /// is never drawn into.
    ShadowMap(gpu::Context& context, std::uint32_t tileSize);
    std::uint32_t tileSize() const { return tileSize_; }
    VkImageView view() const { return image_.view(); }
    VkSampler sampler() const { return sampler_; }

    /// What lit shading needs to read `cascades` from this atlas while the camera looks along
    /// `viewForward` (unit).
    ShadowLookup lookup(const std::array<ShadowCascade, kShadowCascades>& cascades,
                        const glm::dvec3& viewForward) const;

    /// Before the first use, and before every frame that does not draw it: the image in the
    /// layout shading reads.
    void makeReadable(VkCommandBuffer cmd);
    /// Clears and begins depth-only rendering into the atlas (after the previous frame's reads).
    void begin(VkCommandBuffer cmd);
    /// Between begin and end: what is drawn next goes to cascade `cascade`'s tile, within the
    /// part `receivers` (clip x, y: min xy, max zw; ShadowCascade::receivers). False when that is
    /// empty: nothing need be drawn.
    bool target(VkCommandBuffer cmd, std::size_t cascade, const glm::dvec4& receivers) const;
    /// Ends it and makes it readable by the frame's shading.
    void end(VkCommandBuffer cmd);

private:
    VkRect2D tile(std::size_t cascade) const;
    std::uint32_t tileSize_, atlasSize_;
    gpu::Image image_;
    gpu::Unique<VkSampler> sampler_;
    bool readable_ = false;
};

}  // namespace axis::render
