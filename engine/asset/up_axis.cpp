#include "asset/up_axis.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include <glm/geometric.hpp>

namespace axis {
namespace {

// Triangles: the slab is 1% of the model's largest extent, thick enough for a slightly tilted
// or noisy base, thin enough that the curved bottom of a head or an animal's belly barely
// counts; a triangle is support when its normal is within ~25 degrees of the axis. A winner
// needs 0.5% of the surface as support and three times the other axis' share. Tuned on
// shared/data: y-up busts and statues score 0.006-0.09 on y and under 0.0006 on z, while
// bases too small or bumpy to decide (igea, Nefertiti) stay under 0.005 and keep the fallback.
constexpr double kTriangleSlab = 0.01;
constexpr double kFlatCosine = 0.9;
constexpr double kTriangleMinScore = 0.005;
// Points have no normals to tell a floor from a wall, so the slab is thicker (5%) and the
// bar higher: 2% of the points. The lion point cloud scores 0.043 on z and 0.003 on y; the bunny
// range scan 0.048 on y and 0.002 on z.
constexpr double kPointSlab = 0.05;
constexpr double kPointMinScore = 0.02;
constexpr double kWinRatio = 3.0;

struct Slabs {
    double topY, topZ;  // Highest coordinate still inside each axis' bottom slab.
};

// Triangles: a fraction of the largest extent. Points: of each axis' own extent, so that a
// surface without any floor (a statue's body, scanned alone) scores alike on both axes, however
// long it is, instead of favouring its short axis whose slab would cut deeper into it.
Slabs slabsOf(const Bounds& bounds, double fraction, bool perAxis) {
    const glm::dvec3 size = bounds.size();
    const double largest = std::max({size.x, size.y, size.z});
    return {bounds.min.y + fraction * (perAxis ? size.y : largest), bounds.min.z + fraction * (perAxis ? size.z : largest)};
}

UpAxisScores scoreTriangles(const Model& model, const Slabs& slabs) {
    double total = 0, supportY = 0, supportZ = 0;
    for (const auto& p : model.primitives) {
        if (p.topology != Topology::Triangles) continue;
        for (std::size_t i = 0; i + 2 < p.indices.size(); i += 3) {
            const glm::dvec3 a(p.vertices[p.indices[i]].position), b(p.vertices[p.indices[i + 1]].position),
                c(p.vertices[p.indices[i + 2]].position);
            const glm::dvec3 cross = glm::cross(b - a, c - a);
            const double twiceArea = glm::length(cross);
            if (!(twiceArea > 0)) continue;
            total += twiceArea;
            if (std::max({a.y, b.y, c.y}) <= slabs.topY && std::abs(cross.y) >= kFlatCosine * twiceArea)
                supportY += twiceArea;
            if (std::max({a.z, b.z, c.z}) <= slabs.topZ && std::abs(cross.z) >= kFlatCosine * twiceArea)
                supportZ += twiceArea;
        }
    }
    if (total <= 0) return {};
    return {supportY / total, supportZ / total};
}

UpAxisScores scorePoints(const Model& model, const Slabs& slabs) {
    std::uint64_t total = 0, inY = 0, inZ = 0;
    for (const auto& p : model.primitives) {
        if (p.topology != Topology::Points) continue;
        for (const auto& v : p.vertices) {
            ++total;
            inY += v.position.y <= slabs.topY;
            inZ += v.position.z <= slabs.topZ;
        }
    }
    if (total == 0) return {};
    return {double(inY) / double(total), double(inZ) / double(total)};
}

}  // namespace

UpAxisScores scoreUpAxes(const Model& model) {
    Bounds bounds;
    for (const auto& p : model.primitives)
        for (const auto& v : p.vertices) bounds.add(glm::dvec3(v.position));
    if (bounds.empty()) return {};
    // Triangles carry normals to tell a base from a wall; bare points can only be counted.
    return model.triangleCount() > 0 ? scoreTriangles(model, slabsOf(bounds, kTriangleSlab, false))
                                     : scorePoints(model, slabsOf(bounds, kPointSlab, true));
}

namespace {

// Without a clear base, the proportions: statues, steles, towers and figures stand taller than
// they are wide (their long axis is up); rooms, streets, courtyards and terrain spread wider
// than they are high (their thin axis is up). Only clear proportions decide: a bust or a vase,
// about as high as wide, is left to the fallback.
constexpr double kTall = 1.5, kThin = 0.5;

glm::dvec3 extent(const Model& model) {
    if (!model.bounds.empty()) return model.bounds.size();
    Bounds b;
    for (const Primitive& p : model.primitives)
        for (const Vertex& v : p.vertices) b.add(glm::dvec3(v.position));
    return b.size();
}

std::optional<UpGuess> upByShape(const glm::dvec3& size) {
    if (size.x <= 0 || size.y <= 0 || size.z <= 0) return std::nullopt;
    if (size.y > kTall * size.x && size.y > kTall * size.z) return UpGuess{UpAxis::Y, "taller along y than wide"};
    if (size.z > kTall * size.x && size.z > kTall * size.y) return UpGuess{UpAxis::Z, "taller along z than wide"};
    if (size.z < kThin * size.x && size.z < kThin * size.y) return UpGuess{UpAxis::Z, "wide and low along z (a floor, street or terrain)"};
    if (size.y < kThin * size.x && size.y < kThin * size.z) return UpGuess{UpAxis::Y, "wide and low along y (a floor, street or terrain)"};
    return std::nullopt;
}

}  // namespace

UpAxis guessUpAxis(const Model& model, UpAxis fallback) { return explainUpAxis(model, fallback).up; }

UpGuess explainUpAxis(const Model& model, UpAxis fallback) {
    const UpAxisScores s = scoreUpAxes(model);
    const bool triangles = model.triangleCount() > 0;
    const double minScore = triangles ? kTriangleMinScore : kPointMinScore;
    char scores[96];
    std::snprintf(scores, sizeof scores, " (y %.4f, z %.4f)", s.y, s.z);
    const std::string what = triangles ? "a flat base or floor at the bottom of " : "the most points at the bottom of ";
    if (s.y >= minScore && s.y >= kWinRatio * s.z) return {UpAxis::Y, what + "y" + scores};
    if (s.z >= minScore && s.z >= kWinRatio * s.y) return {UpAxis::Z, what + "z" + scores};
    if (auto byShape = upByShape(extent(model))) return {byShape->up, byShape->rule + scores};
    return {fallback, std::string("no clear base or floor") + scores + "; the format's usual " +
                          (fallback == UpAxis::Y ? "y" : "z") + " up"};
}

}  // namespace axis
