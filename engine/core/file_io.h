#pragma once
// File I/O that never trusts the disk: reads report the file and errno, mapping is read-only,
// and saves are atomic (write a temporary, fsync, keep the old file as NAME.bak, rename).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"

namespace axis {

/// Reads a whole file. Fails with "PATH: <reason>" if it is missing, a directory or unreadable.
/// `maxBytes` guards against huge inputs being pulled into memory by mistake.
Expected<std::vector<std::uint8_t>> readFile(const std::filesystem::path& path,
                                             std::uint64_t maxBytes = 1ull << 34);
Expected<std::string> readTextFile(const std::filesystem::path& path,
                                   std::uint64_t maxBytes = 1ull << 30);

/// Writes `bytes` to `path` atomically: PATH.tmp is written and fsynced, an existing PATH is
/// kept as PATH.bak (when keepBackup), then PATH.tmp is renamed over PATH and the folder fsynced.
/// On failure the old file is untouched and the error names the path. A path that names
/// something other than a regular file (a character device such as /dev/null, a FIFO, a
/// socket) is written directly instead: renaming over it would replace the device itself.
Status saveFileAtomic(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                      bool keepBackup = true);
Status saveFileAtomic(const std::filesystem::path& path, const std::string& text,
                      bool keepBackup = true);
/// The same for a file that several processes or threads may write at once with the same
/// content (bake caches: two viewers, or two placements of one scan, opening it together). Each
/// writer uses its own temporary, PATH.tmp-PID-N, so none truncates another's; the last rename
/// wins. No backup is kept.
Status saveSharedFileAtomic(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

/// An output a command was given (`-o`), as Unix tools treat one: "-" is standard output, anything
/// else saveFileAtomic (without a backup), which writes devices and FIFOs directly.
Status writeOutput(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);
/// True for "-": standard output.
inline bool isStandardOutput(const std::filesystem::path& path) { return path == "-"; }
/// True when `path` exists and is not a regular file (symbolic links followed): a device, a FIFO,
/// a socket. Such outputs are written in place, never replaced.
bool isSpecialFile(const std::filesystem::path& path);

/// A read-only memory mapping of a whole file; move-only, unmapped on destruction.
class MappedFile {
public:
    static Expected<MappedFile> open(const std::filesystem::path& path);
    MappedFile() = default;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::span<const std::uint8_t> bytes() const { return {data_, size_}; }

    /// Drops the resident pages wholly inside `range` (a part of bytes()); touching them again
    /// reads them back from the file. For readers that copied the data elsewhere (a GPU upload)
    /// and want resident memory to hold one copy, not two. Contents never change.
    void evict(std::span<const std::uint8_t> range) const;
    void evict() const { evict(bytes()); }

private:
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

/// Lower-cased extension without the dot ("glb" for "a/B.GLB").
std::string lowerExtension(const std::filesystem::path& path);

}  // namespace axis
