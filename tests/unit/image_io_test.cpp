#include <catch2/catch.hpp>

#include <filesystem>

#include "core/file_io.h"
#include "render/image_io.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

// A render-like image: a vertical gradient, a noisy band and a transparent corner, so that every
// row filter and the alpha channel are exercised.
render::Rgba8Image testImage(std::uint32_t width, std::uint32_t height) {
    render::Rgba8Image image;
    image.width = width;
    image.height = height;
    image.pixels.resize(std::size_t(width) * height * 4);
    std::uint32_t noise = 12345;
    for (std::uint32_t y = 0; y < height; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            std::uint8_t* p = &image.pixels[(std::size_t(y) * width + x) * 4];
            noise = noise * 1664525u + 1013904223u;
            const bool band = y > height / 3 && y < height / 2;
            p[0] = std::uint8_t(band ? noise >> 24 : y * 255 / height);
            p[1] = std::uint8_t(band ? noise >> 16 : x * 255 / width);
            p[2] = std::uint8_t(200);
            p[3] = std::uint8_t(x < width / 8 && y < height / 8 ? 0 : 255);
        }
    return image;
}

}  // namespace

TEST_CASE("A PNG written and read back gives the same pixels, alpha included", "[render][png]") {
    const fs::path dir = test::scratchDir("png_round_trip");
    for (auto [w, h] : {std::pair{1u, 1u}, {257u, 3u}, {640u, 360u}}) {
        const render::Rgba8Image image = testImage(w, h);
        const fs::path file = dir / ("image_" + std::to_string(w) + ".png");
        REQUIRE(render::writePng(file, image).ok());
        auto back = render::readPng(file);
        REQUIRE(back.ok());
        CHECK(back->width == w);
        CHECK(back->height == h);
        CHECK(back->pixels == image.pixels);
    }
}

TEST_CASE("A PNG of an image without its pixels is refused, naming the file", "[render][png]") {
    const fs::path file = test::scratchDir("png_refused") / "short.png";
    render::Rgba8Image image = testImage(16, 16);
    image.pixels.resize(16 * 15 * 4);
    auto status = render::writePng(file, image);
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().message.find("short.png") != std::string::npos);
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("Reading a file that is not a PNG names the file", "[render][png]") {
    const fs::path file = test::scratchDir("png_garbage") / "garbage.png";
    REQUIRE(saveFileAtomic(file, std::string("\x89PNG\r\n\x1a\nnot really"), false).ok());
    auto image = render::readPng(file);
    REQUIRE_FALSE(image.ok());
    CHECK(image.error().message.find("garbage.png") != std::string::npos);
}
