#include "asset/draco_counts.h"

#include <cstring>

namespace axis {
namespace {

// Reads little-endian integers and Draco's LEB128 varints, failing past the end.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    bool skip(std::size_t n) {
        if (at_ + n > bytes_.size()) return false;
        at_ += n;
        return true;
    }
    bool u8(std::uint8_t& v) {
        if (at_ >= bytes_.size()) return false;
        v = bytes_[at_++];
        return true;
    }
    bool u32(std::uint64_t& v) {
        if (at_ + 4 > bytes_.size()) return false;
        v = std::uint64_t(bytes_[at_]) | std::uint64_t(bytes_[at_ + 1]) << 8 | std::uint64_t(bytes_[at_ + 2]) << 16 |
            std::uint64_t(bytes_[at_ + 3]) << 24;
        at_ += 4;
        return true;
    }
    bool varint(std::uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint8_t b;
            if (!u8(b)) return false;
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return true;
        }
        return false;
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t at_ = 0;
};

constexpr std::uint8_t kPointCloud = 0, kMesh = 1;
constexpr std::uint8_t kSequential = 0, kEdgebreaker = 1;
constexpr std::uint16_t kMetadataFlag = 0x8000;

}  // namespace

std::optional<std::string> implausibleDracoCounts(std::span<const std::uint8_t> stream) {
    Reader in(stream);
    std::uint8_t major = 0, minor = 0, type = 0, method = 0, flagsLow = 0, flagsHigh = 0;
    if (stream.size() < 5 || std::memcmp(stream.data(), "DRACO", 5) != 0) return std::nullopt;  // libdraco says why.
    if (!in.skip(5) || !in.u8(major) || !in.u8(minor) || !in.u8(type) || !in.u8(method) || !in.u8(flagsLow) ||
        !in.u8(flagsHigh))
        return std::nullopt;
    const int version = major * 10 + minor;
    // libdraco reads later 2.x minors as 2.2 (a fuzzer's "2.3" got through): so does this.
    if (major != 2 || ((flagsHigh << 8 | flagsLow) & kMetadataFlag)) return std::nullopt;
    auto count = [&](std::uint64_t& v) { return version < 22 ? in.u32(v) : in.varint(v); };
    std::uint64_t points = 0, faces = 0;
    if (type == kPointCloud) {
        if (!in.u32(points)) return std::nullopt;
    } else if (type == kMesh && method == kSequential) {
        if (!count(faces) || !count(points)) return std::nullopt;
    } else if (type == kMesh && method == kEdgebreaker) {
        std::uint64_t newVertices = 0;
        if (!in.skip(1)) return std::nullopt;  // The traversal decoder's type.
        if (version < 22 && !in.u32(newVertices)) return std::nullopt;
        auto early = [&](std::uint64_t& v) { return version < 20 ? in.u32(v) : in.varint(v); };
        if (!early(points) || !early(faces)) return std::nullopt;
    } else {
        return std::nullopt;
    }
    // Even a constant attribute costs some bits a point; a thousand points a byte is far beyond
    // what any encoder reaches, and small enough to allocate.
    const std::uint64_t limit = std::uint64_t(stream.size()) * 1024 + 65536;
    if (points > limit || faces > limit)
        return "the Draco stream declares " + std::to_string(points) + " points and " + std::to_string(faces) +
               " faces in " + std::to_string(stream.size()) + " bytes";
    return std::nullopt;
}

}  // namespace axis
