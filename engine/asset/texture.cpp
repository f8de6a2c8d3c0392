#include "asset/texture.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <stb_image.h>

namespace axis {
namespace {

// Decoded textures are capped so a hostile header cannot make us allocate gigabytes:
// 16384^2 RGBA8 is 1 GiB with mips, already beyond any GPU texture limit we target.
constexpr int kMaxTextureSide = 16384;

float srgbToLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

float linearToSrgb(float c) {
    return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

// Per-texel pow() would dominate mip building for 4k scans' textures, so both directions go
// through tables: 256 entries in, 65536 entries out (fine enough that near-black stays exact).
const std::array<float, 256>& srgbDecodeTable() {
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        for (int i = 0; i < 256; ++i) t[i] = srgbToLinear(i / 255.0f);
        return t;
    }();
    return table;
}

constexpr int kEncodeSteps = 65536;

const std::vector<std::uint8_t>& srgbEncodeTable() {
    static const std::vector<std::uint8_t> table = [] {
        std::vector<std::uint8_t> t(kEncodeSteps);
        for (int i = 0; i < kEncodeSteps; ++i)
            t[i] = static_cast<std::uint8_t>(std::lround(linearToSrgb(i / float(kEncodeSteps - 1)) * 255.0f));
        return t;
    }();
    return table;
}

std::uint8_t encodeSrgb(float linear) {
    int i = static_cast<int>(std::lround(std::clamp(linear, 0.0f, 1.0f) * (kEncodeSteps - 1)));
    return srgbEncodeTable()[i];
}

// One 2x2 box-filtered level; odd edges reuse the last row/column (clamp) so no texel is lost.
Texture::Level downsample(const Texture::Level& src, bool srgb) {
    Texture::Level dst;
    dst.width = std::max(1u, src.width / 2);
    dst.height = std::max(1u, src.height / 2);
    dst.rgba.resize(std::size_t(dst.width) * dst.height * 4);
    const auto& decode = srgbDecodeTable();
    for (std::uint32_t y = 0; y < dst.height; ++y) {
        std::uint32_t y0 = std::min(2 * y, src.height - 1), y1 = std::min(2 * y + 1, src.height - 1);
        for (std::uint32_t x = 0; x < dst.width; ++x) {
            std::uint32_t x0 = std::min(2 * x, src.width - 1), x1 = std::min(2 * x + 1, src.width - 1);
            const std::uint8_t* texels[4] = {&src.rgba[(std::size_t(y0) * src.width + x0) * 4],
                                             &src.rgba[(std::size_t(y0) * src.width + x1) * 4],
                                             &src.rgba[(std::size_t(y1) * src.width + x0) * 4],
                                             &src.rgba[(std::size_t(y1) * src.width + x1) * 4]};
            std::uint8_t* out = &dst.rgba[(std::size_t(y) * dst.width + x) * 4];
            for (int c = 0; c < 4; ++c) {
                // Alpha is coverage, never gamma-encoded.
                if (srgb && c < 3) {
                    float sum = 0;
                    for (auto* t : texels) sum += decode[t[c]];
                    out[c] = encodeSrgb(sum * 0.25f);
                } else {
                    unsigned sum = 0;
                    for (auto* t : texels) sum += t[c];
                    out[c] = static_cast<std::uint8_t>((sum + 2) / 4);
                }
            }
        }
    }
    return dst;
}

}  // namespace

Expected<Texture> decodeTexture(std::span<const std::uint8_t> encoded, const std::string& name,
                                TextureUsage usage) {
    if (encoded.empty()) return makeError(name, "empty image");
    if (encoded.size() > std::size_t(std::numeric_limits<int>::max())) return makeError(name, "image too large");
    int width = 0, height = 0, channels = 0;
    const auto* data = encoded.data();
    const int size = static_cast<int>(encoded.size());
    if (!stbi_info_from_memory(data, size, &width, &height, &channels))
        return makeError(name, std::string("cannot decode image: ") + stbi_failure_reason());
    if (width <= 0 || height <= 0 || width > kMaxTextureSide || height > kMaxTextureSide)
        return makeError(name, "image size " + std::to_string(width) + "x" + std::to_string(height) +
                                   " is outside 1.." + std::to_string(kMaxTextureSide));
    stbi_uc* pixels = stbi_load_from_memory(data, size, &width, &height, &channels, 4);
    if (!pixels) return makeError(name, std::string("cannot decode image: ") + stbi_failure_reason());
    Texture texture;
    texture.name = name;
    texture.usage = usage;
    Texture::Level level0;
    level0.width = static_cast<std::uint32_t>(width);
    level0.height = static_cast<std::uint32_t>(height);
    level0.rgba.assign(pixels, pixels + std::size_t(width) * height * 4);
    stbi_image_free(pixels);
    texture.levels.push_back(std::move(level0));
    buildMipChain(texture);
    return texture;
}

void buildMipChain(Texture& texture) {
    if (texture.levels.empty()) return;
    texture.levels.resize(1);
    const bool srgb = texture.usage == TextureUsage::Color;
    while (texture.levels.back().width > 1 || texture.levels.back().height > 1)
        texture.levels.push_back(downsample(texture.levels.back(), srgb));
}

Texture makeFallbackTexture(const std::string& name) {
    // 64x64 with 8x8 squares: big enough to read as "missing" on screen, small enough to be free.
    constexpr std::uint32_t kSide = 64, kSquare = 8;
    Texture texture;
    texture.name = name;
    texture.usage = TextureUsage::Color;
    texture.isFallback = true;
    Texture::Level level;
    level.width = level.height = kSide;
    level.rgba.resize(kSide * kSide * 4);
    for (std::uint32_t y = 0; y < kSide; ++y)
        for (std::uint32_t x = 0; x < kSide; ++x) {
            bool magenta = ((x / kSquare) + (y / kSquare)) % 2 == 0;
            std::uint8_t* p = &level.rgba[(y * kSide + x) * 4];
            p[0] = magenta ? 255 : 128;
            p[1] = magenta ? 0 : 128;
            p[2] = magenta ? 255 : 128;
            p[3] = 255;
        }
    texture.levels.push_back(std::move(level));
    buildMipChain(texture);
    return texture;
}

}  // namespace axis
