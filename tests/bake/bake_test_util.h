#pragma once
// Synthetic meshes and mesh checks shared by the bake cache and LOD tests.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "scene/lod.h"
#include "scene/model.h"

namespace axis::test {

/// A closed icosphere with shared vertices (no seams): 20 * 4^subdivisions triangles.
inline Primitive makeIcosphere(int subdivisions, float radius = 1.0f) {
    const float t = (1.0f + std::sqrt(5.0f)) / 2.0f;
    std::vector<glm::vec3> p = {{-1, t, 0}, {1, t, 0}, {-1, -t, 0}, {1, -t, 0}, {0, -1, t}, {0, 1, t},
                                {0, -1, -t}, {0, 1, -t}, {t, 0, -1}, {t, 0, 1}, {-t, 0, -1}, {-t, 0, 1}};
    std::vector<std::uint32_t> idx = {0, 11, 5, 0, 5, 1,  0, 1, 7,   0, 7, 10, 0, 10, 11, 1, 5, 9, 5, 11, 4,
                                      11, 10, 2, 10, 7, 6, 7, 1, 8, 3, 9, 4, 3, 4, 2,   3, 2, 6, 3, 6, 8,
                                      3, 8, 9, 4, 9, 5, 2, 4, 11, 6, 2, 10, 8, 6, 7, 9, 8, 1};
    for (auto& v : p) v = glm::normalize(v);
    for (int s = 0; s < subdivisions; ++s) {
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> mid;
        auto midpoint = [&](std::uint32_t a, std::uint32_t b) {
            auto key = std::minmax(a, b);
            auto [it, added] = mid.try_emplace(key, std::uint32_t(p.size()));
            if (added) p.push_back(glm::normalize(p[a] + p[b]));
            return it->second;
        };
        std::vector<std::uint32_t> next;
        for (std::size_t i = 0; i < idx.size(); i += 3) {
            std::uint32_t a = idx[i], b = idx[i + 1], c = idx[i + 2];
            std::uint32_t ab = midpoint(a, b), bc = midpoint(b, c), ca = midpoint(c, a);
            next.insert(next.end(), {a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca});
        }
        idx = std::move(next);
    }
    Primitive prim;
    for (const auto& n : p) {
        Vertex v;
        v.position = n * radius;
        v.normal = n;
        v.uv = glm::vec2(0.5f + 0.5f * n.x, 0.5f - 0.5f * n.y);
        v.color = glm::u8vec4(std::uint8_t(127 + 127 * n.x), std::uint8_t(127 + 127 * n.y), std::uint8_t(127 + 127 * n.z), 255);
        prim.vertices.push_back(v);
    }
    prim.indices = std::move(idx);
    prim.hasUVs = prim.hasVertexColors = true;
    return prim;
}

/// A uv sphere textured like a scan: its surface cut into charts of chart x chart quads, each
/// chart with its own copies of its vertices and its own tile of the texture atlas. Simplified by
/// vertex index, every chart outline looks like a border. Closed in position space (copies of a
/// vertex are bit-identical, the u = 0 / u = 1 meridian and the poles included).
inline Primitive makeChartedSphere(int segments, int rings, int chart, float radius = 1.0f) {
    Primitive prim;
    auto position = [&](int j, int i) {
        const float theta = float(i % segments) / float(segments) * 2.0f * 3.14159265f;
        const float phi = float(j) / float(rings) * 3.14159265f;
        const float sp = j == 0 || j == rings ? 0.0f : std::sin(phi);
        const float cp = j == 0 ? 1.0f : (j == rings ? -1.0f : std::cos(phi));
        return glm::vec3(sp * std::cos(theta), sp * std::sin(theta), cp);
    };
    const int chartsX = segments / chart, chartsY = rings / chart;
    for (int cy = 0; cy < chartsY; ++cy)
        for (int cx = 0; cx < chartsX; ++cx) {
            const auto base = std::uint32_t(prim.vertices.size());
            for (int y = 0; y <= chart; ++y)
                for (int x = 0; x <= chart; ++x) {
                    Vertex v;
                    v.normal = position(cy * chart + y, cx * chart + x);
                    v.position = v.normal * radius;
                    v.uv = (glm::vec2(cx, cy) + glm::vec2(x, y) / float(chart) * 0.9f) / glm::vec2(chartsX, chartsY);
                    prim.vertices.push_back(v);
                }
            const auto at = [&](int y, int x) { return base + std::uint32_t(y * (chart + 1) + x); };
            for (int y = 0; y < chart; ++y)
                for (int x = 0; x < chart; ++x) {
                    const int j = cy * chart + y;  // Skip the triangle that collapses onto a pole.
                    if (j != 0) prim.indices.insert(prim.indices.end(), {at(y, x), at(y + 1, x), at(y, x + 1)});
                    if (j != rings - 1)
                        prim.indices.insert(prim.indices.end(), {at(y, x + 1), at(y + 1, x), at(y + 1, x + 1)});
                }
        }
    prim.hasUVs = true;
    return prim;
}

/// Edges used by exactly one triangle, compared by the positions of their ends (so copies of a
/// vertex at a seam count as one): where a cut of a seamed mesh could show a crack.
inline std::set<std::pair<std::array<float, 3>, std::array<float, 3>>> boundaryEdgesByPosition(
    const std::vector<std::uint32_t>& triangles, std::span<const Vertex> vertices) {
    using Point = std::array<float, 3>;
    auto point = [&](std::uint32_t i) {
        const glm::vec3& p = vertices[i].position;
        return Point{p.x, p.y, p.z};
    };
    std::map<std::pair<Point, Point>, int> uses;
    for (std::size_t i = 0; i < triangles.size(); i += 3)
        for (int e = 0; e < 3; ++e) ++uses[std::minmax(point(triangles[i + e]), point(triangles[i + (e + 1) % 3]))];
    std::set<std::pair<Point, Point>> out;
    for (const auto& [edge, count] : uses)
        if (count == 1) out.insert(edge);
    return out;
}

/// Binary little-endian PLY with position, normal, uv and colour per vertex.
inline void writePly(const std::filesystem::path& path, const Primitive& prim) {
    std::ofstream out(path, std::ios::binary);
    out << "ply\nformat binary_little_endian 1.0\nelement vertex " << prim.vertices.size()
        << "\nproperty float x\nproperty float y\nproperty float z\nproperty float nx\nproperty float ny\n"
           "property float nz\nproperty float s\nproperty float t\nproperty uchar red\nproperty uchar green\n"
           "property uchar blue\nproperty uchar alpha\nelement face "
        << prim.indices.size() / 3 << "\nproperty list uchar int vertex_indices\nend_header\n";
    for (const Vertex& v : prim.vertices) {
        out.write(reinterpret_cast<const char*>(&v.position), 12);
        out.write(reinterpret_cast<const char*>(&v.normal), 12);
        out.write(reinterpret_cast<const char*>(&v.uv), 8);
        out.write(reinterpret_cast<const char*>(&v.color), 4);
    }
    for (std::size_t i = 0; i < prim.indices.size(); i += 3) {
        out.put(3);
        out.write(reinterpret_cast<const char*>(&prim.indices[i]), 12);
    }
}

/// Undirected edges used by exactly one triangle (by vertex index: the meshes here have no seams).
inline std::size_t boundaryEdgeCount(const std::vector<std::uint32_t>& triangles) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> uses;
    for (std::size_t i = 0; i < triangles.size(); i += 3)
        for (int e = 0; e < 3; ++e) ++uses[std::minmax(triangles[i + e], triangles[i + (e + 1) % 3])];
    std::size_t n = 0;
    for (const auto& [edge, count] : uses) n += count == 1;
    return n;
}

