#pragma once
// Where a bounding sphere lands in the depth pyramid that occlusion culling tests against
// (render/occlusion_culler.h): the pyramid's shape, and the texels of the finest level that covers
// the sphere's screen rectangle in at most kHizFootprintTexels texels per axis. CPU only, so it is
// unit-tested.
//
// The pyramid: level 0 has ceil(W/2) x ceil(H/2) texels for a W x H target, level k+1 halves
// level k rounding up, down to 1x1. Texel (x, y) of level k covers the pixels
// [x * 2^(k+1), (x+1) * 2^(k+1)) along each axis.
#include <cstdint>
#include <optional>

#include <glm/glm.hpp>
#include <vulkan/vulkan.h>

namespace axis::render {

/// Texels per axis the occlusion test reads at most (occlusion_cull.comp loops over them). More
/// reads a finer level: a tighter, more often successful test, at a few more texel reads.
inline constexpr int kHizFootprintTexels = 8;

/// Levels of the pyramid of a target of this size.
std::uint32_t hizLevelCount(VkExtent2D target);
/// Texels of one level.
VkExtent2D hizLevelSize(VkExtent2D target, std::uint32_t level);

struct HizFootprint {
    glm::ivec4 rect{0};       ///< Texels x0, y0, x1, y1 at `level`, inclusive; at most kHizFootprintTexels wide.
    std::uint32_t level = 0;
    float nearestDepth = 0;   ///< Reversed-Z depth of the sphere's nearest point, rounded up.
};

/// The footprint of a sphere given in view space (camera at the origin looking down -z, as
/// render/view_math.h's viewRotation makes it), under render/view_math.h's projection with
/// `clipFromView`, on a target of `extent` pixels. No footprint when the sphere reaches the near
/// plane or lies wholly off screen: such a sphere cannot be tested, and is drawn.
std::optional<HizFootprint> sphereFootprint(const glm::dvec3& centreView, double radius, const glm::dmat4& clipFromView,
                                            double nearPlane, VkExtent2D extent);

}  // namespace axis::render
