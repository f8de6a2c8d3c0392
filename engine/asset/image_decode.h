#pragma once
// One mip level of an encoded image, decoded straight from the file's bytes: JPEG through
// libjpeg-turbo, whose scaled inverse DCT gives the 1/2, 1/4 and 1/8 levels without decoding the
// full image first; PNG and the other formats stb_image reads through stb_image, box-filtered down.
// Imports and texture streaming from the bake cache both decode this way.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "scene/model.h"

namespace axis {

struct ImageSize {
    std::uint32_t width = 0, height = 0;
};

/// Level 0's size, from the image's header alone. The error names `name` and the problem.
Expected<ImageSize> probeImage(std::span<const std::uint8_t> encoded, const std::string& name);

/// Mip level `level` of the image as RGBA8 (level k is max(1, size >> k) on each side, as a
/// Vulkan mip chain). A level a JPEG's scaled decode cannot give exactly (odd sizes, finer than
/// 1/8) is box-filtered from the nearest finer one, in linear light for Color textures. The error
/// names `name` and the problem; a JPEG libjpeg-turbo rejects (CMYK, arithmetic coding it lacks)
/// is tried with stb_image before giving up.
Expected<Texture::Level> decodeImageLevel(std::span<const std::uint8_t> encoded, const std::string& name,
                                          std::uint32_t level, TextureUsage usage);

/// `count` levels of the image's mip chain from `first` on. Each level a JPEG's scaled decode
/// gives exactly is decoded on its own; every other one is box-filtered from the level above.
/// Imports, the bake's stored levels and texture streaming all make their levels so (a single
/// decodeImageLevel gives the same texels), so every path draws the same texels at every level.
Expected<std::vector<Texture::Level>> decodeImageLevels(std::span<const std::uint8_t> encoded, const std::string& name,
                                                        TextureUsage usage, std::uint32_t first, std::uint32_t count);

bool isJpeg(std::span<const std::uint8_t> encoded);

/// Levels in a full chain from a level-0 size down to 1x1.
std::uint32_t mipLevelCount(std::uint32_t width, std::uint32_t height);
/// One side of mip level `level`: max(1, side >> level).
inline std::uint32_t mipSide(std::uint32_t side, std::uint32_t level) {
    return level >= 32 ? 1u : std::max(1u, side >> level);
}

}  // namespace axis
