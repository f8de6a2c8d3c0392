#include "asset/baked_vertex.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace axis {
namespace {

std::int16_t toSnorm16(float v) { return static_cast<std::int16_t>(std::lround(std::clamp(v, -1.0f, 1.0f) * 32767.0f)); }
float fromSnorm16(std::int16_t v) { return std::max(float(v) / 32767.0f, -1.0f); }
float signNotZero(float v) { return v >= 0.0f ? 1.0f : -1.0f; }

}  // namespace

UvEncoding chooseUvEncoding(std::span<const Vertex> vertices) {
    for (const Vertex& v : vertices)
        if (!(v.uv.x >= 0.0f && v.uv.x <= 1.0f && v.uv.y >= 0.0f && v.uv.y <= 1.0f)) return UvEncoding::Float32;
    return UvEncoding::Unorm16;
}

glm::i16vec2 encodeOctahedral(const glm::vec3& normal) {
    float l1 = std::abs(normal.x) + std::abs(normal.y) + std::abs(normal.z);
    if (!(l1 > 0.0f)) return {0, 0};  // No direction: decodes as +z; normal-less primitives are flagged.
    glm::vec2 p = glm::vec2(normal.x, normal.y) / l1;
    if (normal.z < 0.0f) p = (1.0f - glm::abs(glm::vec2(p.y, p.x))) * glm::vec2(signNotZero(p.x), signNotZero(p.y));
    // The rounded code can be a step off the best one; try the four neighbours (16-bit: cheap).
    glm::i16vec2 best{toSnorm16(p.x), toSnorm16(p.y)};
    glm::vec3 n = glm::normalize(normal);
    float bestDot = glm::dot(decodeOctahedral(best), n);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy) {
            glm::i16vec2 c{static_cast<std::int16_t>(std::clamp(best.x + dx, -32767, 32767)),
                           static_cast<std::int16_t>(std::clamp(best.y + dy, -32767, 32767))};
            float d = glm::dot(decodeOctahedral(c), n);
            if (d > bestDot) bestDot = d, best = c;
        }
    return best;
}

glm::vec3 decodeOctahedral(glm::i16vec2 e) {
    glm::vec3 n(fromSnorm16(e.x), fromSnorm16(e.y), 0.0f);
    n.z = 1.0f - std::abs(n.x) - std::abs(n.y);
    if (n.z < 0.0f) {
        glm::vec2 xy = (1.0f - glm::abs(glm::vec2(n.y, n.x))) * glm::vec2(signNotZero(n.x), signNotZero(n.y));
        n.x = xy.x, n.y = xy.y;
    }
    return glm::normalize(n);
}

void encodeVertices(std::span<const Vertex> vertices, const BakedVertexFormat& format, std::uint8_t* out) {
    for (const Vertex& v : vertices) {
        std::memcpy(out + BakedVertexFormat::kPositionOffset, &v.position, 12);
        glm::i16vec2 n = encodeOctahedral(v.normal);
        std::memcpy(out + BakedVertexFormat::kNormalOffset, &n, 4);
        std::memcpy(out + BakedVertexFormat::kColorOffset, &v.color, 4);
        if (format.uvEncoding == UvEncoding::Unorm16) {
            std::uint16_t uv[2] = {static_cast<std::uint16_t>(std::lround(v.uv.x * 65535.0f)),
                                   static_cast<std::uint16_t>(std::lround(v.uv.y * 65535.0f))};
            std::memcpy(out + BakedVertexFormat::kUvOffset, uv, 4);
        } else {
            std::memcpy(out + BakedVertexFormat::kUvOffset, &v.uv, 8);
        }
        out += format.stride;
    }
}

void decodeVertices(std::span<const std::uint8_t> bytes, const BakedVertexFormat& format, bool hasNormals,
                    std::span<Vertex> out) {
    const std::uint8_t* in = bytes.data();
    for (Vertex& v : out) {
        std::memcpy(&v.position, in + BakedVertexFormat::kPositionOffset, 12);
        glm::i16vec2 n;
        std::memcpy(&n, in + BakedVertexFormat::kNormalOffset, 4);
        v.normal = hasNormals ? decodeOctahedral(n) : glm::vec3(0.0f);
        std::memcpy(&v.color, in + BakedVertexFormat::kColorOffset, 4);
        if (format.uvEncoding == UvEncoding::Unorm16) {
            std::uint16_t uv[2];
            std::memcpy(uv, in + BakedVertexFormat::kUvOffset, 4);
            v.uv = glm::vec2(uv[0], uv[1]) / 65535.0f;
        } else {
            std::memcpy(&v.uv, in + BakedVertexFormat::kUvOffset, 8);
        }
        in += format.stride;
    }
}

}  // namespace axis
