// Bvh queries: stack traversal over the flattened nodes, nearer child first, in the float frame
// around origin(); results are turned back into the double site frame.
#include <algorithm>
#include <cmath>
#include <limits>

#include "scene/bvh.h"
#include "scene/tri_math.h"

namespace axis {

namespace {

// Enough for kMaxDepth SAH levels plus index-halving levels below them (see bvh_build.cpp).
constexpr int kStackSize = 96;
// Widens the slab test's far distance so float rounding never loses a hit on a box face, which
// matters for flat axis-aligned geometry (floors, walls) whose boxes have zero thickness.
constexpr float kSlabSlack = 1.0f + 1e-5f;

struct FloatRay {
    glm::vec3 origin, dir, invDir;
};

// Entry distance of the ray into the node's box, or +inf when it misses within tMax.
inline float enterBox(const FloatRay& r, const Bvh::Node& n, float tMax) {
    const glm::vec3 t0 = (n.min - r.origin) * r.invDir, t1 = (n.max - r.origin) * r.invDir;
    const glm::vec3 lo = glm::min(t0, t1), hi = glm::max(t0, t1);
    const float tNear = std::max({lo.x, lo.y, lo.z, 0.0f});
    const float tFar = std::min({hi.x, hi.y, hi.z, tMax}) * kSlabSlack;
    return tNear <= tFar ? tNear : std::numeric_limits<float>::infinity();
}

inline float boxDistance2(const glm::dvec3& p, const Bvh::Node& n) {
    const glm::dvec3 d = glm::max(glm::dvec3(n.min) - p, glm::max(glm::dvec3(0.0), p - glm::dvec3(n.max)));
    return static_cast<float>(glm::dot(d, d));
}

inline glm::vec3 safeInverse(const glm::vec3& d) {
    glm::vec3 inv;
    for (int i = 0; i < 3; ++i) inv[i] = 1.0f / (std::abs(d[i]) > 1e-30f ? d[i] : std::copysign(1e-30f, d[i]));
    return inv;
}

}  // namespace

// Visits leaves along the ray nearer-first; `leaf(first, count, tMax&)` may shrink tMax and
// returns true to stop the walk.
template <class LeafFn>
static void walkRay(const std::vector<Bvh::Node>& nodes, const FloatRay& ray, float& tMax, LeafFn&& leaf) {
    if (nodes.empty() || enterBox(ray, nodes[0], tMax) == std::numeric_limits<float>::infinity()) return;
    std::uint32_t stack[kStackSize];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const std::uint32_t index = stack[--top];
        const Bvh::Node& node = nodes[index];
        if (node.count > 0) {
            if (leaf(node.offset, node.count, tMax)) return;
            continue;
        }
        std::uint32_t a = index + 1, b = node.offset;
        float ta = enterBox(ray, nodes[a], tMax), tb = enterBox(ray, nodes[b], tMax);
        if (tb < ta) { std::swap(a, b); std::swap(ta, tb); }
        constexpr float kMiss = std::numeric_limits<float>::infinity();
        if (tb != kMiss) stack[top++] = b;
        if (ta != kMiss) stack[top++] = a;
    }
}

static FloatRay makeRay(const glm::dvec3& origin, const glm::dvec3& unitDir, const glm::dvec3& frame) {
    FloatRay r;
    r.origin = glm::vec3(origin - frame);
    r.dir = glm::vec3(unitDir);
    r.invDir = safeInverse(r.dir);
    return r;
}

