#pragma once
// A model as imported from a file, on the CPU, in the model's own coordinates and units.
// asset/ produces it, render/ uploads it, scene/ places it into a site.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace axis {

/// Axis-aligned box; empty() until a point is added.
struct Bounds {
    glm::dvec3 min{std::numeric_limits<double>::max()};
    glm::dvec3 max{std::numeric_limits<double>::lowest()};

    bool empty() const { return min.x > max.x; }
    void add(const glm::dvec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void add(const Bounds& b) {
        if (!b.empty()) { add(b.min); add(b.max); }
    }
    glm::dvec3 center() const { return (min + max) * 0.5; }
    glm::dvec3 size() const { return empty() ? glm::dvec3(0) : max - min; }
    double radius() const { return glm::length(size()) * 0.5; }
    /// The box of this one's eight corners moved by `m`.
    Bounds transformed(const glm::dmat4& m) const;
};

/// The GPU vertex layout too (render/ uploads these as they are): 36 bytes.
struct Vertex {
    glm::vec3 position{0};  ///< Model space, after node transforms were applied.
    glm::vec3 normal{0, 0, 1};  ///< Unit length; (0,0,0) when the source had none and none could be made.
    glm::vec2 uv{0};
    glm::u8vec4 color{255};  ///< sRGB-encoded vertex colour (PLY/glTF COLOR_0), white when absent.
};
static_assert(sizeof(Vertex) == 36);

enum class Topology : std::uint8_t { Triangles, Points };

/// One draw: a vertex and index list with one material. Points use no indices when empty.
struct Primitive {
    Topology topology = Topology::Triangles;
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices;  ///< Triangle lists (3 per face); may be empty for points.
    std::uint32_t material = 0;  ///< Index into Model::materials (always valid).
    bool hasVertexColors = false;
    bool hasUVs = false;
    std::string meshName;
};

enum class TextureUsage : std::uint8_t {
    Color,   ///< Base colour / emissive: stored sRGB, sampled as sRGB.
    Linear,  ///< Metallic-roughness, normal, occlusion: stored and sampled linear.
};

/// A decoded RGBA8 texture with its mip chain (each level half the previous, to 1x1). Imports
/// decode every level (firstLevel 0). For the bake they may decode only the coarse tail and keep
/// the image file's bytes in `encoded`, from which the finer levels are decoded when needed.
struct Texture {
    std::string name;  ///< Source path or "embedded:N", for messages.
    TextureUsage usage = TextureUsage::Color;
    struct Level {
        std::uint32_t width = 0, height = 0;
        std::vector<std::uint8_t> rgba;  ///< width*height*4 bytes.
    };
    std::vector<Level> levels;  ///< Mip levels firstLevel, firstLevel + 1, ... down to 1x1.
    std::uint32_t firstLevel = 0;
    std::uint32_t width = 0, height = 0;  ///< Of level 0, decoded or not.
    std::vector<std::uint8_t> encoded;    ///< The image file (JPEG, PNG...) when firstLevel > 0.
    bool isFallback = false;  ///< The file was missing or unreadable: a visible checkerboard.
};

enum class AlphaMode : std::uint8_t { Opaque, Mask, Blend };

/// glTF-style metallic-roughness material. Texture indices are into Model::textures, -1 = none.
struct Material {
    std::string name;
    glm::vec4 baseColorFactor{1.0f};  ///< Linear RGBA.
    int baseColorTexture = -1;
    float metallicFactor = 0.0f;
    float roughnessFactor = 1.0f;
    int metallicRoughnessTexture = -1;  ///< G = roughness, B = metallic (glTF convention).
    glm::vec3 emissiveFactor{0.0f};
    int emissiveTexture = -1;
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = true;  ///< Scans are often open surfaces; cull only when the file says so.
};

/// How a model is lit. Photogrammetry has its light baked into the texels: Unlit shows them exactly.
enum class Shading : std::uint8_t { Lit, Unlit };

/// Which model axis points up in the source file; the site transform turns it into +z (ENU).
enum class UpAxis : std::uint8_t { Y, Z };

/// Where a model's coordinates came from. Vertex positions are floats relative to `origin`, a
/// point in the source's own coordinates kept in double: a scan stored at projected (~1e6 m) or
/// earth-centred (~6.4e6 m) coordinates keeps its millimetres, where floats alone would keep
/// half-metres. The site transform adds the origin back in double (sourceToModel).
struct SourceFrame {
    glm::dvec3 origin{0.0};
    /// The source coordinates are earth-centred (ECEF, EPSG:4978), recognised by their
    /// magnitude: the positions were turned into the east-north-up frame at `origin` (an ECEF
    /// point), so the model stands upright with `origin` at zero.
    bool earthCentred = false;
    std::string upRule;  ///< Which rule chose Model::up, for `info`.
};

struct Model {
    std::string sourcePath;
    std::string format;  ///< Human-readable, e.g. "glTF 2.0 binary (GLB)", "PLY binary", "OBJ".
    UpAxis up = UpAxis::Y;
    SourceFrame frame;
    std::vector<Primitive> primitives;
    std::vector<Material> materials;  ///< Never empty after import: a default is added if needed.
    std::vector<Texture> textures;
    std::uint32_t meshCount = 0;  ///< Meshes in the source file (before flattening into primitives).
    Bounds bounds;  ///< Of all vertex positions, model space.

    std::uint64_t triangleCount() const;
    std::uint64_t pointCount() const;
    std::uint64_t vertexCount() const;
    void computeBounds();
};

/// Up to `maxCount` vertex positions spread evenly over the model, moved by `modelToSite`; for
/// framing a view tightly without walking millions of vertices.
std::vector<glm::dvec3> samplePositions(const Model& model, const glm::dmat4& modelToSite, std::size_t maxCount);

/// Unlit for textured scans (every triangle primitive has a base-colour texture and no material is
/// metallic-roughness textured, as photogrammetry exports are); Lit for everything else.
Shading defaultShading(const Model& model);

/// Rotation taking a model's up axis to the site's +z (east-north-up); identity for UpAxis::Z.
glm::dmat4 upAxisToZUp(UpAxis up);

}  // namespace axis
