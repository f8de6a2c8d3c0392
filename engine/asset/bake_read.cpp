// Opening a bake cache: map, verify everything, then point spans into the mapping. No per-vertex
// work beyond checksums and an index bound check (a checksum is no signature: a crafted file
// could carry valid ones, and out-of-range indices would reach the GPU).
#include <algorithm>
#include <cstring>

#include "asset/bake_internal.h"
#include "asset/hash64.h"
#include "asset/image_decode.h"

namespace axis::bakefile {
namespace {

Error cacheError(const std::filesystem::path& file, const std::string& problem) {
    return makeError(file.string(), "bake cache " + problem);
}

std::optional<std::string> checkHeader(const Header& h, std::uint64_t actualSize) {
    if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) return "has the wrong magic: not an axisview bake cache";
    if (h.version != kBakeFormatVersion)
        return "has format version " + std::to_string(h.version) + ", this build reads " +
               std::to_string(kBakeFormatVersion);
    if (h.headerSize != sizeof(Header)) return "has a header of unexpected size";
    if (h.headerChecksum != hash64({reinterpret_cast<const std::uint8_t*>(&h), offsetof(Header, headerChecksum)}))
        return "header checksum mismatch";
    if (h.fileSize != actualSize)
        return "is truncated or extended: " + std::to_string(actualSize) + " bytes, header says " +
               std::to_string(h.fileSize);
    return std::nullopt;
}

// Hashing reads every page of the mapping: each run is dropped once hashed, so that opening a
// cache of gigabytes does not hold it all (the page cache keeps it for the reads that follow).
std::optional<std::string> checkSections(const Header& h, const MappedFile& mapped) {
    const std::span<const std::uint8_t> file = mapped.bytes();
    for (std::uint32_t i = 0; i < kSectionCount; ++i) {
        const SectionEntry& e = h.sections[i];
        const std::string name = std::string("section ") + kSectionNames[i];
        if (e.offset % kSectionAlignment != 0 || e.offset > file.size() || e.size > file.size() - e.offset)
            return name + " lies outside the file";
        if (i == kTexels) continue;  // Checked per texture: fillTexture, BakedTexture::decodeLevels.
        const auto drop = [&](std::span<const std::uint8_t> chunk) { mapped.evict(chunk); };
        if (hash64(file.subspan(e.offset, e.size), drop) != e.checksum) return name + ": checksum mismatch";
    }
    return std::nullopt;
}

template <class T>
std::optional<std::span<const T>> typedSection(std::span<const std::uint8_t> file, const SectionEntry& e) {
    if (e.size % sizeof(T) != 0) return std::nullopt;
    return std::span<const T>(reinterpret_cast<const T*>(file.data() + e.offset), e.size / sizeof(T));
}

// The largest index of a run, read in 16 MiB pieces whose pages are dropped once read (as in
// checkSections).
std::uint32_t largestIndex(std::span<const std::uint32_t> run, const MappedFile& mapped) {
    constexpr std::size_t kPiece = std::size_t(4) << 20;
    std::uint32_t largest = 0;
    for (std::size_t at = 0; at < run.size(); at += kPiece) {
        const auto piece = run.subspan(at, std::min(kPiece, run.size() - at));
        largest = std::max(largest, *std::max_element(piece.begin(), piece.end()));
        mapped.evict({reinterpret_cast<const std::uint8_t*>(piece.data()), piece.size_bytes()});
    }
    return largest;
}

// Ranges and references between tables, so the renderer can trust every number.
std::optional<std::string> checkTables(const BakedModel& m, const MappedFile& mapped) {
    if (m.primitiveInfo.size() != m.primitives.size()) return "meta and primitive tables disagree";
    const std::uint64_t vertices = m.vertexCount();
    for (const LodPrimitive& p : m.primitives) {
        if (p.material >= m.materials.size() || p.topology > 1) return "a primitive has a bad material or topology";
        if (std::uint64_t(p.vertexOffset) + p.vertexCount > vertices) return "a primitive's vertices lie outside the stream";
        if (std::uint64_t(p.firstIndex) + p.indexCount > m.indices.size() || p.leafIndexCount > p.indexCount)
            return "a primitive's indices lie outside the stream";
        if (std::uint64_t(p.firstCluster) + p.clusterCount > m.clusters.size()) return "a primitive's clusters are out of range";
        auto run = m.indices.subspan(p.firstIndex, p.indexCount);
        if (!run.empty() && largestIndex(run, mapped) >= p.vertexCount) return "an index is out of range";
    }
    for (const LodCluster& c : m.clusters) {
        if (c.primitive >= m.primitives.size()) return "a cluster names a missing primitive";
        const LodPrimitive& p = m.primitives[c.primitive];
        if (c.firstIndex < p.firstIndex || std::uint64_t(c.firstIndex) + c.indexCount > std::uint64_t(p.firstIndex) + p.indexCount)
            return "a cluster's indices lie outside its primitive";
    }
    for (const Material& mat : m.materials)
        for (int t : {mat.baseColorTexture, mat.metallicRoughnessTexture, mat.emissiveTexture})
            if (t >= int(m.textures.size()) || t < -1) return "a material names a missing texture";
    return std::nullopt;
}

bool inside(std::uint64_t offset, std::uint64_t size, std::span<const std::uint8_t> section) {
    return offset <= section.size() && size <= section.size() - offset;
}

// Every stored level must be exactly the mip chain's, down to 1x1, and a chain that does not start
// at level 0 needs the image it starts from.
std::optional<std::string> fillTexture(const TextureEntry& t, std::span<const std::uint8_t> texels, BakedTexture& out) {
    out.name = t.name, out.usage = t.usage, out.isFallback = t.isFallback;
    out.width = t.width, out.height = t.height, out.firstStoredLevel = t.firstStoredLevel;
    const std::string problem = "texture " + t.name + " ";
    if (t.width == 0 || t.height == 0 || t.width > (1u << 16) || t.height > (1u << 16)) return problem + "has a bad size";
    out.levelCount = mipLevelCount(t.width, t.height);
    if (t.firstStoredLevel >= out.levelCount || t.levels.size() != out.levelCount - t.firstStoredLevel)
        return problem + "does not store its coarse mip levels";
    if (t.firstStoredLevel > 0 && (t.encodedSize == 0 || !inside(t.encodedOffset, t.encodedSize, texels)))
        return problem + "has its image outside the texels section";
    if (t.firstStoredLevel > 0) out.encoded = texels.subspan(t.encodedOffset, t.encodedSize);
    out.encodedChecksum = t.encodedChecksum;
    for (std::uint32_t i = 0; i < t.levels.size(); ++i) {
        const auto& l = t.levels[i];
        const std::uint32_t level = t.firstStoredLevel + i;
        if (l.width != mipSide(t.width, level) || l.height != mipSide(t.height, level) ||
            l.size != std::uint64_t(l.width) * l.height * 4 || !inside(l.offset, l.size, texels))
            return problem + "has a level outside the texels section";
        if (hash64(texels.subspan(l.offset, l.size)) != l.checksum) return problem + "level " + std::to_string(level) + ": checksum mismatch";
        out.levels.push_back({l.width, l.height, texels.subspan(l.offset, l.size)});
    }
    return std::nullopt;
}

std::optional<std::string> fillTextures(const Meta& meta, std::span<const std::uint8_t> texels, BakedModel& m) {
    for (const TextureEntry& t : meta.textures)
        if (auto problem = fillTexture(t, texels, m.textures.emplace_back())) return problem;
    return std::nullopt;
}

}  // namespace

