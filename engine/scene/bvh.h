#pragma once
// A bounding volume hierarchy over the triangles of a set of placed models, for picking (rays),
// occlusion (any hit) and collision (capsule and nearest-point queries).
//
// Frames and precision: every query takes and returns site-frame coordinates in double (metres,
// x east, y north, z up). Inside, triangles are stored as floats relative to origin() (the centre
// of all placed geometry), so a site placed at projected coordinates (~1e6 m) keeps millimetres;
// hit positions are refined in double.
//
// Build cost: binned SAH, about a second per million triangles on one core. Queries are read-only
// and may run from several threads at once. Point-cloud primitives and degenerate triangles are
// not in the BVH (they can be neither picked nor collided with).
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "scene/clipping.h"
#include "scene/hit.h"
#include "scene/model.h"

namespace axis {

/// Triangles in model space held elsewhere than in a Model (a bake cache's vertex stream):
/// positions as three floats at the start of every `stride` bytes of `vertices`, three indices
/// a triangle into them.
struct TriangleMeshView {
    std::span<const std::byte> vertices;
    std::uint32_t stride = 12;
    std::span<const std::uint32_t> indices;
};

/// A model and where it sits in the site. What it points to is only read during Bvh::build.
struct PlacedModel {
    const Model* model = nullptr;      ///< Its triangle primitives, or none: then `meshes`.
    glm::dmat4 modelToSite{1.0};       ///< Model coordinates to site frame (ModelPlacement::transform()).
    std::vector<TriangleMeshView> meshes;  ///< When `model` is null.
    Bounds meshBounds;                     ///< Of `meshes`, model space (empty: computed).
    static constexpr std::uint32_t kOwnIndex = UINT32_MAX;
    /// What Hit::model says for its triangles: its index in the span built from, or another's
    /// (a 3D tile reports its tileset).
    std::uint32_t reportAs = kOwnIndex;
    /// Section planes and clip boxes (site frame): a triangle they cut away whole is left out, so
    /// that nobody picks, stands on or bumps into what is not shown.
    Clipping clipping;
};

class Bvh {
public:
    /// Builds over all triangle primitives of `models`; Hit::model indexes this span.
    /// An empty or points-only input gives an empty BVH whose queries find nothing.
    static Bvh build(std::span<const PlacedModel> models);

    /// Nearest hit along the ray within (0, maxDistance]. `dir` need not be unit length (it is
    /// normalised; a zero `dir` finds nothing). Both faces of a triangle are hit; the normal faces
    /// the ray. Typically a few microseconds on a million-triangle scan.
    std::optional<Hit> raycast(const glm::dvec3& origin, const glm::dvec3& dir, double maxDistance) const;

    /// Whether anything lies on the ray within (0, maxDistance]; cheaper than raycast (stops early).
    bool anyHit(const glm::dvec3& origin, const glm::dvec3& dir, double maxDistance) const;

    /// The surface point nearest `center` within `radius` metres (normal facing `center`).
    std::optional<Hit> closestPoint(const glm::dvec3& center, double radius) const;

    /// Every triangle closer than `radius` to the segment a-b (a capsule; a == b for a sphere):
    /// one Contact per triangle, appended to `out` (not cleared). For collision response.
    void capsuleContacts(const glm::dvec3& a, const glm::dvec3& b, double radius,
                         std::vector<Contact>& out) const;

    /// The corners (site frame) of every triangle closer than `radius` to `center`, appended to
    /// `out` (not cleared). For snapping a picked point to nearby vertices and edges.
    void trianglesNear(const glm::dvec3& center, double radius, std::vector<std::array<glm::dvec3, 3>>& out) const;

    std::size_t triangleCount() const { return triangles_.size(); }
    std::size_t nodeCount() const { return nodes_.size(); }
    /// Box of all triangles, site frame; empty() for an empty BVH.
    Bounds bounds() const;
    /// Where the float-relative triangle frame sits in the site frame.
    const glm::dvec3& origin() const { return origin_; }

    /// Flattened node, 32 bytes. Interior: first child is the next node, second is `offset`.
    /// Leaf (count > 0): triangles [offset, offset + count).
    struct Node {
        glm::vec3 min;
        std::uint32_t offset;
        glm::vec3 max;
        std::uint32_t count;
    };
    /// A triangle relative to origin(): one corner and two edges, as the ray test wants them.
    struct Triangle {
        glm::vec3 v0, e1, e2;
    };
    /// Where a triangle came from, for Hit::model and Hit::triangle.
    struct Source {
        std::uint32_t model, triangle;
    };

private:
    friend class BvhBuilder;
    glm::dvec3 origin_{0.0};
    std::vector<Node> nodes_;
    std::vector<Triangle> triangles_;  ///< In leaf order.
    std::vector<Source> sources_;      ///< Parallel to triangles_.
};

/// Reference implementation for tests and benchmarks: the same answer as Bvh::raycast by testing
/// every triangle of `models` in double precision. Slow (linear in triangles).
std::optional<Hit> raycastBruteForce(std::span<const PlacedModel> models, const glm::dvec3& origin,
                                     const glm::dvec3& dir, double maxDistance);

}  // namespace axis
