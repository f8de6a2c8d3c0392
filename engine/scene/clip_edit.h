#pragma once
// Editing section planes and clip boxes with handles in a 3D view (the curator's gizmos): where
// each handle is, and what a drag of it does, as geometry on view rays, so the viewer only
// projects handles and forwards the pointer. Site frame, metres.
//
// A plane is shown around its anchor (the point of the plane nearest a reference point the
// caller keeps fixed, e.g. the site's centre) as a square with an arrow along its normal: the
// arrow's tip moves the plane along its normal, the middle of one side of the square turns it
// about the anchor.
// A box has a handle at each face's centre (moves that face along its axis; a face never
// passes the opposite one) and one at its centre (moves the whole box).
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/clipping.h"

namespace axis {

/// A view ray: origin and unit direction, site frame.
struct Ray {
    glm::dvec3 origin{0.0}, direction{0.0, 0.0, -1.0};
};

enum class ClipHandle {
    PlaneMove,  ///< The normal arrow's tip: along the normal.
    PlaneTurn,  ///< The middle of a side of the square: turns the normal about the anchor.
    BoxFace,    ///< A face centre (face index as in Clipping::halfSpaces: -x, +x, -y, +y, -z, +z).
    BoxCentre,  ///< The whole box, in the plane facing the view.
};

struct ClipHandlePoint {
    ClipHandle kind;
    int face = -1;  ///< BoxFace only.
    glm::dvec3 position{0.0};
};

/// The point of `plane` nearest `reference`.
glm::dvec3 planeAnchor(const ClipPlane& plane, const glm::dvec3& reference);
/// A unit vector in `plane` (perpendicular to its normal), the same for the same normal: towards
/// the turning handle, and one axis of the drawn square.
glm::dvec3 planeTangent(const ClipPlane& plane);

/// Where the handles of a plane are, the gizmo `size` metres across (arrow length, half the
/// square's side), anchored as planeAnchor(plane, reference) says.
std::vector<ClipHandlePoint> planeHandles(const ClipPlane& plane, const glm::dvec3& reference, double size);
std::vector<ClipHandlePoint> boxHandles(const ClipBox& box);

/// Parameter s of the point line.origin + s * line.direction nearest `ray`; nullopt when the
/// two are (nearly) parallel, where a drag along the line is undefined.
std::optional<double> closestOnLine(const Ray& line, const Ray& ray);
/// Where `ray` meets the plane through `point` with normal `normal`; nullopt when parallel or
/// behind the ray's origin.
std::optional<glm::dvec3> rayPlane(const Ray& ray, const glm::dvec3& point, const glm::dvec3& normal);

/// One drag of one handle: begin() with the cut as it was and the ray through the pointer where
/// the button went down, then update() with each new ray. The result is always a valid cut
/// (unit normal, min <= max); a ray that says nothing (parallel to the line dragged along)
/// leaves the cut as the last good ray left it.
class ClipDrag {
public:
    /// `viewDirection`: the camera's forward, which the moving plane of a turn or a box's move faces.
    static ClipDrag plane(const ClipPlane& start, ClipHandle handle, const glm::dvec3& reference, double size,
                          const Ray& grab, const glm::dvec3& viewDirection);
    static ClipDrag box(const ClipBox& start, ClipHandle handle, int face, const Ray& grab,
                        const glm::dvec3& viewDirection);

    ClipPlane updatePlane(const Ray& ray);
    ClipBox updateBox(const Ray& ray);

private:
    ClipHandle handle_ = ClipHandle::PlaneMove;
    int face_ = -1;
    ClipPlane plane_;
    ClipBox box_;
    glm::dvec3 anchor_{0.0}, grabPoint_{0.0}, facing_{0.0};
    Ray line_;
    double grabS_ = 0.0;
    ClipPlane lastPlane_;
    ClipBox lastBox_;
};

}  // namespace axis
