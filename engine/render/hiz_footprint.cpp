#include "render/hiz_footprint.h"

#include <algorithm>
#include <cmath>

namespace axis::render {

std::uint32_t hizLevelCount(VkExtent2D target) {
    std::uint32_t levels = 1;
    for (VkExtent2D last = hizLevelSize(target, 0); last.width > 1 || last.height > 1; ++levels)
        last = hizLevelSize(target, levels);
    return levels;
}

VkExtent2D hizLevelSize(VkExtent2D target, std::uint32_t level) {
    auto shrink = [&](std::uint32_t n) {
        for (std::uint32_t k = 0; k <= level; ++k) n = std::max(1u, (n + 1) / 2);
        return n;
    };
    return {shrink(target.width), shrink(target.height)};
}

std::optional<HizFootprint> sphereFootprint(const glm::dvec3& centreView, double radius, const glm::dmat4& clipFromView,
                                            double nearPlane, VkExtent2D extent) {
    const double nearest = -centreView.z - radius;  // Distance along the view axis.
    if (nearest <= nearPlane || extent.width == 0 || extent.height == 0) return std::nullopt;

    // Exact bounds of the projected sphere, per axis: the tangents from the eye to the circle the
    // sphere makes in the plane of that axis and the view direction.
    const double distance = -centreView.z;
    auto tangentRange = [&](double offset, double scale, double size) {
        const double centre = std::atan2(offset, distance);
        const double half = std::asin(std::min(1.0, radius / std::hypot(offset, distance)));
        const double a = scale * std::tan(centre - half), b = scale * std::tan(centre + half);
        return glm::dvec2((std::min(a, b) * 0.5 + 0.5) * size, (std::max(a, b) * 0.5 + 0.5) * size);
    };
    const glm::dvec2 xs = tangentRange(centreView.x, clipFromView[0][0], extent.width);
    const glm::dvec2 ys = tangentRange(centreView.y, clipFromView[1][1], extent.height);
    const glm::dvec2 lo(xs.x, ys.x), hi(xs.y, ys.y);
    if (hi.x < 0 || hi.y < 0 || lo.x >= extent.width || lo.y >= extent.height) return std::nullopt;
    // Pixels whose sample points the sphere may cover (MSAA samples lie inside their pixel).
    glm::ivec2 p0(std::max(0.0, std::floor(lo.x)), std::max(0.0, std::floor(lo.y)));
    glm::ivec2 p1(std::min(double(extent.width - 1), std::floor(hi.x)), std::min(double(extent.height - 1), std::floor(hi.y)));

    HizFootprint f;
    const std::uint32_t levels = hizLevelCount(extent);
    const int most = kHizFootprintTexels - 1;
    while (f.level + 1 < levels && (((p1.x >> (f.level + 1)) - (p0.x >> (f.level + 1)) > most) ||
                                    ((p1.y >> (f.level + 1)) - (p0.y >> (f.level + 1)) > most)))
        ++f.level;
    const int shift = int(f.level) + 1;
    f.rect = glm::ivec4(p0.x >> shift, p0.y >> shift, p1.x >> shift, p1.y >> shift);
    // Depth is near / distance; nudged nearer so float rounding never makes a sphere look hidden.
    f.nearestDepth = std::nextafter(float(nearPlane / nearest), INFINITY) * (1.0f + 1e-6f);
    return f;
}

}  // namespace axis::render
