#include <catch2/catch.hpp>

#include <stb/stb_image_write.h>

#include "asset/texture.h"

using namespace axis;

namespace {

std::vector<std::uint8_t> encodePng(int width, int height, const std::vector<std::uint8_t>& rgba) {
    std::vector<std::uint8_t> png;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            auto* out = static_cast<std::vector<std::uint8_t>*>(context);
            out->insert(out->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
        },
        &png, width, height, 4, rgba.data(), width * 4);
    return png;
}

std::vector<std::uint8_t> blackAndWhite2x2() {
    return {0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255};
}

}  // namespace

TEST_CASE("A colour texture's mips average in linear light", "[asset][texture]") {
    auto texture = decodeTexture(encodePng(2, 2, blackAndWhite2x2()), "bw.png", TextureUsage::Color);
    REQUIRE(texture.ok());
    REQUIRE(texture->levels.size() == 2);
    CHECK(texture->levels[1].width == 1);
    CHECK(texture->levels[1].height == 1);
    // Half the light is linear 0.5, which sRGB encodes as 188 (128 would look too dark).
    CHECK(int(texture->levels[1].rgba[0]) == Approx(188).margin(1));
    CHECK(int(texture->levels[1].rgba[3]) == 255);
    CHECK_FALSE(texture->isFallback);
}

TEST_CASE("A linear texture's mips average the stored values", "[asset][texture]") {
    auto texture = decodeTexture(encodePng(2, 2, blackAndWhite2x2()), "mr.png", TextureUsage::Linear);
    REQUIRE(texture.ok());
    CHECK(int(texture->levels[1].rgba[0]) == Approx(128).margin(1));
}

TEST_CASE("The mip chain halves each side down to 1x1, odd sizes included", "[asset][texture]") {
    std::vector<std::uint8_t> rgba(5 * 3 * 4, 200);
    auto texture = decodeTexture(encodePng(5, 3, rgba), "odd.png", TextureUsage::Color);
    REQUIRE(texture.ok());
    REQUIRE(texture->levels.size() == 3);
    CHECK(texture->levels[0].width == 5);
    CHECK(texture->levels[0].height == 3);
    CHECK(texture->levels[1].width == 2);
    CHECK(texture->levels[1].height == 1);
    CHECK(texture->levels[2].width == 1);
    for (const auto& level : texture->levels) {
        CHECK(level.rgba.size() == std::size_t(level.width) * level.height * 4);
        CHECK(int(level.rgba[0]) == Approx(200).margin(1));  // A flat colour stays flat.
    }
}

TEST_CASE("Undecodable bytes give an error naming the texture", "[asset][texture]") {
    std::vector<std::uint8_t> junk = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    auto texture = decodeTexture(junk, "junk.jpg", TextureUsage::Color);
    REQUIRE_FALSE(texture.ok());
    CHECK(texture.error().message.rfind("junk.jpg", 0) == 0);
    CHECK_FALSE(decodeTexture({}, "none.png", TextureUsage::Color).ok());
}

TEST_CASE("The fallback texture is a visible magenta checkerboard with mips", "[asset][texture]") {
    Texture t = makeFallbackTexture("missing.jpg");
    CHECK(t.isFallback);
    CHECK(t.name == "missing.jpg");
    REQUIRE(t.levels.size() == 7);  // 64x64 .. 1x1
    CHECK(t.levels.back().width == 1);
    const auto& px = t.levels[0].rgba;
    CHECK((px[0] == 255 && px[1] == 0 && px[2] == 255));
    bool hasGrey = false;
    for (std::size_t i = 0; i < px.size(); i += 4) hasGrey |= px[i] == 128 && px[i + 1] == 128;
    CHECK(hasGrey);
}
