#pragma once
// A model resident on the GPU: one vertex and one index buffer for all primitives, its textures,
// and a descriptor set per material. Created by SceneRenderer::upload; move-only.
#include <cstdint>
#include <vector>

#include "gpu/resources.h"
#include "gpu/unique.h"
#include "scene/model.h"

namespace axis::render {

struct GpuPrimitive {
    Topology topology = Topology::Triangles;
    uint32_t firstIndex = 0, indexCount = 0;  ///< indexCount 0: draw vertexCount vertices directly.
    int32_t vertexOffset = 0;
    uint32_t vertexCount = 0;
    uint32_t material = 0;
};

struct GpuMaterial {
    VkDescriptorSet set = VK_NULL_HANDLE;
    AlphaMode alphaMode = AlphaMode::Opaque;
    bool doubleSided = true;
};

struct GpuModel {
    gpu::Buffer vertices;
    gpu::Buffer indices;
    gpu::Buffer materialParams;
    std::vector<gpu::Image> textures;
    gpu::Unique<VkDescriptorPool> descriptorPool;
    std::vector<GpuMaterial> materials;
    std::vector<GpuPrimitive> primitives;
    Bounds bounds;  ///< Model space.
};

}  // namespace axis::render
