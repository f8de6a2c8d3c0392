#include "asset/lod_build.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <unordered_set>

#include <meshoptimizer.h>

#include "asset/lod_simplify.h"

namespace axis {
namespace {

using Indices = std::vector<std::uint32_t>;

struct WorkCluster {
    Indices indices;  // Into the primitive's original vertices.
    LodCluster lod;
};

// Splits `items` into leaves of at most maxPerLeaf by median cuts along the longest axis of their
// centres. Every leaf but one is full, which keeps clusters and groups even.
void kdSplit(std::span<std::uint32_t> items, const std::vector<glm::vec3>& centers, std::size_t maxPerLeaf,
             std::vector<std::span<std::uint32_t>>& leaves) {
    if (items.size() <= maxPerLeaf) {
        leaves.push_back(items);
        return;
    }
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (std::uint32_t i : items) lo = glm::min(lo, centers[i]), hi = glm::max(hi, centers[i]);
    glm::vec3 extent = hi - lo;
    int axis = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
    std::size_t leavesNeeded = (items.size() + maxPerLeaf - 1) / maxPerLeaf;
    std::size_t mid = (leavesNeeded / 2) * maxPerLeaf;
    std::nth_element(items.begin(), items.begin() + mid, items.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return centers[a][axis] < centers[b][axis]; });
    kdSplit(items.subspan(0, mid), centers, maxPerLeaf, leaves);
    kdSplit(items.subspan(mid), centers, maxPerLeaf, leaves);
}

glm::vec4 sphereOfPoints(const Indices& indices, const std::vector<Vertex>& vertices) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (std::uint32_t i : indices) lo = glm::min(lo, vertices[i].position), hi = glm::max(hi, vertices[i].position);
    glm::vec3 c = (lo + hi) * 0.5f;
    float r = 0.0f;
    for (std::uint32_t i : indices) r = std::max(r, glm::length(vertices[i].position - c));
    return glm::vec4(c, r * (1.0f + 1e-6f));  // Rounding must never leave a point outside.
}

glm::vec4 sphereOfSpheres(const std::vector<glm::vec4>& spheres) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const glm::vec4& s : spheres)
        lo = glm::min(lo, glm::vec3(s) - s.w), hi = glm::max(hi, glm::vec3(s) + s.w);
    glm::vec3 c = (lo + hi) * 0.5f;
    float r = 0.0f;
    for (const glm::vec4& s : spheres) r = std::max(r, glm::length(glm::vec3(s) - c) + s.w);
    return glm::vec4(c, r * (1.0f + 1e-6f));
}

// Splits a triangle list into clusters of at most maxTriangles, each in its original order.
std::vector<Indices> splitIntoClusters(const Indices& indices, const std::vector<Vertex>& vertices,
                                       std::size_t maxTriangles) {
    std::size_t triangles = indices.size() / 3;
    std::vector<glm::vec3> centroids(triangles);
    std::vector<std::uint32_t> order(triangles);
    for (std::size_t t = 0; t < triangles; ++t) {
        centroids[t] = (vertices[indices[3 * t]].position + vertices[indices[3 * t + 1]].position +
                        vertices[indices[3 * t + 2]].position) / 3.0f;
        order[t] = static_cast<std::uint32_t>(t);
    }
    std::vector<std::span<std::uint32_t>> leaves;
    kdSplit(order, centroids, maxTriangles, leaves);
    std::vector<Indices> clusters;
    clusters.reserve(leaves.size());
    for (auto leaf : leaves) {
        std::sort(leaf.begin(), leaf.end());  // Back to vertex-cache order.
        Indices& out = clusters.emplace_back();
        out.reserve(leaf.size() * 3);
        for (std::uint32_t t : leaf) out.insert(out.end(), indices.begin() + 3 * t, indices.begin() + 3 * t + 3);
    }
    return clusters;
}

class Builder {
public:
    Builder(const Primitive& p, const LodBuildOptions& o) : vertices_(p.vertices), options_(o) {
        Bounds b;
        for (const Vertex& v : vertices_) b.add(glm::dvec3(v.position));
        errorFloor_ = static_cast<float>(std::max(b.radius(), 1e-9) * 1e-6);
    }

    void buildLeaves(const Indices& indices) {
        Indices cached(indices.size());
        meshopt_optimizeVertexCache(cached.data(), indices.data(), indices.size(), vertices_.size());
        for (Indices& c : splitIntoClusters(cached, vertices_, options_.clusterTriangles)) {
            glm::vec4 sphere = sphereOfPoints(c, vertices_);
            addCluster(std::move(c), LodBound{sphere, 0.0f}, 0);
        }
    }