/// The triangles a selection draws, with indices made absolute into the vertex stream.
inline std::vector<std::uint32_t> drawnTriangles(const std::vector<DrawRange>& ranges, std::span<const std::uint32_t> indices) {
    std::vector<std::uint32_t> out;
    for (const DrawRange& r : ranges)
        for (std::uint32_t i = 0; i < r.indexCount; ++i) out.push_back(indices[r.firstIndex + i] + std::uint32_t(r.vertexOffset));
    return out;
}

/// Each triangle as its three corner vertices, rotated to start at the smallest position (winding
/// kept) and sorted: equal lists mean the same triangles whatever the index and vertex order.
inline std::vector<std::array<Vertex, 3>> canonicalTriangles(const Primitive& p) {
    auto less = [](const glm::vec3& a, const glm::vec3& b) {
        return std::tie(a.x, a.y, a.z) < std::tie(b.x, b.y, b.z);
    };
    std::vector<std::array<Vertex, 3>> out;
    for (std::size_t i = 0; i + 2 < p.indices.size(); i += 3) {
        std::array<Vertex, 3> t{p.vertices[p.indices[i]], p.vertices[p.indices[i + 1]], p.vertices[p.indices[i + 2]]};
        int first = 0;
        for (int k = 1; k < 3; ++k)
            if (less(t[k].position, t[first].position)) first = k;
        std::rotate(t.begin(), t.begin() + first, t.end());
        out.push_back(t);
    }
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        for (int k = 0; k < 3; ++k) {
            if (less(a[k].position, b[k].position)) return true;
            if (less(b[k].position, a[k].position)) return false;
        }
        return false;
    });
    return out;
}

/// A camera at `position` looking at `target`, z up.
inline Camera lookAt(const glm::dvec3& position, const glm::dvec3& target, double fovYDegrees = 50.0) {
    Camera c;
    c.position = position;
    c.forward = glm::normalize(target - position);
    c.up = std::abs(c.forward.z) > 0.99 ? glm::dvec3(0, 1, 0) : glm::dvec3(0, 0, 1);
    c.fovY = glm::radians(fovYDegrees);
    return c;
}

}  // namespace axis::test
