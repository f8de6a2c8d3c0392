#include "render/shadow_cascades.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace axis::render {

std::vector<double> practicalSplits(double nearPlane, double farDepth, std::size_t count, double lambda) {
    std::vector<double> ends(count);
    for (std::size_t i = 1; i <= count; ++i) {
        const double t = double(i) / double(count);
        const double logarithmic = nearPlane * std::pow(farDepth / nearPlane, t);
        const double uniform = nearPlane + (farDepth - nearPlane) * t;
        ends[i - 1] = lambda * logarithmic + (1.0 - lambda) * uniform;
    }
    ends.back() = farDepth;  // Exactly, whatever pow rounds to.
    return ends;
}

double shadowFarDepth(const glm::dvec3& eye, const glm::dvec3& sceneCentre, double sceneRadius) {
    const double reach = glm::length(sceneCentre - eye) + sceneRadius;
    if (!(reach > 1.0)) return 1.0;
    return std::exp2(std::ceil(std::log2(reach) * 4.0) / 4.0);
}

SliceSphere sliceSphere(double fovY, double aspect, double nearDepth, double farDepth) {
    // A corner at depth z is z * sqrt(spread) off the axis. The centre where the near and far
    // corners are equally far: (c - n)^2 + n^2 s = (f - c)^2 + f^2 s, i.e. c = (n + f)(1 + s) / 2;
    // not beyond the far plane (wide views), where the far corners alone set the radius.
    const double halfHeight = std::tan(fovY * 0.5), halfWidth = halfHeight * aspect;
    const double spread = halfHeight * halfHeight + halfWidth * halfWidth;
    const double centre = std::min(farDepth, (nearDepth + farDepth) * (1.0 + spread) * 0.5);
    const double nearCorner = (centre - nearDepth) * (centre - nearDepth) + nearDepth * nearDepth * spread;
    const double farCorner = (farDepth - centre) * (farDepth - centre) + farDepth * farDepth * spread;
    return {centre, std::sqrt(std::max(nearCorner, farCorner))};
}

bool ShadowCascade::reaches(const glm::dvec3& c, double r) const {
    const glm::dvec4 p = clipFromCamera * glm::dvec4(c, 1.0);
    const double grow = r / radius;  // The sphere's radius in clip units.
    return p.x + grow >= receivers.x && p.x - grow <= receivers.z && p.y + grow >= receivers.y &&
           p.y - grow <= receivers.w && p.z >= -r * depthPerMetre;
}

namespace {

// The clip-space rectangle (min xy, max zw) around points projected by `clip`.
template <class Points>
glm::dvec4 projectedRect(const glm::dmat4& clip, const Points& points) {
    glm::dvec4 rect(1e300, 1e300, -1e300, -1e300);
    for (const glm::dvec3& p : points) {
        const glm::dvec2 q(clip * glm::dvec4(p, 1.0));
        rect = glm::dvec4(glm::min(glm::dvec2(rect), q), glm::max(glm::dvec2(rect.z, rect.w), q));
    }
    return rect;
}

// The eight corners of the view frustum between two depths, camera-relative.
std::array<glm::dvec3, 8> frustumCorners(const Camera& camera, double aspect, double nearDepth, double farDepth) {
    const glm::dvec3 f = glm::normalize(camera.forward);
    const glm::dvec3 side =
        std::abs(glm::dot(f, glm::normalize(camera.up))) > 0.999999 ? glm::dvec3(1, 0, 0) : camera.up;
    const glm::dvec3 r = glm::normalize(glm::cross(f, side));
    const glm::dvec3 u = glm::cross(r, f);
    const double h = std::tan(camera.fovY * 0.5), w = h * aspect;
    std::array<glm::dvec3, 8> corners;
    int k = 0;
    for (double z : {nearDepth, farDepth})
        for (double sx : {-1.0, 1.0})
            for (double sy : {-1.0, 1.0}) corners[k++] = z * (f + sx * w * r + sy * h * u);
    return corners;
}

}  // namespace

