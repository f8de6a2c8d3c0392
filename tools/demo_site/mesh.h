#pragma once
// Triangle meshes built in a landmark's local east-north-up frame (x east, y north, z up, metres),
// one part per material. The GLB writer turns them into y-up glTF.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace demo {

struct Part {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec2> uvs;
    std::vector<std::uint32_t> indices;
};

class Mesh {
public:
    /// The part drawn with `material` (a name from materials.h), created on first use.
    Part& part(const std::string& material) { return parts_[material]; }
    const std::map<std::string, Part>& parts() const { return parts_; }

    /// Local placement applied to everything added from now on (a building rotated or moved
    /// within its landmark). Returns the previous one so callers can restore it.
    glm::dmat4 setPlacement(const glm::dmat4& m) {
        glm::dmat4 old = placement_;
        placement_ = m;
        return old;
    }
    const glm::dmat4& placement() const { return placement_; }

    /// Adds a vertex (placed by the current placement) and returns its index in `p`.
    std::uint32_t vertex(Part& p, const glm::dvec3& pos, const glm::dvec3& normal, const glm::dvec2& uv);
    static void triangle(Part& p, std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        p.indices.insert(p.indices.end(), {a, b, c});
    }

    std::size_t triangleCount() const;

private:
    std::map<std::string, Part> parts_;
    glm::dmat4 placement_{1.0};
};

/// Moves and turns the mesh placement for one scope: `at` in the current frame, `turnDeg`
/// counter-clockwise about z seen from above. Restores the previous placement on destruction.
class Place {
public:
    Place(Mesh& mesh, const glm::dvec3& at, double turnDeg = 0.0);
    ~Place() { mesh_.setPlacement(previous_); }
    Place(const Place&) = delete;
    Place& operator=(const Place&) = delete;

private:
    Mesh& mesh_;
    glm::dmat4 previous_;
};

}  // namespace demo
