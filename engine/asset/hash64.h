#pragma once
// XXH64 (Yann Collet's xxHash, 64-bit variant, seed 0): the bake cache's content hash and section
// checksums. Written here from the public algorithm description so asset/ needs no new package;
// it runs at several GB/s, so hashing a source file is bound by the disk, not the CPU.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>

#include "core/error.h"

namespace axis {

std::uint64_t hash64(std::span<const std::uint8_t> bytes, std::uint64_t seed = 0);

/// Called with each run of `bytes` (16 MiB or less, in order) once hashed: a caller hashing a
/// mapped file drops its pages there (MappedFile::evict), so that checking a file of gigabytes
/// never holds it all in memory.
using HashedChunk = std::function<void(std::span<const std::uint8_t>)>;
std::uint64_t hash64(std::span<const std::uint8_t> bytes, const HashedChunk& hashed, std::uint64_t seed = 0);

/// XXH64 of a whole file (memory-mapped, so no copy, and dropped as it is read). The error names
/// the file.
Expected<std::uint64_t> hashFile(const std::filesystem::path& path);

}  // namespace axis