std::optional<Hit> Bvh::raycast(const glm::dvec3& origin, const glm::dvec3& dir, double maxDistance) const {
    const double len = glm::length(dir);
    if (!(len > 0.0) || !(maxDistance > 0.0) || nodes_.empty()) return std::nullopt;
    const glm::dvec3 d = dir / len;
    const FloatRay ray = makeRay(origin, d, origin_);
    float tBest = static_cast<float>(std::min(maxDistance, 1e30));
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
    walkRay(nodes_, ray, tBest, [&](std::uint32_t first, std::uint32_t count, float& tMax) {
        for (std::uint32_t i = first; i < first + count; ++i) {
            const Triangle& t = triangles_[i];
            if (auto hit = trimath::rayTriangle(ray.origin, ray.dir, t.v0, t.e1, t.e2, 0.0f, tMax)) {
                tMax = *hit;
                best = i;
            }
        }
        return false;
    });
    if (best == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;

    // Refine in double so far-from-origin sites keep sub-millimetre hit positions.
    const Triangle& t = triangles_[best];
    const glm::dvec3 v0 = origin_ + glm::dvec3(t.v0), e1(t.e1), e2(t.e2);
    double dist = trimath::rayTriangle(origin, d, v0, e1, e2, -1e300, 1e300).value_or(double(tBest));
    dist = std::clamp(dist, 0.0, maxDistance);
    glm::dvec3 n = glm::normalize(glm::cross(e1, e2));
    if (glm::dot(n, d) > 0.0) n = -n;
    return Hit{origin + d * dist, n, dist, sources_[best].model, sources_[best].triangle};
}

bool Bvh::anyHit(const glm::dvec3& origin, const glm::dvec3& dir, double maxDistance) const {
    const double len = glm::length(dir);
    if (!(len > 0.0) || !(maxDistance > 0.0) || nodes_.empty()) return false;
    const FloatRay ray = makeRay(origin, dir / len, origin_);
    float tMaxAll = static_cast<float>(std::min(maxDistance, 1e30));
    bool found = false;
    walkRay(nodes_, ray, tMaxAll, [&](std::uint32_t first, std::uint32_t count, float& tMax) {
        for (std::uint32_t i = first; i < first + count; ++i) {
            const Triangle& t = triangles_[i];
            if (trimath::rayTriangle(ray.origin, ray.dir, t.v0, t.e1, t.e2, 0.0f, tMax)) return found = true;
        }
        return false;
    });
    return found;
}

std::optional<Hit> Bvh::closestPoint(const glm::dvec3& center, double radius) const {
    if (nodes_.empty() || !(radius > 0.0)) return std::nullopt;
    const glm::dvec3 c = center - origin_;
    double best2 = radius * radius;
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
    glm::dvec3 bestPoint(0.0);
    std::uint32_t stack[kStackSize];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (boxDistance2(c, node) > best2) continue;
        if (node.count == 0) {
            std::uint32_t a = static_cast<std::uint32_t>(&node - nodes_.data()) + 1, b = node.offset;
            if (boxDistance2(c, nodes_[b]) < boxDistance2(c, nodes_[a])) std::swap(a, b);
            stack[top++] = b;
            stack[top++] = a;
            continue;
        }
        for (std::uint32_t i = node.offset; i < node.offset + node.count; ++i) {
            const Triangle& t = triangles_[i];
            const glm::dvec3 v0(t.v0);
            const glm::dvec3 p = trimath::closestOnTriangle(c, v0, v0 + glm::dvec3(t.e1), v0 + glm::dvec3(t.e2));
            const double d2 = glm::dot(p - c, p - c);
            if (d2 <= best2) { best2 = d2; best = i; bestPoint = p; }
        }
    }
    if (best == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
    const Triangle& t = triangles_[best];
    glm::dvec3 n = glm::normalize(glm::cross(glm::dvec3(t.e1), glm::dvec3(t.e2)));
    if (glm::dot(n, c - bestPoint) < 0.0) n = -n;
    return Hit{origin_ + bestPoint, n, std::sqrt(best2), sources_[best].model, sources_[best].triangle};
}

void Bvh::trianglesNear(const glm::dvec3& center, double radius, std::vector<std::array<glm::dvec3, 3>>& out) const {
    if (nodes_.empty() || !(radius >= 0.0)) return;
    const glm::dvec3 c = center - origin_;
    const double radius2 = radius * radius;
    std::uint32_t stack[kStackSize];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (boxDistance2(c, node) > radius2) continue;
        if (node.count == 0) {
            stack[top++] = node.offset;
            stack[top++] = static_cast<std::uint32_t>(&node - nodes_.data()) + 1;
            continue;
        }
        for (std::uint32_t i = node.offset; i < node.offset + node.count; ++i) {
            const Triangle& t = triangles_[i];
            const glm::dvec3 v0(t.v0), v1 = v0 + glm::dvec3(t.e1), v2 = v0 + glm::dvec3(t.e2);
            const glm::dvec3 p = trimath::closestOnTriangle(c, v0, v1, v2);
            if (glm::dot(p - c, p - c) <= radius2) out.push_back({origin_ + v0, origin_ + v1, origin_ + v2});
        }
    }
}

