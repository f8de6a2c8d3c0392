// 3D Tiles through the whole viewer (issue 15): `axisview render` on a tileset draws the tiles its
// view selects (the coarse root from afar, its children close up), a tileset placed in
// earth-centred coordinates draws as the same one at the origin, a site can hold a tileset, and a
// missing tile is reported by name while the rest draws.
#include <catch2/catch.hpp>


#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "render/image_io.h"
#include "support/run_command.h"
#include "support/test_support.h"
#include "support/tileset_fixture.h"

namespace fs = std::filesystem;
using axis::test::writeTileset;
using nlohmann::json;

namespace {

std::string run(const std::string& args, int& exitCode) {
    const auto r = axis::test::runShell(std::string(AXIS_EXECUTABLE) + " " + args);
    exitCode = r.exitCode;
    return r.output;
}

struct Colours {
    std::size_t red = 0, green = 0, blue = 0;
};

Colours count(const axis::render::Rgba8Image& image) {
    Colours c;
    for (std::size_t i = 0; i + 3 < image.pixels.size(); i += 4) {
        const int r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2];
        if (r > 200 && g < 40 && b < 40) ++c.red;
        if (g > 200 && r < 40 && b < 40) ++c.green;
        if (b > 200 && r < 40 && g < 40) ++c.blue;
    }
    return c;
}

axis::render::Rgba8Image render(const fs::path& scene, const fs::path& png, const std::string& extra = "") {
    int code = -1;
    const std::string out =
        run("render '" + scene.string() + "' -o '" + png.string() + "' --size 320x180 --view 0,40 " + extra, code);
    INFO(out);
    REQUIRE(code == 0);
    auto image = axis::render::readPng(png);
    REQUIRE(image);
    return *image;
}

// Columns: east, north, up at (lat, lon), in ECEF; and the ECEF position; WGS84, closed form.
std::vector<double> enuToEcef(double latDeg, double lonDeg, double height) {
    const double a = 6378137.0, f = 1.0 / 298.257223563, e2 = f * (2 - f);
    const double lat = glm::radians(latDeg), lon = glm::radians(lonDeg);
    const double n = a / std::sqrt(1 - e2 * std::sin(lat) * std::sin(lat));
    const glm::dvec3 p((n + height) * std::cos(lat) * std::cos(lon), (n + height) * std::cos(lat) * std::sin(lon),
                       (n * (1 - e2) + height) * std::sin(lat));
    const glm::dvec3 e(-std::sin(lon), std::cos(lon), 0.0);
    const glm::dvec3 u(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat));
    const glm::dvec3 nn = glm::cross(u, e);
    return {e.x, e.y, e.z, 0, nn.x, nn.y, nn.z, 0, u.x, u.y, u.z, 0, p.x, p.y, p.z, 1};
}

}  // namespace

TEST_CASE("a tileset draws the tiles its view selects: the root from afar, its children close up", "[cli][tiles]") {
    const fs::path dir = axis::test::scratchDir("tileset_render_levels");
    // 0.001 m of error is under a pixel from where the view frames the slab: the root is enough.
    writeTileset(dir, 0.001);
    const Colours coarse = count(render(dir / "tileset.json", dir / "coarse.png"));
    CHECK(coarse.red > 2000);
    CHECK(coarse.green == 0);
    CHECK(coarse.blue == 0);
    // 5 m is many pixels: the children replace the root, which no longer shows.
    writeTileset(dir, 5.0);
    const Colours fine = count(render(dir / "tileset.json", dir / "fine.png"));
    CHECK(fine.red == 0);
    CHECK(fine.green > 1000);
    CHECK(fine.blue > 1000);
    CHECK(fine.green + fine.blue == Approx(double(coarse.red)).epsilon(0.05));

    int code = -1;
    const std::string info = run("info '" + (dir / "tileset.json").string() + "'", code);
    CHECK(code == 0);
    CHECK(info.find("tiles: 3 (3 with content)") != std::string::npos);
    CHECK(info.find("levels: 2") != std::string::npos);
}

TEST_CASE("a tileset in earth-centred coordinates draws as the same tileset at the origin", "[cli][tiles][geo]") {
    const fs::path local = axis::test::scratchDir("tileset_render_local");
    const fs::path earth = axis::test::scratchDir("tileset_render_ecef");
    writeTileset(local, 5.0);
    writeTileset(earth, 5.0, enuToEcef(39.9163, 116.3972, 48.0));
    const auto a = render(local / "tileset.json", local / "local.png");
    const auto b = render(earth / "tileset.json", earth / "earth.png");
    REQUIRE(a.pixels.size() == b.pixels.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.pixels.size(); i += 4)
        for (int k = 0; k < 3; ++k)
            if (std::abs(int(a.pixels[i + k]) - int(b.pixels[i + k])) > 8) {
                ++differing;
                break;
            }
    CHECK(differing < a.pixels.size() / 4 / 200);  // Under 0.5%: edge pixels at most.
    CHECK(count(b).green > 1000);

    int code = -1;
    const std::string info = run("info '" + (earth / "tileset.json").string() + "'", code);
    CHECK(info.find("geographic centre: lat 39.91") != std::string::npos);
    CHECK(info.find("lon 116.39") != std::string::npos);
}

