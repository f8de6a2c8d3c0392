#pragma once
// Texture decoding (stb_image) and mip chains.
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

/// Builds levels 1..n from level 0 by 2x2 box filtering (in linear light for Color textures).
void buildMipChain(Texture& texture);

/// A magenta/grey checkerboard, obviously not part of any scan, used when a texture is missing.
Texture makeFallbackTexture(const std::string& name);

}  // namespace axis
