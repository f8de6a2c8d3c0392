#pragma once
// JPEG files for tests, written with libjpeg-turbo (the decoder under test is the same library's,
// so what matters here is only that the files are real JPEGs of known content).
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include <turbojpeg.h>

namespace axis::test {

/// RGBA8 texels (alpha ignored) as a baseline JPEG, 4:2:0, of the given quality.
inline std::vector<std::uint8_t> encodeJpeg(const std::vector<std::uint8_t>& rgba, std::uint32_t width,
                                            std::uint32_t height, int quality = 92) {
    std::unique_ptr<void, int (*)(tjhandle)> h(tjInitCompress(), tjDestroy);
    unsigned char* out = nullptr;
    unsigned long size = 0;
    if (!h || tjCompress2(h.get(), rgba.data(), int(width), 0, int(height), TJPF_RGBA, &out, &size, TJSAMP_420, quality,
                          TJFLAG_ACCURATEDCT) != 0)
        throw std::runtime_error("tjCompress2 failed");
    std::vector<std::uint8_t> bytes(out, out + size);
    tjFree(out);
    return bytes;
}

/// Texels with detail at every scale (a hashed pattern per texel, over smooth bands), so that
/// every mip level differs visibly from the next: blur shows.
inline std::vector<std::uint8_t> detailedTexels(std::uint32_t width, std::uint32_t height, std::uint32_t seed) {
    std::vector<std::uint8_t> rgba(std::size_t(width) * height * 4);
    for (std::uint32_t y = 0; y < height; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            std::uint32_t h = (x * 73856093u) ^ (y * 19349663u) ^ (seed * 83492791u);
            h ^= h >> 13;
            h *= 0x5bd1e995u;
            h ^= h >> 15;
            std::uint8_t* p = &rgba[(std::size_t(y) * width + x) * 4];
            p[0] = std::uint8_t((h & 0x7f) + (x * 128 / width));
            p[1] = std::uint8_t(((h >> 8) & 0x7f) + (y * 128 / height));
            p[2] = std::uint8_t(((h >> 16) & 0x3f) + 64 * (seed % 3));
            p[3] = 255;
        }
    return rgba;
}

}  // namespace axis::test
