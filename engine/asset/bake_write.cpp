// Turns an imported Model into a bake cache file: LOD build per primitive, vertex encoding, then
// one buffer laid out section by section and saved atomically.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

#include "asset/bake_internal.h"
#include "asset/hash64.h"

namespace axis::bakefile {
namespace {

struct Streams {
    std::vector<LodPrimitive> primitives;
    std::vector<LodCluster> clusters;
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices;
    std::vector<BakedPrimitiveInfo> info;
};

glm::vec4 sphereOf(const std::vector<Vertex>& vertices) {
    Bounds b;
    for (const Vertex& v : vertices) b.add(glm::dvec3(v.position));
    if (b.empty()) return glm::vec4(0.0f);
    return glm::vec4(glm::vec3(b.center()), float(b.radius()) * (1.0f + 1e-6f));
}

// Texture coordinates per model unit over most of the surface: the 90th percentile of the
// triangles' own densities, weighted by area, so that slivers and degenerate triangles (huge or
// zero density) do not decide the mip level every view of the primitive needs.
float uvDensityOf(const Primitive& p) {
    if (!p.hasUVs || p.topology != Topology::Triangles) return 0.0f;
    std::vector<std::pair<double, double>> densityArea;  // (uv per unit, world area)
    double totalArea = 0.0;
    for (std::size_t i = 0; i + 2 < p.indices.size(); i += 3) {
        const Vertex& a = p.vertices[p.indices[i]];
        const Vertex& b = p.vertices[p.indices[i + 1]];
        const Vertex& c = p.vertices[p.indices[i + 2]];
        const double area = 0.5 * glm::length(glm::cross(glm::dvec3(b.position - a.position), glm::dvec3(c.position - a.position)));
        const glm::dvec2 e1(b.uv - a.uv), e2(c.uv - a.uv);
        const double uvArea = 0.5 * std::abs(e1.x * e2.y - e1.y * e2.x);
        if (!(area > 0.0) || !std::isfinite(uvArea)) continue;
        densityArea.emplace_back(std::sqrt(uvArea / area), area);
        totalArea += area;
    }
    if (densityArea.empty()) return 0.0f;
    std::sort(densityArea.begin(), densityArea.end());
    double covered = 0.0;
    for (const auto& [density, area] : densityArea)
        if ((covered += area) >= 0.9 * totalArea) return float(std::min(density, 1e30));
    return float(std::min(densityArea.back().first, 1e30));
}

BakedPrimitiveInfo infoOf(const Primitive& p) {
    bool normals = std::any_of(p.vertices.begin(), p.vertices.end(),
                               [](const Vertex& v) { return v.normal != glm::vec3(0.0f); });
    return {p.meshName, p.hasVertexColors, p.hasUVs, normals, uvDensityOf(p)};
}

LodPrimitive startPrimitive(const Primitive& p, const Streams& s) {
    LodPrimitive lp;
    lp.topology = static_cast<std::uint32_t>(p.topology);
    lp.material = p.material;
    lp.vertexOffset = static_cast<std::uint32_t>(s.vertices.size());
    lp.firstIndex = static_cast<std::uint32_t>(s.indices.size());
    lp.firstCluster = static_cast<std::uint32_t>(s.clusters.size());
    return lp;
}

// Triangles without indices, or a few points: one cluster, drawn whole, never simplified.
void addUnclustered(const Primitive& p, Streams& s) {
    LodPrimitive lp = startPrimitive(p, s);
    lp.vertexCount = static_cast<std::uint32_t>(p.vertices.size());
    lp.indexCount = lp.leafIndexCount = static_cast<std::uint32_t>(p.indices.size());
    lp.clusterCount = 1;
    LodCluster c;
    c.cullSphere = sphereOf(p.vertices);
    c.self = {c.cullSphere, 0.0f};
    c.parent = {c.cullSphere, std::numeric_limits<float>::infinity()};
    c.firstIndex = lp.firstIndex;
    c.indexCount = lp.indexCount;
    c.primitive = static_cast<std::uint32_t>(s.primitives.size());
    s.clusters.push_back(c);
    s.vertices.insert(s.vertices.end(), p.vertices.begin(), p.vertices.end());
    s.indices.insert(s.indices.end(), p.indices.begin(), p.indices.end());
    s.primitives.push_back(lp);
}

void addClustered(const Primitive& p, BuiltLod built, Streams& s) {
    LodPrimitive lp = startPrimitive(p, s);
    lp.vertexCount = static_cast<std::uint32_t>(built.vertices.size());
    lp.indexCount = static_cast<std::uint32_t>(built.indices.size());
    lp.leafIndexCount = built.leafIndexCount;
    lp.clusterCount = static_cast<std::uint32_t>(built.clusters.size());
    for (LodCluster c : built.clusters) {
        c.firstIndex += lp.firstIndex;
        c.primitive = static_cast<std::uint32_t>(s.primitives.size());
        s.clusters.push_back(c);
    }
    s.vertices.insert(s.vertices.end(), built.vertices.begin(), built.vertices.end());
    s.indices.insert(s.indices.end(), built.indices.begin(), built.indices.end());
    s.primitives.push_back(lp);
}

// Indexed triangles, and clouds of more points than one cluster holds, get a hierarchy.
bool clustered(const Primitive& p) {
    if (p.topology == Topology::Points) return p.vertices.size() > PointLodOptions{}.pointsPerCluster;
    return p.indices.size() >= 3;
}

std::size_t workOf(const Primitive& p) { return p.topology == Topology::Points ? p.vertices.size() : p.indices.size() / 3; }

// Each primitive's LOD is built on its own, so all cores share the work: workers take the next
// primitive, largest first (so that one big mesh does not start last); the streams are then
// appended in the source's order, whatever order they finished in.
std::vector<std::optional<BuiltLod>> buildLods(const Model& model, const LodBuildOptions& options,
                                               const Progress& progress) {
    const std::size_t n = model.primitives.size();
    std::vector<std::optional<BuiltLod>> built(n);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i)
        if (clustered(model.primitives[i])) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return workOf(model.primitives[a]) > workOf(model.primitives[b]);
    });
    const double total = std::max<double>(1.0, double(model.triangleCount() + model.pointCount()));
    std::atomic<std::size_t> next{0};
    std::mutex doneMutex;
    double done = 0;
    auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < order.size();) {
            const Primitive& p = model.primitives[order[k]];
            built[order[k]] = p.topology == Topology::Points ? buildPointLod(p) : buildLod(p, options);
            std::lock_guard lock(doneMutex);
            done += double(workOf(p));
            progress.report("building LOD", done / total);
        }
    };
    const unsigned threads = std::clamp<unsigned>(std::thread::hardware_concurrency(), 1, 16);
    std::vector<std::jthread> workers;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, order.size()); ++t) workers.emplace_back(work);
    work();
    workers.clear();  // Joins.
    return built;
}

