#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "asset/import_internal.h"

namespace axis::detail {

glm::dvec3 originFor(const glm::dvec3& first) {
    constexpr double kFloatSafe = 1e4;  // Metres: float spacing there is about a millimetre.
    if (!std::isfinite(first.x + first.y + first.z)) return glm::dvec3(0.0);
    if (std::max({std::abs(first.x), std::abs(first.y), std::abs(first.z)}) < kFloatSafe) return glm::dvec3(0.0);
    return glm::round(first);
}

glm::dvec3 yUpFromZUp(const glm::dvec3& zUp) { return {zUp.x, zUp.z, -zUp.y}; }

void computeSmoothNormals(Primitive& primitive) {
    std::vector<glm::vec3> sums(primitive.vertices.size(), glm::vec3(0));
    const auto& idx = primitive.indices;
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
        const glm::vec3& a = primitive.vertices[idx[i]].position;
        const glm::vec3& b = primitive.vertices[idx[i + 1]].position;
        const glm::vec3& c = primitive.vertices[idx[i + 2]].position;
        // The unnormalised cross product weighs each face by its area, so slivers count little.
        glm::vec3 n = glm::cross(b - a, c - a);
        sums[idx[i]] += n;
        sums[idx[i + 1]] += n;
        sums[idx[i + 2]] += n;
    }
    for (std::size_t v = 0; v < sums.size(); ++v) {
        float len = glm::length(sums[v]);
        primitive.vertices[v].normal = len > 0 && std::isfinite(len) ? sums[v] / len : glm::vec3(0);
    }
}

std::uint8_t unitToByte(float value) {
    if (!(value > 0.0f)) return 0;  // Also NaN, which a file may spell "nan".
    return value >= 1.0f ? 255 : static_cast<std::uint8_t>(std::lround(value * 255.0f));
}

glm::u8vec4 unitToBytes(const glm::vec4& value) {
    return {unitToByte(value.r), unitToByte(value.g), unitToByte(value.b), unitToByte(value.a)};
}

glm::u8vec4 linearToSrgb8(const glm::vec4& linear) {
    auto encode = [](float c) {
        if (!(c > 0.0f)) return 0.0f;
        c = std::min(c, 1.0f);
        return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
    };
    return {unitToByte(encode(linear.r)), unitToByte(encode(linear.g)), unitToByte(encode(linear.b)), unitToByte(linear.a)};
}

void ensureMaterials(Model& model) {
    if (model.materials.empty()) {
        Material m;
        m.name = "default";
        m.roughnessFactor = 0.8f;
        // A file with no material: vertex colours show as they are; bare geometry in a light
        // clay grey, which keeps the sun's highlights from clipping to white.
        const bool coloured = std::any_of(model.primitives.begin(), model.primitives.end(),
                                          [](const Primitive& p) { return p.hasVertexColors; });
        if (!coloured) m.baseColorFactor = glm::vec4(0.72f, 0.72f, 0.72f, 1.0f);
        model.materials.push_back(m);
    }
    for (auto& p : model.primitives)
        if (p.material >= model.materials.size()) p.material = 0;
}

}  // namespace axis::detail
