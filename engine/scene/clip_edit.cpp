#include "scene/clip_edit.h"

#include <algorithm>
#include <cmath>

namespace axis {
namespace {

glm::dvec3 boxCentre(const ClipBox& box) { return (box.min + box.max) * 0.5; }

// Rodrigues: `v` turned by the rotation that takes unit `from` to unit `to`.
glm::dvec3 turnLike(const glm::dvec3& v, const glm::dvec3& from, const glm::dvec3& to) {
    const glm::dvec3 cross = glm::cross(from, to);
    const double sine = glm::length(cross), cosine = glm::dot(from, to);
    if (sine < 1e-12) return cosine > 0.0 ? v : -v;  // No turn, or a half turn (which flips v).
    const glm::dvec3 k = cross / sine;
    return v * cosine + glm::cross(k, v) * sine + k * glm::dot(k, v) * (1.0 - cosine);
}

}  // namespace

glm::dvec3 planeAnchor(const ClipPlane& plane, const glm::dvec3& reference) {
    return reference - plane.normal * (glm::dot(plane.normal, reference) + plane.offset);
}

glm::dvec3 planeTangent(const ClipPlane& plane) {
    // The site axis least along the normal gives a well-conditioned cross product.
    const glm::dvec3 along = std::abs(plane.normal.z) < 0.9 ? glm::dvec3(0, 0, 1) : glm::dvec3(1, 0, 0);
    return glm::normalize(glm::cross(along, plane.normal));
}

std::vector<ClipHandlePoint> planeHandles(const ClipPlane& plane, const glm::dvec3& reference, double size) {
    const glm::dvec3 anchor = planeAnchor(plane, reference);
    return {{ClipHandle::PlaneMove, -1, anchor + plane.normal * size},
            {ClipHandle::PlaneTurn, -1, anchor + planeTangent(plane) * size}};
}

std::vector<ClipHandlePoint> boxHandles(const ClipBox& box) {
    std::vector<ClipHandlePoint> out;
    for (int face = 0; face < 6; ++face) {
        glm::dvec3 at = boxCentre(box);
        at[face / 2] = face % 2 ? box.max[face / 2] : box.min[face / 2];
        out.push_back({ClipHandle::BoxFace, face, at});
    }
    out.push_back({ClipHandle::BoxCentre, -1, boxCentre(box)});
    return out;
}

std::optional<double> closestOnLine(const Ray& line, const Ray& ray) {
    const glm::dvec3 w = line.origin - ray.origin;
    const double a = glm::dot(line.direction, line.direction), b = glm::dot(line.direction, ray.direction),
                 c = glm::dot(ray.direction, ray.direction), d = glm::dot(line.direction, w),
                 e = glm::dot(ray.direction, w);
    const double denominator = a * c - b * b;
    // Within about a degree of parallel the point races off to infinity: no answer.
    if (denominator < 3e-4 * a * c) return std::nullopt;
    return (b * e - c * d) / denominator;
}

std::optional<glm::dvec3> rayPlane(const Ray& ray, const glm::dvec3& point, const glm::dvec3& normal) {
    const double along = glm::dot(ray.direction, normal);
    if (std::abs(along) < 1e-9) return std::nullopt;
    const double s = glm::dot(point - ray.origin, normal) / along;
    if (s <= 0.0) return std::nullopt;
    return ray.origin + ray.direction * s;
}

ClipDrag ClipDrag::plane(const ClipPlane& start, ClipHandle handle, const glm::dvec3& reference, double size,
                         const Ray& grab, const glm::dvec3& viewDirection) {
    ClipDrag d;
    d.handle_ = handle;
    d.plane_ = d.lastPlane_ = start;
    d.anchor_ = planeAnchor(start, reference);
    d.facing_ = viewDirection;
    if (handle == ClipHandle::PlaneMove) {
        d.line_ = {d.anchor_, start.normal};
        d.grabS_ = closestOnLine(d.line_, grab).value_or(0.0);
    } else {
        const glm::dvec3 corner = d.anchor_ + planeTangent(start) * size;
        d.grabPoint_ = rayPlane(grab, corner, viewDirection).value_or(corner);
    }
    return d;
}

ClipDrag ClipDrag::box(const ClipBox& start, ClipHandle handle, int face, const Ray& grab,
                       const glm::dvec3& viewDirection) {
    ClipDrag d;
    d.handle_ = handle;
    d.face_ = face;
    d.box_ = d.lastBox_ = start;
    d.facing_ = viewDirection;
    if (handle == ClipHandle::BoxFace) {
        glm::dvec3 axis(0.0);
        axis[face / 2] = 1.0;
        d.line_ = {boxHandles(start)[std::size_t(face)].position, axis};
        d.grabS_ = closestOnLine(d.line_, grab).value_or(0.0);
    } else {
        d.grabPoint_ = rayPlane(grab, boxCentre(start), viewDirection).value_or(boxCentre(start));
    }
    return d;
}

ClipPlane ClipDrag::updatePlane(const Ray& ray) {
    if (handle_ == ClipHandle::PlaneMove) {
        // Moving the plane by s along its unit normal lowers d by s (n.p + d = 0).
        if (auto s = closestOnLine(line_, ray)) lastPlane_.offset = plane_.offset - (*s - grabS_);
        return lastPlane_;
    }
    auto q = rayPlane(ray, grabPoint_, facing_);
    if (!q) return lastPlane_;
    const glm::dvec3 from = grabPoint_ - anchor_, to = *q - anchor_;
    if (glm::length(from) < 1e-9 || glm::length(to) < 1e-9) return lastPlane_;
    const glm::dvec3 normal = turnLike(plane_.normal, glm::normalize(from), glm::normalize(to));
    if (auto turned = makeClipPlane(normal, -glm::dot(normal, anchor_))) lastPlane_ = *turned;
    return lastPlane_;
}

ClipBox ClipDrag::updateBox(const Ray& ray) {
    if (handle_ == ClipHandle::BoxFace) {
        auto s = closestOnLine(line_, ray);
        if (!s) return lastBox_;
        const int axis = face_ / 2;
        const double moved = *s - grabS_;
        lastBox_ = box_;
        if (face_ % 2)
            lastBox_.max[axis] = std::max(box_.max[axis] + moved, box_.min[axis]);
        else
            lastBox_.min[axis] = std::min(box_.min[axis] + moved, box_.max[axis]);
        return lastBox_;
    }
    if (auto q = rayPlane(ray, grabPoint_, facing_)) {
        const glm::dvec3 moved = *q - grabPoint_;
        lastBox_ = {box_.min + moved, box_.max + moved};
    }
    return lastBox_;
}

}  // namespace axis