TEST_CASE("a site holds a tileset, a missing tile is named and the rest draws", "[cli][tiles]") {
    const fs::path dir = axis::test::scratchDir("tileset_render_site");
    writeTileset(dir, 5.0);
    fs::remove(dir / "east.gltf");
    std::ofstream(dir / "museum.site.json") << R"({"format": "axisview-site", "version": "1.0", "name": {"en": "tiles"},
  "models": [{"id": "hall", "source": "tileset.json", "up": "z", "shading": "unlit"}]})";
    int code = -1;
    const std::string out = run("render '" + (dir / "museum.site.json").string() + "' -o '" +
                                    (dir / "site.png").string() + "' --size 320x180 --view 0,40",
                                code);
    INFO(out);
    REQUIRE(code == 0);
    CHECK(out.find("east.gltf") != std::string::npos);
    auto image = axis::render::readPng(dir / "site.png");
    REQUIRE(image);
    const Colours c = count(*image);
    CHECK(c.green > 1000);  // The west tile draws; the east one failed, so nothing stands in for it.
    CHECK(c.blue == 0);
}

TEST_CASE("the Legion of Honor tileset renders from its tiles", "[cli][tiles][shared]") {
    const fs::path tileset = axis::test::sharedDataFile("legion-of-honor-3dtiles/mesh_tiles/tileset.json");
    const fs::path dir = axis::test::scratchDir("tileset_render_legion");
    const auto image = render(tileset, dir / "legion.png", "--stats");
    // A courtyard with colonnades: most of the frame is the scan, in many colours, not the sky.
    std::size_t coloured = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
        const int r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2];
        coloured += std::abs(r - b) > 12 || std::abs(r - g) > 12;
    }
    CHECK(coloured > image.pixels.size() / 4 / 10);
}

TEST_CASE("record flies over a tileset, each frame with the tiles its camera needs", "[cli][tiles][record]") {
    const fs::path dir = axis::test::scratchDir("tileset_record");
    writeTileset(dir, 1.0);
    // From 400 m away (the root is enough) down to 12 m over the west half (its tile is needed).
    std::ofstream(dir / "fly.path.json") << R"({"format": "axisview-path", "version": "1.0",
  "keyframes": [{"time": 0, "position": [-10, -300, 300], "yaw": 0, "pitch": -45, "fov": 50},
                {"time": 1, "position": [-10, -12, 14], "yaw": 0, "pitch": -45, "fov": 50},
                {"time": 2, "position": [-10, -12, 14], "yaw": 0, "pitch": -45, "fov": 50}]})";
    int code = -1;
    const std::string out =
        run("record '" + (dir / "tileset.json").string() + "' --path '" + (dir / "fly.path.json").string() + "' -o '" +
                (dir / "frames/%02d.png").string() + "' --samples 1 --size 160x90 --fps 2",
            code);
    INFO(out);
    REQUIRE(code == 0);
    auto first = axis::render::readPng(dir / "frames/00.png");
    auto last = axis::render::readPng(dir / "frames/02.png");
    REQUIRE(first);
    REQUIRE(last);
    CHECK(count(*first).red > 0);  // Afar: the coarse root.
    CHECK(count(*first).green == 0);
    CHECK(count(*last).red == 0);  // Close: its children.
    CHECK(count(*last).green > 1000);
}

TEST_CASE("an implicit quadtree tileset draws its subdivided tiles", "[cli][tiles][implicit]") {
    const fs::path dir = axis::test::scratchDir("tileset_render_implicit");
    fs::create_directories(dir / "content/0/0");
    axis::test::writeBox(dir / "content/0/0", "0", {-20, -10, 0}, {20, 10, 2}, {1, 0, 0, 1});
    for (int x = 0; x < 2; ++x)
        for (int y = 0; y < 2; ++y) {
            fs::create_directories(dir / "content/1" / std::to_string(x));
            axis::test::writeBox(dir / "content/1" / std::to_string(x), std::to_string(y),
                                 {-20 + 20 * x, -10 + 10 * y, 0}, {20 * x, 10 * y, 2},
                                 x == 0 ? glm::vec4(0, 1, 0, 1) : glm::vec4(0, 0, 1, 1));
        }
    // A JSON subtree: every tile and content of levels 0-1 available, no child subtrees.
    fs::create_directories(dir / "subtrees");
    std::ofstream(dir / "subtrees/0.0.0.json") << R"({"tileAvailability": {"constant": 1},
  "contentAvailability": [{"constant": 1}], "childSubtreeAvailability": {"constant": 0}})";
    std::ofstream(dir / "tileset.json") << R"({"asset": {"version": "1.1"}, "geometricError": 100,
  "root": {"boundingVolume": {"box": [0, 0, 1, 20, 0, 0, 0, 10, 0, 0, 0, 1]}, "geometricError": 5,
           "refine": "REPLACE", "content": {"uri": "content/{level}/{x}/{y}.gltf"},
           "implicitTiling": {"subdivisionScheme": "QUADTREE", "availableLevels": 2, "subtreeLevels": 2,
                              "subtrees": {"uri": "subtrees/{level}.{x}.{y}.json"}}}})";
    const Colours c = count(render(dir / "tileset.json", dir / "implicit.png"));
    CHECK(c.red == 0);  // Refined: the four quadrants replace the root.
    CHECK(c.green > 1000);
    CHECK(c.blue > 1000);
}
