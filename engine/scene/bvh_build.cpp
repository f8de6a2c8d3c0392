// Bvh::build: gathers placed triangles into the float frame around origin(), then a recursive
// binned-SAH split (16 bins on each axis) into depth-first flattened nodes.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <optional>

#include "scene/bvh.h"

namespace axis {

namespace {

constexpr int kBins = 16;
constexpr std::uint32_t kMaxLeaf = 8;   // Forced split above this; SAH decides below it.
constexpr float kTraversalCost = 1.0f;  // Relative to one triangle test.
constexpr int kMaxDepth = 48;  // Deeper: split by index, halving; queries keep a 96-entry stack.

struct Box {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};
    void add(const glm::vec3& p) { min = glm::min(min, p); max = glm::max(max, p); }
    void add(const Box& b) { min = glm::min(min, b.min); max = glm::max(max, b.max); }
    float area() const {
        if (min.x > max.x) return 0.0f;
        const glm::vec3 d = max - min;
        return 2.0f * (d.x * d.y + d.y * d.z + d.z * d.x);
    }
};

}  // namespace

class BvhBuilder {
public:
    explicit BvhBuilder(Bvh& out) : out_(out) {}

    void gather(std::span<const PlacedModel> models) {
        Bounds all;
        for (const PlacedModel& pm : models) {
            const Bounds b = modelBounds(pm);
            if (!b.empty()) all.add(b.transformed(pm.modelToSite));
        }
        out_.origin_ = all.empty() ? glm::dvec3(0.0) : all.center();
        for (std::uint32_t m = 0; m < models.size(); ++m) {
            const PlacedModel& pm = models[m];
            const std::uint32_t id = pm.reportAs == PlacedModel::kOwnIndex ? m : pm.reportAs;
            std::uint32_t triangle = 0;
            cuts_ = pm.clipping.halfSpaces();
            if (pm.model) {
                for (const Primitive& prim : pm.model->primitives)
                    if (prim.topology == Topology::Triangles)
                        gatherTriangles(prim.indices, pm.modelToSite, id, triangle, [&](std::uint32_t i) {
                            return i < prim.vertices.size() ? std::optional(prim.vertices[i].position) : std::nullopt;
                        });
            } else {
                for (const TriangleMeshView& mesh : pm.meshes)
                    gatherTriangles(mesh.indices, pm.modelToSite, id, triangle,
                                    [&](std::uint32_t i) { return positionOf(mesh, i); });
            }
        }
    }

    void build() {
        const auto n = static_cast<std::uint32_t>(tris_.size());
        ids_.resize(n);
        std::iota(ids_.begin(), ids_.end(), 0u);
        out_.nodes_.reserve(n ? 2 * n / 3 + 1 : 0);
        if (n) buildNode(0, n, 0);
        out_.triangles_.resize(n);
        out_.sources_.resize(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            out_.triangles_[i] = tris_[ids_[i]];
            out_.sources_[i] = sources_[ids_[i]];
        }
    }

private:
    static std::optional<glm::vec3> positionOf(const TriangleMeshView& mesh, std::uint32_t i) {
        const std::size_t at = std::size_t(i) * mesh.stride;
        if (mesh.stride < sizeof(glm::vec3) || at + sizeof(glm::vec3) > mesh.vertices.size()) return std::nullopt;
        glm::vec3 p;
        std::memcpy(&p, mesh.vertices.data() + at, sizeof p);
        return p;
    }

    bool keptByCuts(const glm::dvec3& p) const {
        for (const glm::dvec4& h : cuts_)
            if (glm::dot(glm::dvec3(h), p) + h.w < 0.0) return false;
        return true;
    }

    static Bounds modelBounds(const PlacedModel& pm) {
        Bounds b = pm.model ? pm.model->bounds : pm.meshBounds;
        if (!b.empty()) return b;
        if (pm.model) {
            for (const Primitive& prim : pm.model->primitives)
                for (const Vertex& v : prim.vertices) b.add(glm::dvec3(v.position));
        } else {
            for (const TriangleMeshView& mesh : pm.meshes)
                for (std::uint32_t i = 0; auto p = positionOf(mesh, i); ++i) b.add(glm::dvec3(*p));
        }
        return b;
    }

    // The triangles of one index list; `position(i)` is vertex i, nullopt when out of range.
    // `triangle` counts the model's triangles, for Hit::triangle.
    template <class PositionOf>
    void gatherTriangles(std::span<const std::uint32_t> indices, const glm::dmat4& toSite, std::uint32_t modelIndex,
                         std::uint32_t& triangle, PositionOf position) {
        for (std::size_t i = 0; i + 2 < indices.size(); i += 3, ++triangle) {
            glm::vec3 p[3];
            bool valid = true, kept = cuts_.empty();
            for (int k = 0; k < 3 && valid; ++k) {
                const std::optional<glm::vec3> q = position(indices[i + k]);
                valid = q.has_value();
                if (!valid) break;
                const glm::dvec3 site(toSite * glm::dvec4(glm::dvec3(*q), 1.0));
                kept = kept || keptByCuts(site);
                p[k] = glm::vec3(site - out_.origin_);
            }
            if (!valid || !kept) continue;  // A triangle the cuts remove whole; one they cross stays.
            const glm::vec3 e1 = p[1] - p[0], e2 = p[2] - p[0];
            if (glm::dot(glm::cross(e1, e2), glm::cross(e1, e2)) == 0.0f) continue;
            tris_.push_back({p[0], e1, e2});
            sources_.push_back({modelIndex, triangle});
            Box b;
            for (const glm::vec3& q : p) b.add(q);
            boxes_.push_back(b);
            centroids_.push_back((p[0] + p[1] + p[2]) * (1.0f / 3.0f));
        }
    }