    // One step up: `current` becomes the new clusters plus those whose group would not shrink,
    // which try again next level among other neighbours (their borders then differ). Returns
    // false when no group shrank: what is left are the roots.
    bool buildLevel(std::vector<std::uint32_t>& current, std::uint32_t level) {
        std::vector<glm::vec3> centers(clusters_.size());
        for (std::uint32_t id : current) centers[id] = glm::vec3(clusters_[id].lod.self.sphere);
        // A k-d order of the clusters seeds the groups; shared borders then fill them.
        std::vector<std::span<std::uint32_t>> leaves;
        kdSplit(current, centers, options_.groupClusters, leaves);
        std::vector<std::uint32_t> order;
        std::vector<const Indices*> lists;
        for (auto leaf : leaves)
            for (std::uint32_t id : leaf) order.push_back(id), lists.push_back(&clusters_[id].indices);
        std::vector<std::vector<std::uint32_t>> groups = lod::groupByAdjacency(lists, vertices_, options_.groupClusters);
        for (auto& group : groups)
            for (std::uint32_t& member : group) member = order[member];
        std::vector<std::uint32_t> next;
        bool shrank = false;
        for (auto group : groups) {
            if (simplify(group, level, next)) shrank = true;
            else next.insert(next.end(), group.begin(), group.end());
        }
        current = std::move(next);
        return shrank;
    }

    // The far-distance chain. Group simplification with locked borders loses shape on the way up
    // (every level adds its error, and the borders it must keep grow relatively), so near the
    // top of the DAG a statue 30 pixels tall would still cost ~10,000 triangles. Simplifying the
    // whole surface at once has no borders to keep: for the same error it needs far fewer
    // triangles. So the DAG is cut where the first such "proxy" beats it (fewer triangles than
    // the DAG's cut at the proxy's error, kProxyAdvantage times over), the clusters above are
    // dropped, and proxies, each half the one before, take over. A proxy level is an ordinary
    // set of clusters whose bound encloses every bound below it with a larger error, so the cut
    // draws either the DAG or one proxy level, never both (see scene/lod.h).
    void addProxies(std::vector<std::uint32_t>& roots, std::uint32_t level, const Indices& original) {
        std::vector<Proxy> chain = proxyChain(original);
        std::vector<glm::vec4> spheres;
        for (std::uint32_t id : roots) spheres.push_back(clusters_[id].lod.self.sphere);
        const glm::vec4 whole = sphereOfSpheres(spheres);
        std::size_t first = 0;
        // Near views keep the DAG, which refines per cluster as the view needs; a proxy is one
        // level for the whole model, so it only takes over where it is much cheaper.
        while (first < chain.size() &&
               chain[first].indices.size() / 3 * kProxyAdvantage > dagTriangles(chain[first].error))
            ++first;
        if (first == chain.size()) return;  // The DAG is as good all the way up: keep it.
        // Keep the clusters at or below the proxy's error; those whose parent was above it are
        // the new roots.
        const float cut = chain[first].error;
        roots.clear();
        for (std::uint32_t id = 0; id < clusters_.size(); ++id) {
            WorkCluster& c = clusters_[id];
            if (c.lod.self.error >= cut) dropped_.insert(id);
            else if (c.lod.parent.error >= cut) roots.push_back(id);
        }
        float previous = cut;
        for (std::size_t k = first; k < chain.size(); ++k, ++level) {
            const LodBound bound{whole, k == first ? cut : std::max(chain[k].error, previous * 1.001f + errorFloor_)};
            for (std::uint32_t id : roots) clusters_[id].lod.parent = bound;
            roots.clear();
            for (Indices& c : splitIntoClusters(chain[k].indices, vertices_, options_.clusterTriangles)) {
                roots.push_back(static_cast<std::uint32_t>(clusters_.size()));
                addCluster(std::move(c), bound, level);
            }
            previous = bound.error;
        }
    }

    bool dropped(std::uint32_t id) const { return dropped_.count(id) != 0; }
    const std::vector<WorkCluster>& clusters() const { return clusters_; }
    const std::vector<Vertex>& vertices() const { return vertices_; }

private:
    void addCluster(Indices indices, const LodBound& self, std::uint32_t level) {
        WorkCluster& c = clusters_.emplace_back();
        c.lod.cullSphere = sphereOfPoints(indices, vertices_);
        c.lod.self = self;
        c.lod.parent = LodBound{c.lod.cullSphere, std::numeric_limits<float>::infinity()};
        c.lod.level = level;
        c.indices = std::move(indices);
    }

    struct Proxy {
        Indices indices;
        float error = 0.0f;  // Against the original surface (an upper bound: the errors add up).
    };

    static constexpr std::size_t kFewestProxyTriangles = 64;
    static constexpr std::size_t kSmallestProxiedPrimitive = 16384;
    static constexpr std::size_t kProxyAdvantage = 2;

