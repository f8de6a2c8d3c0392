#include "scene/measure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace axis {
namespace {

struct KindInfo {
    MeasureKind kind;
    const char* name;
    std::size_t minPoints, maxPoints;
};

constexpr KindInfo kKinds[] = {
    {MeasureKind::Distance, "distance", 2, 2},
    {MeasureKind::HeightDifference, "height", 2, 2},
    {MeasureKind::HorizontalDistance, "horizontal", 2, 2},
    {MeasureKind::Polyline, "polyline", 2, 0},
    {MeasureKind::Area, "area", 3, 0},
    {MeasureKind::Angle, "angle", 3, 3},
};

const KindInfo& info(MeasureKind kind) {
    for (const KindInfo& k : kKinds)
        if (k.kind == kind) return k;
    return kKinds[0];
}

// The point of segment a-b nearest `p`.
glm::dvec3 closestOnSegment(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b) {
    const glm::dvec3 ab = b - a;
    const double len2 = glm::dot(ab, ab);
    if (len2 <= 0.0) return a;
    return a + ab * std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0);
}

}  // namespace

const char* measureKindName(MeasureKind kind) { return info(kind).name; }

std::optional<MeasureKind> measureKindFromName(std::string_view name) {
    for (const KindInfo& k : kKinds)
        if (name == k.name) return k.kind;
    return std::nullopt;
}

std::size_t minPoints(MeasureKind kind) { return info(kind).minPoints; }
std::size_t maxPoints(MeasureKind kind) { return info(kind).maxPoints; }

std::string measureKindWithArticle(MeasureKind kind) {
    const std::string name = measureKindName(kind);
    return (std::string_view("aeiou").find(name[0]) != std::string_view::npos ? "an " : "a ") + name;
}

double distance(const glm::dvec3& a, const glm::dvec3& b) { return glm::length(b - a); }

double heightDifference(const glm::dvec3& from, const glm::dvec3& to) { return to.z - from.z; }

double horizontalDistance(const glm::dvec3& a, const glm::dvec3& b) { return std::hypot(b.x - a.x, b.y - a.y); }

double polylineLength(std::span<const glm::dvec3> points) {
    double length = 0.0;
    for (std::size_t i = 1; i < points.size(); ++i) length += distance(points[i - 1], points[i]);
    return length;
}

double polygonArea(std::span<const glm::dvec3> points) {
    if (points.size() < 3) return 0.0;
    glm::dvec3 sum(0.0);
    for (std::size_t i = 1; i + 1 < points.size(); ++i)  // The first point's terms vanish: it is the origin.
        sum += glm::cross(points[i] - points[0], points[i + 1] - points[0]);
    return 0.5 * glm::length(sum);
}

double angleAt(const glm::dvec3& a, const glm::dvec3& vertex, const glm::dvec3& b) {
    const glm::dvec3 u = a - vertex, v = b - vertex;
    if (glm::length(u) <= 0.0 || glm::length(v) <= 0.0) return 0.0;
    // atan2 of sine and cosine stays accurate near 0 and pi, where acos of a dot product does not.
    return std::atan2(glm::length(glm::cross(u, v)), glm::dot(u, v));
}

double measureValue(MeasureKind kind, std::span<const glm::dvec3> points) {
    if (points.size() < minPoints(kind)) return std::numeric_limits<double>::quiet_NaN();
    if (maxPoints(kind) != 0) points = points.first(std::min(points.size(), maxPoints(kind)));
    switch (kind) {
        case MeasureKind::Distance:
            return distance(points[0], points[1]);
        case MeasureKind::HeightDifference:
            return heightDifference(points[0], points[1]);
        case MeasureKind::HorizontalDistance:
            return horizontalDistance(points[0], points[1]);
        case MeasureKind::Polyline:
            return polylineLength(points);
        case MeasureKind::Area:
            return polygonArea(points);
        case MeasureKind::Angle:
            return angleAt(points[0], points[1], points[2]);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::string formatMeasureValue(MeasureKind kind, double value) {
    if (std::isnan(value)) return "\u2014";
    char text[64];
    switch (kind) {
        case MeasureKind::HeightDifference:
            std::snprintf(text, sizeof text, "dz %+.3f m", value);
            break;
        case MeasureKind::Area:
            std::snprintf(text, sizeof text, "%.3f m\u00b2", value);
            break;
        case MeasureKind::Angle:
            std::snprintf(text, sizeof text, "%.1f\u00b0", glm::degrees(value));
            break;
        default:
            std::snprintf(text, sizeof text, "%.3f m", value);
            break;
    }
    return text;
}

Snap snapToTriangles(const glm::dvec3& point, std::span<const TriangleCorners> triangles, double tolerance) {
    // Corners win over edges, edges over the surface: a person aiming near a corner means it.
    double best = tolerance;
    std::optional<glm::dvec3> vertex;
    for (const TriangleCorners& t : triangles)
        for (const glm::dvec3& c : t)
            if (double d = distance(point, c); d <= best) best = d, vertex = c;
    if (vertex) return {*vertex, SnapKind::Vertex};
    best = tolerance;
    std::optional<glm::dvec3> edge;
    for (const TriangleCorners& t : triangles)
        for (int i = 0; i < 3; ++i) {
            const glm::dvec3 q = closestOnSegment(point, t[i], t[(i + 1) % 3]);
            if (double d = distance(point, q); d <= best) best = d, edge = q;
        }
    if (edge) return {*edge, SnapKind::Edge};
    return {point, SnapKind::Surface};
}

Snap snapToSurface(const Bvh& bvh, const Hit& hit, double tolerance) {
    std::vector<TriangleCorners> near;
    bvh.trianglesNear(hit.position, tolerance, near);
    return snapToTriangles(hit.position, near, tolerance);
}

double pixelsToMetres(double pixels, double distance, double fovY, double viewportHeight) {
    if (!(viewportHeight > 0.0)) return 0.0;
    return pixels * distance * 2.0 * std::tan(fovY * 0.5) / viewportHeight;
}

}  // namespace axis
