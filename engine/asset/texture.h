#pragma once
// Texture decoding (asset/image_decode.h) and mip chains.
#include <cstdint>
#include <span>
#include <string>

#include "core/error.h"
#include "scene/model.h"

namespace axis {

/// Decodes PNG/JPEG/TGA/BMP/... bytes to RGBA8 and builds the full mip chain (sRGB-correct
/// averaging for Color textures). `name` is used in error messages.
Expected<Texture> decodeTexture(std::span<const std::uint8_t> encoded, const std::string& name,
                                TextureUsage usage);

/// For the bake: only the levels no larger than `largestStoredSide` are decoded (the coarse tail,
/// Texture::firstLevel on), and the file's bytes are kept in Texture::encoded for the finer ones,
/// which are decoded when a frame needs them. A JPEG's tail comes from its 1/8 scaled decode, so a
/// 4096² atlas is never decoded whole. Images no larger than that, or every image when
/// `largestStoredSide` is 0, are decoded completely.
Expected<Texture> decodeTextureTail(std::span<const std::uint8_t> encoded, const std::string& name,
                                    TextureUsage usage, std::uint32_t largestStoredSide);

/// Builds levels 1..n from level 0 by 2x2 box filtering (in linear light for Color textures).
void buildMipChain(Texture& texture);

/// One 2x2 box-filtered level below `src` (linear light for Color; alpha is coverage).
Texture::Level downsampleLevel(const Texture::Level& src, TextureUsage usage);

/// A magenta/grey checkerboard, obviously not part of any scan, used when a texture is missing.
Texture makeFallbackTexture(const std::string& name);

}  // namespace axis
