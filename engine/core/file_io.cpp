#include "core/file_io.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

namespace axis {
namespace fs = std::filesystem;
namespace {

Error errnoError(const fs::path& path, const char* what) {
    return makeError(path.string(), std::string(what) + ": " + std::strerror(errno));
}

// Closes a descriptor on scope exit.
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

Expected<std::uint64_t> regularFileSize(int fd, const fs::path& path) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return errnoError(path, "cannot stat");
    if (!S_ISREG(st.st_mode)) return makeError(path.string(), "not a regular file");
    return static_cast<std::uint64_t>(st.st_size);
}

bool writeAll(int fd, const std::uint8_t* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

Expected<std::vector<std::uint8_t>> readFile(const fs::path& path, std::uint64_t maxBytes) {
    FileDescriptor f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0) return errnoError(path, "cannot open");
    auto size = regularFileSize(f.fd, path);
    if (!size) return size.error();
    if (*size > maxBytes)
        return makeError(path.string(), "file too large (" + std::to_string(*size) + " bytes)");
    std::vector<std::uint8_t> bytes(*size);
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::read(f.fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errnoError(path, "read failed");
        if (n == 0) break;  // The file shrank while we read it.
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

Expected<std::string> readTextFile(const fs::path& path, std::uint64_t maxBytes) {
    auto bytes = readFile(path, maxBytes);
    if (!bytes) return bytes.error();
    return std::string(bytes->begin(), bytes->end());
}

namespace {

// A device, FIFO or socket: opened and written as it is (O_TRUNC means nothing to them).
Status writeInPlace(const fs::path& path, std::span<const std::uint8_t> bytes) {
    FileDescriptor f{::open(path.c_str(), O_WRONLY | O_CLOEXEC)};
    if (f.fd < 0) return errnoError(path, "cannot open for writing");
    if (!writeAll(f.fd, bytes.data(), bytes.size())) return errnoError(path, "write failed");
    return Ok{};
}

Status writeThroughTemporary(const fs::path& path, const fs::path& tmp, std::span<const std::uint8_t> bytes,
                             bool keepBackup) {
    {
        FileDescriptor f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
        if (f.fd < 0) return errnoError(tmp, "cannot create");
        if (!writeAll(f.fd, bytes.data(), bytes.size()) || ::fsync(f.fd) != 0) {
            Error e = errnoError(tmp, "write failed");
            ::unlink(tmp.c_str());
            return e;
        }
    }
    if (keepBackup && fs::exists(path)) {
        fs::path bak = path;
        bak += ".bak";
        // A hard link keeps PATH in place until the rename, so no instant lacks a valid file.
        ::unlink(bak.c_str());
        if (::link(path.c_str(), bak.c_str()) != 0) {
            std::error_code ec;
            fs::copy_file(path, bak, fs::copy_options::overwrite_existing, ec);
        }
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        Error e = errnoError(path, "cannot replace");
        ::unlink(tmp.c_str());
        return e;
    }
    fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    FileDescriptor d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (d.fd >= 0) ::fsync(d.fd);
    return Ok{};
}

}  // namespace

bool isSpecialFile(const fs::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

Status saveFileAtomic(const fs::path& path, std::span<const std::uint8_t> bytes, bool keepBackup) {
    if (isSpecialFile(path)) return writeInPlace(path, bytes);
    fs::path tmp = path;
    tmp += ".tmp";
    return writeThroughTemporary(path, tmp, bytes, keepBackup);
}

Status saveSharedFileAtomic(const fs::path& path, std::span<const std::uint8_t> bytes) {
    if (isSpecialFile(path)) return writeInPlace(path, bytes);
    static std::atomic<unsigned> counter{0};
    fs::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    return writeThroughTemporary(path, tmp, bytes, false);
}

Status writeOutput(const fs::path& path, std::span<const std::uint8_t> bytes) {
    if (!isStandardOutput(path)) return saveFileAtomic(path, bytes, false);
    if (!writeAll(STDOUT_FILENO, bytes.data(), bytes.size())) return errnoError("standard output", "write failed");
    return Ok{};
}

Status saveFileAtomic(const fs::path& path, const std::string& text, bool keepBackup) {
    return saveFileAtomic(
        path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), keepBackup);
}

Expected<MappedFile> MappedFile::open(const fs::path& path) {
    FileDescriptor f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (f.fd < 0) return errnoError(path, "cannot open");
    auto size = regularFileSize(f.fd, path);
    if (!size) return size.error();
    MappedFile m;
    if (*size == 0) return m;
    void* p = ::mmap(nullptr, *size, PROT_READ, MAP_PRIVATE, f.fd, 0);
    if (p == MAP_FAILED) return errnoError(path, "cannot map");
    m.data_ = static_cast<const std::uint8_t*>(p);
    m.size_ = *size;
    return m;
}

void MappedFile::evict(std::span<const std::uint8_t> range) const {
    if (range.empty() || range.data() < data_ || range.data() + range.size() > data_ + size_) return;
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(range.data()) + page - 1) / page * page;
    const auto end = (reinterpret_cast<std::uintptr_t>(range.data()) + range.size()) / page * page;
    // A read-only private mapping never has dirty pages, so dropping them loses nothing.
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        this->~MappedFile();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
}

std::string lowerExtension(const fs::path& path) {
    std::string ext = path.extension().string();
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

}  // namespace axis
