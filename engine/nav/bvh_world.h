#pragma once
// The NavWorld the viewer uses: scene's BVH, unchanged. Only this adapter includes the BVH, so the
// controllers depend on the NavWorld interface alone.
#include "nav/nav_world.h"
#include "scene/bvh.h"

namespace axis::nav {

class BvhWorld final : public NavWorld {
public:
    /// `bvh` is not owned and must outlive this adapter (and any controller holding it).
    explicit BvhWorld(const Bvh& bvh) : bvh_(bvh) {}

    std::optional<Hit> raycast(const glm::dvec3& origin, const glm::dvec3& dir, double maxDistance) const override {
        return bvh_.raycast(origin, dir, maxDistance);
    }
    void capsuleContacts(const glm::dvec3& a, const glm::dvec3& b, double radius,
                         std::vector<Contact>& out) const override {
        bvh_.capsuleContacts(a, b, radius, out);
    }
    std::optional<Hit> closestPoint(const glm::dvec3& center, double radius) const override {
        return bvh_.closestPoint(center, radius);
    }
    Bounds bounds() const override { return bvh_.bounds(); }

private:
    const Bvh& bvh_;
};

}  // namespace axis::nav
