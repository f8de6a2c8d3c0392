// LAS point clouds (ASPRS LAS 1.0-1.4, point data formats 0-3 and 6-8): positions as scaled
// integers read in double and kept relative to an origin (SourceFrame), RGB colour where the
// format has it (16-bit, or 8-bit values some writers put in the 16-bit fields), else the
// intensity as grey. LAZ (LASzip compression, COPC) is refused: Debian 12 packages no LASzip.
// Headers that lie (a point count the file cannot hold, a record shorter than its format, scales
// of zero) give an error naming the file and the field; a file cut short keeps the points it has.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "asset/import_internal.h"
#include "core/log.h"

namespace axis::detail {
namespace {

template <class T>
T load(std::span<const std::uint8_t> bytes, std::size_t at) {
    T value;
    std::memcpy(&value, bytes.data() + at, sizeof value);
    return value;  // LAS is little-endian, as is every machine we run on.
}

struct LasHeader {
    std::uint8_t major = 0, minor = 0;
    std::uint16_t headerSize = 0;
    std::uint32_t pointOffset = 0;
    std::uint8_t pointFormat = 0;
    std::uint16_t recordLength = 0;
    std::uint64_t pointCount = 0;
    glm::dvec3 scale{1.0}, offset{0.0};
};

// Bytes of a record of each point format, and where its RGB sits (0: none).
struct PointLayout {
    std::uint16_t minLength = 0, rgbAt = 0;
};
constexpr PointLayout kLayouts[] = {{20, 0}, {28, 0}, {26, 20}, {34, 28}, {}, {}, {30, 0}, {36, 30}, {38, 30}};

constexpr std::size_t kMinHeader = 227;  // LAS 1.0-1.2; 1.3 adds 8 bytes, 1.4 148 more.

bool lazCompressed(std::span<const std::uint8_t> bytes, const LasHeader& h) {
    if (h.pointFormat & 0xC0) return true;  // LASzip marks compressed formats with the top bits.
    // ...and leaves a "laszip encoded" VLR (user id "laszip encoded", record 22204).
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()),
                                std::min<std::size_t>(bytes.size(), h.pointOffset));
    return text.find("laszip encoded") != std::string_view::npos;
}

Expected<LasHeader> readHeader(const std::string& name, std::span<const std::uint8_t> bytes) {
    if (bytes.size() < kMinHeader || std::memcmp(bytes.data(), "LASF", 4) != 0)
        return makeError(name, "not a LAS file (no LASF signature or a header shorter than 227 bytes)");
    LasHeader h;
    h.major = bytes[24], h.minor = bytes[25];
    h.headerSize = load<std::uint16_t>(bytes, 94);
    h.pointOffset = load<std::uint32_t>(bytes, 96);
    h.pointFormat = bytes[104];
    h.recordLength = load<std::uint16_t>(bytes, 105);
    h.pointCount = load<std::uint32_t>(bytes, 107);
    h.scale = {load<double>(bytes, 131), load<double>(bytes, 139), load<double>(bytes, 147)};
    h.offset = {load<double>(bytes, 155), load<double>(bytes, 163), load<double>(bytes, 171)};
    if (h.major != 1 || h.minor > 4)
        return makeError(name, "LAS version " + std::to_string(h.major) + "." + std::to_string(h.minor) +
                                   " is not supported (1.0-1.4 are)");
    // 1.4 keeps 64-bit counts after the extended VLR fields; the legacy count is 0 past 4 billion.
    if (h.minor >= 4 && h.headerSize >= 255 && bytes.size() >= 255) {
        const std::uint64_t count64 = load<std::uint64_t>(bytes, 247);
        if (count64 > 0) h.pointCount = count64;
    }
    if (h.headerSize < kMinHeader || h.headerSize > bytes.size())
        return makeError(name, "LAS header size " + std::to_string(h.headerSize) + " is impossible");
    if (h.pointOffset < h.headerSize || h.pointOffset > bytes.size())
        return makeError(name, "LAS offset to point data " + std::to_string(h.pointOffset) + " lies outside the file");
    return h;
}

