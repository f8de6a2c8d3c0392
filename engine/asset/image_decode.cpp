#include "asset/image_decode.h"

#include <limits>
#include <memory>

#include <stb_image.h>
#include <turbojpeg.h>

#include "asset/texture.h"

namespace axis {
namespace {

// Decoded textures are capped so a hostile header cannot make us allocate gigabytes:
// 16384^2 RGBA8 is 1 GiB with mips, already beyond any GPU texture limit we target.
constexpr std::uint32_t kMaxTextureSide = 16384;
// libjpeg-turbo's scaled decode goes down to 1/8 (DC coefficients only).
constexpr std::uint32_t kFinestJpegScaleLevel = 3;

using TurboHandle = std::unique_ptr<void, int (*)(tjhandle)>;

TurboHandle turbo() { return TurboHandle(tjInitDecompress(), tjDestroy); }

Expected<ImageSize> checkedSize(int width, int height, const std::string& name) {
    if (width <= 0 || height <= 0 || std::uint32_t(width) > kMaxTextureSide || std::uint32_t(height) > kMaxTextureSide)
        return makeError(name, "image size " + std::to_string(width) + "x" + std::to_string(height) + " is outside 1.." +
                                   std::to_string(kMaxTextureSide));
    return ImageSize{std::uint32_t(width), std::uint32_t(height)};
}

// Whether the frame header (the first SOFn marker) says the scans are Huffman-coded; false for
// arithmetic coding (SOF9..SOF15), or when no frame header is found before the first scan.
bool huffmanCoded(std::span<const std::uint8_t> encoded) {
    std::size_t at = 2;  // After SOI.
    while (at + 4 <= encoded.size()) {
        if (encoded[at] != 0xFF) return false;
        const std::uint8_t marker = encoded[at + 1];
        if (marker == 0xFF) { ++at; continue; }  // Fill byte.
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return marker < 0xC9;
        if (marker == 0xDA || marker == 0xD9) return false;  // A scan or the end before any frame.
        at += 2 + ((std::size_t(encoded[at + 2]) << 8) | encoded[at + 3]);
    }
    return false;
}

// A Huffman-coded scan spends at least one bit on every 8x8 block of the first component (its DC
// difference), so a file smaller than that cannot hold the image its header claims. Refusing it
// here spares decoding a header-only file that claims 16K x 16K into a gigabyte of grey, which
// takes libjpeg-turbo half a minute. Arithmetic coding can go below a bit a block, so it passes.
Status checkJpegHoldsItsPixels(std::span<const std::uint8_t> encoded, const std::string& name, ImageSize size) {
    if (!huffmanCoded(encoded)) return Ok{};
    const auto width = size.width, height = size.height;
    const std::uint64_t blocks = std::uint64_t((width + 7) / 8) * std::uint64_t((height + 7) / 8);
    const std::uint64_t leastBytes = blocks / 8;
    if (encoded.size() >= leastBytes) return Ok{};
    return makeError(name, "JPEG claims " + std::to_string(width) + "x" + std::to_string(height) + " pixels but its " +
                               std::to_string(encoded.size()) + " bytes cannot hold them (at least " +
                               std::to_string(leastBytes) + " needed): truncated or not what it says");
}

Expected<ImageSize> probeJpeg(std::span<const std::uint8_t> encoded, const std::string& name) {
    TurboHandle h = turbo();
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (!h || tjDecompressHeader3(h.get(), encoded.data(), encoded.size(), &width, &height, &subsampling, &colorspace) != 0)
        return makeError(name, std::string("cannot decode JPEG: ") + tjGetErrorStr2(h.get()));
    return checkedSize(width, height, name);
}

Expected<ImageSize> probeStb(std::span<const std::uint8_t> encoded, const std::string& name) {
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(encoded.data(), int(encoded.size()), &width, &height, &channels))
        return makeError(name, std::string("cannot decode image: ") + stbi_failure_reason());
    return checkedSize(width, height, name);
}

// The coarsest scale 1/2^s (s <= level, s <= 3) whose output is exactly mip level s's size: the
// scaled decode rounds up where a mip chain rounds down, so odd sizes need a finer scale.
std::uint32_t jpegScaleLevel(ImageSize size, std::uint32_t level) {
    for (std::uint32_t s = std::min(level, kFinestJpegScaleLevel); s > 0; --s) {
        const tjscalingfactor f{1, 1 << s};
        if (std::uint32_t(TJSCALED(int(size.width), f)) == mipSide(size.width, s) &&
            std::uint32_t(TJSCALED(int(size.height), f)) == mipSide(size.height, s))
            return s;
    }
    return 0;
}

// A JPEG at scale 1/2^s. Warnings (a truncated file, a bad marker) still give an image, as every
// JPEG viewer shows one; only fatal errors fail.
Expected<Texture::Level> decodeJpeg(std::span<const std::uint8_t> encoded, const std::string& name, ImageSize size,
                                    std::uint32_t s) {
    TurboHandle h = turbo();
    Texture::Level out;
    out.width = mipSide(size.width, s);
    out.height = mipSide(size.height, s);
    out.rgba.resize(std::size_t(out.width) * out.height * 4);
    if (!h) return makeError(name, "cannot start the JPEG decoder");
    const int status = tjDecompress2(h.get(), encoded.data(), encoded.size(), out.rgba.data(), int(out.width), 0,
                                     int(out.height), TJPF_RGBA, TJFLAG_LIMITSCANS);
    if (status != 0 && tjGetErrorCode(h.get()) == TJERR_FATAL)
        return makeError(name, std::string("cannot decode JPEG: ") + tjGetErrorStr2(h.get()));
    return out;
}

Expected<Texture::Level> decodeStb(std::span<const std::uint8_t> encoded, const std::string& name) {
    auto size = probeStb(encoded, name);
    if (!size) return size.error();
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(encoded.data(), int(encoded.size()), &width, &height, &channels, 4);
    if (!pixels) return makeError(name, std::string("cannot decode image: ") + stbi_failure_reason());
    Texture::Level out;
    out.width = std::uint32_t(width);
    out.height = std::uint32_t(height);
    out.rgba.assign(pixels, pixels + std::size_t(width) * height * 4);
    stbi_image_free(pixels);
    return out;
}

Expected<Texture::Level> decodeFinest(std::span<const std::uint8_t> encoded, const std::string& name,
                                      std::uint32_t level, std::uint32_t& decodedLevel) {
    decodedLevel = 0;
    if (isJpeg(encoded)) {
        auto size = probeJpeg(encoded, name);
        if (size) {
            decodedLevel = jpegScaleLevel(*size, level);
            auto decoded = decodeJpeg(encoded, name, *size, decodedLevel);
            if (decoded) return decoded;
            decodedLevel = 0;
            if (auto fallback = decodeStb(encoded, name)) return fallback;
            return decoded.error();
        }
    }
    return decodeStb(encoded, name);
}

}  // namespace

