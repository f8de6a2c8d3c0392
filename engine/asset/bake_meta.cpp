// The meta section: small tables written field by field (no struct dumps, so padding and
// std::string never reach the file).
#include <sys/stat.h>

#include <algorithm>
#include <cmath>

#include "asset/bake_internal.h"
#include "asset/hash64.h"

namespace axis::bakefile {
namespace {

void putBounds(Writer& w, const Bounds& b) {
    for (int i = 0; i < 3; ++i) w.put(b.min[i]);
    for (int i = 0; i < 3; ++i) w.put(b.max[i]);
}

Bounds getBounds(Reader& r) {
    Bounds b;
    for (int i = 0; i < 3; ++i) b.min[i] = r.get<double>();
    for (int i = 0; i < 3; ++i) b.max[i] = r.get<double>();
    return b;
}

void putMaterial(Writer& w, const Material& m) {
    w.putString(m.name);
    w.put(m.baseColorFactor);
    w.put(std::int32_t(m.baseColorTexture));
    w.put(m.metallicFactor);
    w.put(m.roughnessFactor);
    w.put(std::int32_t(m.metallicRoughnessTexture));
    w.put(m.emissiveFactor);
    w.put(std::int32_t(m.emissiveTexture));
    w.put(std::uint8_t(m.alphaMode));
    w.put(m.alphaCutoff);
    w.put(std::uint8_t(m.doubleSided));
}

Material getMaterial(Reader& r) {
    Material m;
    m.name = r.getString();
    m.baseColorFactor = r.get<glm::vec4>();
    m.baseColorTexture = r.get<std::int32_t>();
    m.metallicFactor = r.get<float>();
    m.roughnessFactor = r.get<float>();
    m.metallicRoughnessTexture = r.get<std::int32_t>();
    m.emissiveFactor = r.get<glm::vec3>();
    m.emissiveTexture = r.get<std::int32_t>();
    m.alphaMode = static_cast<AlphaMode>(std::min<std::uint8_t>(r.get<std::uint8_t>(), 2));
    m.alphaCutoff = r.get<float>();
    m.doubleSided = r.get<std::uint8_t>() != 0;
    return m;
}

void putTexture(Writer& w, const TextureEntry& t) {
    w.putString(t.name);
    w.put(std::uint8_t(t.usage));
    w.put(std::uint8_t(t.isFallback));
    w.put(t.width);
    w.put(t.height);
    w.put(t.firstStoredLevel);
    w.put(t.encodedOffset);
    w.put(t.encodedSize);
    w.put(t.encodedChecksum);
    w.put(std::uint32_t(t.levels.size()));
    for (const auto& l : t.levels) {
        w.put(l.width);
        w.put(l.height);
        w.put(l.offset);
        w.put(l.size);
        w.put(l.checksum);
    }
}

TextureEntry getTexture(Reader& r) {
    TextureEntry t;
    t.name = r.getString();
    t.usage = r.get<std::uint8_t>() ? TextureUsage::Linear : TextureUsage::Color;
    t.isFallback = r.get<std::uint8_t>() != 0;
    t.width = r.get<std::uint32_t>();
    t.height = r.get<std::uint32_t>();
    t.firstStoredLevel = r.get<std::uint32_t>();
    t.encodedOffset = r.get<std::uint64_t>();
    t.encodedSize = r.get<std::uint64_t>();
    t.encodedChecksum = r.get<std::uint64_t>();
    auto levels = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; i < levels && i < 64 && !r.failed(); ++i) {
        TextureEntry::Level l;
        l.width = r.get<std::uint32_t>();
        l.height = r.get<std::uint32_t>();
        l.offset = r.get<std::uint64_t>();
        l.size = r.get<std::uint64_t>();
        l.checksum = r.get<std::uint64_t>();
        t.levels.push_back(l);
    }
    return t;
}

// Counts come from a checksummed file, but a bound keeps a hostile one from asking for terabytes.
bool plausibleCount(std::uint32_t n, Reader& r) { return !r.failed() && n < (1u << 24); }

}  // namespace

