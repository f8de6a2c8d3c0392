#include "asset/lod_simplify.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

#include <meshoptimizer.h>

namespace axis::lod {
namespace {

using Indices = std::vector<std::uint32_t>;

// Bit-exact position key: welding must agree between neighbouring groups, so no tolerance.
struct PositionKey {
    std::uint32_t bits[3];
    bool operator==(const PositionKey& o) const { return std::memcmp(bits, o.bits, sizeof bits) == 0; }
};
struct PositionHash {
    std::size_t operator()(const PositionKey& k) const {
        return (std::size_t(k.bits[0]) * 73856093u) ^ (std::size_t(k.bits[1]) * 19349663u) ^
               (std::size_t(k.bits[2]) * 83492791u);
    }
};

PositionKey keyOf(const glm::vec3& p) {
    PositionKey k;
    std::memcpy(k.bits, &p, sizeof k.bits);
    return k;
}

// A group with its vertices welded by position; copies[w] lists the real vertices at position w,
// in order of first use (so the mapping back is deterministic).
struct WeldedGroup {
    std::vector<glm::vec3> positions;
    std::vector<std::vector<std::uint32_t>> copies;
    Indices indices;
};

WeldedGroup weld(const Indices& merged, const std::vector<Vertex>& vertices) {
    WeldedGroup g;
    std::unordered_map<PositionKey, std::uint32_t, PositionHash> byPosition;
    std::unordered_map<std::uint32_t, std::uint32_t> byVertex;
    byPosition.reserve(merged.size() / 2);
    byVertex.reserve(merged.size() / 2);
    g.indices.resize(merged.size());
    for (std::size_t i = 0; i < merged.size(); ++i) {
        auto seen = byVertex.find(merged[i]);
        if (seen != byVertex.end()) {
            g.indices[i] = seen->second;
            continue;
        }
        const glm::vec3& p = vertices[merged[i]].position;
        auto [it, added] = byPosition.try_emplace(keyOf(p), static_cast<std::uint32_t>(g.positions.size()));
        if (added) g.positions.push_back(p), g.copies.emplace_back();
        g.copies[it->second].push_back(merged[i]);
        byVertex.emplace(merged[i], it->second);
        g.indices[i] = it->second;
    }
    // Triangles with two corners at one position (scans have a few) have no area; left in, their
    // self-edges confuse the simplifier's border detection.
    std::size_t kept = 0;
    for (std::size_t t = 0; t < g.indices.size(); t += 3) {
        const std::uint32_t a = g.indices[t], b = g.indices[t + 1], c = g.indices[t + 2];
        if (a == b || b == c || c == a) continue;
        g.indices[kept] = a, g.indices[kept + 1] = b, g.indices[kept + 2] = c;
        kept += 3;
    }
    g.indices.resize(kept);
    return g;
}

// How much two copies disagree: uv first (a texture seam), then normal (a hard edge).
float mismatch(const Vertex& a, const Vertex& b) {
    glm::vec2 du = a.uv - b.uv;
    glm::vec3 dn = a.normal - b.normal;
    return glm::dot(du, du) + 1e-3f * glm::dot(dn, dn);
}

// Chooses, for one welded triangle, the real copy for each corner: the combination whose
// attributes agree best, which puts the whole triangle on one side of any seam. Corners with one
// copy (all of them, away from seams) cost nothing; the search is capped at 4 copies a corner.
void mapTriangle(const WeldedGroup& g, const std::uint32_t welded[3], const std::vector<Vertex>& vertices,
                 std::uint32_t out[3]) {
    const std::vector<std::uint32_t>* c[3] = {&g.copies[welded[0]], &g.copies[welded[1]], &g.copies[welded[2]]};
    if (c[0]->size() == 1 && c[1]->size() == 1 && c[2]->size() == 1) {
        for (int k = 0; k < 3; ++k) out[k] = c[k]->front();
        return;
    }
    const std::size_t n[3] = {std::min<std::size_t>(c[0]->size(), 4), std::min<std::size_t>(c[1]->size(), 4),
                              std::min<std::size_t>(c[2]->size(), 4)};
    float best = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < n[0]; ++i)
        for (std::size_t j = 0; j < n[1]; ++j)
            for (std::size_t k = 0; k < n[2]; ++k) {
                const Vertex &a = vertices[(*c[0])[i]], &b = vertices[(*c[1])[j]], &d = vertices[(*c[2])[k]];
                float cost = mismatch(a, b) + mismatch(b, d) + mismatch(d, a);
                if (cost < best) best = cost, out[0] = (*c[0])[i], out[1] = (*c[1])[j], out[2] = (*c[2])[k];
            }
}

}  // namespace

