#pragma once
// Centripetal Catmull-Rom curves (alpha = 0.5) through points in the site frame, with an
// arc-length table so that a camera can move along them at a chosen speed. Centripetal knots
// never form cusps or self-intersections within a segment, unlike uniform Catmull-Rom.
#include <span>
#include <vector>

#include <glm/glm.hpp>

namespace axis::record {

/// One segment from p1 to p2; p0 and p3 are its neighbours. Consecutive points must differ
/// (CatmullRomCurve guarantees that). u in [0, 1]; u = 0 gives p1, u = 1 gives p2.
glm::dvec3 centripetalCatmullRom(const glm::dvec3& p0, const glm::dvec3& p1, const glm::dvec3& p2,
                                 const glm::dvec3& p3, double u);

/// A curve through two or more points, no two consecutive ones equal. The ends use mirrored
/// phantom points, so the curve starts heading straight at the second point.
class CatmullRomCurve {
public:
    /// Arc-length table resolution: chords per segment. 256 keeps the speed error of the
    /// piecewise-linear inverse far below 0.1% for camera-path curvature.
    static constexpr int kSamplesPerSegment = 256;

    explicit CatmullRomCurve(std::vector<glm::dvec3> points);

    std::size_t segmentCount() const { return points_.size() - 1; }
    double length() const { return cumulative_.back(); }
    /// Arc length from the start to point i (the start of segment i).
    double lengthAtPoint(std::size_t i) const { return cumulative_[i * kSamplesPerSegment]; }

    /// Position at segment `segment` (0-based), local parameter u in [0, 1].
    glm::dvec3 at(std::size_t segment, double u) const;

    struct Location {
        std::size_t segment = 0;
        double u = 0.0;          ///< Spline parameter within the segment.
        double arcFraction = 0;  ///< Share of the segment's arc length covered, [0, 1].
    };
    /// Where the point `s` metres along the curve lies (s clamped to [0, length()]).
    Location locate(double s) const;
    glm::dvec3 atDistance(double s) const;

private:
    std::vector<glm::dvec3> points_;
    std::vector<double> cumulative_;  ///< Arc length at each table sample, segments back to back.
};

}  // namespace axis::record