    struct Split {
        int axis = -1;
        float position = 0.0f;
        float cost = std::numeric_limits<float>::max();
    };

    // Best binned-SAH split of ids_[begin, end) over the centroid box `cb`.
    Split findSplit(std::uint32_t begin, std::uint32_t end, const Box& cb) const {
        Split best;
        for (int axis = 0; axis < 3; ++axis) {
            const float lo = cb.min[axis], extent = cb.max[axis] - lo;
            if (!(extent > 0.0f)) continue;
            Box bins[kBins];
            std::uint32_t counts[kBins] = {};
            const float scale = kBins / extent;
            for (std::uint32_t i = begin; i < end; ++i) {
                const std::uint32_t t = ids_[i];
                const int b = std::min(kBins - 1, static_cast<int>((centroids_[t][axis] - lo) * scale));
                bins[b].add(boxes_[t]);
                ++counts[b];
            }
            // Sweep from the right to get each right-hand side's area and count, then from the left.
            float rightArea[kBins];
            std::uint32_t rightCount[kBins];
            Box acc;
            std::uint32_t cnt = 0;
            for (int b = kBins - 1; b > 0; --b) {
                acc.add(bins[b]);
                cnt += counts[b];
                rightArea[b] = acc.area();
                rightCount[b] = cnt;
            }
            acc = Box{};
            cnt = 0;
            for (int b = 0; b < kBins - 1; ++b) {
                acc.add(bins[b]);
                cnt += counts[b];
                if (cnt == 0 || rightCount[b + 1] == 0) continue;
                const float cost = acc.area() * cnt + rightArea[b + 1] * rightCount[b + 1];
                if (cost < best.cost) best = {axis, lo + extent * (b + 1) / kBins, cost};
            }
        }
        return best;
    }

    std::uint32_t buildNode(std::uint32_t begin, std::uint32_t end, int depth) {
        const auto index = static_cast<std::uint32_t>(out_.nodes_.size());
        out_.nodes_.push_back({});
        Box box, cb;
        for (std::uint32_t i = begin; i < end; ++i) {
            box.add(boxes_[ids_[i]]);
            cb.add(centroids_[ids_[i]]);
        }
        const std::uint32_t count = end - begin;
        auto makeLeaf = [&] {
            out_.nodes_[index] = {box.min, begin, box.max, count};
            return index;
        };
        if (count <= 2) return makeLeaf();

        std::uint32_t mid = begin;
        const Split split = depth < kMaxDepth ? findSplit(begin, end, cb) : Split{};
        const float leafCost = static_cast<float>(count);
        const float splitCost = kTraversalCost + split.cost / std::max(box.area(), 1e-30f);
        if (split.axis >= 0 && (splitCost < leafCost || count > kMaxLeaf)) {
            auto* first = ids_.data() + begin;
            mid = begin + static_cast<std::uint32_t>(
                              std::partition(first, ids_.data() + end,
                                             [&](std::uint32_t t) { return centroids_[t][split.axis] < split.position; }) -
                              first);
        } else if (count <= kMaxLeaf) {
            return makeLeaf();
        }
        if (mid == begin || mid == end) {
            // All centroids coincide (or too deep): split by index order, which always halves.
            mid = begin + count / 2;
        }
        buildNode(begin, mid, depth + 1);
        const std::uint32_t right = buildNode(mid, end, depth + 1);
        out_.nodes_[index] = {box.min, right, box.max, 0};
        return index;
    }

    Bvh& out_;
    std::vector<Bvh::Triangle> tris_;
    std::vector<Bvh::Source> sources_;
    std::vector<Box> boxes_;
    std::vector<glm::dvec4> cuts_;  ///< Of the model being gathered (PlacedModel::clipping).
    std::vector<glm::vec3> centroids_;
    std::vector<std::uint32_t> ids_;
};

Bvh Bvh::build(std::span<const PlacedModel> models) {
    Bvh bvh;
    BvhBuilder builder(bvh);
    builder.gather(models);
    builder.build();
    return bvh;
}

Bounds Bvh::bounds() const {
    Bounds b;
    if (!nodes_.empty()) {
        b.add(origin_ + glm::dvec3(nodes_[0].min));
        b.add(origin_ + glm::dvec3(nodes_[0].max));
    }
    return b;
}

}  // namespace axis
