#pragma once
// A model resident on the GPU: its vertex and index streams (one buffer each, or pages loaded by
// need on devices that cannot draw from the cache's mapping), its textures (all levels, or
// streamed by need for baked models), a descriptor set per material, and (on the CPU) the cluster
// LOD tables that SceneRenderer::record hands to selectLod every frame. Created by
// SceneRenderer::upload; move-only.
//
// Both upload paths end in the same shape. A baked model keeps its cache's clusters and levels; a
// plain Model becomes one level-0 cluster per primitive (error 0, no parent), so it is always
// drawn at full detail and culled per primitive.
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "asset/bake_cache.h"
#include "gpu/frames.h"
#include "gpu/resources.h"
#include "gpu/unique.h"
#include "render/geometry_pages.h"
#include "scene/lod.h"
#include "scene/model.h"

namespace axis::render {

/// The vertex stream's layout; each is its own mesh pipeline variant.
enum class VertexFormat : std::uint8_t {
    Plain,           ///< scene/model.h Vertex, 36 bytes.
    BakedUnorm16Uv,  ///< asset/baked_vertex.h, 24 bytes.
    BakedFloat32Uv,  ///< asset/baked_vertex.h, 28 bytes.
};

/// A material's descriptor set, one copy per frame in flight: a streamed texture's new image goes
/// into the copy of the frame being recorded, while the frames still on the GPU keep theirs (no
/// wait; render/texture_residency.h).
struct GpuMaterial {
    std::array<VkDescriptorSet, gpu::FrameRing::kFramesInFlight> sets{};
    AlphaMode alphaMode = AlphaMode::Opaque;
    bool doubleSided = true;
};

/// A baked texture on the GPU from some mip level down to 1x1: at first the levels the cache
/// stores decoded, then finer ones as frames need them (render/texture_residency.h).
struct StreamedTexture {
    BakedTexture source;  ///< Spans into the cache mapping the model keeps (GpuModel::hostMemory).
    VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
    gpu::Image image;            ///< Levels residentLevel .. source.levelCount - 1.
    std::uint32_t residentLevel = 0;
    // Bookkeeping of TextureResidency, on the render thread.
    std::uint32_t neededLevel = 0;     ///< Finest level the last frame that showed it needed.
    double nearest = 0.0;              ///< Distance of its nearest cluster then, site units.
    std::uint64_t lastNeeded = 0;      ///< TextureResidency's frame count when it was last needed.
    bool requested = false;            ///< A decode is under way.
    bool failed = false;               ///< A finer level cannot be decoded: it stays as it is.
    bool capped = false;               ///< The budget keeps it coarser than needed, for now.
    std::uint32_t staleSets = 0;       ///< Bit per frame slot whose material sets name an older image.

    std::uint64_t residentBytes() const;
};

/// The textures of a baked model, resident by need. Through a pointer so that a renderer can
/// change residency while drawing a `const GpuModel`.
struct TextureStreams {
    std::uint64_t model = 0;  ///< GpuModel::serial, to match decodes finished later to the model.
    std::shared_ptr<const MappedFile> cache;  ///< What the sources' spans point into.
    std::vector<StreamedTexture> textures;
    /// Per material, the textures its set samples at bindings 1, 2, 3 (-1: none).
    std::vector<std::array<int, 3>> materialTextures;
    VkSampler sampler = VK_NULL_HANDLE;
};

struct GpuModel {
    /// Keeps the bake cache's mapping alive while the model lives: CPU devices draw from it, pages
    /// and texture levels are built from it. Declared first, destroyed last.
    std::shared_ptr<const void> hostMemory;
    gpu::Buffer vertices;
    gpu::Buffer indices;
    bool drawsFromMapping = false;  ///< vertices and indices are the cache's mapped pages (CPU devices).
    /// A baked model on a device that cannot draw from the mapping: its geometry in pages resident
    /// by need (vertices and indices then stay empty). Through a pointer, as `streams`.
    std::unique_ptr<GeometryPages> pages;
    gpu::Buffer materialParams;
    std::vector<gpu::Image> textures;  ///< A plain Model's, all levels (empty when streamed).
    std::unique_ptr<TextureStreams> streams;  ///< A baked model's textures.
    std::vector<float> primitiveUvDensity;  ///< Parallel to lodPrimitives (BakedPrimitiveInfo).
    std::uint64_t serial = 0;  ///< Unique per upload in this process.
    gpu::Unique<VkDescriptorPool> descriptorPool;
    std::vector<GpuMaterial> materials;  ///< Never empty.
    VertexFormat vertexFormat = VertexFormat::Plain;
    std::vector<LodPrimitive> lodPrimitives;
    std::vector<LodCluster> lodClusters;
    std::vector<std::uint8_t> primitiveHasNormals;  ///< Parallel to lodPrimitives; 0: draw unlit.
    Bounds bounds;  ///< Model space.
    std::uint64_t triangleCount = 0;  ///< At full detail.

    LodData lod() const { return {lodPrimitives, lodClusters}; }
};

}  // namespace axis::render