std::vector<std::uint8_t> writeMeta(const Meta& meta) {
    Writer w;
    w.putString(meta.sourcePath);
    w.putString(meta.format);
    w.put(std::uint8_t(meta.up));
    for (int i = 0; i < 3; ++i) w.put(meta.frame.origin[i]);
    w.put(std::uint8_t(meta.frame.earthCentred));
    w.putString(meta.frame.upRule);
    w.put(meta.meshCount);
    putBounds(w, meta.bounds);
    w.put(std::uint32_t(meta.uvEncoding));
    w.put(std::uint32_t(meta.primitives.size()));
    for (const auto& p : meta.primitives) {
        w.putString(p.meshName);
        w.put(std::uint8_t(p.hasVertexColors | (p.hasUVs << 1) | (p.hasNormals << 2)));
        w.put(p.uvDensity);
    }
    w.put(std::uint32_t(meta.materials.size()));
    for (const auto& m : meta.materials) putMaterial(w, m);
    w.put(std::uint32_t(meta.textures.size()));
    for (const auto& t : meta.textures) putTexture(w, t);
    w.put(std::uint32_t(meta.dependencies.size()));
    for (const auto& d : meta.dependencies) {
        w.putString(d.path);
        w.put(d.size);
        w.put(d.mtimeNs);
    }
    return std::move(w.bytes);
}

std::optional<Meta> readMeta(std::span<const std::uint8_t> bytes) {
    Reader r(bytes);
    Meta meta;
    meta.sourcePath = r.getString();
    meta.format = r.getString();
    meta.up = r.get<std::uint8_t>() ? UpAxis::Z : UpAxis::Y;
    for (int i = 0; i < 3; ++i) meta.frame.origin[i] = r.get<double>();
    if (!std::isfinite(meta.frame.origin.x + meta.frame.origin.y + meta.frame.origin.z)) return std::nullopt;
    meta.frame.earthCentred = r.get<std::uint8_t>() != 0;
    meta.frame.upRule = r.getString();
    meta.meshCount = r.get<std::uint32_t>();
    meta.bounds = getBounds(r);
    auto uv = r.get<std::uint32_t>();
    if (uv > 1) return std::nullopt;
    meta.uvEncoding = static_cast<UvEncoding>(uv);
    auto n = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; plausibleCount(n, r) && i < n && !r.failed(); ++i) {
        BakedPrimitiveInfo& p = meta.primitives.emplace_back();
        p.meshName = r.getString();
        auto flags = r.get<std::uint8_t>();
        p.hasVertexColors = flags & 1, p.hasUVs = flags & 2, p.hasNormals = flags & 4;
        p.uvDensity = r.get<float>();
        if (!(p.uvDensity >= 0.0f && p.uvDensity < 1e30f)) return std::nullopt;  // NaN, negative, infinite.
    }
    n = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; plausibleCount(n, r) && i < n && !r.failed(); ++i) meta.materials.push_back(getMaterial(r));
    n = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; plausibleCount(n, r) && i < n && !r.failed(); ++i) meta.textures.push_back(getTexture(r));
    n = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; plausibleCount(n, r) && i < n && !r.failed(); ++i) {
        Dependency& d = meta.dependencies.emplace_back();
        d.path = r.getString();
        d.size = r.get<std::uint64_t>();
        d.mtimeNs = r.get<std::int64_t>();
    }
    if (r.failed()) return std::nullopt;
    return meta;
}

std::optional<FileStamp> stampOf(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(st.st_size),
                     std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::filesystem::path absoluteSource(const std::filesystem::path& source) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(source), ec);
    return ec ? std::filesystem::absolute(source).lexically_normal() : p;
}

std::uint64_t optionsKey(const BakeOptions& options) {
    Writer w;
    w.put(options.lod.clusterTriangles);
    w.put(options.lod.groupClusters);
    w.put(options.lod.maxLevels);
    w.put(std::uint8_t(options.import.up ? 1 + int(*options.import.up) : 0));
    w.put(std::uint8_t(options.import.loadTextures));
    return hash64(w.bytes);
}

}  // namespace axis::bakefile
