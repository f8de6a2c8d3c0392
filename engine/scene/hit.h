#pragma once
// Results of geometric queries against a scene (picking, collision), as plain values in the site
// frame (x east, y north, z up; metres, double). Produced by scene/bvh.h, consumed by nav/ through
// nav/nav_world.h, so that navigation never needs the BVH itself.
#include <cstdint>

#include <glm/glm.hpp>

namespace axis {

/// A point on a surface: where a ray hit it, or the surface point nearest to a query point.
struct Hit {
    glm::dvec3 position{0.0};        ///< Site frame, metres.
    glm::dvec3 normal{0.0, 0.0, 1.0};  ///< Unit face normal, turned to face the ray (or the query point).
    double distance = 0.0;           ///< Metres from the ray origin (or from the query point).
    std::uint32_t model = 0;         ///< Index into the models the BVH was built from.
    std::uint32_t triangle = 0;      ///< Triangle index in that model, counting through its
                                     ///< triangle primitives in order (indices.size() / 3 each).
};

/// One triangle touching a capsule (or sphere): how to push the capsule out of it.
struct Contact {
    glm::dvec3 point{0.0};   ///< Nearest point on the triangle, site frame.
    glm::dvec3 normal{0.0, 0.0, 1.0};  ///< Unit, from `point` towards the capsule's axis: the push-out direction.
    double depth = 0.0;      ///< Metres the capsule reaches past `point`: radius - distance to the axis, > 0.
};

}  // namespace axis
