#include "scene/model.h"

namespace axis {

Bounds Bounds::transformed(const glm::dmat4& m) const {
    Bounds out;
    if (empty()) return out;
    for (int i = 0; i < 8; ++i) {
        glm::dvec3 corner((i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y, (i & 4) ? max.z : min.z);
        out.add(glm::dvec3(m * glm::dvec4(corner, 1.0)));
    }
    return out;
}

std::uint64_t Model::triangleCount() const {
    std::uint64_t n = 0;
    for (const auto& p : primitives)
        if (p.topology == Topology::Triangles) n += p.indices.size() / 3;
    return n;
}

std::uint64_t Model::pointCount() const {
    std::uint64_t n = 0;
    for (const auto& p : primitives)
        if (p.topology == Topology::Points) n += p.indices.empty() ? p.vertices.size() : p.indices.size();
    return n;
}

std::uint64_t Model::vertexCount() const {
    std::uint64_t n = 0;
    for (const auto& p : primitives) n += p.vertices.size();
    return n;
}

void Model::computeBounds() {
    bounds = Bounds{};
    for (const auto& p : primitives)
        for (const auto& v : p.vertices) bounds.add(glm::dvec3(v.position));
}

std::vector<glm::dvec3> samplePositions(const Model& model, const glm::dmat4& modelToSite, std::size_t maxCount) {
    std::vector<glm::dvec3> out;
    const std::uint64_t total = model.vertexCount();
    if (total == 0 || maxCount == 0) return out;
    const std::uint64_t stride = (total + maxCount - 1) / maxCount;
    std::uint64_t index = 0;
    for (const auto& p : model.primitives)
        for (const auto& v : p.vertices)
            if (index++ % stride == 0) out.emplace_back(modelToSite * glm::dvec4(glm::dvec3(v.position), 1.0));
    return out;
}

Shading defaultShading(const Model& model) {
    bool anyTriangles = false;
    for (const auto& p : model.primitives) {
        if (p.topology != Topology::Triangles) continue;
        anyTriangles = true;
        const Material& m = model.materials.at(p.material);
        if (m.baseColorTexture < 0 || m.metallicRoughnessTexture >= 0) return Shading::Lit;
    }
    return anyTriangles ? Shading::Unlit : Shading::Lit;
}

glm::dmat4 upAxisToZUp(UpAxis up) {
    if (up == UpAxis::Z) return glm::dmat4(1.0);
    // y-up, right-handed (glTF): model +y -> +z, model +z (towards the viewer) -> -y (south),
    // model +x stays east. A +90 degree rotation about x.
    return glm::dmat4(glm::dvec4(1, 0, 0, 0), glm::dvec4(0, 0, 1, 0), glm::dvec4(0, -1, 0, 0),
                      glm::dvec4(0, 0, 0, 1));
}

}  // namespace axis
