#pragma once
// Procedural, tileable textures for the demo site: deterministic (own hash, no std random), RGB8,
// 256 or 512 pixels so the build stays fast and the demo folder small.
#include <cstdint>
#include <string>
#include <vector>

namespace demo {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  ///< width*height*3, rows top to bottom.
};

/// The texture called `name` (see textures.cpp for the list); empty image for an unknown name.
Image makeTexture(const std::string& name);

/// PNG bytes of `image`, encoded once per name and cached for the run.
const std::vector<std::uint8_t>& texturePng(const std::string& name);

}  // namespace demo
