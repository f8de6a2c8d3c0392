#pragma once
// What navigation needs to know about the scene: picking rays, collision contacts, the nearest
// surface and the overall extent. The viewer hands one to the walk and fly controllers; scene's
// BVH implements it through nav/bvh_world.h, and tests may implement it with anything.
// All coordinates are the site frame (x east, y north, z up; metres, double).
#include <optional>
#include <vector>

#include "scene/hit.h"
#include "scene/model.h"

namespace axis::nav {

class NavWorld {
public:
    virtual ~NavWorld() = default;
    /// Nearest surface along the ray within maxDistance; `dir` need not be unit length.
    virtual std::optional<Hit> raycast(const glm::dvec3& origin, const glm::dvec3& dir, double maxDistance) const = 0;
    /// Appends one Contact per triangle closer than `radius` to segment a-b (a == b: a sphere).
    virtual void capsuleContacts(const glm::dvec3& a, const glm::dvec3& b, double radius,
                                 std::vector<Contact>& out) const = 0;
    /// The surface point nearest `center` within `radius`.
    virtual std::optional<Hit> closestPoint(const glm::dvec3& center, double radius) const = 0;
    /// Box of all collidable geometry; empty() when there is none.
    virtual Bounds bounds() const = 0;
};

}  // namespace axis::nav
