#pragma once
// Building test scenes in code: quads, boxes, stairs, as a Model in site coordinates (z up).
#include <vector>

#include "scene/bvh.h"
#include "scene/model.h"

namespace axis::test {

class MeshBuilder {
public:
    /// Quad a-b-c-d (two triangles).
    MeshBuilder& quad(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c, const glm::dvec3& d) {
        const auto base = static_cast<std::uint32_t>(prim_.vertices.size());
        for (const glm::dvec3& p : {a, b, c, d}) prim_.vertices.push_back({glm::vec3(p)});
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) prim_.indices.push_back(base + i);
        return *this;
    }
    /// Horizontal square at height z, from (x0, y0) to (x1, y1).
    MeshBuilder& floor(double x0, double y0, double x1, double y1, double z) {
        return quad({x0, y0, z}, {x1, y0, z}, {x1, y1, z}, {x0, y1, z});
    }
    /// A vertical wall with no thickness, from (x0, y0) to (x1, y1), from z0 up to z1.
    MeshBuilder& wall(double x0, double y0, double x1, double y1, double z0, double z1) {
        return quad({x0, y0, z0}, {x1, y1, z0}, {x1, y1, z1}, {x0, y0, z1});
    }
    /// A closed axis-aligned box.
    MeshBuilder& box(const glm::dvec3& lo, const glm::dvec3& hi) {
        floor(lo.x, lo.y, hi.x, hi.y, lo.z);
        floor(lo.x, lo.y, hi.x, hi.y, hi.z);
        wall(lo.x, lo.y, hi.x, lo.y, lo.z, hi.z);
        wall(hi.x, lo.y, hi.x, hi.y, lo.z, hi.z);
        wall(hi.x, hi.y, lo.x, hi.y, lo.z, hi.z);
        wall(lo.x, hi.y, lo.x, lo.y, lo.z, hi.z);
        return *this;
    }
    /// `count` steps climbing towards +y from y0, each `rise` high and `tread` deep, `width` wide
    /// around x = 0, as solid boxes; ends with a landing of 10 m at the top.
    MeshBuilder& stairs(double y0, int count, double rise, double tread, double width = 3.0) {
        for (int i = 0; i < count; ++i) {
            const double depth = (i == count - 1) ? 10.0 : tread;
            box({-width / 2, y0 + i * tread, 0.0}, {width / 2, y0 + i * tread + depth, (i + 1) * rise});
        }
        return *this;
    }
    Model build() const {
        Model m;
        m.up = UpAxis::Z;
        m.primitives.push_back(prim_);
        m.materials.push_back({});
        m.computeBounds();
        return m;
    }

private:
    Primitive prim_;
};

/// A BVH over one model placed with `toSite`, keeping the model alive beside it.
struct TestScene {
    Model model;
    Bvh bvh;
    explicit TestScene(Model m, const glm::dmat4& toSite = glm::dmat4(1.0)) : model(std::move(m)) {
        const PlacedModel placed{&model, toSite};
        bvh = Bvh::build(std::span<const PlacedModel>(&placed, 1));
    }
};

}  // namespace axis::test