void narrowToReceivers(std::span<ShadowCascade> cascades, const Camera& camera, double aspect,
                       const glm::dvec3& sceneMin, const glm::dvec3& sceneMax, std::uint32_t mapSize) {
    std::array<glm::dvec3, 8> box;
    for (int i = 0; i < 8; ++i)
        box[i] = glm::dvec3(i & 1 ? sceneMax.x : sceneMin.x, i & 2 ? sceneMax.y : sceneMin.y,
                            i & 4 ? sceneMax.z : sceneMin.z) -
                 camera.position;
    const double margin = 4.0 * 2.0 / double(mapSize);  // Four texels, in clip units.
    for (ShadowCascade& c : cascades) {
        const glm::dvec4 slice =
            projectedRect(c.clipFromCamera, frustumCorners(camera, aspect, c.nearDepth, c.farDepth));
        const glm::dvec4 scene = projectedRect(c.clipFromCamera, box);
        const glm::dvec2 lo = glm::max(glm::max(glm::dvec2(slice), glm::dvec2(scene)) - margin, glm::dvec2(-1.0));
        const glm::dvec2 hi =
            glm::min(glm::min(glm::dvec2(slice.z, slice.w), glm::dvec2(scene.z, scene.w)) + margin, glm::dvec2(1.0));
        c.receivers = glm::dvec4(lo, glm::max(hi, lo));  // Empty where they do not overlap.
    }
}

namespace {

// The map of one slice: an orthographic view from the sun around its sphere, reversed Z.
ShadowCascade fitCascade(const Camera& camera, double aspect, const glm::dvec3& sunDirection,
                         const glm::dvec3& sceneCentre, double sceneRadius, double nearDepth, double farDepth,
                         std::uint32_t mapSize) {
    ShadowCascade c;
    c.nearDepth = nearDepth;
    c.farDepth = farDepth;
    const SliceSphere sphere = sliceSphere(camera.fovY, aspect, nearDepth, farDepth);
    c.radius = sphere.radius;
    c.centre = glm::normalize(camera.forward) * sphere.centreDepth;

    // Casters up to the scene's far side towards the sun stay in front of the map's near plane.
    const glm::dvec3 sun = glm::normalize(sunDirection);
    const double behind = std::max(c.radius, glm::length(camera.position + c.centre - sceneCentre) + sceneRadius);
    const glm::dvec3 eye = c.centre + sun * behind;
    // Looking down the sun's rays: one rotation for every cascade (taken from the direction
    // alone, so the same to the last bit), then this map's eye.
    const glm::dvec3 up = std::abs(sun.z) > 0.99 ? glm::dvec3(0, 1, 0) : glm::dvec3(0, 0, 1);
    c.sunFromCamera = glm::dmat3(glm::lookAt(glm::dvec3(0.0), -sun, up));
    const glm::dmat4 lightView = glm::dmat4(c.sunFromCamera) * glm::translate(glm::dmat4(1.0), -eye);
    const double depthRange = behind + c.radius;
    // Orthographic, reversed Z: distance 0 from the eye maps to depth 1, depthRange to 0.
    glm::dmat4 projection(1.0);
    projection[0][0] = 1.0 / c.radius;
    projection[1][1] = 1.0 / c.radius;
    projection[2][2] = 1.0 / depthRange;  // z_view is negative in front: 1 + z_view / range.
    projection[3][2] = 1.0;
    // Whole texels per step of the eye, so edges do not crawl as the camera moves.
    glm::dmat4 clip = projection * lightView;
    const glm::dvec4 origin = clip * glm::dvec4(-camera.position, 1.0);  // The site's origin in the map.
    const double texels = double(mapSize) * 0.5;
    const glm::dvec2 snapped = glm::round(glm::dvec2(origin) * texels) / texels;
    c.clipFromCamera = glm::translate(glm::dmat4(1.0), glm::dvec3(snapped - glm::dvec2(origin), 0.0)) * clip;
    c.texelMetres = 2.0 * c.radius / double(mapSize);
    c.depthPerMetre = 1.0 / depthRange;
    return c;
}

}  // namespace

std::array<ShadowCascade, kShadowCascades> fitShadowCascades(const Camera& camera, double aspect,
                                                             const glm::dvec3& sunDirection,
                                                             const glm::dvec3& sceneCentre, double sceneRadius,
                                                             std::uint32_t mapSize) {
    const double farDepth = shadowFarDepth(camera.position, sceneCentre, sceneRadius);
    const double nearPlane = std::min(camera.nearPlane, farDepth * 0.5);
    const std::vector<double> ends = practicalSplits(nearPlane, farDepth, kShadowCascades, kShadowSplitLambda);
    std::array<ShadowCascade, kShadowCascades> cascades;
    double start = nearPlane, previousEnd = nearPlane;
    for (std::size_t i = 0; i < kShadowCascades; ++i) {
        const bool last = i + 1 == kShadowCascades;
        cascades[i] = fitCascade(camera, aspect, sunDirection, sceneCentre, sceneRadius, start, ends[i], mapSize);
        cascades[i].blendFrom = last ? ends[i] : ends[i] - kShadowBlendShare * (ends[i] - previousEnd);
        // The next map also holds this one's blend band, so that both can be read there.
        start = cascades[i].blendFrom;
        previousEnd = ends[i];
    }
    return cascades;
}

}  // namespace axis::render