    // Whole-surface simplifications of the primitive, each half the one before: a quarter and an
    // eighth of the original straight from it, the rest from their predecessor. Finer proxies
    // never beat the DAG, which is at its best near full detail. The quarter is there for
    // textured scans, whose proxies keep seams at twice the welded error: without it, the view
    // that frames the whole model fell to a DAG cut of three times the triangles. The eighth
    // comes from the original too, because chained errors add up: from the quarter, it would
    // carry both errors and be drawn only from twice as far.
    std::vector<Proxy> proxyChain(const Indices& original) const {
        std::vector<Proxy> chain;
        // Small models are cheap anyway, and their hard edges stay exact.
        if (original.size() / 3 < kSmallestProxiedPrimitive) return chain;
        for (std::size_t divisor : {4, 8}) {
            lod::Simplified s = lod::simplifyWhole(original, vertices_, original.size() / 3 / divisor);
            if (s.indices.empty() || (!chain.empty() && s.indices.size() >= chain.back().indices.size())) break;
            chain.push_back({std::move(s.indices), std::max(s.error, errorFloor_)});
        }
        if (chain.size() < 2) return chain;  // The eighth failed: so would anything coarser.
        while (true) {
            const Proxy& source = chain.back();
            const std::size_t target = source.indices.size() / 3 / 2;
            if (target < kFewestProxyTriangles) break;
            lod::Simplified s = lod::simplifyWhole(source.indices, vertices_, target);
            if (s.indices.empty() || s.indices.size() >= source.indices.size()) break;
            chain.push_back({std::move(s.indices), source.error + std::max(s.error, errorFloor_)});
        }
        return chain;
    }

    // Triangles the DAG draws where `error` (model units) is just allowed.
    std::size_t dagTriangles(float error) const {
        std::size_t n = 0;
        for (const WorkCluster& c : clusters_)
            if (c.lod.self.error <= error && c.lod.parent.error > error) n += c.indices.size() / 3;
        return n;
    }

    // Returns false, changing nothing, when the group will not shrink below 85%.
    bool simplify(std::span<const std::uint32_t> group, std::uint32_t level, std::vector<std::uint32_t>& next) {
        Indices merged;
        std::vector<glm::vec4> spheres;
        float childError = 0.0f;
        for (std::uint32_t id : group) {
            const WorkCluster& c = clusters_[id];
            merged.insert(merged.end(), c.indices.begin(), c.indices.end());
            spheres.push_back(c.lod.self.sphere);
            childError = std::max(childError, c.lod.self.error);
        }
        lod::Simplified s = lod::simplifyGroup(merged, vertices_);
        if (s.indices.empty() || s.indices.size() > merged.size() * 85 / 100) return false;
        LodBound bound{sphereOfSpheres(spheres), childError + std::max(s.error, errorFloor_)};
        for (std::uint32_t id : group) clusters_[id].lod.parent = bound;
        for (Indices& c : splitIntoClusters(s.indices, vertices_, options_.clusterTriangles)) {
            next.push_back(static_cast<std::uint32_t>(clusters_.size()));
            addCluster(std::move(c), bound, level);
        }
        return true;
    }

    std::vector<Vertex> vertices_;
    LodBuildOptions options_;
    float errorFloor_ = 0.0f;
    std::vector<WorkCluster> clusters_;
    std::unordered_set<std::uint32_t> dropped_;  // DAG clusters above the first proxy.
};

// Concatenates cluster indices (creation order is level order) and reorders vertices by first use.
BuiltLod assemble(const Builder& builder) {
    BuiltLod out;
    for (std::uint32_t id = 0; id < builder.clusters().size(); ++id) {
        if (builder.dropped(id)) continue;
        const WorkCluster& c = builder.clusters()[id];
        LodCluster lod = c.lod;
        lod.firstIndex = static_cast<std::uint32_t>(out.indices.size());
        lod.indexCount = static_cast<std::uint32_t>(c.indices.size());
        if (lod.level == 0) out.leafIndexCount += lod.indexCount;
        out.indices.insert(out.indices.end(), c.indices.begin(), c.indices.end());
        out.clusters.push_back(lod);
    }
    const std::vector<Vertex>& in = builder.vertices();
    std::vector<unsigned int> remap(in.size());
    std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), out.indices.data(), out.indices.size(), in.size());
    out.vertices.resize(used);
    for (std::size_t i = 0; i < in.size(); ++i)
        if (remap[i] != ~0u) out.vertices[remap[i]] = in[i];
    for (std::uint32_t& i : out.indices) i = remap[i];
    return out;
}

}  // namespace

BuiltLod buildLod(const Primitive& primitive, const LodBuildOptions& options) {
    Builder builder(primitive, options);
    builder.buildLeaves(primitive.indices);
    std::vector<std::uint32_t> current;
    for (std::uint32_t i = 0; i < builder.clusters().size(); ++i) current.push_back(i);
    std::uint32_t level = 1;
    for (; level <= options.maxLevels && current.size() > 1; ++level)
        if (!builder.buildLevel(current, level)) break;
    builder.addProxies(current, level, primitive.indices);
    return assemble(builder);
}

}  // namespace axis
