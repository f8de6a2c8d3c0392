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
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "scene/camera.h"

namespace axis::render {

/// Four: on a 7.8 km site the nearest slice then ends about 100 m out (19 cm texels in a 1024
/// map for a 16:9 view: shadows on what is walked past are twice as sharp as the single 400 m map
/// had) and the next ones at about 220 m and 680 m; each further slice costs another pass over its
/// casters, which lavapipe feels (render/scene_renderer.cpp, and tools/bench/shadow_bench.cpp).
inline constexpr std::size_t kShadowCascades = 4;
/// The logarithmic split's weight in the practical scheme: high, since a site kilometres long
/// makes the uniform part large (alone it would make the first slice a quarter of the site deep;
/// at 0.9 the first slice would be 200 m).
inline constexpr double kShadowSplitLambda = 0.95;
/// The last part of each slice (a share of its depth) where shading fades into the next map (a
/// growing, dithered share of pixels reads it), so that no seam shows where the texel size
/// changes; the next slice starts that much earlier.
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
    /// The sun's view axes for camera-relative directions (x, y across the map, z away from the
    /// sun): the same rotation for every cascade, whose clipFromCamera is it scaled per axis and
    /// moved, which lets shading rotate a point once for all cascades.
    glm::dmat3 sunFromCamera{1.0};
    double texelMetres = 0.0;    ///< A map texel's width.
    double depthPerMetre = 0.0;  ///< Map depth per metre towards the sun.
    /// The part of the map (clip x, y: min xy, max zw) that shading can read: where the slice and
    /// the lit scene's box overlap, a few texels wider. Only it is drawn.
    glm::dvec4 receivers{-1.0, -1.0, 1.0, 1.0};

    /// Whether anything within `radius` of `centre` (camera-relative) can shade a point that this
    /// cascade's receivers read: inside their part of the map and not wholly beyond the sphere's
    /// far side.
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

/// Narrows each cascade's `receivers` to the projection of its slice of the view (camera,
/// aspect as for the fit) where it overlaps the lit scene's box (site frame), grown by 4 texels
/// for the normal offset and the filter. On a long, narrow site this is a strip of each map: the
/// rest is never read, so it needs no casters drawn.
void narrowToReceivers(std::span<ShadowCascade> cascades, const Camera& camera, double aspect,
                       const glm::dvec3& sceneMin, const glm::dvec3& sceneMax, std::uint32_t mapSize);

}  // namespace axis::render
