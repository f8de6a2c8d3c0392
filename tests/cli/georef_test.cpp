// Georeferenced coordinates (issue 15): a scan stored in earth-centred coordinates (ECEF, as
// doubles) draws exactly as the same scan moved to the origin and turned east-north-up, with
// centimetre detail intact (floats alone would keep half-metres there), and `info` says where it is.
#include <catch2/catch.hpp>


#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <vector>

#include <glm/glm.hpp>

#include <proj.h>

#include "render/image_io.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string run(const std::string& args, int& exitCode) {
    const auto r = axis::test::runShell(std::string(AXIS_EXECUTABLE) + " " + args);
    exitCode = r.exitCode;
    return r.output;
}

// WGS84, closed form: the test's own, independent of PROJ which the viewer uses.
glm::dvec3 ecefOf(double latDeg, double lonDeg, double height) {
    const double a = 6378137.0, f = 1.0 / 298.257223563, e2 = f * (2 - f);
    const double lat = glm::radians(latDeg), lon = glm::radians(lonDeg);
    const double n = a / std::sqrt(1 - e2 * std::sin(lat) * std::sin(lat));
    return {(n + height) * std::cos(lat) * std::cos(lon), (n + height) * std::cos(lat) * std::sin(lon),
            (n * (1 - e2) + height) * std::sin(lat)};
}

// Columns: east, north, up at (lat, lon), in ECEF.
glm::dmat3 ecefFromEnu(double latDeg, double lonDeg) {
    const double lat = glm::radians(latDeg), lon = glm::radians(lonDeg);
    return glm::dmat3(glm::dvec3(-std::sin(lon), std::cos(lon), 0.0),
                      glm::dvec3(-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat)),
                      glm::dvec3(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)));
}

struct Mesh {
    std::vector<glm::dvec3> positions;
    std::vector<glm::u8vec3> colors;
    std::vector<std::uint32_t> indices;
};

// 4 x 4 m of ground in east-north-up, centred on its centroid: vertices 10 cm apart over
// centimetre bumps, coloured by where they are (floats at earth-centred magnitudes would merge
// them into half-metre steps).
Mesh groundPatch() {
    Mesh m;
    constexpr int n = 41;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            m.positions.push_back({x * 0.1 - 2.0, y * 0.1 - 2.0, 0.02 * std::sin(x * 1.3) * std::cos(y * 0.9)});
            m.colors.push_back(glm::u8vec3(40 + 5 * x, 80 + 4 * y, 220 - 4 * y));
        }
    glm::dvec3 centroid(0.0);
    for (const auto& p : m.positions) centroid += p;
    centroid /= double(m.positions.size());
    for (auto& p : m.positions) p -= centroid;
    for (int y = 0; y + 1 < n; ++y)
        for (int x = 0; x + 1 < n; ++x) {
            const std::uint32_t a = y * n + x, b = a + 1, c = a + n, d = c + 1;
            m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
        }
    return m;
}

constexpr double kLat = 39.9163, kLon = 116.3972, kHeight = 48.0;  // The Hall of Supreme Harmony.
// The site origin member at that place, for writeSite.
constexpr const char* kSiteOrigin = R"(
  "origin": {"lat": 39.9163, "lon": 116.3972, "height": 48.0},)";

// The patch's vertices in earth-centred coordinates, its centroid at (kLat, kLon, kHeight).
std::vector<glm::dvec3> patchInEcef(const Mesh& m) {
    const glm::dvec3 origin = ecefOf(kLat, kLon, kHeight);
    const glm::dmat3 toEcef = ecefFromEnu(kLat, kLon);
    std::vector<glm::dvec3> ecef;
    for (const auto& p : m.positions) ecef.push_back(origin + toEcef * p);
    return ecef;
}

void writePly(const fs::path& file, const std::vector<glm::dvec3>& positions, const Mesh& m) {
    std::ofstream out(file, std::ios::binary);
    out << "ply\nformat binary_little_endian 1.0\nelement vertex " << positions.size()
        << "\nproperty double x\nproperty double y\nproperty double z\nproperty uchar red\nproperty uchar green\n"
           "property uchar blue\nelement face "
        << m.indices.size() / 3 << "\nproperty list uchar int vertex_indices\nend_header\n";
    for (std::size_t i = 0; i < positions.size(); ++i) {
        out.write(reinterpret_cast<const char*>(&positions[i]), sizeof(glm::dvec3));
        out.write(reinterpret_cast<const char*>(&m.colors[i]), 3);
    }
    for (std::size_t i = 0; i < m.indices.size(); i += 3) {
        const std::uint8_t three = 3;
        out.write(reinterpret_cast<const char*>(&three), 1);
        out.write(reinterpret_cast<const char*>(&m.indices[i]), 12);
    }
}

// `extra`: more members of the site's model entry; `origin`: the site's geographic origin member.
fs::path writeSite(const fs::path& dir, const std::string& name, const std::string& source,
                   const std::string& extra = "", const std::string& origin = "") {
    const fs::path file = dir / (name + ".site.json");
    std::ofstream(file) << R"({"format": "axisview-site", "version": "1.0", "name": {"en": ")" << name << R"("},)"
                        << origin << R"(
  "models": [{"id": "ground", "source": ")" << source << R"(", "up": "z", "shading": "unlit")" << extra << R"(}],
  "start": {"position": [0.0, -3.0, 1.5], "yaw": 0, "pitch": -30, "fov": 50}})";
    return file;
}

