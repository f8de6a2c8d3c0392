#pragma once
// XXH64 (Yann Collet's xxHash, 64-bit variant, seed 0): the bake cache's content hash and section
// checksums. Written here from the public algorithm description so asset/ needs no new package;
// it runs at several GB/s, so hashing a source file is bound by the disk, not the CPU.
#include <cstdint>
#include <filesystem>
#include <span>

#include "core/error.h"

namespace axis {

std::uint64_t hash64(std::span<const std::uint8_t> bytes, std::uint64_t seed = 0);

/// XXH64 of a whole file (memory-mapped, so no copy). The error names the file.
Expected<std::uint64_t> hashFile(const std::filesystem::path& path);

}  // namespace axis
