#pragma once
// Small triangle geometry shared by the BVH and its brute-force reference (internal to scene/).
#include <algorithm>
#include <cmath>
#include <optional>

#include <glm/glm.hpp>

namespace axis::trimath {

/// Möller–Trumbore: distance t along `dir` (any length) to triangle (v0, v0+e1, v0+e2), both
/// faces, when tMin < t < tMax. Templated so the BVH runs it in float and tests in double.
template <class V, class S>
inline std::optional<S> rayTriangle(const V& orig, const V& dir, const V& v0, const V& e1, const V& e2,
                                    S tMin, S tMax) {
    const V p = glm::cross(dir, e2);
    const S det = glm::dot(e1, p);
    if (std::abs(det) < S(1e-20)) return std::nullopt;  // Parallel (or degenerate triangle).
    const S inv = S(1) / det;
    const V s = orig - v0;
    const S u = glm::dot(s, p) * inv;
    if (u < S(0) || u > S(1)) return std::nullopt;
    const V q = glm::cross(s, e1);
    const S v = glm::dot(dir, q) * inv;
    if (v < S(0) || u + v > S(1)) return std::nullopt;
    const S t = glm::dot(e2, q) * inv;
    if (t <= tMin || t > tMax) return std::nullopt;
    return t;
}

/// Closest point on triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5).
inline glm::dvec3 closestOnTriangle(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b,
                                    const glm::dvec3& c) {
    const glm::dvec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return a;
    const glm::dvec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return b;
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
    const glm::dvec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return c;
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const double denom = 1.0 / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

/// Closest points between segments p1-q1 and p2-q2 (Ericson 5.1.9): returns {on first, on second}.
inline std::pair<glm::dvec3, glm::dvec3> closestSegmentSegment(const glm::dvec3& p1, const glm::dvec3& q1,
                                                               const glm::dvec3& p2, const glm::dvec3& q2) {
    const glm::dvec3 d1 = q1 - p1, d2 = q2 - p2, r = p1 - p2;
    const double a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
    const double eps = 1e-18;
    double s = 0, t = 0;
    if (a <= eps && e <= eps) return {p1, p2};
    if (a <= eps) {
        t = std::clamp(f / e, 0.0, 1.0);
    } else {
        const double c = glm::dot(d1, r);
        if (e <= eps) {
            s = std::clamp(-c / a, 0.0, 1.0);
        } else {
            const double b = glm::dot(d1, d2), denom = a * e - b * b;
            s = denom > eps ? std::clamp((b * f - c * e) / denom, 0.0, 1.0) : 0.0;
            t = (b * s + f) / e;
            if (t < 0) { t = 0; s = std::clamp(-c / a, 0.0, 1.0); }
            else if (t > 1) { t = 1; s = std::clamp((b - c) / a, 0.0, 1.0); }
        }
    }
    return {p1 + d1 * s, p2 + d2 * t};
}

/// Closest points between segment s0-s1 and triangle abc: {on segment, on triangle}.
inline std::pair<glm::dvec3, glm::dvec3> closestSegmentTriangle(const glm::dvec3& s0, const glm::dvec3& s1,
                                                                const glm::dvec3& a, const glm::dvec3& b,
                                                                const glm::dvec3& c) {
    const glm::dvec3 d = s1 - s0;
    if (auto t = rayTriangle(s0, d, a, b - a, c - a, -1e-12, 1.0)) {  // The segment pierces it.
        const glm::dvec3 p = s0 + d * *t;
        return {p, p};
    }
    // Otherwise the closest pair has a segment end or a triangle edge in it.
    glm::dvec3 onSeg = s0, onTri = closestOnTriangle(s0, a, b, c);
    double best = glm::dot(onSeg - onTri, onSeg - onTri);
    auto consider = [&](const glm::dvec3& ps, const glm::dvec3& pt) {
        const double d2 = glm::dot(ps - pt, ps - pt);
        if (d2 < best) { best = d2; onSeg = ps; onTri = pt; }
    };
    consider(s1, closestOnTriangle(s1, a, b, c));
    const glm::dvec3 corners[3] = {a, b, c};
    for (int i = 0; i < 3; ++i) {
        auto [ps, pt] = closestSegmentSegment(s0, s1, corners[i], corners[(i + 1) % 3]);
        consider(ps, pt);
    }
    return {onSeg, onTri};
}

}  // namespace axis::trimath
