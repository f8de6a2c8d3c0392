#pragma once
// Internal to the LOD build: simplification of one group of clusters across attribute seams.
//
// Scans and glTF models split a vertex wherever its uv or normal changes (texture atlas seams,
// hard edges). Simplified by vertex index, those splits look like open borders, and with
// meshopt_SimplifyLockBorder they never collapse: a heavily seamed scan (Venus) stops shrinking
// after two or three levels. So a group is simplified on its *position* topology instead: copies
// of a vertex at the same position are welded into one, borders of the welded group (the group's
// outline, where it meets other groups, and real holes in the surface) stay locked, seams do not.
// Each corner of the result is then mapped back to one real copy (see mapBack in the .cpp): a
// triangle takes the copies whose uvs and normals agree best, i.e. the copies on one side of the
// seam. A triangle whose corners a collapse dragged across a seam keeps uvs from one side and so
// may show a slightly stretched texture; that only happens in coarse levels, within their error.
#include <cstdint>
#include <vector>

#include "scene/model.h"

namespace axis::lod {

struct Simplified {
    std::vector<std::uint32_t> indices;  ///< Into the vertices given, like the input.
    float error = 0.0f;                  ///< Absolute, model units.
};

/// Halves `merged` (a triangle list into `vertices`) with the group's position-space border
/// locked. Texture seams are kept where that still takes the group below 85%: welded, a triangle
/// may straddle the islands of a texture atlas and smear unrelated texels. Only groups the seams
/// stall are simplified welded. Works on a compact copy of the group's vertices: meshopt_simplify
/// costs O(vertex count) per call, which over the whole primitive would make the build quadratic.
Simplified simplifyGroup(const std::vector<std::uint32_t>& merged, const std::vector<Vertex>& vertices);

/// How much more geometric error a proxy that keeps texture seams may have than a welded one and
/// still be chosen: on atlas-textured scans, seams cost 2 to 3 times the error down to a few
/// triangles per island, then far more (there welding takes over: the model is small by then).
inline constexpr float kSeamErrorAllowance = 3.0f;

/// Simplifies a whole primitive (`indices`, nothing locked) to about `targetTriangles`, for the
/// far-distance chain of lod_build.h, two ways: on the real vertices (seams and hard edges kept)
/// and welded like simplifyGroup, where meshopt_simplifySloppy finishes what topology stops short
/// (open scan borders, tiny islands). The first wins unless its error is over
/// kSeamErrorAllowance x the second's. Empty when neither gets within twice the target.
Simplified simplifyWhole(const std::vector<std::uint32_t>& indices, const std::vector<Vertex>& vertices,
                         std::size_t targetTriangles);

/// Partitions clusters (triangle lists into `vertices`, given in a spatially coherent order) into
/// groups of at most maxPerGroup, growing each group from the first free cluster by the free
/// neighbour sharing the most positions with it. Grouping by shared border rather than by
/// distance matters: a simplified group is a fringe of triangles along its locked outline, and
/// only a group that contains that outline can simplify it away.
std::vector<std::vector<std::uint32_t>> groupByAdjacency(const std::vector<const std::vector<std::uint32_t>*>& clusters,
                                                         const std::vector<Vertex>& vertices, std::size_t maxPerGroup);

}  // namespace axis::lod