std::size_t differingPixels(const axis::render::Rgba8Image& a, const axis::render::Rgba8Image& b) {
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.pixels.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])));
        differing += worst > 24;
    }
    return differing;
}

// `points` (earth-centred) in `crs`, through PROJ: the test's own use of it, not the viewer's.
std::vector<glm::dvec3> projected(const std::vector<glm::dvec3>& points, const char* crs) {
    PJ_CONTEXT* context = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(context, "EPSG:4978", crs, nullptr);
    REQUIRE(raw);
    PJ* pj = proj_normalize_for_visualization(context, raw);
    std::vector<glm::dvec3> out;
    for (const auto& p : points) {
        const PJ_COORD c = proj_trans(pj, PJ_FWD, proj_coord(p.x, p.y, p.z, 0));
        out.push_back({c.v[0], c.v[1], c.v[2]});
    }
    proj_destroy(pj);
    proj_destroy(raw);
    proj_context_destroy(context);
    return out;
}

axis::render::Rgba8Image render(const fs::path& site, const fs::path& png) {
    int code = 0;
    const std::string out = run("render '" + site.string() + "' --view start --size 240x160 -o '" + png.string() + "'", code);
    INFO(out);
    REQUIRE(code == 0);
    auto image = axis::render::readPng(png);
    REQUIRE(image.ok());
    return std::move(*image);
}

}  // namespace

TEST_CASE("a scan in earth-centred coordinates draws as the same scan at the origin, east-north-up", "[cli][geo]") {
    const fs::path dir = axis::test::scratchDir("georef");
    const Mesh m = groundPatch();
    writePly(dir / "local.ply", m.positions, m);
    writePly(dir / "ecef.ply", patchInEcef(m), m);

    const auto local = render(writeSite(dir, "local", "local.ply"), dir / "local.png");
    const auto earth = render(writeSite(dir, "earth", "ecef.ply"), dir / "ecef.png");
    REQUIRE(local.width == earth.width);
    std::size_t ground = 0;  // Coloured, not the grey sky.
    for (std::size_t i = 0; i < local.pixels.size(); i += 4) {
        const std::uint8_t* a = &local.pixels[i];
        ground += std::max({a[0], a[1], a[2]}) - std::min({a[0], a[1], a[2]}) > 40;
    }
    const std::size_t pixels = local.pixels.size() / 4, differing = differingPixels(local, earth);
    INFO("pixels differing: " << differing << " of " << pixels << "; ground pixels " << ground);
    CHECK(ground > pixels / 3);         // The ground fills the view...
    CHECK(differing < pixels / 100);    // ...alike, but for a few edge pixels.

    // In a site with a geographic origin (here the patch's centroid) it sits where it is on earth.
    const auto onEarth = render(writeSite(dir, "on_earth", "ecef.ply", "", kSiteOrigin), dir / "on_earth.png");
    CHECK(differingPixels(local, onEarth) < pixels / 100);

    int code = 0;
    const std::string info = run("info '" + (dir / "ecef.ply").string() + "'", code);
    INFO(info);
    CHECK(code == 0);
    CHECK(info.find("earth-centred") != std::string::npos);
    CHECK(info.find("up axis: z") != std::string::npos);
    CHECK(info.find("centre: lat 39.9163") != std::string::npos);
    CHECK(info.find(", lon 116.3972") != std::string::npos);
}

TEST_CASE("a scan in projected coordinates with its CRS sits where the site's origin says", "[cli][geo]") {
    const fs::path dir = axis::test::scratchDir("georef_crs");
    const Mesh m = groundPatch();
    // UTM zone 50N (Beijing): eastings near 450 km, northings near 4,420 km.
    const std::vector<glm::dvec3> utm = projected(patchInEcef(m), "EPSG:32650");
    REQUIRE(utm.front().y > 4.4e6);
    writePly(dir / "local.ply", m.positions, m);
    writePly(dir / "utm.ply", utm, m);
    const std::string siteOrigin = kSiteOrigin;

    const auto local = render(writeSite(dir, "local", "local.ply"), dir / "local.png");
    const auto placed =
        render(writeSite(dir, "placed", "utm.ply", R"(, "crs": "EPSG:32650")", siteOrigin), dir / "placed.png");
    const std::size_t pixels = local.pixels.size() / 4;
    INFO("pixels differing: " << differingPixels(local, placed) << " of " << pixels);
    CHECK(differingPixels(local, placed) < pixels / 100);

    int infoCode = 0;
    const std::string info = run("info '" + (dir / "placed.site.json").string() + "'", infoCode);
    INFO(info);
    CHECK(infoCode == 0);
    CHECK(info.find("centre: lat 39.9163") != std::string::npos);
    CHECK(info.find("from EPSG:32650") != std::string::npos);

    // Without its CRS the same file is drawn at its own coordinates: kilometres away, not in view.
    const auto unplaced = render(writeSite(dir, "unplaced", "utm.ply", "", siteOrigin), dir / "unplaced.png");
    CHECK(differingPixels(local, unplaced) > pixels / 4);

    // A CRS PROJ does not know: one warning naming the file and the code, and the site still opens.
    int code = 0;
    const fs::path bad = writeSite(dir, "bad", "utm.ply", R"(, "crs": "EPSG:999999")", siteOrigin);
    const std::string out =
        run("render '" + bad.string() + "' --view start --size 64x48 -o '" + (dir / "bad.png").string() + "'", code);
    INFO(out);
    CHECK(code == 0);
    CHECK(out.find("utm.ply") != std::string::npos);
    CHECK(out.find("EPSG:999999") != std::string::npos);
}