bool isJpeg(std::span<const std::uint8_t> encoded) {
    return encoded.size() >= 3 && encoded[0] == 0xFF && encoded[1] == 0xD8 && encoded[2] == 0xFF;
}

std::uint32_t mipLevelCount(std::uint32_t width, std::uint32_t height) {
    std::uint32_t levels = 1;
    for (std::uint32_t side = std::max(width, height); side > 1; side >>= 1) ++levels;
    return levels;
}

Expected<ImageSize> probeImage(std::span<const std::uint8_t> encoded, const std::string& name) {
    if (encoded.empty()) return makeError(name, "empty image");
    if (encoded.size() > std::size_t(std::numeric_limits<int>::max())) return makeError(name, "image too large");
    if (isJpeg(encoded))
        if (auto size = probeJpeg(encoded, name)) {
            // Not handed on to stb_image, which would decode the same claim.
            if (auto holds = checkJpegHoldsItsPixels(encoded, name, *size); !holds) return holds.error();
            return size;
        }
    return probeStb(encoded, name);
}

Expected<Texture::Level> decodeImageLevel(std::span<const std::uint8_t> encoded, const std::string& name,
                                          std::uint32_t level, TextureUsage usage) {
    auto size = probeImage(encoded, name);
    if (!size) return size.error();
    if (level >= mipLevelCount(size->width, size->height))
        return makeError(name, "has no mip level " + std::to_string(level));
    std::uint32_t at = 0;
    auto decoded = decodeFinest(encoded, name, level, at);
    if (!decoded) return decoded.error();
    if (decoded->width != mipSide(size->width, at) || decoded->height != mipSide(size->height, at))
        return makeError(name, "decodes to another size than its header says");
    Texture::Level out = std::move(*decoded);
    for (; at < level; ++at) out = downsampleLevel(out, usage);
    return out;
}

Expected<std::vector<Texture::Level>> decodeImageLevels(std::span<const std::uint8_t> encoded, const std::string& name,
                                                        TextureUsage usage, std::uint32_t first, std::uint32_t count) {
    auto size = probeImage(encoded, name);
    if (!size) return size.error();
    const bool jpeg = isJpeg(encoded);
    std::vector<Texture::Level> levels;
    for (std::uint32_t level = first; level < first + count; ++level) {
        if (!levels.empty() && !(jpeg && level <= kFinestJpegScaleLevel && jpegScaleLevel(*size, level) == level)) {
            levels.push_back(downsampleLevel(levels.back(), usage));
            continue;
        }
        auto decoded = decodeImageLevel(encoded, name, level, usage);
        if (!decoded) return decoded.error();
        levels.push_back(std::move(*decoded));
    }
    return levels;
}

}  // namespace axis