Expected<Opened> openVerified(const std::filesystem::path& cacheFile) {
    auto mapped = MappedFile::open(cacheFile);
    if (!mapped) return cacheError(cacheFile, "cannot be read: " + mapped.error().message);
    const std::span<const std::uint8_t> file = mapped->bytes();
    Opened o;
    if (file.size() < sizeof(Header))
        return cacheError(cacheFile, "is too short for a header (" + std::to_string(file.size()) + " bytes)");
    std::memcpy(&o.header, file.data(), sizeof(Header));
    if (auto problem = checkHeader(o.header, file.size())) return cacheError(cacheFile, *problem);
    if (auto problem = checkSections(o.header, *mapped)) return cacheError(cacheFile, *problem);
    auto meta = readMeta(file.subspan(o.header.sections[kMeta].offset, o.header.sections[kMeta].size));
    if (!meta) return cacheError(cacheFile, "section meta is malformed");

    BakedModel& m = o.model;
    m.cachePath = cacheFile;
    m.sourcePath = meta->sourcePath, m.format = meta->format, m.up = meta->up, m.frame = meta->frame;
    m.meshCount = meta->meshCount, m.bounds = meta->bounds;
    m.vertexFormat = BakedVertexFormat::forUvs(meta->uvEncoding);
    const SectionEntry* s = o.header.sections;
    auto primitives = typedSection<LodPrimitive>(file, s[kPrimitives]);
    auto clusters = typedSection<LodCluster>(file, s[kClusters]);
    auto indices = typedSection<std::uint32_t>(file, s[kIndices]);
    if (!primitives || !clusters || !indices || s[kVertices].size % m.vertexFormat.stride != 0)
        return cacheError(cacheFile, "has a section whose size is not a whole number of records");
    m.primitives = *primitives, m.clusters = *clusters, m.indices = *indices;
    m.vertexBytes = file.subspan(s[kVertices].offset, s[kVertices].size);
    m.primitiveInfo = std::move(meta->primitives);
    m.materials = std::move(meta->materials);
    if (auto problem = fillTextures(*meta, file.subspan(s[kTexels].offset, s[kTexels].size), m))
        return cacheError(cacheFile, *problem);
    if (auto problem = checkTables(m, *mapped)) return cacheError(cacheFile, "is inconsistent: " + *problem);
    o.dependencies = std::move(meta->dependencies);
    m.file = std::make_shared<const MappedFile>(std::move(*mapped));  // Same address: the spans stay valid.
    return o;
}

Status refreshStamp(const Opened& opened, const FileStamp& stamp) {
    std::span<const std::uint8_t> bytes = opened.model.file->bytes();
    std::vector<std::uint8_t> copy(bytes.begin(), bytes.end());
    Header h = opened.header;
    h.sourceSize = stamp.size;
    h.sourceMtimeNs = stamp.mtimeNs;
    h.headerChecksum = hash64({reinterpret_cast<const std::uint8_t*>(&h), offsetof(Header, headerChecksum)});
    std::memcpy(copy.data(), &h, sizeof(h));
    return saveSharedFileAtomic(opened.model.cachePath, copy);
}

}  // namespace axis::bakefile
