#include "render/texture_demand.h"

#include <algorithm>
#include <cmath>

#include "render/scene_renderer.h"

namespace axis::render {

std::uint32_t neededLevel(double uvPerPixel, std::uint32_t side, std::uint32_t levelCount) {
    const double texelsPerPixel = uvPerPixel * double(side);
    if (!(texelsPerPixel > 1.0) || levelCount == 0) return 0;  // NaN too: the finest is always right.
    const double level = std::floor(std::log2(texelsPerPixel));
    return std::uint32_t(std::min(level, double(levelCount - 1)));
}

void addTextureNeeds(const DrawItem& item, std::span<const DrawRange> ranges, const FrameView& view, VkExtent2D extent,
                     std::vector<TextureNeed>& out) {
    const GpuModel& m = *item.model;
    if (!m.streams || m.streams->textures.empty() || m.streams->materialTextures.empty() || extent.height == 0) return;
    const glm::dmat3 linear(item.modelToSite);
    const double scale = std::max({glm::length(linear[0]), glm::length(linear[1]), glm::length(linear[2])});
    if (!(scale > 0.0)) return;
    // Site units one pixel spans at distance 1.
    const double unitsPerPixel = 2.0 * std::tan(view.camera.fovY * 0.5) / double(extent.height);
    for (const DrawRange& r : ranges) {
        if (r.primitive >= m.primitiveUvDensity.size() || r.cluster >= m.lodClusters.size()) continue;
        const double density = m.primitiveUvDensity[r.primitive] / scale;  // Per site unit.
        if (!(density > 0.0)) continue;
        const glm::dvec4 sphere = sphereInSite(m.lodClusters[r.cluster].cullSphere, item.modelToSite);
        const double distance =
            std::max(glm::length(glm::dvec3(sphere) - view.camera.position) - sphere.w, view.camera.nearPlane);
        const double uvPerPixel = density * distance * unitsPerPixel;
        const std::uint32_t material = std::min<std::uint32_t>(r.material, std::uint32_t(m.streams->materialTextures.size()) - 1);
        for (int t : m.streams->materialTextures[material]) {
            if (t < 0 || std::size_t(t) >= m.streams->textures.size()) continue;
            const BakedTexture& source = m.streams->textures[t].source;
            out.push_back({&m, std::uint32_t(t),
                           neededLevel(uvPerPixel, std::max(source.width, source.height), source.levelCount), distance});
        }
    }
}

}  // namespace axis::render