Streams buildStreams(const Model& model, const LodBuildOptions& options, const Progress& progress) {
    Streams s;
    progress.report("building LOD", 0.0);
    std::vector<std::optional<BuiltLod>> built = buildLods(model, options, progress);
    for (std::size_t i = 0; i < model.primitives.size(); ++i) {
        const Primitive& p = model.primitives[i];
        if (built[i]) addClustered(p, std::move(*built[i]), s);
        else addUnclustered(p, s);
        built[i].reset();
        s.info.push_back(infoOf(p));
    }
    progress.report("building LOD", 1.0);
    return s;
}

// Level 0's size: the decoded first level's, or the one the import recorded for encoded images.
std::pair<std::uint32_t, std::uint32_t> levelZeroSize(const Texture& t) {
    if (t.firstLevel == 0 && !t.levels.empty()) return {t.levels[0].width, t.levels[0].height};
    return {t.width, t.height};
}

// Texture headers with offsets into the texels section; returns its size.
std::uint64_t layoutTextures(const Model& model, std::vector<TextureEntry>& out) {
    std::uint64_t offset = 0;
    for (const Texture& t : model.textures) {
        const auto [width, height] = levelZeroSize(t);
        TextureEntry e{t.name, t.usage, t.isFallback, width, height, t.firstLevel, 0, 0, {}};
        if (t.firstLevel > 0) {
            e.encodedOffset = offset;
            e.encodedSize = t.encoded.size();
            e.encodedChecksum = hash64(t.encoded);
            offset = alignUp(offset + t.encoded.size(), kTexelAlignment);
        }
        for (const auto& l : t.levels) {
            e.levels.push_back({l.width, l.height, offset, l.rgba.size(), hash64(l.rgba)});
            offset = alignUp(offset + l.rgba.size(), kTexelAlignment);
        }
        out.push_back(std::move(e));
    }
    return offset;
}

