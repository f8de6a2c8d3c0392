#pragma once
// Measuring a site: distances, height differences, horizontal distances, polyline lengths,
// polygon areas and angles between points in the site frame (east-north-up metres), and snapping
// a picked point to the corners and edges of the triangles around it. Pure geometry in double;
// the curator's measure tool (viewer/curator/measure_tool.h) and the POI file's measurements
// (poi/measurement.h) use it.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <glm/glm.hpp>

#include "scene/bvh.h"

namespace axis {

enum class MeasureKind {
    Distance,            ///< Straight line between two points.
    HeightDifference,    ///< Second point's height minus the first's (signed).
    HorizontalDistance,  ///< Two points' distance seen from above (z ignored).
    Polyline,            ///< Length of a path through two or more points.
    Area,                ///< A closed polygon through three or more points (see polygonArea).
    Angle,               ///< At the second of three points, between the lines to the other two.
};

/// The name used in files: "distance", "height", "horizontal", "polyline", "area", "angle".
const char* measureKindName(MeasureKind kind);
std::optional<MeasureKind> measureKindFromName(std::string_view name);
/// How many points a measurement of `kind` takes: at least minPoints, at most maxPoints (0: no limit).
std::size_t minPoints(MeasureKind kind);
std::size_t maxPoints(MeasureKind kind);
/// "a distance", "an area": for messages.
std::string measureKindWithArticle(MeasureKind kind);

double distance(const glm::dvec3& a, const glm::dvec3& b);
double heightDifference(const glm::dvec3& from, const glm::dvec3& to);
double horizontalDistance(const glm::dvec3& a, const glm::dvec3& b);
double polylineLength(std::span<const glm::dvec3> points);
/// Area of the closed polygon through `points`: half the length of its vector area
/// |sum p_i x p_i+1| (Newell), i.e. the area of its projection onto the plane that fits it best;
/// exact for planar polygons. Computed relative to the first point, so far-away sites keep
/// precision. Self-intersecting polygons give the net area.
double polygonArea(std::span<const glm::dvec3> points);
/// Angle at `vertex` between the lines to `a` and `b`, in radians (0..pi); 0 when either line
/// has no length.
double angleAt(const glm::dvec3& a, const glm::dvec3& vertex, const glm::dvec3& b);
/// The measured value: metres, square metres (Area) or radians (Angle); NaN when there are
/// fewer points than the kind needs (extra points past maxPoints are ignored).
double measureValue(MeasureKind kind, std::span<const glm::dvec3> points);
/// "12.346 m", "dz +1.250 m", "3.500 m²", "45.0°" (Latin-1, which every UI font has); NaN gives "—".
std::string formatMeasureValue(MeasureKind kind, double value);

// --- Snapping ---

enum class SnapKind { Surface, Vertex, Edge };

struct Snap {
    glm::dvec3 position{0.0};
    SnapKind kind = SnapKind::Surface;
};

using TriangleCorners = std::array<glm::dvec3, 3>;

/// `point` moved to the nearest triangle corner within `tolerance` metres of it; failing that, to
/// the nearest point on a triangle edge within `tolerance`; failing that, left where it is.
Snap snapToTriangles(const glm::dvec3& point, std::span<const TriangleCorners> triangles, double tolerance);
/// snapToTriangles over the triangles of `bvh` within `tolerance` of `hit`.
Snap snapToSurface(const Bvh& bvh, const Hit& hit, double tolerance);
/// The size in metres, at `distance` metres from a perspective camera with vertical field of view
/// `fovY` (radians) showing `viewportHeight` pixels, of `pixels` pixels: a snapping tolerance
/// given on screen, turned into the site.
double pixelsToMetres(double pixels, double distance, double fovY, double viewportHeight);

}  // namespace axis
