#include <catch2/catch.hpp>

#include <cmath>

#include "asset/image_decode.h"
#include "asset/texture.h"
#include "support/jpeg_writer.h"

using namespace axis;

namespace {

double meanAbsoluteDifference(const Texture::Level& a, const Texture::Level& b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) sum += std::abs(int(a.rgba[i]) - int(b.rgba[i]));
    return sum / double(a.rgba.size());
}

}  // namespace

TEST_CASE("Every mip level of a JPEG decodes alone to the texels of the whole chain", "[asset][texture][jpeg]") {
    // Even sides take the scaled decode down to 1/8; odd ones fall back to box filtering where the
    // scaled size would round differently from the mip chain.
    for (auto [w, h] : {std::pair{512u, 256u}, std::pair{301u, 97u}, std::pair{64u, 1u}}) {
        DYNAMIC_SECTION(w << "x" << h) {
            const auto jpeg = test::encodeJpeg(test::detailedTexels(w, h, 7), w, h);
            auto size = probeImage(jpeg, "t.jpg");
            REQUIRE(size.ok());
            CHECK(size->width == w);
            CHECK(size->height == h);
            auto chain = decodeTexture(jpeg, "t.jpg", TextureUsage::Color);
            REQUIRE(chain.ok());
            REQUIRE(chain->levels.size() == mipLevelCount(w, h));
            for (std::uint32_t level = 0; level < chain->levels.size(); ++level) {
                auto alone = decodeImageLevel(jpeg, "t.jpg", level, TextureUsage::Color);
                REQUIRE(alone.ok());
                CHECK(alone->width == mipSide(w, level));
                CHECK(alone->height == mipSide(h, level));
                CHECK((alone->rgba == chain->levels[level].rgba));
            }
            // The stored tail of the bake: the same texels from its first level on.
            auto tail = decodeTextureTail(jpeg, "t.jpg", TextureUsage::Color, 64);
            REQUIRE(tail.ok());
            CHECK(std::max(tail->levels[0].width, tail->levels[0].height) <= 64);
            CHECK(tail->levels.size() + tail->firstLevel == chain->levels.size());
            for (std::size_t i = 0; i < tail->levels.size(); ++i)
                CHECK((tail->levels[i].rgba == chain->levels[tail->firstLevel + i].rgba));
            CHECK((tail->firstLevel == 0) == tail->encoded.empty());
        }
    }
}

TEST_CASE("A JPEG's scaled levels look like box-filtered ones", "[asset][texture][jpeg]") {
    // The 1/2..1/8 decodes filter in the DCT domain, not in linear light, so they differ a little
    // from the box filter; on detailed content the mean difference stays small.
    const auto jpeg = test::encodeJpeg(test::detailedTexels(256, 256, 3), 256, 256);
    auto full = decodeImageLevel(jpeg, "t.jpg", 0, TextureUsage::Color);
    REQUIRE(full.ok());
    Texture::Level boxed = *full;
    for (std::uint32_t level = 1; level <= 3; ++level) {
        boxed = downsampleLevel(boxed, TextureUsage::Color);
        auto scaled = decodeImageLevel(jpeg, "t.jpg", level, TextureUsage::Color);
        REQUIRE(scaled.ok());
        INFO("level " << level << ": mean difference " << meanAbsoluteDifference(*scaled, boxed));
        CHECK(meanAbsoluteDifference(*scaled, boxed) < 6.0);
    }
}

TEST_CASE("A broken JPEG is an error naming the file, a truncated one still an image", "[asset][texture][jpeg]") {
    auto jpeg = test::encodeJpeg(test::detailedTexels(128, 128, 1), 128, 128);
    std::vector<std::uint8_t> headerOnly(jpeg.begin(), jpeg.begin() + 3);
    auto bad = decodeImageLevel(headerOnly, "atlas_07.jpg", 0, TextureUsage::Color);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("atlas_07.jpg") != std::string::npos);

    // Cut in the middle of its scan: decoders show what arrived (grey below), as viewers do.
    std::vector<std::uint8_t> cut(jpeg.begin(), jpeg.begin() + jpeg.size() / 2);
    auto partial = decodeImageLevel(cut, "atlas_07.jpg", 1, TextureUsage::Color);
    REQUIRE(partial.ok());
    CHECK(partial->width == 64);

    auto missingLevel = decodeImageLevel(jpeg, "atlas_07.jpg", 8, TextureUsage::Color);
    REQUIRE_FALSE(missingLevel.ok());
    CHECK(missingLevel.error().message.find("no mip level 8") != std::string::npos);
}

TEST_CASE("A JPEG too small for the size its header claims is refused before decoding", "[asset][texture][jpeg]") {
    // A real 128x128 file whose frame header is rewritten to claim 8192x8192: a million 8x8 blocks
    // need at least 128 KiB of Huffman-coded scan, and the file has a few KiB.
    auto jpeg = test::encodeJpeg(test::detailedTexels(128, 128, 3), 128, 128);
    std::size_t sof = 2;
    while (sof + 9 < jpeg.size() && !(jpeg[sof] == 0xFF && jpeg[sof + 1] == 0xC0))
        sof += 2 + ((std::size_t(jpeg[sof + 2]) << 8) | jpeg[sof + 3]);
    REQUIRE(sof + 9 < jpeg.size());
    for (std::size_t at : {sof + 5, sof + 7}) jpeg[at] = 0x20, jpeg[at + 1] = 0x00;  // Height, width: 8192.
    auto claimed = probeImage(jpeg, "lying.jpg");
    REQUIRE_FALSE(claimed.ok());
    CHECK(claimed.error().message.find("lying.jpg") != std::string::npos);
    CHECK(claimed.error().message.find("8192x8192") != std::string::npos);

    // The tightest honest case, one flat colour, still opens: every block costs a few bits.
    const std::uint32_t side = 2048;
    std::vector<std::uint8_t> flat(std::size_t(side) * side * 4, 128);
    auto flatJpeg = test::encodeJpeg(flat, side, side, 50);
    auto size = probeImage(flatJpeg, "flat.jpg");
    REQUIRE(size.ok());
    CHECK(size->width == side);
}
