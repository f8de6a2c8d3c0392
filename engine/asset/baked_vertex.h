#pragma once
// The bake cache's vertex stream: interleaved, quantised where it costs no visible precision, and
// meant to be uploaded as-is (one binding, stride BakedVertexFormat::stride).
//
//   offset  size  Vulkan format               content
//   0       12    R32G32B32_SFLOAT            position, model space, exact (float, as imported)
//   12      4     R16G16_SNORM                normal, octahedral (decode below)
//   16      4     R8G8B8A8_UNORM              colour, sRGB-encoded bytes as imported
//   20      4     R16G16_UNORM                uv when uvEncoding == Unorm16 (every uv in [0,1])
//   20      8     R32G32_SFLOAT               uv when uvEncoding == Float32 (tiling uvs)
//
// Positions stay float: scans carry sub-millimetre detail over tens of metres, which 16-bit
// offsets per cluster would only keep with per-cluster dequantisation in the shader.
// Normal error: below 0.02 degrees (measured over 100k random directions: 0.015). Uv error (Unorm16): at most 1/131070, an eighth of a texel on
// a 16k texture. Colours are unchanged. Zero normals ("none could be made") decode as (0,0,1)
// unless the whole primitive had none (LodPrimitive-level flag in BakedPrimitive::hasNormals).
//
// GLSL octahedral decode:
//   vec3 n = vec3(e.xy, 1.0 - abs(e.x) - abs(e.y));
//   if (n.z < 0.0) n.xy = (1.0 - abs(n.yx)) * vec2(n.x >= 0.0 ? 1.0 : -1.0, n.y >= 0.0 ? 1.0 : -1.0);
//   n = normalize(n);
#include <cstddef>
#include <cstdint>
#include <span>

#include <glm/glm.hpp>

#include "scene/model.h"

namespace axis {

enum class UvEncoding : std::uint32_t { Unorm16 = 0, Float32 = 1 };

struct BakedVertexFormat {
    UvEncoding uvEncoding = UvEncoding::Unorm16;
    std::uint32_t stride = 24;  ///< 24 for Unorm16 uvs, 28 for Float32.
    static constexpr std::uint32_t kPositionOffset = 0, kNormalOffset = 12, kColorOffset = 16, kUvOffset = 20;

    static BakedVertexFormat forUvs(UvEncoding uv) { return {uv, uv == UvEncoding::Unorm16 ? 24u : 28u}; }
};

/// Unorm16 when every uv lies in [0,1], else Float32.
UvEncoding chooseUvEncoding(std::span<const Vertex> vertices);

glm::i16vec2 encodeOctahedral(const glm::vec3& normal);
glm::vec3 decodeOctahedral(glm::i16vec2 e);

/// Writes vertices.size() * format.stride bytes to `out`.
void encodeVertices(std::span<const Vertex> vertices, const BakedVertexFormat& format, std::uint8_t* out);

/// The inverse, for toModel(); `hasNormals` false gives (0,0,0) normals as the importer made them.
void decodeVertices(std::span<const std::uint8_t> bytes, const BakedVertexFormat& format, bool hasNormals,
                    std::span<Vertex> out);

}  // namespace axis
