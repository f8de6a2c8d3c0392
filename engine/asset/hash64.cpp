#include "asset/hash64.h"

#include <cstring>

#include "core/file_io.h"

namespace axis {
namespace {

constexpr std::uint64_t kP1 = 11400714785074694791ull;
constexpr std::uint64_t kP2 = 14029467366897019727ull;
constexpr std::uint64_t kP3 = 1609587929392839161ull;
constexpr std::uint64_t kP4 = 9650029242287828579ull;
constexpr std::uint64_t kP5 = 2870177450012600261ull;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// memcpy keeps unaligned reads defined; the compiler turns it into one load (little endian host).
std::uint64_t read64(const std::uint8_t* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
std::uint32_t read32(const std::uint8_t* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

std::uint64_t round(std::uint64_t acc, std::uint64_t input) { return rotl(acc + input * kP2, 31) * kP1; }
std::uint64_t mergeRound(std::uint64_t acc, std::uint64_t val) { return (acc ^ round(0, val)) * kP1 + kP4; }

std::uint64_t avalanche(std::uint64_t h) {
    h ^= h >> 33;
    h *= kP2;
    h ^= h >> 29;
    h *= kP3;
    h ^= h >> 32;
    return h;
}

}  // namespace

std::uint64_t hash64(std::span<const std::uint8_t> bytes, std::uint64_t seed) { return hash64(bytes, {}, seed); }

std::uint64_t hash64(std::span<const std::uint8_t> bytes, const HashedChunk& hashed, std::uint64_t seed) {
    constexpr std::size_t kChunk = std::size_t(16) << 20;  // A multiple of the 32-byte stripe.
    const std::uint8_t* p = bytes.data();
    const std::uint8_t* end = p + bytes.size();
    const std::uint8_t* chunk = p;
    std::uint64_t h;
    if (bytes.size() >= 32) {
        std::uint64_t v1 = seed + kP1 + kP2, v2 = seed + kP2, v3 = seed, v4 = seed - kP1;
        const std::uint8_t* limit = end - 32;
        do {
            v1 = round(v1, read64(p));
            v2 = round(v2, read64(p + 8));
            v3 = round(v3, read64(p + 16));
            v4 = round(v4, read64(p + 24));
            p += 32;
            if (hashed && std::size_t(p - chunk) == kChunk) hashed({chunk, kChunk}), chunk = p;
        } while (p <= limit);
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = mergeRound(mergeRound(mergeRound(mergeRound(h, v1), v2), v3), v4);
    } else {
        h = seed + kP5;
    }
    h += bytes.size();
    for (; p + 8 <= end; p += 8) h = rotl(h ^ round(0, read64(p)), 27) * kP1 + kP4;
    if (p + 4 <= end) {
        h = rotl(h ^ (std::uint64_t(read32(p)) * kP1), 23) * kP2 + kP3;
        p += 4;
    }
    for (; p < end; ++p) h = rotl(h ^ (*p * kP5), 11) * kP1;
    if (hashed && chunk < end) hashed({chunk, std::size_t(end - chunk)});
    return avalanche(h);
}

Expected<std::uint64_t> hashFile(const std::filesystem::path& path) {
    auto mapped = MappedFile::open(path);
    if (!mapped) return mapped.error();
    return hash64(mapped->bytes(), [&](std::span<const std::uint8_t> chunk) { mapped->evict(chunk); });
}

}  // namespace axis
