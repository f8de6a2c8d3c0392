#include "scene/lod.h"

#include <algorithm>
#include <cmath>

namespace axis {
namespace {

// The largest factor by which modelToSite stretches a length: spheres and errors grow by it.
double maxAxisScale(const glm::dmat4& m) {
    double sx = glm::length(glm::dvec3(m[0])), sy = glm::length(glm::dvec3(m[1])), sz = glm::length(glm::dvec3(m[2]));
    return std::max({sx, sy, sz});
}

struct SiteSphere {
    glm::dvec3 center;
    double radius;
};

SiteSphere toSite(const glm::vec4& sphere, const glm::dmat4& modelToSite) {
    glm::dvec3 c = glm::dvec3(modelToSite * glm::dvec4(glm::dvec3(sphere), 1.0));
    return {c, double(sphere.w) * maxAxisScale(modelToSite)};
}

// Pixels per unit of error at unit distance.
double pixelScale(const LodRequest& r) { return r.viewportHeightPx / (2.0 * std::tan(r.camera.fovY * 0.5)); }

struct Frustum {
    glm::dvec3 normal[5];  // Inward-facing.
    double offset[5];      // Plane: dot(normal, p) + offset >= 0 inside.
};

Frustum makeFrustum(const Camera& c, double aspect) {
    glm::dvec3 f = glm::normalize(c.forward);
    glm::dvec3 right = glm::normalize(glm::cross(f, c.up));
    glm::dvec3 up = glm::cross(right, f);
    double ty = std::tan(c.fovY * 0.5), tx = ty * aspect;
    Frustum fr{};
    fr.normal[0] = f;
    fr.normal[1] = glm::normalize(f * tx + right);   // left plane, inward
    fr.normal[2] = glm::normalize(f * tx - right);   // right
    fr.normal[3] = glm::normalize(f * ty + up);      // bottom
    fr.normal[4] = glm::normalize(f * ty - up);      // top
    for (int i = 0; i < 5; ++i) fr.offset[i] = -glm::dot(fr.normal[i], c.position);
    fr.offset[0] -= c.nearPlane;
    return fr;
}

bool inside(const Frustum& fr, const SiteSphere& s) {
    for (int i = 0; i < 5; ++i)
        if (glm::dot(fr.normal[i], s.center) + fr.offset[i] < -s.radius) return false;
    return true;
}

}  // namespace

double projectedErrorPx(const LodBound& bound, const LodRequest& request) {
    if (std::isinf(bound.error)) return std::numeric_limits<double>::infinity();
    SiteSphere s = toSite(bound.sphere, request.modelToSite);
    double distance = glm::length(s.center - request.camera.position) - s.radius;
    distance = std::max(distance, request.camera.nearPlane);
    return double(bound.error) * maxAxisScale(request.modelToSite) * pixelScale(request) / distance;
}

bool inLodCut(const LodCluster& cluster, const LodRequest& request) {
    const double bound = request.pixelErrorBound;
    return projectedErrorPx(cluster.self, request) <= bound && projectedErrorPx(cluster.parent, request) > bound;
}

glm::dvec4 sphereInSite(const glm::vec4& sphere, const glm::dmat4& modelToSite) {
    SiteSphere s = toSite(sphere, modelToSite);
    return glm::dvec4(s.center, s.radius);
}

namespace {
bool appendsTo(const DrawRange& last, const DrawRange& next) {
    return last.primitive == next.primitive && last.page == next.page && next.indexCount > 0 && last.indexCount > 0 &&
           last.firstIndex + last.indexCount == next.firstIndex;
}
}  // namespace

std::vector<DrawRange> mergeAdjacent(std::span<const DrawRange> ranges) {
    std::vector<DrawRange> merged;
    for (const DrawRange& r : ranges) {
        if (!merged.empty() && appendsTo(merged.back(), r)) merged.back().indexCount += r.indexCount;
        else merged.push_back(r);
    }
    return merged;
}

bool sphereInFrustum(const glm::vec4& sphere, const LodRequest& request) {
    return inside(makeFrustum(request.camera, request.aspect), toSite(sphere, request.modelToSite));
}

std::vector<DrawRange> selectLod(const LodData& lod, const LodRequest& request, LodStats* stats) {
    std::vector<DrawRange> ranges;
    LodStats local;
    local.finestLevel = std::numeric_limits<std::uint32_t>::max();
    const Frustum frustum = makeFrustum(request.camera, request.aspect);
    for (const LodCluster& c : lod.clusters) {
        if (!inLodCut(c, request)) continue;
        ++local.clustersSelected;
        if (request.frustumCull && !inside(frustum, toSite(c.cullSphere, request.modelToSite))) {
            ++local.clustersCulled;
            continue;
        }
        local.triangles += c.indexCount / 3;
        local.finestLevel = std::min(local.finestLevel, c.level);
        local.coarsestLevel = std::max(local.coarsestLevel, c.level);
        const LodPrimitive& p = lod.primitives[c.primitive];
        const DrawRange range{c.primitive, std::uint32_t(&c - lod.clusters.data()), p.material,
                              static_cast<Topology>(p.topology), c.firstIndex, c.indexCount,
                              static_cast<std::int32_t>(p.vertexOffset), p.vertexCount};
        if (request.mergeRanges && !ranges.empty() && appendsTo(ranges.back(), range)) {
            ranges.back().indexCount += c.indexCount;  // Contiguous in the stream: one draw.
            continue;
        }
        ranges.push_back(range);
    }
    if (local.finestLevel == std::numeric_limits<std::uint32_t>::max()) local.finestLevel = 0;
    if (stats) *stats = local;
    return ranges;
}

}  // namespace axis
