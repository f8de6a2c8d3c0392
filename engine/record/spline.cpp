#include "record/spline.h"

#include <algorithm>
#include <cmath>

namespace axis::record {
namespace {

// Knot spacing sqrt(|a - b|): the "centripetal" choice. A tiny floor keeps nearly coincident
// phantom points from dividing by zero.
double knotStep(const glm::dvec3& a, const glm::dvec3& b) { return std::max(std::sqrt(glm::length(b - a)), 1e-9); }

glm::dvec3 lerpKnots(const glm::dvec3& a, const glm::dvec3& b, double ta, double tb, double t) {
    return a * ((tb - t) / (tb - ta)) + b * ((t - ta) / (tb - ta));
}

}  // namespace

glm::dvec3 centripetalCatmullRom(const glm::dvec3& p0, const glm::dvec3& p1, const glm::dvec3& p2,
                                 const glm::dvec3& p3, double u) {
    // Barry and Goldman's pyramidal evaluation over non-uniform knots t0..t3.
    const double t0 = 0.0, t1 = t0 + knotStep(p0, p1), t2 = t1 + knotStep(p1, p2), t3 = t2 + knotStep(p2, p3);
    const double t = t1 + (t2 - t1) * u;
    const glm::dvec3 a1 = lerpKnots(p0, p1, t0, t1, t);
    const glm::dvec3 a2 = lerpKnots(p1, p2, t1, t2, t);
    const glm::dvec3 a3 = lerpKnots(p2, p3, t2, t3, t);
    const glm::dvec3 b1 = lerpKnots(a1, a2, t0, t2, t);
    const glm::dvec3 b2 = lerpKnots(a2, a3, t1, t3, t);
    return lerpKnots(b1, b2, t1, t2, t);
}

CatmullRomCurve::CatmullRomCurve(std::vector<glm::dvec3> points) : points_(std::move(points)) {
    cumulative_.reserve(segmentCount() * kSamplesPerSegment + 1);
    cumulative_.push_back(0.0);
    for (std::size_t seg = 0; seg < segmentCount(); ++seg) {
        glm::dvec3 prev = points_[seg];
        for (int k = 1; k <= kSamplesPerSegment; ++k) {
            const glm::dvec3 p = at(seg, double(k) / kSamplesPerSegment);
            cumulative_.push_back(cumulative_.back() + glm::length(p - prev));
            prev = p;
        }
    }
}

glm::dvec3 CatmullRomCurve::at(std::size_t segment, double u) const {
    const std::size_t n = points_.size();
    const glm::dvec3& p1 = points_[segment];
    const glm::dvec3& p2 = points_[segment + 1];
    const glm::dvec3 p0 = segment == 0 ? 2.0 * p1 - p2 : points_[segment - 1];
    const glm::dvec3 p3 = segment + 2 >= n ? 2.0 * p2 - p1 : points_[segment + 2];
    return centripetalCatmullRom(p0, p1, p2, p3, std::clamp(u, 0.0, 1.0));
}

CatmullRomCurve::Location CatmullRomCurve::locate(double s) const {
    s = std::clamp(s, 0.0, length());
    // First table entry at or beyond s; the sample before it starts the chord holding s.
    auto it = std::lower_bound(cumulative_.begin() + 1, cumulative_.end(), s);
    if (it == cumulative_.end()) --it;
    const std::size_t hi = std::size_t(it - cumulative_.begin()), lo = hi - 1;
    const double chord = cumulative_[hi] - cumulative_[lo];
    const double f = chord > 0.0 ? (s - cumulative_[lo]) / chord : 0.0;
    Location loc;
    loc.segment = std::min(lo / kSamplesPerSegment, segmentCount() - 1);
    const double sampleInSegment = double(lo - loc.segment * kSamplesPerSegment) + f;
    loc.u = sampleInSegment / kSamplesPerSegment;
    const double segStart = lengthAtPoint(loc.segment), segEnd = lengthAtPoint(loc.segment + 1);
    loc.arcFraction = segEnd > segStart ? (s - segStart) / (segEnd - segStart) : 0.0;
    return loc;
}

glm::dvec3 CatmullRomCurve::atDistance(double s) const {
    const Location loc = locate(s);
    return at(loc.segment, loc.u);
}

}  // namespace axis::record
