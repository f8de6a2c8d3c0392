#pragma once
// Cluster LOD build, the bake-time half of scene/lod.h (read that first for the data layout).
// Point clouds: buildPointLod below. Steps per triangle primitive:
//  1. vertex cache order for the whole index list (meshopt_optimizeVertexCache);
//  2. level 0: a k-d split of triangle centroids into clusters of at most clusterTriangles,
//     each keeping the cache order;
//  3. each coarser level: group the previous level's clusters by shared border (groupClusters a
//     group, seeded in k-d order; lod_simplify.h says why adjacency and not distance),
//     merge a group, simplify it to half with its border locked (meshopt_SimplifyLockBorder), and
//     split the result into new clusters. Simplification keeps uv and normal seams: a triangle
//     that straddles two islands of a texture atlas smears unrelated texels. Where the seams
//     stall it, it runs on the group's vertices welded by position, so that seams collapse like
//     any other edge while the border where the group meets its neighbours stays put
//     (lod_simplify.h says how corners map back to real vertices). A group that will not shrink
//     below 85% keeps its clusters for the next level, where they are grouped with other
//     neighbours; they become roots once no group shrinks.
//     Group error = largest member error + this simplification's error (absolute, model units),
//     never less than a floor of 1e-6 of the primitive's size, so parents are strictly coarser;
//  4. far-distance proxies: whole-surface simplifications (nothing locked), the first a quarter
//     of the source, each next one half the one before; seams kept unless that costs over
//     kSeamErrorAllowance times the welded error (lod_simplify.h). Where the first proxy needs
//     kProxyAdvantage times fewer triangles than the DAG's cut at the same error, the DAG
//     clusters above that error are dropped and the proxies continue the hierarchy as ordinary
//     clusters (one bound per proxy level, enclosing all below);
//  5. vertex fetch order over all levels (meshopt_optimizeVertexFetchRemap): unreferenced vertices
//     are dropped, the rest follow first use.
#include <cstdint>
#include <vector>

#include "scene/lod.h"
#include "scene/model.h"

namespace axis {

struct LodBuildOptions {
    /// Small enough that occlusion culling finds whole clusters hidden behind a nearer model
    /// (512 hid 468 of 831 clusters of the end-on street, 128 hid 2,384 of 3,201 and drew 43% fewer
    /// triangles); clusters drawn together merge into one range, so their number costs little.
    std::uint32_t clusterTriangles = 128;
    std::uint32_t groupClusters = 4;       ///< Clusters merged and halved per step.
    std::uint32_t maxLevels = 24;
};

struct BuiltLod {
    std::vector<Vertex> vertices;         ///< Reordered; only those some triangle uses.
    std::vector<std::uint32_t> indices;   ///< All levels, level 0 first; relative to vertices.
    std::vector<LodCluster> clusters;     ///< firstIndex relative to `indices`; primitive = 0.
    std::uint32_t leafIndexCount = 0;
};

struct PointLodOptions {
    /// Points per level-0 cluster: few enough that a cloud's clusters cull and thin finely, many
    /// enough that a 100-million-point cloud stays at some 25,000 of them.
    std::uint32_t pointsPerCluster = 4096;
    std::uint32_t groupClusters = 4;  ///< Clusters merged per coarser level, keeping 1 point in this many.
};

/// Builds the hierarchy for one point primitive: the points in Morton order (near in space, near
/// in the stream), level 0 runs of pointsPerCluster of them, each coarser level merging
/// groupClusters neighbouring clusters into one that keeps every groupClusters-th point, with the
/// spacing of the points kept as its error. Clusters draw their points through the index stream
/// (level 0 is every point once, in order), so coarser levels cost indices, not vertices.
BuiltLod buildPointLod(const Primitive& primitive, const PointLodOptions& options = {});

/// Builds the hierarchy for one triangle primitive (precondition: Topology::Triangles and a
/// non-empty index list whose values are < vertices.size()). Deterministic for equal input.
BuiltLod buildLod(const Primitive& primitive, const LodBuildOptions& options = {});

}  // namespace axis
