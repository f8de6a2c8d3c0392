#pragma once
// Internal: the bake cache's header and the little byte writer/reader for its meta section.
// bake_cache.h describes the file; this is its exact binary shape.
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace axis::bakefile {

constexpr char kMagic[8] = {'A', 'X', 'I', 'S', 'B', 'A', 'K', 'E'};
constexpr std::uint64_t kSectionAlignment = 4096;  // Page size: each section can be mapped alone.
constexpr std::uint64_t kTexelAlignment = 256;

enum Section : std::uint32_t { kMeta, kPrimitives, kClusters, kVertices, kIndices, kTexels, kSectionCount };
constexpr const char* kSectionNames[kSectionCount] = {"meta", "primitives", "clusters", "vertices", "indices", "texels"};

struct SectionEntry {
    std::uint64_t offset = 0, size = 0, checksum = 0;
};

struct Header {
    char magic[8];
    std::uint32_t version = 0;
    std::uint32_t headerSize = sizeof(Header);
    std::uint64_t fileSize = 0;
    std::uint64_t sourcePathHash = 0;
    std::uint64_t sourceSize = 0;
    std::int64_t sourceMtimeNs = 0;
    std::uint64_t sourceHash = 0;
    std::uint64_t optionsKey = 0;
    SectionEntry sections[kSectionCount];
    std::uint64_t headerChecksum = 0;  // XXH64 of every byte before this field.
};
static_assert(sizeof(Header) == 64 + kSectionCount * 24 + 8);

/// Appends plain values and strings (u32 length + bytes) to a byte vector.
class Writer {
public:
    template <class T>
    void put(const T& value) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
        bytes.insert(bytes.end(), p, p + sizeof(T));
    }
    void putString(const std::string& s) {
        put(static_cast<std::uint32_t>(s.size()));
        bytes.insert(bytes.end(), s.begin(), s.end());
    }
    std::vector<std::uint8_t> bytes;
};

/// Reads what Writer wrote; any read past the end sets failed() and yields zeros, so a parser
/// checks once at the end instead of after every field.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    template <class T>
    T get() {
        T value{};
        if (pos_ + sizeof(T) > bytes_.size()) {
            failed_ = true;
            return value;
        }
        std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return value;
    }
    std::string getString() {
        auto n = get<std::uint32_t>();
        if (failed_ || n > bytes_.size() - pos_) {
            failed_ = true;
            return {};
        }
        std::string s(reinterpret_cast<const char*>(bytes_.data() + pos_), n);
        pos_ += n;
        return s;
    }
    bool failed() const { return failed_; }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

inline std::uint64_t alignUp(std::uint64_t v, std::uint64_t a) { return (v + a - 1) / a * a; }

}  // namespace axis::bakefile