std::vector<std::vector<std::uint32_t>> groupByAdjacency(const std::vector<const Indices*>& clusters,
                                                         const std::vector<Vertex>& vertices, std::size_t maxPerGroup) {
    const auto n = static_cast<std::uint32_t>(clusters.size());
    std::unordered_map<PositionKey, std::vector<std::uint32_t>, PositionHash> users;
    for (std::uint32_t c = 0; c < n; ++c)
        for (std::uint32_t v : *clusters[c]) {
            auto& u = users[keyOf(vertices[v].position)];
            if (u.empty() || u.back() != c) u.push_back(c);  // Clusters are visited in order.
        }
    // shared[a][b]: positions clusters a and b both use (their common border).
    std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> shared(n);
    for (const auto& [key, u] : users)
        for (std::size_t i = 0; i < u.size(); ++i)
            for (std::size_t j = i + 1; j < u.size(); ++j) ++shared[u[i]][u[j]], ++shared[u[j]][u[i]];

    std::vector<bool> taken(n, false);
    std::vector<std::vector<std::uint32_t>> groups;
    for (std::uint32_t seed = 0; seed < n; ++seed) {
        if (taken[seed]) continue;
        std::vector<std::uint32_t>& group = groups.emplace_back(1, seed);
        taken[seed] = true;
        std::unordered_map<std::uint32_t, std::uint32_t> score;  // Free neighbour -> shared with group.
        for (std::uint32_t added = seed; group.size() < maxPerGroup;) {
            for (const auto& [other, count] : shared[added])
                if (!taken[other]) score[other] += count;
            std::uint32_t best = n, bestScore = 0;
            for (const auto& [other, count] : score)  // Ties go to the lower index: deterministic.
                if (!taken[other] && (count > bestScore || (count == bestScore && other < best))) best = other, bestScore = count;
            if (best == n) break;
            taken[best] = true;
            group.push_back(best);
            added = best;
        }
    }
    return groups;
}

namespace {

// On a compact copy of the group's real vertices, so that meshopt sees texture seams (copies of a
// position with other attributes) and keeps every triangle on one side of them: welded, a
// triangle may end with corners on different islands of a texture atlas and show a smear of
// unrelated texels. Empty when the seams stop it short of 85%.
Simplified simplifyGroupKeepingSeams(const Indices& merged, const std::vector<Vertex>& vertices) {
    std::unordered_map<std::uint32_t, std::uint32_t> local;
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> global;
    Indices group;
    group.reserve(merged.size());
    for (std::size_t t = 0; t < merged.size(); t += 3) {
        const glm::vec3 &a = vertices[merged[t]].position, &b = vertices[merged[t + 1]].position,
                        &c = vertices[merged[t + 2]].position;
        if (a == b || b == c || c == a) continue;  // As in weld(): no zero-length edges.
        for (int k = 0; k < 3; ++k) {
            auto [it, added] = local.try_emplace(merged[t + k], static_cast<std::uint32_t>(positions.size()));
            if (added) positions.push_back(vertices[merged[t + k]].position), global.push_back(merged[t + k]);
            group.push_back(it->second);
        }
    }
    if (group.empty()) return {};
    Indices out(group.size());
    float relativeError = 0.0f;
    out.resize(meshopt_simplify(out.data(), group.data(), group.size(), &positions[0].x, positions.size(),
                                sizeof(glm::vec3), (group.size() / 6) * 3, 1.0f, meshopt_SimplifyLockBorder,
                                &relativeError));
    if (out.empty() || out.size() > merged.size() * 85 / 100) return {};
    meshopt_optimizeVertexCache(out.data(), out.data(), out.size(), positions.size());
    Simplified s;
    s.indices.reserve(out.size());
    for (std::uint32_t i : out) s.indices.push_back(global[i]);
    s.error = relativeError * meshopt_simplifyScale(&positions[0].x, positions.size(), sizeof(glm::vec3));
    return s;
}

}  // namespace

