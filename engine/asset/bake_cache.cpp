// The bake cache's public entry points: where caches live, when one is trusted, bake, open.
#include "asset/bake_cache.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "asset/bake_internal.h"
#include "asset/hash64.h"
#include "asset/image_decode.h"
#include "asset/texture.h"
#include "core/log.h"

namespace axis {
namespace fs = std::filesystem;
using namespace bakefile;

namespace {

std::uint64_t pathHash(const fs::path& absolute) {
    const std::string s = absolute.string();
    return hash64({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
}

Error staleError(const BakedModel& m, const std::string& why) {
    return makeError(m.cachePath.string(), "bake cache is stale: " + why);
}

// The checks against the source: identity, options, then stamps (hash only when they moved).
Status checkSource(Opened& o, const fs::path& source, const BakeOptions& options) {
    const BakedModel& m = o.model;
    if (o.header.sourcePathHash != pathHash(source) || m.sourcePath != source.string())
        return makeError(m.cachePath.string(), "bake cache belongs to another source (" + m.sourcePath + ")");
    if (o.header.optionsKey != optionsKey(options)) return staleError(m, "baked with other options");
    auto stamp = stampOf(source);
    if (!stamp) return staleError(m, "source " + source.string() + " is missing");
    for (const Dependency& d : o.dependencies) {
        auto depStamp = stampOf(d.path);
        if (!depStamp || *depStamp != FileStamp{d.size, d.mtimeNs}) return staleError(m, "texture " + d.path + " changed");
    }
    if (*stamp == FileStamp{o.header.sourceSize, o.header.sourceMtimeNs}) return Ok{};
    if (stamp->size != o.header.sourceSize) return staleError(m, "source size changed");
    auto hash = hashFile(source);
    if (!hash) return hash.error();
    if (*hash != o.header.sourceHash) return staleError(m, "source content changed");
    // Touched but unchanged: remember the new mtime so the next open skips the hash.
    if (Status refreshed = refreshStamp(o, *stamp); !refreshed)
        logWarn("cannot refresh " + m.cachePath.string() + ": " + refreshed.error().message);
    return Ok{};
}

}  // namespace

fs::path defaultCacheDir() {
    if (const char* dir = std::getenv("AXIS_CACHE_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "axisview";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".cache" / "axisview";
}

fs::path cachePathFor(const fs::path& source, const BakeOptions& options) {
    char name[32];
    std::snprintf(name, sizeof(name), "%016" PRIx64 ".axbake", pathHash(absoluteSource(source)));
    return (options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir) / name;
}

std::uint64_t BakedModel::triangleCount() const {
    std::uint64_t n = 0;
    for (const LodPrimitive& p : primitives)
        if (p.topology == std::uint32_t(Topology::Triangles)) n += p.leafIndexCount / 3;
    return n;
}

std::uint64_t BakedModel::pointCount() const {
    std::uint64_t n = 0;
    for (const LodPrimitive& p : primitives)
        if (p.topology == std::uint32_t(Topology::Points)) n += p.leafIndexCount ? p.leafIndexCount : p.vertexCount;
    return n;
}

Expected<Texture::Level> BakedTexture::decodeLevel(std::uint32_t level) const {
    if (level >= levelCount) return makeError(name, "has no mip level " + std::to_string(level));
    if (level >= firstStoredLevel) {
        const Level& l = levels[level - firstStoredLevel];
        return Texture::Level{l.width, l.height, {l.rgba.begin(), l.rgba.end()}};
    }
    auto decoded = decodeLevels(level, 1);
    if (!decoded) return decoded.error();
    return std::move(decoded->front());
}

Expected<std::vector<Texture::Level>> BakedTexture::decodeLevels(std::uint32_t first, std::uint32_t count) const {
    if (count == 0 || first + count > firstStoredLevel) return makeError(name, "has no such levels to decode");
    if (hash64(encoded) != encodedChecksum)
        return makeError(name, "image bytes in the bake cache fail their checksum (`axisview bake --force` rebuilds it)");
    auto decoded = decodeImageLevels(encoded, name, usage, first, count);
    if (decoded && (decoded->front().width != mipSide(width, first) || decoded->front().height != mipSide(height, first)))
        return makeError(name, "decodes to another size than the bake cache recorded");
    return decoded;
}

std::uint64_t BakedTexture::levelBytes(std::uint32_t level) const {
    return std::uint64_t(mipSide(width, level)) * mipSide(height, level) * 4;
}

Model toModel(const BakedModel& baked, bool decodeTextures) {
    Model m;
    m.sourcePath = baked.sourcePath, m.format = baked.format, m.up = baked.up, m.frame = baked.frame;
    m.meshCount = baked.meshCount, m.bounds = baked.bounds, m.materials = baked.materials;
    const std::uint32_t stride = baked.vertexFormat.stride;
    for (std::size_t i = 0; i < baked.primitives.size(); ++i) {
        const LodPrimitive& lp = baked.primitives[i];
        const BakedPrimitiveInfo& info = baked.primitiveInfo[i];
        Primitive& p = m.primitives.emplace_back();
        p.topology = static_cast<Topology>(lp.topology);
        p.material = lp.material;
        p.hasVertexColors = info.hasVertexColors, p.hasUVs = info.hasUVs, p.meshName = info.meshName;
        p.vertices.resize(lp.vertexCount);
        decodeVertices(baked.vertexBytes.subspan(std::size_t(lp.vertexOffset) * stride, std::size_t(lp.vertexCount) * stride),
                       baked.vertexFormat, info.hasNormals, p.vertices);
        auto leaf = baked.indices.subspan(lp.firstIndex, lp.leafIndexCount);
        p.indices.assign(leaf.begin(), leaf.end());
    }
    for (const BakedTexture& t : baked.textures) {
        Texture& out = m.textures.emplace_back();
        out.name = t.name, out.usage = t.usage, out.isFallback = t.isFallback;
        out.width = t.width, out.height = t.height;
        if (!decodeTextures) continue;
        for (std::uint32_t level = 0; level < t.levelCount; ++level) {
            auto decoded = t.decodeLevel(level);
            if (!decoded) {
                logWarn(decoded.error().message);
                out = makeFallbackTexture(t.name);
                break;
            }
            out.levels.push_back(std::move(*decoded));
        }
    }
    return m;
}

Expected<BakedModel> openCacheFile(const fs::path& cacheFile) {
    auto opened = openVerified(cacheFile);
    if (!opened) return opened.error();
    return std::move(opened->model);
}

Expected<BakedModel> openCached(const fs::path& source, const BakeOptions& options) {
    const fs::path absolute = absoluteSource(source);
    const fs::path cacheFile = cachePathFor(absolute, options);
    if (!fs::exists(cacheFile)) return makeError(cacheFile.string(), "no bake cache yet for " + absolute.string());
    auto opened = openVerified(cacheFile);
    if (!opened) return opened.error();
    if (Status fresh = checkSource(*opened, absolute, options); !fresh) return fresh.error();
    return std::move(opened->model);
}

Status bake(const fs::path& source, const BakeOptions& options, const Progress& progress) {
    const fs::path absolute = absoluteSource(source);
    if (!options.force && openCached(absolute, options)) return Ok{};
    auto stamp = stampOf(absolute);  // Before hashing: an edit during the bake makes it stale.
    if (!stamp) return makeError(absolute.string(), "not a readable regular file");
    progress.report("hashing source", 0.0);
    auto hash = hashFile(absolute);
    if (!hash) return hash.error();
    ImportOptions import = options.import;
    import.decodedTextureSide = kStoredTextureSide;  // The rest stays encoded (bake_cache.h).
    auto model = importModel(absolute, import, progress);
    if (!model) return model.error();
    Header identity{};
    identity.sourcePathHash = pathHash(absolute);
    identity.sourceSize = stamp->size;
    identity.sourceMtimeNs = stamp->mtimeNs;
    identity.sourceHash = *hash;
    identity.optionsKey = optionsKey(options);
    return writeCache(cachePathFor(absolute, options), *model, identity, options, progress);
}

Expected<BakedModel> openOrBake(const fs::path& source, const BakeOptions& options, const Progress& progress) {
    auto cached = openCached(source, options);
    if (cached) return cached;
    logInfo(cached.error().message + "; baking");
    BakeOptions rebuild = options;
    rebuild.force = true;  // Just failed to open: do not check twice.
    if (Status baked = bake(source, rebuild, progress); !baked) return baked.error();
    return openCached(source, options);
}

Expected<std::vector<BakeSectionInfo>> describeCacheFile(const fs::path& cacheFile) {
    auto mapped = MappedFile::open(cacheFile);
    if (!mapped) return mapped.error();
    if (mapped->bytes().size() < sizeof(Header)) return makeError(cacheFile.string(), "bake cache is too short for a header");
    Header h;
    std::memcpy(&h, mapped->bytes().data(), sizeof(h));
    std::vector<BakeSectionInfo> out;
    for (std::uint32_t i = 0; i < kSectionCount; ++i) out.push_back({kSectionNames[i], h.sections[i].offset, h.sections[i].size});
    return out;
}

}  // namespace axis
