#pragma once
// Sun shadows: one depth map rendered from the sun over the part of the view near the camera
// (up to ShadowMap::kReach metres, or the scene's extent when smaller), sampled by lit shading
// with a 2x2 percentage-closer filter. An orthographic projection, reversed Z like the main
// pass, whose matrices map camera-relative positions (the shaders' frame) to the map.
#include <cstdint>

#include <glm/glm.hpp>
#include <vulkan/vulkan.h>

#include "gpu/resources.h"
#include "gpu/unique.h"
#include "scene/camera.h"

namespace axis::gpu {
class Context;
}

namespace axis::render {

class ShadowMap {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_D32_SFLOAT;
    static constexpr double kReach = 400.0;  ///< Metres of the view that get shadows.

    /// A `size` x `size` map; 1 makes a placeholder that is never drawn into.
    ShadowMap(gpu::Context& context, std::uint32_t size);
    std::uint32_t size() const { return size_; }
    VkImageView view() const { return image_.view(); }
    VkSampler sampler() const { return sampler_; }

    /// Fits the map to the view of `camera` (aspect `aspect`) lit from `sunDirection` (unit, site
    /// frame), within `sceneRadius` metres of `sceneCentre` (casters beyond the view's slice
    /// included). Returns clip-from-camera-relative: what the shadow pass draws with and what
    /// lit shading looks the map up with.
    glm::dmat4 fit(const Camera& camera, double aspect, const glm::dvec3& sunDirection, const glm::dvec3& sceneCentre,
                   double sceneRadius) const;

    /// Before the first use, and before every frame that does not draw it: the image in the
    /// layout shading reads.
    void makeReadable(VkCommandBuffer cmd);
    /// Clears and begins depth-only rendering into the map (after the previous frame's reads).
    void begin(VkCommandBuffer cmd);
    /// Ends it and makes it readable by the frame's shading.
    void end(VkCommandBuffer cmd);

private:
    std::uint32_t size_;
    gpu::Image image_;
    gpu::Unique<VkSampler> sampler_;
    bool readable_ = false;
};

}  // namespace axis::render
