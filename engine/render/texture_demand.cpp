#include "render/texture_demand.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "render/scene_renderer.h"

namespace axis::render {

std::uint32_t neededLevel(double uvPerPixel, std::uint32_t side, std::uint32_t levelCount) {
    const double texelsPerPixel = uvPerPixel * double(side);
    if (!(texelsPerPixel > 1.0) || levelCount == 0) return 0;  // NaN too: the finest is always right.
    const double level = std::floor(std::log2(texelsPerPixel));
    return std::uint32_t(std::min(level, double(levelCount - 1)));
}

// Per primitive in view, its level-0 clusters inside the frustum decide: the cut may draw a flat
// wall as one coarse cluster whose sphere holds the camera, but its texels are only as near as
// the original triangles in view.
void addTextureNeeds(const DrawItem& item, std::span<const DrawRange> ranges, const LodRequest& request,
                     std::vector<TextureNeed>& out) {
    const GpuModel& m = *item.model;
    if (!m.streams || m.streams->textures.empty() || m.streams->materialTextures.empty() ||
        request.viewportHeightPx <= 0.0)
        return;
    const glm::dmat3 linear(item.modelToSite);
    const double scale = std::max({glm::length(linear[0]), glm::length(linear[1]), glm::length(linear[2])});
    if (!(scale > 0.0)) return;
    // Site units one pixel spans at distance 1.
    const double unitsPerPixel = 2.0 * std::tan(request.camera.fovY * 0.5) / request.viewportHeightPx;
    std::vector<bool> seen(m.lodPrimitives.size(), false);
    for (const DrawRange& r : ranges) {
        if (r.primitive >= m.lodPrimitives.size() || seen[r.primitive]) continue;
        seen[r.primitive] = true;
        const double density = r.primitive < m.primitiveUvDensity.size() ? m.primitiveUvDensity[r.primitive] / scale : 0.0;
        if (!(density > 0.0)) continue;  // Per site unit.
        const LodPrimitive& p = m.lodPrimitives[r.primitive];
        double nearest = std::numeric_limits<double>::infinity();
        for (std::uint32_t c = p.firstCluster; c < p.firstCluster + p.clusterCount && c < m.lodClusters.size(); ++c) {
            const LodCluster& cluster = m.lodClusters[c];
            if (cluster.level != 0) break;  // Level 0 comes first.
            if (request.frustumCull && !sphereInFrustum(cluster.cullSphere, request)) continue;
            const glm::dvec4 sphere = sphereInSite(cluster.cullSphere, item.modelToSite);
            nearest = std::min(nearest, glm::length(glm::dvec3(sphere) - request.camera.position) - sphere.w);
        }
        if (nearest == std::numeric_limits<double>::infinity()) continue;
        nearest = std::max(nearest, request.camera.nearPlane);
        const double uvPerPixel = density * nearest * unitsPerPixel;
        const std::uint32_t material = std::min<std::uint32_t>(p.material, std::uint32_t(m.streams->materialTextures.size()) - 1);
        for (int t : m.streams->materialTextures[material]) {
            if (t < 0 || std::size_t(t) >= m.streams->textures.size()) continue;
            const BakedTexture& source = m.streams->textures[t].source;
            out.push_back({&m, std::uint32_t(t),
                           neededLevel(uvPerPixel, std::max(source.width, source.height), source.levelCount), nearest});
        }
    }
}

}  // namespace axis::render
