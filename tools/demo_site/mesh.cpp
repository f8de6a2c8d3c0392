#include "mesh.h"

#include <glm/gtc/matrix_transform.hpp>

namespace demo {

std::uint32_t Mesh::vertex(Part& p, const glm::dvec3& pos, const glm::dvec3& normal, const glm::dvec2& uv) {
    const glm::dvec3 at = glm::dvec3(placement_ * glm::dvec4(pos, 1.0));
    glm::dvec3 n = glm::dvec3(placement_ * glm::dvec4(normal, 0.0));
    const double len = glm::length(n);
    n = len > 1e-12 ? n / len : glm::dvec3(0, 0, 1);
    p.positions.emplace_back(at);
    p.normals.emplace_back(n);
    p.uvs.emplace_back(uv);
    return static_cast<std::uint32_t>(p.positions.size() - 1);
}

std::size_t Mesh::triangleCount() const {
    std::size_t n = 0;
    for (const auto& [name, p] : parts_) n += p.indices.size() / 3;
    return n;
}

Place::Place(Mesh& mesh, const glm::dvec3& at, double turnDeg) : mesh_(mesh), previous_(mesh.placement()) {
    glm::dmat4 m = glm::translate(previous_, at);
    m = glm::rotate(m, glm::radians(turnDeg), glm::dvec3(0, 0, 1));
    mesh_.setPlacement(m);
}

}  // namespace demo