void Bvh::capsuleContacts(const glm::dvec3& a, const glm::dvec3& b, double radius, std::vector<Contact>& out) const {
    if (nodes_.empty() || !(radius > 0.0)) return;
    const glm::dvec3 s0 = a - origin_, s1 = b - origin_;
    const glm::vec3 qmin(glm::min(s0, s1) - radius), qmax(glm::max(s0, s1) + radius);
    std::uint32_t stack[kStackSize];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const std::uint32_t index = stack[--top];
        const Node& node = nodes_[index];
        if (glm::any(glm::lessThan(qmax, node.min)) || glm::any(glm::greaterThan(qmin, node.max))) continue;
        if (node.count == 0) {
            stack[top++] = node.offset;
            stack[top++] = index + 1;
            continue;
        }
        for (std::uint32_t i = node.offset; i < node.offset + node.count; ++i) {
            const Triangle& t = triangles_[i];
            const glm::dvec3 v0(t.v0), v1 = v0 + glm::dvec3(t.e1), v2 = v0 + glm::dvec3(t.e2);
            const auto [onSeg, onTri] = trimath::closestSegmentTriangle(s0, s1, v0, v1, v2);
            const double dist = glm::length(onSeg - onTri);
            if (dist >= radius) continue;
            glm::dvec3 n;
            if (dist > 1e-9) {
                n = (onSeg - onTri) / dist;
            } else {  // The axis touches the triangle: push out along the face, to the middle's side.
                n = glm::normalize(glm::cross(v1 - v0, v2 - v0));
                if (glm::dot(n, (s0 + s1) * 0.5 - onTri) < 0.0) n = -n;
            }
            out.push_back({origin_ + onTri, n, radius - dist});
        }
    }
}

std::optional<Hit> raycastBruteForce(std::span<const PlacedModel> models, const glm::dvec3& origin,
                                     const glm::dvec3& dir, double maxDistance) {
    const double len = glm::length(dir);
    if (!(len > 0.0)) return std::nullopt;
    const glm::dvec3 d = dir / len;
    std::optional<Hit> best;
    double tBest = maxDistance;
    for (std::uint32_t m = 0; m < models.size(); ++m) {
        if (!models[m].model) continue;
        std::uint32_t triangle = 0;
        for (const Primitive& prim : models[m].model->primitives) {
            if (prim.topology != Topology::Triangles) continue;
            for (std::size_t i = 0; i + 2 < prim.indices.size(); i += 3, ++triangle) {
                glm::dvec3 p[3];
                for (int k = 0; k < 3; ++k)
                    p[k] = glm::dvec3(models[m].modelToSite *
                                      glm::dvec4(glm::dvec3(prim.vertices[prim.indices[i + k]].position), 1.0));
                const glm::dvec3 e1 = p[1] - p[0], e2 = p[2] - p[0];
                if (auto t = trimath::rayTriangle(origin, d, p[0], e1, e2, 0.0, tBest)) {
                    tBest = *t;
                    glm::dvec3 n = glm::normalize(glm::cross(e1, e2));
                    if (glm::dot(n, d) > 0.0) n = -n;
                    best = Hit{origin + d * *t, n, *t, m, triangle};
                }
            }
        }
    }
    return best;
}

}  // namespace axis
