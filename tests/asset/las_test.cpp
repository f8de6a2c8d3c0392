// LAS point clouds (asset/las_reader.cpp): formats with and without colour, LAS 1.2 and 1.4,
// projected coordinates kept to the millimetre, and headers that lie.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <vector>

#include "asset/import.h"
#include "core/log.h"
#include "support/test_support.h"

using namespace axis;

namespace {

struct LasPoint {
    glm::dvec3 position;
    std::uint16_t intensity = 0;
    glm::u16vec3 rgb{0};
};

template <class T>
void put(std::vector<std::uint8_t>& out, std::size_t at, T value) {
    if (out.size() < at + sizeof value) out.resize(at + sizeof value);
    std::memcpy(out.data() + at, &value, sizeof value);
}

// A LAS file as the spec lays it out: header (227 bytes for 1.2, 375 for 1.4), no VLRs, points.
std::vector<std::uint8_t> lasBytes(int minor, int format, const std::vector<LasPoint>& points, glm::dvec3 scale,
                                   glm::dvec3 offset, std::uint64_t declaredCount) {
    static const int kLength[] = {20, 28, 26, 34, 0, 0, 30, 36, 38};
    static const int kRgb[] = {0, 0, 20, 28, 0, 0, 0, 30, 30};
    const std::uint16_t headerSize = minor >= 4 ? 375 : 227;
    std::vector<std::uint8_t> out(headerSize, 0);
    std::memcpy(out.data(), "LASF", 4);
    out[24] = 1, out[25] = std::uint8_t(minor);
    put<std::uint16_t>(out, 94, headerSize);
    put<std::uint32_t>(out, 96, headerSize);
    out[104] = std::uint8_t(format);
    put<std::uint16_t>(out, 105, std::uint16_t(kLength[format]));
    put<std::uint32_t>(out, 107, minor >= 4 ? 0u : std::uint32_t(declaredCount));
    for (int i = 0; i < 3; ++i) put<double>(out, 131 + 8 * i, scale[i]), put<double>(out, 155 + 8 * i, offset[i]);
    if (minor >= 4) put<std::uint64_t>(out, 247, declaredCount);
    for (const LasPoint& p : points) {
        const std::size_t at = out.size();
        out.resize(at + kLength[format], 0);
        for (int i = 0; i < 3; ++i)
            put<std::int32_t>(out, at + 4 * i, std::int32_t(std::llround((p.position[i] - offset[i]) / scale[i])));
        put<std::uint16_t>(out, at + 12, p.intensity);
        if (kRgb[format])
            for (int c = 0; c < 3; ++c) put<std::uint16_t>(out, at + kRgb[format] + 2 * c, p.rgb[c]);
    }
    return out;
}

// Into `dir`: each test case has its own (ctest runs them in parallel, and scratchDir empties it).
std::filesystem::path write(const std::filesystem::path& dir, const std::string& name,
                            const std::vector<std::uint8_t>& bytes) {
    const auto file = dir / name;
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return file;
}

// Positions in the source's coordinates again: the origin added back, in double.
glm::dvec3 sourcePosition(const Model& m, std::size_t i) {
    return m.frame.origin + glm::dvec3(m.primitives[0].vertices[i].position);
}

}  // namespace

TEST_CASE("LAS 1.4 points in UTM keep millimetres and their 16-bit colours", "[asset][las]") {
    const auto dir = test::scratchDir("las_utm");
    // A 30 m survey in UTM 50N: floats alone would keep 0.5 m at these northings.
    std::vector<LasPoint> points;
    for (int i = 0; i < 100; ++i)
        points.push_back({{448000.0 + i * 0.3 + 0.001 * (i % 7), 4418000.0 + (i % 10) * 0.25, 45.0 + 0.002 * i},
                          0,
                          {std::uint16_t(i * 600), std::uint16_t(65535 - i * 600), 32768}});
    const auto file = write(dir, "utm.las", lasBytes(4, 7, points, glm::dvec3(0.001), {448000.0, 4418000.0, 0.0}, 100));
    auto model = importModel(file);
    REQUIRE(model.ok());
    CHECK(model->format == "LAS 1.4 (point format 7)");
    CHECK(model->pointCount() == 100);
    CHECK(model->up == UpAxis::Z);
    CHECK_FALSE(model->frame.earthCentred);
    for (std::size_t i = 0; i < points.size(); ++i) {
        INFO("point " << i);
        CHECK(glm::length(sourcePosition(*model, i) - points[i].position) < 0.0006);
        CHECK(int(model->primitives[0].vertices[i].color.r) == points[i].rgb.r >> 8);
    }
}

