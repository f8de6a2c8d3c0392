#pragma once
// Internal to the bake cache: the meta section's content, file stamps, and the verified open
// shared by openCached and openCacheFile.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "asset/bake_cache.h"
#include "asset/bake_format.h"

namespace axis::bakefile {

struct TextureEntry {
    std::string name;
    TextureUsage usage = TextureUsage::Color;
    bool isFallback = false;
    std::uint32_t width = 0, height = 0;  // Level 0.
    std::uint32_t firstStoredLevel = 0;   // Finer levels decode from the encoded image.
    std::uint64_t encodedOffset = 0, encodedSize = 0;  // Within the texels section; 0 bytes: none.
    std::uint64_t encodedChecksum = 0;  // XXH64 of the image bytes, checked when they are decoded.
    struct Level {
        std::uint32_t width = 0, height = 0;
        std::uint64_t offset = 0, size = 0;  // Within the texels section.
        std::uint64_t checksum = 0;          // XXH64 of the level, checked at open.
    };
    std::vector<Level> levels;  // firstStoredLevel to 1x1.
};

/// A file the model was made from besides the source (its textures), by size and mtime.
struct Dependency {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
};

struct Meta {
    std::string sourcePath, format;
    UpAxis up = UpAxis::Y;
    SourceFrame frame;
    std::uint32_t meshCount = 0;
    Bounds bounds;
    UvEncoding uvEncoding = UvEncoding::Unorm16;
    std::vector<BakedPrimitiveInfo> primitives;
    std::vector<Material> materials;
    std::vector<TextureEntry> textures;
    std::vector<Dependency> dependencies;
};

std::vector<std::uint8_t> writeMeta(const Meta& meta);
std::optional<Meta> readMeta(std::span<const std::uint8_t> bytes);

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    bool operator==(const FileStamp&) const = default;
};
std::optional<FileStamp> stampOf(const std::filesystem::path& path);

/// Absolute, lexically normal form of a source path: the cache key.
std::filesystem::path absoluteSource(const std::filesystem::path& source);
std::uint64_t optionsKey(const BakeOptions& options);

struct Opened {
    BakedModel model;
    Header header;
    std::vector<Dependency> dependencies;
};
/// Maps and verifies a cache file: every check but the source's.
Expected<Opened> openVerified(const std::filesystem::path& cacheFile);

/// Rewrites the cache with a new source stamp (source touched, content unchanged).
Status refreshStamp(const Opened& opened, const FileStamp& stamp);

/// Writes the cache for an imported model (bake_write.cpp).
Status writeCache(const std::filesystem::path& cacheFile, const Model& model, const Header& identity,
                  const BakeOptions& options, const Progress& progress);

}  // namespace axis::bakefile