void copyTexels(const Model& model, const std::vector<TextureEntry>& entries, std::uint8_t* texels) {
    for (std::size_t t = 0; t < model.textures.size(); ++t) {
        const Texture& texture = model.textures[t];
        if (texture.firstLevel > 0)
            std::memcpy(texels + entries[t].encodedOffset, texture.encoded.data(), texture.encoded.size());
        for (std::size_t l = 0; l < texture.levels.size(); ++l)
            std::memcpy(texels + entries[t].levels[l].offset, texture.levels[l].rgba.data(), texture.levels[l].rgba.size());
    }
}

std::vector<Dependency> textureDependencies(const Model& model) {
    std::vector<Dependency> deps;
    for (const Texture& t : model.textures) {
        if (t.isFallback || t.name.rfind("embedded", 0) == 0) continue;
        if (auto stamp = stampOf(t.name)) deps.push_back({t.name, stamp->size, stamp->mtimeNs});
    }
    return deps;
}

template <class T>
void copyInto(std::vector<std::uint8_t>& file, const SectionEntry& e, const std::vector<T>& v) {
    if (!v.empty()) std::memcpy(file.data() + e.offset, v.data(), v.size() * sizeof(T));
}

}  // namespace

Status writeCache(const std::filesystem::path& cacheFile, const Model& model, const Header& identity,
                  const BakeOptions& options, const Progress& progress) {
    Streams s = buildStreams(model, options.lod, progress);
    progress.report("writing cache", 0.0);
    Meta meta{model.sourcePath, model.format, model.up, model.frame, model.meshCount, model.bounds,
              chooseUvEncoding(s.vertices), std::move(s.info), model.materials, {}, textureDependencies(model)};
    meta.sourcePath = absoluteSource(model.sourcePath).string();
    const std::uint64_t texelBytes = layoutTextures(model, meta.textures);
    const std::vector<std::uint8_t> metaBytes = writeMeta(meta);
    const BakedVertexFormat format = BakedVertexFormat::forUvs(meta.uvEncoding);

    Header header = identity;
    std::memcpy(header.magic, kMagic, sizeof(kMagic));
    header.version = kBakeFormatVersion;
    header.headerSize = sizeof(Header);
    const std::uint64_t sizes[kSectionCount] = {
        metaBytes.size(), s.primitives.size() * sizeof(LodPrimitive), s.clusters.size() * sizeof(LodCluster),
        s.vertices.size() * format.stride, s.indices.size() * sizeof(std::uint32_t), texelBytes};
    std::uint64_t offset = kSectionAlignment;
    for (std::uint32_t i = 0; i < kSectionCount; ++i) {
        header.sections[i] = {offset, sizes[i], 0};
        header.fileSize = offset + sizes[i];
        offset = alignUp(header.fileSize, kSectionAlignment);
    }

    std::vector<std::uint8_t> file(header.fileSize);
    copyInto(file, header.sections[kMeta], metaBytes);
    copyInto(file, header.sections[kPrimitives], s.primitives);
    copyInto(file, header.sections[kClusters], s.clusters);
    encodeVertices(s.vertices, format, file.data() + header.sections[kVertices].offset);
    copyInto(file, header.sections[kIndices], s.indices);
    copyTexels(model, meta.textures, file.data() + header.sections[kTexels].offset);
    // The texels section is checked per texture instead (bake_cache.h, trust rules).
    for (std::uint32_t i = 0; i < kSectionCount; ++i)
        if (i != kTexels) header.sections[i].checksum = hash64({file.data() + header.sections[i].offset, header.sections[i].size});
    header.headerChecksum = hash64({reinterpret_cast<const std::uint8_t*>(&header), offsetof(Header, headerChecksum)});
    std::memcpy(file.data(), &header, sizeof(header));
    progress.report("writing cache", 0.5);

    std::error_code ec;
    std::filesystem::create_directories(cacheFile.parent_path(), ec);
    if (ec) return makeError(cacheFile.parent_path().string(), "cannot create cache folder: " + ec.message());
    Status saved = saveSharedFileAtomic(cacheFile, file);
    progress.report("writing cache", 1.0);
    return saved;
}

}  // namespace axis::bakefile