Simplified simplifyGroup(const Indices& merged, const std::vector<Vertex>& vertices) {
    if (Simplified seams = simplifyGroupKeepingSeams(merged, vertices); !seams.indices.empty()) return seams;
    const WeldedGroup g = weld(merged, vertices);
    if (g.indices.empty()) return {};
    Indices out(g.indices.size());
    const std::size_t target = (g.indices.size() / 6) * 3;
    float relativeError = 0.0f;
    out.resize(meshopt_simplify(out.data(), g.indices.data(), g.indices.size(), &g.positions[0].x, g.positions.size(),
                                sizeof(glm::vec3), target, 1.0f, meshopt_SimplifyLockBorder, &relativeError));
    meshopt_optimizeVertexCache(out.data(), out.data(), out.size(), g.positions.size());
    Simplified s;
    s.indices.resize(out.size());
    for (std::size_t t = 0; t < out.size(); t += 3) mapTriangle(g, &out[t], vertices, &s.indices[t]);
    const float scale = meshopt_simplifyScale(&g.positions[0].x, g.positions.size(), sizeof(glm::vec3));
    s.error = relativeError * scale;
    return s;
}

namespace {

// On the real vertices: meshopt keeps uv seams and hard edges (a box's corners) intact, so the
// result shades like the original. Empty when the seams stop it short of 1.5 x the target.
Simplified simplifyKeepingSeams(const Indices& indices, const std::vector<Vertex>& vertices, std::size_t target) {
    const float* positions = &vertices[0].position.x;
    float relativeError = 0.0f;
    Indices out(indices.size());
    out.resize(meshopt_simplify(out.data(), indices.data(), indices.size(), positions, vertices.size(), sizeof(Vertex),
                                target * 3, 1.0f, 0, &relativeError));
    if (out.empty() || out.size() > target * 3 * 3 / 2) return {};
    meshopt_optimizeVertexCache(out.data(), out.data(), out.size(), vertices.size());
    return {std::move(out), relativeError * meshopt_simplifyScale(positions, vertices.size(), sizeof(Vertex))};
}

// Welded like simplifyGroup (seams collapse like any edge); meshopt_simplifySloppy finishes
// where topology stops meshopt_simplify short. Empty when not within twice the target.
Simplified simplifyWelded(const Indices& indices, const std::vector<Vertex>& vertices, std::size_t target) {
    const WeldedGroup g = weld(indices, vertices);
    if (g.indices.empty()) return {};
    target = std::min(target, g.indices.size() / 3);  // Welding drops degenerate triangles.
    const float* positions = &g.positions[0].x;
    Indices out(g.indices.size());
    float relativeError = 0.0f;
    out.resize(meshopt_simplify(out.data(), g.indices.data(), g.indices.size(), positions, g.positions.size(),
                                sizeof(glm::vec3), target * 3, 1.0f, 0, &relativeError));
    if (out.size() > target * 3 * 3 / 2) {
        Indices sloppy(g.indices.size());
        float sloppyError = 0.0f;
        sloppy.resize(meshopt_simplifySloppy(sloppy.data(), g.indices.data(), g.indices.size(), positions,
                                             g.positions.size(), sizeof(glm::vec3), target * 3, 1.0f, &sloppyError));
        if (!sloppy.empty() && sloppy.size() < out.size()) out = std::move(sloppy), relativeError = sloppyError;
    }
    if (out.empty() || out.size() > target * 3 * 2) return {};
    meshopt_optimizeVertexCache(out.data(), out.data(), out.size(), g.positions.size());
    Simplified s;
    s.indices.resize(out.size());
    for (std::size_t t = 0; t < out.size(); t += 3) mapTriangle(g, &out[t], vertices, &s.indices[t]);
    s.error = relativeError * meshopt_simplifyScale(positions, g.positions.size(), sizeof(glm::vec3));
    return s;
}

}  // namespace

Simplified simplifyWhole(const Indices& indices, const std::vector<Vertex>& vertices, std::size_t targetTriangles) {
    if (indices.empty() || targetTriangles * 3 > indices.size()) return {};
    Simplified seams = simplifyKeepingSeams(indices, vertices, targetTriangles);
    Simplified welded = simplifyWelded(indices, vertices, targetTriangles);
    // Exact seams cost geometric error (on an atlas-textured scan, two or three times the welded
    // error), but welded, a triangle may straddle the islands of a texture atlas and smear
    // unrelated texels, which no geometric bound sees. Welded wins only where seams cost far more
    // (they stall once the atlas's islands are a few triangles each: by then the model is small).
    if (!seams.indices.empty() && (welded.indices.empty() || seams.error <= welded.error * kSeamErrorAllowance))
        return seams;
    return welded;
}

}  // namespace axis::lod
