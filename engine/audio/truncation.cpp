#include "audio/truncation.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace axis::audio {
namespace {

std::uint32_t le32(const unsigned char* p) { return p[0] | p[1] << 8 | p[2] << 16 | std::uint32_t(p[3]) << 24; }

// A RIFF WAVE's "data" chunk declares its size; fewer bytes after it means the file was cut.
// 0 and 0xFFFFFFFF are what streaming writers leave when they cannot seek back: not checkable.
std::optional<std::string> wavProblem(std::ifstream& in, std::uintmax_t fileSize) {
    unsigned char header[12];
    if (!in.read(reinterpret_cast<char*>(header), 12) || std::memcmp(header, "RIFF", 4) ||
        std::memcmp(header + 8, "WAVE", 4))
        return std::nullopt;
    std::uintmax_t at = 12;
    unsigned char chunk[8];
    while (in.read(reinterpret_cast<char*>(chunk), 8)) {
        const std::uint32_t size = le32(chunk + 4);
        if (!std::memcmp(chunk, "data", 4)) {
            if (size == 0 || size == 0xFFFFFFFFu) return std::nullopt;
            const std::uintmax_t have = fileSize - (at + 8);
            if (have < size)
                return "truncated: its data chunk declares " + std::to_string(size) + " bytes, the file holds " +
                       std::to_string(have);
            return std::nullopt;
        }
        at += 8 + size + (size & 1);  // Chunks are padded to even sizes.
        in.seekg(std::streamoff(at));
    }
    return std::nullopt;
}

// An Ogg stream's last page carries the end-of-stream flag (header type bit 2).
std::optional<std::string> oggProblem(std::ifstream& in, std::uintmax_t fileSize) {
    const std::uintmax_t tail = std::min<std::uintmax_t>(fileSize, 70000);  // A page is at most 65,307 bytes.
    std::vector<char> bytes(tail);
    in.seekg(std::streamoff(fileSize - tail));
    if (!in.read(bytes.data(), std::streamsize(tail))) return std::nullopt;
    for (std::size_t i = tail >= 6 ? tail - 6 : 0; i-- > 0;)
        if (!std::memcmp(bytes.data() + i, "OggS", 4)) {
            if (bytes[i + 5] & 0x04) return std::nullopt;
            return std::string("truncated: its last Ogg page does not end the stream");
        }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> truncationProblem(const std::filesystem::path& path, const std::string& demuxer) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    if (demuxer == "wav") return wavProblem(in, size);
    if (demuxer == "ogg") return oggProblem(in, size);
    return std::nullopt;
}

}  // namespace axis::audio
