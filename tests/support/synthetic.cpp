#include "support/synthetic.h"

#include <cmath>

#include "asset/texture.h"

namespace axis::test {
namespace {

Model finish(Model m) {
    if (m.materials.empty()) m.materials.push_back(Material{});
    m.computeBounds();
    m.format = "synthetic";
    m.up = UpAxis::Z;
    m.meshCount = static_cast<uint32_t>(m.primitives.size());
    return m;
}

Texture textureFromLevel0(uint32_t size, std::vector<uint8_t> rgba, const char* name) {
    Texture t;
    t.name = name;
    t.usage = TextureUsage::Color;
    t.levels.push_back({size, size, std::move(rgba)});
    buildMipChain(t);
    return t;
}

}  // namespace

Model makeSphere(float radius, int segments, const glm::u8vec4& top, const glm::u8vec4& bottom) {
    Primitive p;
    const int rings = segments / 2;
    for (int r = 0; r <= rings; ++r) {
        float v = float(r) / float(rings);
        float phi = v * 3.14159265f;
        for (int s = 0; s <= segments; ++s) {
            float theta = float(s) / float(segments) * 6.2831853f;
            glm::vec3 n(std::sin(phi) * std::cos(theta), std::sin(phi) * std::sin(theta), std::cos(phi));
            Vertex vert;
            vert.position = n * radius;
            vert.normal = n;
            vert.uv = {float(s) / float(segments), v};
            vert.color = glm::u8vec4(glm::mix(glm::vec4(top), glm::vec4(bottom), v));
            p.vertices.push_back(vert);
        }
    }
    const uint32_t stride = uint32_t(segments) + 1;
    for (uint32_t r = 0; r < uint32_t(rings); ++r)
        for (uint32_t s = 0; s < uint32_t(segments); ++s) {
            uint32_t a = r * stride + s, b = a + stride;
            p.indices.insert(p.indices.end(), {a, b, a + 1, a + 1, b, b + 1});
        }
    p.hasVertexColors = true;
    Model m;
    m.primitives.push_back(std::move(p));
    Material mat;
    mat.roughnessFactor = 0.5f;
    m.materials.push_back(mat);
    return finish(std::move(m));
}

Model makeTexturedBox(const glm::vec3& h, Texture texture) {
    Primitive p;
    // Each face: normal axis, then two tangent axes chosen so that the winding is counter-clockwise.
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const auto& n : normals) {
        glm::vec3 u = std::abs(n.z) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, 1);
        glm::vec3 t = glm::cross(u, n);  // t x u = n keeps the quad counter-clockwise from outside.
        uint32_t base = uint32_t(p.vertices.size());
        const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (const auto& c : corners) {
            Vertex v;
            v.position = (n + t * c.x + u * c.y) * h;
            v.normal = n;
            v.uv = {(c.x + 1) * 0.5f, 1.0f - (c.y + 1) * 0.5f};
            p.vertices.push_back(v);
        }
        p.indices.insert(p.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    p.hasUVs = true;
    Model m;
    m.primitives.push_back(std::move(p));
    m.textures.push_back(std::move(texture));
    Material mat;
    mat.baseColorTexture = 0;
    mat.doubleSided = false;
    m.materials.push_back(mat);
    return finish(std::move(m));
}

Model makeQuad(float h, Texture texture) {
    Primitive p;
    const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (const auto& c : corners) {
        Vertex v;
        v.position = glm::vec3(c * h, 0.0f);
        v.normal = {0, 0, 1};
        v.uv = {(c.x + 1) * 0.5f, 1.0f - (c.y + 1) * 0.5f};
        p.vertices.push_back(v);
    }
    p.indices = {0, 1, 2, 0, 2, 3};
    p.hasUVs = true;
    Model m;
    m.primitives.push_back(std::move(p));
    m.textures.push_back(std::move(texture));
    Material mat;
    mat.baseColorTexture = 0;
    m.materials.push_back(mat);
    return finish(std::move(m));
}

Model makePointGrid(int side, float spacing) {
    Primitive p;
    p.topology = Topology::Points;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            Vertex v;
            v.position = {(x - side / 2) * spacing, (y - side / 2) * spacing,
                          0.2f * std::sin(x * 0.3f) * std::cos(y * 0.3f)};
            v.normal = {0, 0, 0};
            v.color = {uint8_t(x * 255 / side), uint8_t(y * 255 / side), 200, 255};
            p.vertices.push_back(v);
        }
    p.hasVertexColors = true;
    Model m;
    m.primitives.push_back(std::move(p));
    return finish(std::move(m));
}

Texture makeCheckerTexture(uint32_t size, uint32_t cells) {
    std::vector<uint8_t> rgba(size * size * 4);
    const glm::u8vec3 quadrant[4] = {{200, 40, 40}, {40, 160, 60}, {40, 70, 200}, {220, 200, 60}};
    for (uint32_t y = 0; y < size; ++y)
        for (uint32_t x = 0; x < size; ++x) {
            bool dark = ((x * cells / size) + (y * cells / size)) % 2;
            glm::u8vec3 c = quadrant[(x * 2 / size) + 2 * (y * 2 / size)];
            if (dark) c /= uint8_t(3);
            uint8_t* px = &rgba[(y * size + x) * 4];
            px[0] = c.r, px[1] = c.g, px[2] = c.b, px[3] = 255;
        }
    return textureFromLevel0(size, std::move(rgba), "checker");
}

Texture makeGradientTexture(uint32_t size) {
    std::vector<uint8_t> rgba(size * size * 4);
    for (uint32_t y = 0; y < size; ++y)
        for (uint32_t x = 0; x < size; ++x) {
            uint8_t* px = &rgba[(y * size + x) * 4];
            px[0] = uint8_t(x * 255 / (size - 1));
            px[1] = uint8_t(y * 255 / (size - 1));
            px[2] = uint8_t((x ^ y) & 255);
            px[3] = 255;
        }
    return textureFromLevel0(size, std::move(rgba), "gradient");
}

}  // namespace axis::test