// 16-bit colour channels, or 8-bit values written into them (many writers do): the largest
// value in the file decides.
bool eightBitColours(std::span<const std::uint8_t> bytes, const LasHeader& h, std::uint64_t count, std::uint16_t rgbAt) {
    for (std::uint64_t i = 0; i < count; ++i)
        for (int c = 0; c < 3; ++c)
            if (load<std::uint16_t>(bytes, h.pointOffset + i * h.recordLength + rgbAt + 2 * c) > 255) return false;
    return true;
}

}  // namespace

Expected<Model> readLas(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                        const ImportOptions&) {
    const std::string name = path.string();
    auto header = readHeader(name, bytes);
    if (!header) return header.error();
    const LasHeader& h = *header;
    if (lazCompressed(bytes, h))
        return makeError(name, "LAZ (LASzip-compressed LAS, COPC) cannot be read: Debian 12 packages no LASzip; "
                               "decompress it first, e.g. `pdal translate in.laz out.las` or `las2las`");
    const std::uint8_t format = h.pointFormat;
    if (format > 8 || kLayouts[format].minLength == 0)
        return makeError(name, "LAS point data format " + std::to_string(format) + " is not supported (0-3, 6-8 are)");
    const PointLayout layout = kLayouts[format];
    if (h.recordLength < layout.minLength)
        return makeError(name, "LAS point record length " + std::to_string(h.recordLength) + " is shorter than format " +
                                   std::to_string(format) + "'s " + std::to_string(layout.minLength) + " bytes");
    if (!(h.scale.x != 0 && h.scale.y != 0 && h.scale.z != 0) || !std::isfinite(h.scale.x + h.scale.y + h.scale.z) ||
        !std::isfinite(h.offset.x + h.offset.y + h.offset.z))
        return makeError(name, "LAS scale or offset is zero or not finite");
    if (h.pointCount == 0) return makeError(name, "no geometry: the LAS header declares no points");
    const std::uint64_t fits = (bytes.size() - h.pointOffset) / h.recordLength;
    std::uint64_t count = h.pointCount;
    if (fits < count) {
        if (fits == 0) return makeError(name, "LAS header declares " + std::to_string(count) + " points, the file holds none");
        logWarn(name + ": LAS header declares " + std::to_string(count) + " points, the file holds " +
                std::to_string(fits) + "; reading those");
        count = fits;
    }

    Model model;
    model.sourcePath = name;
    model.format = "LAS " + std::to_string(h.major) + "." + std::to_string(h.minor) + " (point format " +
                   std::to_string(format) + ")";
    model.meshCount = 1;
    Primitive points;
    points.topology = Topology::Points;
    points.meshName = path.stem().string();
    points.hasVertexColors = true;
    points.vertices.resize(count);
    const bool eightBit = layout.rgbAt && eightBitColours(bytes, h, count, layout.rgbAt);
    std::uint16_t maxIntensity = 1;
    if (!layout.rgbAt)
        for (std::uint64_t i = 0; i < count; ++i)
            maxIntensity = std::max(maxIntensity, load<std::uint16_t>(bytes, h.pointOffset + i * h.recordLength + 12));
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::size_t at = h.pointOffset + i * h.recordLength;
        const glm::dvec3 p = glm::dvec3(load<std::int32_t>(bytes, at), load<std::int32_t>(bytes, at + 4),
                                        load<std::int32_t>(bytes, at + 8)) * h.scale + h.offset;
        if (i == 0) model.frame.origin = originFor(p);
        Vertex& v = points.vertices[i];
        v.position = glm::vec3(p - model.frame.origin);
        v.normal = glm::vec3(0.0f);  // Points without normals: lit as facing the viewer.
        if (layout.rgbAt) {
            for (int c = 0; c < 3; ++c) {
                const std::uint16_t value = load<std::uint16_t>(bytes, at + layout.rgbAt + 2 * c);
                v.color[c] = static_cast<std::uint8_t>(eightBit ? value : value >> 8);
            }
        } else {
            // Intensity as grey, stretched to the file's range (sensors use 8 to 16 bits of it).
            const double intensity = load<std::uint16_t>(bytes, at + 12) / double(maxIntensity);
            v.color = glm::u8vec4(glm::u8vec3(static_cast<std::uint8_t>(std::lround(std::sqrt(intensity) * 255.0))), 255);
        }
        v.color.a = 255;
    }
    model.primitives.push_back(std::move(points));
    return model;
}

}  // namespace axis::detail
