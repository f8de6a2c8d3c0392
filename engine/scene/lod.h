#pragma once
// Cluster level of detail: the run-time half. asset/lod_build.h makes the data at bake time;
// this picks, each frame, which clusters to draw. CPU only, no Vulkan: the renderer uploads a
// model's index and vertex streams once and draws the DrawRanges selectLod returns.
//
// Data layout (stored as-is in the bake cache, so every struct here is plain, fixed-size data):
//  - One index stream per model (uint32, triangle lists). Each primitive owns a contiguous run of
//    it; inside that run, its clusters follow each other, level 0 (the original triangles) first,
//    then each coarser level. Indices are relative to the primitive's vertexOffset.
//  - Level-0 clusters together hold every original triangle exactly once. A coarser cluster is
//    part of a simplified copy of a *group* of finer clusters, whose outer border was locked while
//    simplifying, so a group and its simplified replacement cover the same surface with the same
//    border vertices.
//  - Each cluster carries two (sphere, error) pairs: `self` (the group it was simplified from; for
//    level 0 its own triangles and error 0) and `parent` (the group it was merged into; error
//    +infinity for a root). Every cluster of a group stores the same parent pair, and
//    parent.error >= self.error, parent sphere encloses self sphere: projected error grows
//    monotonically towards the roots.
//  - The cut: draw a cluster iff projected(self) <= bound < projected(parent). Siblings decide
//    alike and a group is drawn either whole or fully replaced, so the cut is crack-free.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "scene/camera.h"
#include "scene/model.h"

namespace axis {

/// A bounding sphere (xyz centre, w radius) and a geometric error, both in model units.
struct LodBound {
    glm::vec4 sphere{0.0f};
    float error = 0.0f;  ///< Largest distance from the original surface; +inf for "no parent".
};

/// One cluster: a run of indices drawn as a unit. 72 bytes.
struct LodCluster {
    glm::vec4 cullSphere{0.0f};  ///< Sphere of this cluster's own triangles, for frustum culling.
    LodBound self;
    LodBound parent;
    std::uint32_t firstIndex = 0;  ///< Into the model's index stream (absolute).
    std::uint32_t indexCount = 0;  ///< 0 for point clusters: they draw vertexCount vertices.
    std::uint32_t primitive = 0;   ///< Index into the LodPrimitive table.
    std::uint32_t level = 0;       ///< 0 = original triangles; higher is coarser.
};
static_assert(sizeof(LodCluster) == 72);

/// Per-primitive draw state shared by its clusters. 36 bytes.
struct LodPrimitive {
    std::uint32_t topology = 0;      ///< Topology as an integer.
    std::uint32_t material = 0;      ///< Index into the model's materials.
    std::uint32_t vertexOffset = 0;  ///< First vertex of this primitive in the vertex stream.
    std::uint32_t vertexCount = 0;
    std::uint32_t firstIndex = 0;    ///< This primitive's run in the index stream, all levels.
    std::uint32_t indexCount = 0;
    std::uint32_t leafIndexCount = 0;  ///< The first leafIndexCount indices of the run = level 0.
    std::uint32_t firstCluster = 0;
    std::uint32_t clusterCount = 0;
};
static_assert(sizeof(LodPrimitive) == 36);

/// A model's LOD data: spans into a bake cache mapping (or any storage the caller keeps alive).
struct LodData {
    std::span<const LodPrimitive> primitives;
    std::span<const LodCluster> clusters;
};

/// One draw call: vkCmdDrawIndexed(indexCount, 1, firstIndex, vertexOffset, 0), or for
/// indexCount == 0, vkCmdDraw(vertexCount, 1, vertexOffset, 0).
struct DrawRange {
    std::uint32_t primitive = 0;
    std::uint32_t cluster = 0;  ///< The range's first cluster (of several when merged).
    std::uint32_t material = 0;
    Topology topology = Topology::Triangles;
    std::uint32_t firstIndex = 0;
    std::uint32_t indexCount = 0;
    std::int32_t vertexOffset = 0;
    std::uint32_t vertexCount = 0;
    /// Where the indices and vertices live when a renderer pages geometry (render/geometry_pages.h):
    /// then firstIndex and vertexOffset are within that page. kNoPage: the model's own streams.
    std::uint32_t page = kNoPage;
    static constexpr std::uint32_t kNoPage = UINT32_MAX;
};

/// What the camera sees. The camera is in the site frame; modelToSite places the model there.
struct LodRequest {
    Camera camera;
    glm::dmat4 modelToSite{1.0};
    double viewportHeightPx = 1080.0;
    double aspect = 16.0 / 9.0;     ///< Width / height, for the side planes of the frustum.
    double pixelErrorBound = 1.0;   ///< Largest allowed on-screen error; 0 selects full detail.
    bool frustumCull = true;
    /// Merge adjacent clusters into one range. Off when each cluster is tested for occlusion.
    bool mergeRanges = true;
};

struct LodStats {
    std::uint64_t clustersSelected = 0;  ///< Passed the LOD test.
    std::uint64_t clustersCulled = 0;    ///< Of those, dropped by the frustum.
    std::uint64_t triangles = 0;         ///< Drawn.
    std::uint32_t finestLevel = 0, coarsestLevel = 0;
};

/// Error in pixels of `bound` seen from `request`'s camera: error / distance to the sphere's
/// surface (clamped to the near plane), scaled by viewportHeightPx / (2 tan(fovY / 2)). Scaled
/// models scale sphere and error by the transform's largest axis scale.
double projectedErrorPx(const LodBound& bound, const LodRequest& request);

/// True when the cluster belongs to the cut for this request (LOD test only, no culling).
bool inLodCut(const LodCluster& cluster, const LodRequest& request);

/// True when the sphere (model space) is at least partly inside the view frustum: near plane and
/// four side planes; no far plane (the renderer uses reversed Z with an infinite far plane).
bool sphereInFrustum(const glm::vec4& sphere, const LodRequest& request);

/// A sphere given in model space (xyz centre, w radius), placed in the site frame: the centre
/// transformed, the radius scaled by the transform's largest axis scale.
glm::dvec4 sphereInSite(const glm::vec4& sphere, const glm::dmat4& modelToSite);

/// Ranges with contiguous indices of one primitive joined into one (selectLod's merging).
std::vector<DrawRange> mergeAdjacent(std::span<const DrawRange> ranges);

/// The draw ranges for this frame, in index-stream order; adjacent selected clusters of one
/// primitive are merged, so full detail is one range per primitive. Cheap: one pass over the
/// clusters (a few thousand for a million triangles); call it every frame, from any thread.
std::vector<DrawRange> selectLod(const LodData& lod, const LodRequest& request, LodStats* stats = nullptr);

}  // namespace axis
