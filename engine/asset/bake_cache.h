#pragma once
// The bake cache: one binary file per source model holding what the renderer uploads (quantised
// vertex stream, index stream with every LOD level, LOD clusters, materials, textures with all
// mips), so that opening a big scan a second time is an mmap instead of an import.
//
// File layout (all little endian; format version kBakeFormatVersion):
//   offset 0     header (bake_format.h): magic "AXISBAKE", version, file size, source absolute
//                path hash, source size / mtime (ns) / XXH64 content hash, options key, a table of
//                sections {offset, size, XXH64 checksum}, and the header's own checksum.
//   each section starts on a 4096-byte boundary, in this order:
//     meta        small tables: source path, format, up axis, bounds, vertex format, per-primitive
//                 names and flags, materials, texture headers (name, usage, level sizes/offsets)
//     primitives  LodPrimitive[]           (scene/lod.h)
//     clusters    LodCluster[]             (scene/lod.h)
//     vertices    interleaved baked vertices (baked_vertex.h: 24 or 28 bytes each)
//     indices     uint32 triangle lists, every primitive's LOD levels (scene/lod.h)
//     texels      per texture: the source image's bytes (JPEG, PNG...) when it is larger than
//                 kStoredTextureSide, then its RGBA8 mip levels from that side down to 1x1, each
//                 at a 256-byte aligned offset
// Trust rules: a cache is used only when magic, version, header checksum, file size, every section
// checksum (the texels section's per texture: its stored levels at open, its image bytes before
// they are decoded, so that opening reads no atlas a view does not need), the source path and the
// bake options all match, and the source's size and mtime match
// (or, when they differ, its content hash still does). Anything else is an Error naming the cache
// file and the problem; openOrBake then rebuilds. Texture files a model references are checked by
// size and mtime too; other side files (a glTF's .bin) are not: `axisview bake --force` after
// editing only those.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "asset/baked_vertex.h"
#include "asset/import.h"
#include "asset/lod_build.h"
#include "core/error.h"
#include "core/file_io.h"
#include "core/progress.h"
#include "scene/lod.h"
#include "scene/model.h"

namespace axis {

/// 2: LOD levels simplified across uv/normal seams (version 1 caches stall at seams; rebuilt).
/// 3: the top of the cluster DAG replaced by whole-surface proxies (lod_build.h, step 4).
/// 4: cluster groups keep texture seams where they still shrink (welded, atlas-textured scans
///    showed smeared texels at every level of detail but the finest).
/// 5: textures as the source's image bytes plus a decoded tail up to kStoredTextureSide (every
///    level as RGBA8 made caches of textured scans 25x their source); per-primitive uv density.
/// 6: the model's source frame (double-precision origin, earth-centred flag, up rule).
/// 7: point clouds get a cluster hierarchy (lod_build.h buildPointLod) instead of one cluster.
constexpr std::uint32_t kBakeFormatVersion = 7;

struct BakeOptions {
    ImportOptions import;
    LodBuildOptions lod;
    std::filesystem::path cacheDir;  ///< Empty: defaultCacheDir().
    bool force = false;              ///< bake(): rebuild even when a valid cache exists.
};

/// $AXIS_CACHE_DIR, else $XDG_CACHE_HOME/axisview, else $HOME/.cache/axisview.
std::filesystem::path defaultCacheDir();

/// The cache file for a source: DIR/<16 hex digits of XXH64(absolute source path)>.axbake.
std::filesystem::path cachePathFor(const std::filesystem::path& source, const BakeOptions& options = {});

/// A texture in the cache: its coarse mip levels stored decoded (the tail, firstStoredLevel to
/// 1x1), and, when the image is larger than the tail, the image file's own bytes (JPEG, PNG...)
/// from which the finer levels are decoded on demand (decodeLevel). Spans point into the mapping.
struct BakedTexture {
    std::string name;
    TextureUsage usage = TextureUsage::Color;
    bool isFallback = false;
    std::uint32_t width = 0, height = 0;  ///< Level 0.
    std::uint32_t levelCount = 0;         ///< The full chain, to 1x1.
    std::uint32_t firstStoredLevel = 0;
    std::span<const std::uint8_t> encoded;  ///< Empty when every level is stored.
    std::uint64_t encodedChecksum = 0;      ///< XXH64 of `encoded`, checked before it is decoded.
    struct Level {
        std::uint32_t width = 0, height = 0;
        std::span<const std::uint8_t> rgba;  ///< width * height * 4 bytes.
    };
    std::vector<Level> levels;  ///< Stored levels: firstStoredLevel, firstStoredLevel + 1, ...

