// Cluster LOD for point clouds: the bake-time half for Topology::Points (lod_build.h).
#include <algorithm>
#include <cmath>
#include <limits>

#include "asset/lod_build.h"

namespace axis {
namespace {

using Indices = std::vector<std::uint32_t>;

// Interleaves the low 21 bits of x, y and z: points near in space get near codes.
std::uint64_t spreadBits(std::uint64_t v) {
    v &= 0x1fffff;
    v = (v | v << 32) & 0x1f00000000ffffull;
    v = (v | v << 16) & 0x1f0000ff0000ffull;
    v = (v | v << 8) & 0x100f00f00f00f00full;
    v = (v | v << 4) & 0x10c30c30c30c30c3ull;
    v = (v | v << 2) & 0x1249249249249249ull;
    return v;
}

std::vector<Vertex> inMortonOrder(const std::vector<Vertex>& vertices) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const Vertex& v : vertices) lo = glm::min(lo, v.position), hi = glm::max(hi, v.position);
    const glm::vec3 scale = float((1 << 21) - 1) / glm::max(hi - lo, glm::vec3(1e-30f));
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(vertices.size());
    for (std::uint32_t i = 0; i < vertices.size(); ++i) {
        const glm::vec3 q = (vertices[i].position - lo) * scale;
        keyed[i] = {
            spreadBits(std::uint64_t(q.x)) | spreadBits(std::uint64_t(q.y)) << 1 | spreadBits(std::uint64_t(q.z)) << 2,
            i};
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<Vertex> out;
    out.reserve(vertices.size());
    for (const auto& [key, i] : keyed) out.push_back(vertices[i]);
    return out;
}

glm::vec4 sphereOf(const Indices& indices, const std::vector<Vertex>& vertices) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (std::uint32_t i : indices) lo = glm::min(lo, vertices[i].position), hi = glm::max(hi, vertices[i].position);
    const glm::vec3 c = (lo + hi) * 0.5f;
    float r = 0.0f;
    for (std::uint32_t i : indices) r = std::max(r, glm::length(vertices[i].position - c));
    return {c, r * (1.0f + 1e-6f)};
}

glm::vec4 sphereAround(std::span<const LodCluster> clusters) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const LodCluster& c : clusters)
        lo = glm::min(lo, glm::vec3(c.self.sphere) - c.self.sphere.w),
        hi = glm::max(hi, glm::vec3(c.self.sphere) + c.self.sphere.w);
    const glm::vec3 centre = (lo + hi) * 0.5f;
    float r = 0.0f;
    for (const LodCluster& c : clusters)
        r = std::max(r, glm::length(glm::vec3(c.self.sphere) - centre) + c.self.sphere.w);
    return {centre, r * (1.0f + 1e-6f)};
}

// The gap between neighbouring points when `count` of them spread over a surface inside a sphere
// of `radius`: a scan samples surfaces, whose area there is about a disc's.
float spacing(float radius, std::size_t count) {
    return radius * std::sqrt(3.14159265f / float(std::max<std::size_t>(count, 1)));
}

}  // namespace

BuiltLod buildPointLod(const Primitive& primitive, const PointLodOptions& options) {
    BuiltLod out;
    out.vertices = inMortonOrder(primitive.vertices);
    const std::uint32_t n = std::uint32_t(out.vertices.size());
    const std::uint32_t perCluster = std::max(1u, options.pointsPerCluster);
    const std::uint32_t group = std::max(2u, options.groupClusters);
    // Level 0: runs of consecutive points, all of them once.
    std::vector<Indices> level;
    for (std::uint32_t first = 0; first < n; first += perCluster) {
        Indices run(std::min(perCluster, n - first));
        for (std::uint32_t k = 0; k < run.size(); ++k) run[k] = first + k;
        level.push_back(std::move(run));
    }
    std::vector<std::size_t> levelStart{0};  // Index of each level's first cluster in out.clusters.
    for (const Indices& run : level) {
        LodCluster c;
        c.cullSphere = sphereOf(run, out.vertices);
        c.self = {c.cullSphere, 0.0f};
        c.parent = {c.cullSphere, std::numeric_limits<float>::infinity()};
        out.clusters.push_back(c);
    }
    std::vector<Indices> runs = level;
    // Each coarser level: `group` neighbouring clusters become one, keeping every group-th point
    // (Morton order interleaves space, so that thins them evenly). Its error is the spacing of the
    // points it keeps, never under its children's.
    for (std::uint32_t depth = 1; level.size() > 1; ++depth) {
        const std::size_t start = levelStart.back();
        levelStart.push_back(out.clusters.size());
        std::vector<Indices> coarser;
        for (std::size_t g = 0; g < level.size(); g += group) {
            const std::size_t end = std::min(level.size(), g + group);
            Indices kept;
            std::size_t k = 0;
            for (std::size_t c = g; c < end; ++c)
                for (std::uint32_t i : level[c])
                    if (k++ % group == 0) kept.push_back(i);
            std::span<LodCluster> children(out.clusters.data() + start + g, end - g);
            float childError = 0.0f;
            for (const LodCluster& c : children) childError = std::max(childError, c.self.error);
            const glm::vec4 sphere = sphereAround(children);
            const LodBound bound{sphere, std::max(spacing(sphere.w, kept.size()), childError * 1.001f + 1e-7f)};
            for (LodCluster& c : children) c.parent = bound;
            LodCluster c;
            c.cullSphere = sphereOf(kept, out.vertices);
            c.self = bound;
            c.parent = {sphere, std::numeric_limits<float>::infinity()};
            c.level = depth;
            coarser.push_back(std::move(kept));
            out.clusters.push_back(c);
        }
        runs.insert(runs.end(), coarser.begin(), coarser.end());
        level = std::move(coarser);
    }
    // The index stream, cluster by cluster: level 0 first (every point once, in order).
    for (std::size_t c = 0; c < out.clusters.size(); ++c) {
        out.clusters[c].firstIndex = std::uint32_t(out.indices.size());
        out.clusters[c].indexCount = std::uint32_t(runs[c].size());
        out.indices.insert(out.indices.end(), runs[c].begin(), runs[c].end());
    }
    out.leafIndexCount = n;
    return out;
}

}  // namespace axis