TEST_CASE("LAS 1.2 formats 0 and 2: intensity as grey, 8-bit colours in 16-bit fields", "[asset][las]") {
    const auto dir = test::scratchDir("las_formats");
    std::vector<LasPoint> points = {{{0, 0, 0}, 100, {10, 200, 30}}, {{1, 0, 0}, 400, {250, 0, 5}},
                                    {{0, 1, 1}, 0, {0, 0, 0}}};
    auto grey = importModel(write(dir, "grey.las", lasBytes(2, 0, points, glm::dvec3(0.01), glm::dvec3(0.0), 3)));
    REQUIRE(grey.ok());
    const auto& g = grey->primitives[0].vertices;
    CHECK(g[1].color == glm::u8vec4(255, 255, 255, 255));  // The brightest return.
    CHECK(g[0].color.r == 128);                             // sqrt(100 / 400) of the way.
    CHECK(g[2].color.r == 0);
    CHECK(grey->frame.origin == glm::dvec3(0.0));            // Small coordinates need no origin.

    auto colour = importModel(write(dir, "colour.las", lasBytes(2, 2, points, glm::dvec3(0.01), glm::dvec3(0.0), 3)));
    REQUIRE(colour.ok());
    CHECK(colour->primitives[0].vertices[0].color == glm::u8vec4(10, 200, 30, 255));
    CHECK(colour->primitives[0].vertices[1].color == glm::u8vec4(250, 0, 5, 255));
}

TEST_CASE("LAS headers that lie and LAZ give one error naming the file", "[asset][las]") {
    const auto dir = test::scratchDir("las_bad");
    const std::vector<LasPoint> points = {{{0, 0, 0}}, {{1, 1, 1}}};
    auto expectError = [](const std::filesystem::path& file, const std::string& words) {
        auto model = importModel(file);
        REQUIRE_FALSE(model.ok());
        INFO(model.error().message);
        CHECK(model.error().message.find(file.string()) != std::string::npos);
        CHECK(model.error().message.find(words) != std::string::npos);
    };
    auto bytes = lasBytes(2, 2, points, glm::dvec3(0.01), glm::dvec3(0.0), 2);
    bytes[104] = 2 | 0x80;  // LASzip's mark on a compressed format.
    expectError(write(dir, "points.laz", bytes), "LASzip");
    bytes = lasBytes(2, 2, points, glm::dvec3(0.01), glm::dvec3(0.0), 2);
    put<std::uint16_t>(bytes, 105, 12);  // Shorter than format 2's 26 bytes.
    expectError(write(dir, "short.las", bytes), "record length");
    bytes = lasBytes(2, 2, points, glm::dvec3(0.01), glm::dvec3(0.0), 2);
    put<double>(bytes, 131, 0.0);
    expectError(write(dir, "zero_scale.las", bytes), "scale");
    bytes = lasBytes(2, 2, points, glm::dvec3(0.01), glm::dvec3(0.0), 2);
    put<std::uint32_t>(bytes, 96, 1u << 30);
    expectError(write(dir, "far_points.las", bytes), "offset to point data");
    bytes = lasBytes(2, 5, {}, glm::dvec3(0.01), glm::dvec3(0.0), 0);
    expectError(write(dir, "format5.las", bytes), "point data format 5");
    expectError(write(dir, "notlas.las", std::vector<std::uint8_t>(300, 7)), "not a LAS file");

    // A count the file cannot hold: the points it has, and a warning saying so.
    std::vector<std::string> warnings;
    auto sink = setLogSink([&](LogLevel, std::string_view m) { warnings.emplace_back(m); });
    auto cut = importModel(write(dir, "cut.las", lasBytes(2, 2, points, glm::dvec3(0.01), glm::dvec3(0.0), 1000000)));
    setLogSink(sink);
    REQUIRE(cut.ok());
    CHECK(cut->pointCount() == 2);
    REQUIRE_FALSE(warnings.empty());
    CHECK(warnings[0].find("declares 1000000 points") != std::string::npos);
}
