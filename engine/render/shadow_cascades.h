#pragma once
// Cascaded shadow maps' geometry, apart from any Vulkan (render/shadow_map.h holds the image).
// The view is cut by depth into kShadowCascades slices, from the near plane to the far side of
// the lit scene (kilometres on a long site), by the practical split scheme: each boundary a blend
// of the logarithmic split (the same texels per metre of depth at every distance) and the uniform
// one, which keeps the first slices from being centimetres deep. Each slice gets its own map, an
// orthographic view from the sun fitted to the bounding sphere of its piece of the view frustum:
// the sphere does not change as the camera turns, and its map moves in whole texels as the camera
// moves, so edges neither swim nor crawl. Positions are camera-relative (the shaders' frame).
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/camera.h"

namespace axis::render {

/// Four: on a 7.8 km site the nearest slice then ends about 200 m out (sharp shadows on what is
/// walked past) and each further one spans roughly twice to seven times the one before; more
/// slices cost another pass over the casters each on lavapipe.
inline constexpr std::size_t kShadowCascades = 4;
/// The logarithmic split's weight in the practical scheme: high, since the uniform part alone
/// would make the first slice a quarter of the site deep.
inline constexpr double kShadowSplitLambda = 0.9;
/// The last part of each slice (a share of its depth) where shading fades into the next map, so
/// that no seam shows where the texel size changes; the next slice starts that much earlier.
inline constexpr double kShadowBlendShare = 0.1;

/// The view depths (metres along the view direction) where slices end: `count` ends from
/// `nearPlane` (exclusive) to `farDepth` (the last), each lambda * the logarithmic end + (1 -
/// lambda) * the uniform one. Preconditions: 0 < nearPlane < farDepth, count >= 1.
std::vector<double> practicalSplits(double nearPlane, double farDepth, std::size_t count, double lambda);

/// The depth up to which the lit scene (a sphere, site frame) may be seen from `eye`, rounded up
/// to a power of 2^(1/4) so that slices keep their size while the camera moves; at least 1 m.
double shadowFarDepth(const glm::dvec3& eye, const glm::dvec3& sceneCentre, double sceneRadius);

/// The smallest sphere centred on the view axis that holds the frustum between view depths
/// `nearDepth` and `farDepth` (fovY radians, aspect width / height).
struct SliceSphere {
    double centreDepth = 0.0;  ///< Along the view direction, metres.
    double radius = 0.0;
};
SliceSphere sliceSphere(double fovY, double aspect, double nearDepth, double farDepth);

struct ShadowCascade {
    double nearDepth = 0.0, farDepth = 0.0;  ///< The view depths it holds (with the blend band).
    double blendFrom = 0.0;                  ///< Depth where shading starts fading into the next cascade.
    glm::dvec3 centre{0.0};                  ///< Its sphere's centre, camera-relative.
    double radius = 0.0;                     ///< Metres.
    /// Camera-relative position to the map's clip space: x, y in [-1, 1] over the sphere, depth
    /// reversed (1 at the eye on the sun's side of the scene, 0 at the sphere's far side).
    glm::dmat4 clipFromCamera{1.0};
    double texelMetres = 0.0;    ///< A map texel's width.
    double depthPerMetre = 0.0;  ///< Map depth per metre towards the sun.

    /// Whether anything within `radius` of `centre` (camera-relative) can shade a point of this
    /// cascade's sphere: inside the map's square and not wholly beyond the sphere's far side.
    bool reaches(const glm::dvec3& centre, double radius) const;
};

/// The cascades for `camera` (aspect width / height) lit from `sunDirection` (towards the sun,
/// site frame), over the lit scene within `sceneRadius` of `sceneCentre`; each map `mapSize`
/// texels square. Casters from anywhere in the scene on the sun's side stay in front of every
/// map's near plane.
std::array<ShadowCascade, kShadowCascades> fitShadowCascades(const Camera& camera, double aspect,
                                                             const glm::dvec3& sunDirection,
                                                             const glm::dvec3& sceneCentre, double sceneRadius,
                                                             std::uint32_t mapSize);

}  // namespace axis::render
