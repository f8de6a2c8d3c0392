// SceneRenderer's two upload paths (plain Model, bake cache) and the material sets they share.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>

#include <unistd.h>

#include "asset/bake_cache.h"
#include "gpu/context.h"
#include "gpu/upload.h"
#include "gpu/vk_check.h"
#include "render/scene_renderer.h"
#include "shared.h"

namespace axis::render {
namespace {

constexpr uint32_t kTexturesPerMaterial = 3;  // base colour, metallic-roughness, emissive.

// `baseColorWidth`: the source's level-0 width of a streamed base colour texture (its image on the
// device may hold coarser levels only), for the texel-density mode; 0 when the image is complete.
shader::MaterialParams toParams(const Material& m, uint32_t baseColorWidth) {
    shader::MaterialParams p{};
    p.baseColorFactor = m.baseColorFactor;
    p.emissiveCutoff = glm::vec4(m.emissiveFactor, m.alphaCutoff);
    p.metalRoughAlpha = glm::vec4(m.metallicFactor, m.roughnessFactor, float(static_cast<uint32_t>(m.alphaMode)),
                                  float(baseColorWidth));
    return p;
}

VkFormat textureFormat(TextureUsage usage) {
    return usage == TextureUsage::Color ? VK_FORMAT_R8G8B8A8_SRGB : VK_FORMAT_R8G8B8A8_UNORM;
}

glm::vec4 boundingSphere(const std::vector<Vertex>& vertices) {
    Bounds b;
    for (const auto& v : vertices) b.add(glm::dvec3(v.position));
    const glm::vec3 c(b.center());
    float r2 = 0.0f;
    for (const auto& v : vertices) r2 = std::max(r2, glm::dot(v.position - c, v.position - c));
    return glm::vec4(c, std::sqrt(r2) * (1.0f + 1e-6f));  // Rounding must never leave a vertex outside.
}

// A plain primitive as a single level-0 cluster with no parent: always in the LOD cut, so the
// model is drawn at full detail and culled per primitive.
void addPlainCluster(GpuModel& gm, const Primitive& p, uint32_t material, uint32_t vertexOffset, uint32_t firstIndex) {
    const auto index = static_cast<uint32_t>(gm.lodPrimitives.size());
    const auto indexCount = static_cast<uint32_t>(p.indices.size());
    LodPrimitive lp{static_cast<uint32_t>(p.topology), material, vertexOffset,
                    static_cast<uint32_t>(p.vertices.size()), firstIndex, indexCount, indexCount, index, 1};
    LodCluster c;
    c.cullSphere = boundingSphere(p.vertices);
    c.self = {c.cullSphere, 0.0f};
    c.parent = {c.cullSphere, std::numeric_limits<float>::infinity()};
    c.firstIndex = firstIndex;
    c.indexCount = indexCount;
    c.primitive = index;
    gm.lodPrimitives.push_back(lp);
    gm.lodClusters.push_back(c);
    gm.primitiveHasNormals.push_back(1);  // Missing normals are (0,0,0) here; mesh.frag handles them.
}

std::uint64_t nextModelSerial() {
    static std::atomic<std::uint64_t> serial{0};
    return ++serial;
}

}  // namespace

std::unique_ptr<GpuModel> SceneRenderer::upload(const Model& model) {
    auto gm = std::make_unique<GpuModel>();
    gm->serial = nextModelSerial();
    gm->bounds = model.bounds;
    gm->triangleCount = model.triangleCount();

    // Geometry: every primitive's vertices and indices concatenated into one buffer each.
    std::vector<Vertex> vertices;
    std::vector<uint32_t> indices;
    vertices.reserve(model.vertexCount());
    const auto lastMaterial = static_cast<uint32_t>(std::max<size_t>(model.materials.size(), 1) - 1);
    for (const auto& p : model.primitives) {
        if (p.vertices.empty()) continue;
        addPlainCluster(*gm, p, std::min(p.material, lastMaterial), static_cast<uint32_t>(vertices.size()),
                        static_cast<uint32_t>(indices.size()));
        vertices.insert(vertices.end(), p.vertices.begin(), p.vertices.end());
        indices.insert(indices.end(), p.indices.begin(), p.indices.end());
    }
    gpu::UploadBatch batch(context_);
    gm->vertices = batch.createBuffer(std::as_bytes(std::span(vertices)), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
    gm->indices = batch.createBuffer(std::as_bytes(std::span(indices)), VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
    for (const auto& t : model.textures) {
        std::vector<gpu::MipData> mips;
        for (const auto& l : t.levels) mips.push_back({l.width, l.height, l.rgba});
        gm->textures.push_back(batch.createTexture(mips, textureFormat(t.usage)));
    }
    createMaterials(*gm, model.materials, batch);
    batch.flush();
    return gm;
}

// Vulkan imports host memory in whole aligned blocks, so the last block of `bytes` runs past
// them: it must still be inside the mapping's last page.
bool SceneRenderer::importable(std::span<const std::byte> bytes, std::span<const std::uint8_t> mapping) const {
    const auto alignment = static_cast<std::uintptr_t>(context_.features().hostPointerAlignment);
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    if (alignment == 0) return false;
    const auto roundUp = [](std::uintptr_t v, std::uintptr_t a) { return (v + a - 1) / a * a; };
    return roundUp(reinterpret_cast<std::uintptr_t>(bytes.data() + bytes.size()), alignment) <=
           roundUp(reinterpret_cast<std::uintptr_t>(mapping.data() + mapping.size()), page);
}

// Each texture starts with the levels its cache stores decoded; finer ones stream in by need.
std::unique_ptr<TextureStreams> SceneRenderer::streamTextures(const BakedModel& baked, std::uint64_t serial) {
    auto streams = std::make_unique<TextureStreams>();
    streams->model = serial;
    streams->cache = baked.file;
    streams->sampler = sampler_;
    for (const BakedTexture& t : baked.textures) {
        StreamedTexture& st = streams->textures.emplace_back();
        st.source = t;
        st.format = textureFormat(t.usage);
        st.residentLevel = st.neededLevel = t.firstStoredLevel;
        std::vector<gpu::MipData> mips;
        for (const auto& l : t.levels) mips.push_back({l.width, l.height, l.rgba});
        st.image = gpu::composeTexture(context_, mips, gpu::Image{}, 0, st.format);
        for (const auto& l : t.levels) baked.file->evict(l.rgba);
    }
    for (const Material& m : baked.materials)
        streams->materialTextures.push_back({m.baseColorTexture, m.metallicRoughnessTexture, m.emissiveTexture});
    return streams;
}

std::unique_ptr<GpuModel> SceneRenderer::upload(const BakedModel& baked) {
    auto gm = std::make_unique<GpuModel>();
    gm->serial = nextModelSerial();
    gm->bounds = baked.bounds;
    gm->triangleCount = baked.triangleCount();
    gm->vertexFormat = baked.vertexFormat.uvEncoding == UvEncoding::Float32 ? VertexFormat::BakedFloat32Uv
                                                                           : VertexFormat::BakedUnorm16Uv;
    gm->lodPrimitives.assign(baked.primitives.begin(), baked.primitives.end());
    gm->lodClusters.assign(baked.clusters.begin(), baked.clusters.end());
    for (const auto& info : baked.primitiveInfo) gm->primitiveHasNormals.push_back(info.hasNormals ? 1 : 0);
    gm->primitiveHasNormals.resize(gm->lodPrimitives.size(), 1);

    // A CPU device draws from the mapping itself: only the pages that frames touch are resident
    // (opening read them all, to verify them). Other devices load the geometry in pages, as views
    // need them (render/geometry_residency.h), so a model larger than their memory still opens.
    auto imported = [&](std::span<const std::byte> bytes, VkBufferUsageFlags usage) {
        return importable(bytes, baked.file->bytes()) ? gpu::Buffer::importHost(context_, bytes, usage) : gpu::Buffer{};
    };
    gpu::Buffer vertices = imported(std::as_bytes(baked.vertexBytes), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
    gpu::Buffer indices = baked.indices.empty() ? gpu::Buffer{} : imported(std::as_bytes(baked.indices), VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
    if (vertices && (indices || baked.indices.empty())) {
        gm->vertices = std::move(vertices);
        gm->indices = std::move(indices);
        gm->drawsFromMapping = true;
        baked.file->evict(baked.vertexBytes);
        baked.file->evict({reinterpret_cast<const std::uint8_t*>(baked.indices.data()), baked.indices.size_bytes()});
    } else {
        gm->pages = makeGeometryPages(baked);
    }

    gm->streams = streamTextures(baked, gm->serial);
    for (const auto& info : baked.primitiveInfo) gm->primitiveUvDensity.push_back(info.uvDensity);
    gm->primitiveUvDensity.resize(gm->lodPrimitives.size(), 0.0f);
    gm->hostMemory = baked.file;  // The streams decode from it.
    gpu::UploadBatch batch(context_);
    createMaterials(*gm, baked.materials, batch);
    batch.flush();
    return gm;
}

// One uniform block and a descriptor set per material and frame in flight (a default one when there are none).
// The parameter buffer joins `batch`; the caller flushes before drawing.
void SceneRenderer::createMaterials(GpuModel& gm, std::span<const Material> materials, gpu::UploadBatch& batch) {
    const VkDeviceSize align = std::max<VkDeviceSize>(context_.properties().limits.minUniformBufferOffsetAlignment, 16);
    const VkDeviceSize stride = (sizeof(shader::MaterialParams) + align - 1) / align * align;
    const uint32_t materialCount = static_cast<uint32_t>(std::max<size_t>(materials.size(), 1));
    std::vector<std::byte> params(stride * materialCount);
    auto streamedWidth = [&](int index) -> uint32_t {
        const bool streamed = gm.streams && index >= 0 && index < int(gm.streams->textures.size());
        return streamed ? gm.streams->textures[index].source.width : 0;
    };
    for (uint32_t i = 0; i < materialCount; ++i) {
        const Material m = i < materials.size() ? materials[i] : Material{};
        auto p = toParams(m, streamedWidth(m.baseColorTexture));
        std::memcpy(params.data() + i * stride, &p, sizeof(p));
    }
    gm.materialParams = batch.createBuffer(params, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT);

    VkDevice device = context_.device();
    constexpr uint32_t kCopies = gpu::FrameRing::kFramesInFlight;
    VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, materialCount * kCopies},
                                    {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, materialCount * kTexturesPerMaterial * kCopies}};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.maxSets = materialCount * kCopies;
    poolInfo.poolSizeCount = 2;
    poolInfo.pPoolSizes = sizes;
    VkDescriptorPool pool;
    AXIS_VK_CHECK(vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool));
    gm.descriptorPool = {device, pool, vkDestroyDescriptorPool};

    auto textureView = [&](int index, bool color) {
        if (gm.streams && index >= 0 && index < int(gm.streams->textures.size()))
            return gm.streams->textures[index].image.view();
        if (index >= 0 && index < int(gm.textures.size())) return gm.textures[index].view();
        return color ? whiteSrgb_.view() : whiteLinear_.view();
    };
    for (uint32_t i = 0; i < materialCount; ++i) {
        Material m = i < materials.size() ? materials[i] : Material{};
        GpuMaterial gmat;
        gmat.alphaMode = m.alphaMode;
        gmat.doubleSided = m.doubleSided;
        VkDescriptorBufferInfo bufferInfo{gm.materialParams.handle(), i * stride, sizeof(shader::MaterialParams)};
        VkDescriptorImageInfo images[kTexturesPerMaterial] = {
            {sampler_, textureView(m.baseColorTexture, true), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
            {sampler_, textureView(m.metallicRoughnessTexture, false), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
            {sampler_, textureView(m.emissiveTexture, true), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
        };
        for (VkDescriptorSet& set : gmat.sets) {
            VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
            alloc.descriptorPool = pool;
            alloc.descriptorSetCount = 1;
            VkDescriptorSetLayout layout = materialLayout_;
            alloc.pSetLayouts = &layout;
            AXIS_VK_CHECK(vkAllocateDescriptorSets(device, &alloc, &set));
            VkWriteDescriptorSet writes[2]{};
            writes[0] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
            writes[0].dstSet = set;
            writes[0].dstBinding = 0;
            writes[0].descriptorCount = 1;
            writes[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
            writes[0].pBufferInfo = &bufferInfo;
            writes[1] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
            writes[1].dstSet = set;
            writes[1].dstBinding = 1;
            writes[1].descriptorCount = kTexturesPerMaterial;
            writes[1].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
            writes[1].pImageInfo = images;
            vkUpdateDescriptorSets(device, 2, writes, 0, nullptr);
        }
        gm.materials.push_back(gmat);
    }
}

}  // namespace axis::render