    /// Mip level `level` as RGBA8: a copy of a stored one, or decoded from `encoded` (thread-safe;
    /// reads only the mapping). The error names the texture: a damaged image, or one whose bytes
    /// no longer match the cache's checksum.
    Expected<Texture::Level> decodeLevel(std::uint32_t level) const;
    /// `count` levels from `first` (all finer than the stored ones) decoded from `encoded`, after
    /// checking its checksum; as decodeImageLevels (asset/image_decode.h).
    Expected<std::vector<Texture::Level>> decodeLevels(std::uint32_t first, std::uint32_t count) const;
    /// Bytes of level `level` as RGBA8 (the GPU's share of it).
    std::uint64_t levelBytes(std::uint32_t level) const;
};

/// Textures stored decoded up to this side; larger levels are kept as the source's image bytes.
/// 256² RGBA8 with its mips is 350 KB: a site of a hundred atlases opens with all of them showing.
constexpr std::uint32_t kStoredTextureSide = 256;

/// What LodPrimitive does not say about a primitive.
struct BakedPrimitiveInfo {
    std::string meshName;
    bool hasVertexColors = false, hasUVs = false, hasNormals = true;
    /// Texture coordinates per model unit (1 = a texture's width per unit), over most of the
    /// surface (the 90th percentile by area, so slivers do not count): with a texture's size and
    /// the distance it gives the mip level a view needs. 0 without UVs.
    float uvDensity = 0.0f;
};

/// An opened cache: spans into a read-only mapping plus small decoded tables. Move-only; every
/// span stays valid while this object (or what it was moved into) lives. Upload vertexBytes and
/// indices as they are, then draw what selectLod(lod(), ...) returns.
struct BakedModel {
    std::filesystem::path cachePath;
    std::string sourcePath;  ///< Absolute.
    std::string format;      ///< The source's format, as importModel named it.
    UpAxis up = UpAxis::Y;
    SourceFrame frame;
    std::uint32_t meshCount = 0;
    Bounds bounds;  ///< Of all vertex positions, model space.
    BakedVertexFormat vertexFormat;
    std::span<const std::uint8_t> vertexBytes;  ///< vertexCount() * vertexFormat.stride bytes.
    std::span<const std::uint32_t> indices;
    std::span<const LodPrimitive> primitives;
    std::span<const LodCluster> clusters;
    std::vector<BakedPrimitiveInfo> primitiveInfo;  ///< Parallel to primitives.
    std::vector<Material> materials;
    std::vector<BakedTexture> textures;
    /// Owns the bytes the spans point into. Shared: a GPU that draws straight from host memory
    /// (lavapipe) keeps the vertex and index pages mapped after this model is gone.
    std::shared_ptr<const MappedFile> file;

    LodData lod() const { return {primitives, clusters}; }
    std::uint64_t vertexCount() const { return vertexBytes.size() / vertexFormat.stride; }
    std::uint64_t triangleCount() const;  ///< Level 0, i.e. the source's triangles.
    std::uint64_t pointCount() const;
};

/// A plain Model (level-0 triangles, decoded vertices) for code that needs one: picking,
/// statistics. Textures keep their names and usage but no texels unless `decodeTextures`, which
/// decodes every level of each (as an import would: the GPU path streams them instead).
Model toModel(const BakedModel& baked, bool decodeTextures = false);

/// Opens a cache for `source` if it is present and trustworthy; otherwise an Error naming the
/// cache file and why ("stale: source size changed", "section vertices: checksum mismatch", ...).
/// A touched but unchanged source (same hash) is accepted and its cache header refreshed.
Expected<BakedModel> openCached(const std::filesystem::path& source, const BakeOptions& options = {});

/// Opens the cache file itself, checking everything but the source (for tools and tests).
Expected<BakedModel> openCacheFile(const std::filesystem::path& cacheFile);

/// Imports `source`, builds the LOD and writes its cache atomically (unless a valid one exists
/// and !options.force). The error names the source or the cache file.
Status bake(const std::filesystem::path& source, const BakeOptions& options = {}, const Progress& progress = {});

/// What a viewer calls: the cache when it is valid, else bake (logging why at info level) and
/// open the fresh cache.
Expected<BakedModel> openOrBake(const std::filesystem::path& source, const BakeOptions& options = {},
                                const Progress& progress = {});

/// The sections of a cache file (name, offset, size) without verifying them: for `axisview info`
/// and for the fault tests that damage one section at a time.
struct BakeSectionInfo {
    std::string name;
    std::uint64_t offset = 0, size = 0;
};
Expected<std::vector<BakeSectionInfo>> describeCacheFile(const std::filesystem::path& cacheFile);

}  // namespace axis
