#include "asset/texture.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "asset/image_decode.h"

namespace axis {
namespace {

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

}  // namespace

// One 2x2 box-filtered level; odd edges reuse the last row/column (clamp) so no texel is lost.
Texture::Level downsampleLevel(const Texture::Level& src, TextureUsage usage) {
    const bool srgb = usage == TextureUsage::Color;
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

Expected<Texture> decodeTexture(std::span<const std::uint8_t> encoded, const std::string& name,
                                TextureUsage usage) {
    return decodeTextureTail(encoded, name, usage, 0);
}

Expected<Texture> decodeTextureTail(std::span<const std::uint8_t> encoded, const std::string& name,
                                    TextureUsage usage, std::uint32_t largestStoredSide) {
    auto size = probeImage(encoded, name);
    if (!size) return size.error();
    const std::uint32_t levelCount = mipLevelCount(size->width, size->height);
    std::uint32_t first = 0;
    while (largestStoredSide > 0 && std::max(mipSide(size->width, first), mipSide(size->height, first)) > largestStoredSide)
        ++first;
    auto levels = decodeImageLevels(encoded, name, usage, first, levelCount - first);
    if (!levels) return levels.error();
    Texture texture;
    texture.name = name;
    texture.usage = usage;
    texture.width = size->width;
    texture.height = size->height;
    texture.firstLevel = first;
    if (first > 0) texture.encoded.assign(encoded.begin(), encoded.end());
    texture.levels = std::move(*levels);
    return texture;
}

void buildMipChain(Texture& texture) {
    if (texture.levels.empty()) return;
    texture.levels.resize(1);
    texture.firstLevel = 0;
    texture.width = texture.levels[0].width;
    texture.height = texture.levels[0].height;
    while (texture.levels.back().width > 1 || texture.levels.back().height > 1)
        texture.levels.push_back(downsampleLevel(texture.levels.back(), texture.usage));
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
