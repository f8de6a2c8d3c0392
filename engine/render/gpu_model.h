#pragma once
// A model resident on the GPU: one vertex and one index buffer for all primitives, its textures,
// a descriptor set per material, and (on the CPU) the cluster LOD tables that SceneRenderer::record
// hands to selectLod every frame. Created by SceneRenderer::upload; move-only.
//
// Both upload paths end in the same shape. A baked model keeps its cache's clusters and levels; a
// plain Model becomes one level-0 cluster per primitive (error 0, no parent), so it is always
// drawn at full detail and culled per primitive.
#include <cstdint>
#include <memory>
#include <vector>

#include "gpu/resources.h"
#include "gpu/unique.h"
#include "scene/lod.h"
#include "scene/model.h"

namespace axis::render {

/// The vertex stream's layout; each is its own mesh pipeline variant.
enum class VertexFormat : std::uint8_t {
    Plain,           ///< scene/model.h Vertex, 36 bytes.
    BakedUnorm16Uv,  ///< asset/baked_vertex.h, 24 bytes.
    BakedFloat32Uv,  ///< asset/baked_vertex.h, 28 bytes.
};

struct GpuMaterial {
    VkDescriptorSet set = VK_NULL_HANDLE;
    AlphaMode alphaMode = AlphaMode::Opaque;
    bool doubleSided = true;
};

struct GpuModel {
    /// Keeps host memory that the buffers use in place (a bake cache's mapping, on CPU devices)
    /// alive until they are gone: declared first, destroyed last.
    std::shared_ptr<const void> hostMemory;
    gpu::Buffer vertices;
    gpu::Buffer indices;
    gpu::Buffer materialParams;
    std::vector<gpu::Image> textures;
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
