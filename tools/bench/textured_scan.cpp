// axis_make_textured_scan OUT_DIR [--atlases 40] [--side 4096] [--triangles 1100000] [--meshes 1000]
// A synthetic photogrammetry export, for benchmarks that need the shape of a real textured scan
// (many big JPEG atlases, many meshes) rather than one big mesh: a bumpy 40 m x 40 m height field
// cut into ATLASES tiles, each textured by its own SIDE x SIDE JPEG atlas and split into
// MESHES / ATLASES glTF meshes (rounded down, at least one). Writes OUT_DIR/scan.gltf, scan.bin,
// atlas_NN.jpg and scan.path.json (a 10 s low flight over the surface at 1280x720, 30 fps).
// Deterministic: the same arguments give the same bytes.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <turbojpeg.h>

#include "core/file_io.h"
#include "gltf_accessor.h"
#include "record/path_file.h"

namespace fs = std::filesystem;
using nlohmann::json;

using axis::bench::addAccessor;

namespace {

constexpr double kSiteSize = 40.0;  // Metres; the surface spans [-20, 20] in x and y.
constexpr std::uint32_t kSeed = 20240727;
constexpr int kJpegQuality = 90;

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "axis_make_textured_scan: %s\n", message.c_str());
    std::exit(1);
}

void orDie(const axis::Status& status) {
    if (!status) die(status.error().message);
}

std::uint32_t hash(std::int32_t x, std::int32_t y, std::uint32_t seed) {
    std::uint32_t h = std::uint32_t(x) * 0x8da6b343u ^ std::uint32_t(y) * 0xd8163841u ^ (seed + kSeed) * 0xcb1ab31fu;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return h;
}

float unit(std::uint32_t h) { return float(h >> 8) * (1.0f / 16777216.0f); }

// Value noise in [0, 1]: smoothstep blend of hashed lattice values, so its slope is continuous and
// analytic-looking normals come out of finite differences.
float valueNoise(double x, double y, std::uint32_t seed) {
    const double fx = std::floor(x), fy = std::floor(y);
    const auto ix = std::int32_t(fx), iy = std::int32_t(fy);
    float tx = float(x - fx), ty = float(y - fy);
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    const float a = unit(hash(ix, iy, seed)), b = unit(hash(ix + 1, iy, seed));
    const float c = unit(hash(ix, iy + 1, seed)), d = unit(hash(ix + 1, iy + 1, seed));
    return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
}

// Ground height (z, metres) at data-frame (x, y): rolling ground, mounds, and stones down to a
// few centimetres, like a dig site.
double height(double x, double y) {
    return 2.4 * (valueNoise(x / 9.0, y / 9.0, 1) - 0.5) + 0.8 * (valueNoise(x / 3.0, y / 3.0, 2) - 0.5) +
           0.25 * (valueNoise(x / 0.8, y / 0.8, 3) - 0.5) + 0.06 * (valueNoise(x / 0.25, y / 0.25, 4) - 0.5);
}

// glTF is y-up: data (x, y, z) is written as (x, z, -y), a rotation, so windings stay counter-clockwise.
void toGltf(double x, double y, double z, float* out) {
    out[0] = float(x);
    out[1] = float(z);
    out[2] = float(-y);
}

// Atlas texels with detail at every scale, like a photographed surface: soil and stone noise over
// five octaves, per-texel grain, thin cracks (noise isolines) and a 1-texel survey grid every 64
// texels, so full-resolution detail is there and blur at any coarser mip level shows. The grain is
// what sets the JPEG's size (about 3 MB at 4096 x 4096, quality 90, as real atlases are).
std::vector<std::uint8_t> atlasTexels(int tile, int side) {
    const float hue = std::fmod(float(tile) * 0.618034f, 1.0f);
    auto channel = [&](float offset) {  // A soft tint of `hue`: saturation 0.45.
        const float k = std::fmod(offset + hue * 6.0f, 6.0f);
        return 1.0f - 0.45f * std::clamp(std::min(k, 4.0f - k), 0.0f, 1.0f);
    };
    const float tint[3] = {channel(5.0f), channel(3.0f), channel(1.0f)};
    const float stone[3] = {0.62f, 0.60f, 0.56f};
    const double scale = 4096.0 / side;  // Noise periods in texels of a 4096 atlas, whatever the side.
    const std::uint32_t s = std::uint32_t(tile) * 16;
    std::vector<std::uint8_t> rgb(std::size_t(side) * side * 3);
    for (int py = 0; py < side; ++py)
        for (int px = 0; px < side; ++px) {
            const double x = px * scale, y = py * scale;
            const float n = 0.40f * valueNoise(x / 512, y / 512, s + 5) + 0.25f * valueNoise(x / 128, y / 128, s + 6) +
                            0.17f * valueNoise(x / 32, y / 32, s + 7) + 0.11f * valueNoise(x / 8, y / 8, s + 8) +
                            0.07f * valueNoise(x / 2, y / 2, s + 9);
            const float grain = (unit(hash(px, py, s + 10)) - 0.5f) * 0.035f;
            float lum = 0.30f + 0.75f * n + grain;
            const float crack = std::abs(valueNoise(x / 96, y / 96, s + 11) - 0.5f);
            if (crack < 0.006f) lum *= 0.45f;
            if (px % 64 == 0 || py % 64 == 0) lum *= 0.6f;
            const float mix = std::clamp(valueNoise(x / 256, y / 256, s + 12) * 2.0f - 0.5f, 0.0f, 1.0f);
            std::uint8_t* p = &rgb[(std::size_t(py) * side + px) * 3];
            for (int c = 0; c < 3; ++c) {
                const float value = (tint[c] + (stone[c] - tint[c]) * mix) * lum * 255.0f + 0.5f;
                p[c] = std::uint8_t(std::clamp(value, 0.0f, 255.0f));
            }
        }
    return rgb;
}

void writeAtlas(const fs::path& file, int tile, int side) {
    const auto rgb = atlasTexels(tile, side);
    std::unique_ptr<void, int (*)(tjhandle)> jpeg(tjInitCompress(), tjDestroy);
    unsigned char* bytes = nullptr;
    unsigned long size = 0;
    if (!jpeg || tjCompress2(jpeg.get(), rgb.data(), side, 0, side, TJPF_RGB, &bytes, &size, TJSAMP_420, kJpegQuality,
                             TJFLAG_ACCURATEDCT) != 0)
        die(file.string() + ": JPEG encoding failed");
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes), std::streamsize(size));
    tjFree(bytes);
    if (!out) die(file.string() + ": cannot write");
}

// The atlases are independent and the slow part: one per thread at a time.
void writeAtlases(const fs::path& dir, int atlases, int side) {
    std::atomic<int> next{0}, done{0};
    auto work = [&] {
        for (int i = next++; i < atlases; i = next++) {
            char name[32];
            std::snprintf(name, sizeof(name), "atlas_%02d.jpg", i);
            writeAtlas(dir / name, i, side);
            std::fprintf(stderr, "atlas %d/%d\n", ++done, atlases);
        }
    };
    std::vector<std::thread> threads(std::clamp(int(std::thread::hardware_concurrency()), 1, atlases));
    for (auto& t : threads) t = std::thread(work);
    for (auto& t : threads) t.join();
}

struct Layout {
    int cols = 1, rows = 1;   // Tiles (one atlas each).
    int meshesPerTile = 1;    // Bands along y within a tile.
    int nx = 1, ny = 1;       // Quads of one mesh.
};

Layout layout(int atlases, int meshes, long long triangles) {
    Layout l;
    for (int r = 1; r * r <= atlases; ++r)
        if (atlases % r == 0) l.rows = r;
    l.cols = atlases / l.rows;
    l.meshesPerTile = std::max(1, meshes / atlases);
    const double tileW = kSiteSize / l.cols, bandH = kSiteSize / l.rows / l.meshesPerTile;
    const double quads = std::max(1.0, double(triangles) / 2.0 / (double(atlases) * l.meshesPerTile));
    const double quadSide = std::sqrt(tileW * bandH / quads);
    l.nx = std::max(1, int(std::lround(tileW / quadSide)));
    l.ny = std::max(1, int(std::lround(bandH / quadSide)));
    return l;
}

void writeGeometry(const fs::path& dir, const Layout& l, int atlases, int side, json& gltf) {
    std::ofstream bin(dir / "scan.bin", std::ios::binary);
    std::uint64_t offset = 0;
    // Every vertex comes from its global grid index, so meshes and tiles meet without cracks.
    const int gridX = l.cols * l.nx, gridY = l.rows * l.meshesPerTile * l.ny;
    const double dx = kSiteSize / gridX, dy = kSiteSize / gridY, e = 0.01;
    const float inset = 0.5f / float(side);  // Half a texel: no bleeding of the opposite edge.
    long long triangles = 0;
    for (int tile = 0; tile < atlases; ++tile) {
        const int col = tile % l.cols, row = tile / l.cols;
        for (int band = 0; band < l.meshesPerTile; ++band) {
            std::vector<float> positions, normals, uvs;
            std::vector<std::uint32_t> indices;
            float lo[3] = {1e30f, 1e30f, 1e30f}, hi[3] = {-1e30f, -1e30f, -1e30f};
            for (int j = 0; j <= l.ny; ++j)
                for (int i = 0; i <= l.nx; ++i) {
                    const int gx = col * l.nx + i, gy = (row * l.meshesPerTile + band) * l.ny + j;
                    const double x = -kSiteSize / 2 + gx * dx, y = -kSiteSize / 2 + gy * dy, z = height(x, y);
                    float p[3], n[3];
                    toGltf(x, y, z, p);
                    const double hx = (height(x + e, y) - height(x - e, y)) / (2 * e);
                    const double hy = (height(x, y + e) - height(x, y - e)) / (2 * e);
                    const double len = std::sqrt(hx * hx + hy * hy + 1);
                    toGltf(-hx / len, -hy / len, 1 / len, n);
                    positions.insert(positions.end(), p, p + 3);
                    normals.insert(normals.end(), n, n + 3);
                    for (int c = 0; c < 3; ++c) lo[c] = std::min(lo[c], p[c]), hi[c] = std::max(hi[c], p[c]);
                    // North (+y) at the top of the atlas (glTF v = 0 is the first row).
                    const float u = float(i) / l.nx, v = 1.0f - float(band * l.ny + j) / float(l.meshesPerTile * l.ny);
                    uvs.push_back(inset + u * (1 - 2 * inset));
                    uvs.push_back(inset + v * (1 - 2 * inset));
                }
            for (int j = 0; j < l.ny; ++j)
                for (int i = 0; i < l.nx; ++i) {
                    const auto a = std::uint32_t(j * (l.nx + 1) + i), b = a + 1, d = a + std::uint32_t(l.nx + 1),
                               c = d + 1;
                    indices.insert(indices.end(), {a, b, c, a, c, d});
                }
            triangles += long(indices.size() / 3);
            json attributes;
            attributes["POSITION"] = addAccessor(gltf, bin, offset, positions, 3, 5126, "VEC3", 34962);
            gltf["accessors"].back()["min"] = {lo[0], lo[1], lo[2]};
            gltf["accessors"].back()["max"] = {hi[0], hi[1], hi[2]};
            attributes["NORMAL"] = addAccessor(gltf, bin, offset, normals, 3, 5126, "VEC3", 34962);
            attributes["TEXCOORD_0"] = addAccessor(gltf, bin, offset, uvs, 2, 5126, "VEC2", 34962);
            const int indexAccessor = addAccessor(gltf, bin, offset, indices, 1, 5125, "SCALAR", 34963);
            char name[48];
            std::snprintf(name, sizeof(name), "tile%02d_part%02d", tile, band);
            gltf["meshes"].push_back(
                {{"name", name},
                 {"primitives", {{{"attributes", attributes}, {"indices", indexAccessor}, {"material", tile}}}}});
            gltf["nodes"].push_back({{"name", name}, {"mesh", gltf["meshes"].size() - 1}});
        }
        std::fprintf(stderr, "geometry of tile %d/%d\n", tile + 1, atlases);
    }
    if (!bin) die((dir / "scan.bin").string() + ": cannot write");
    gltf["buffers"] = {{{"uri", "scan.bin"}, {"byteLength", offset}}};
    std::fprintf(stderr, "%lld triangles in %d meshes\n", triangles, atlases * l.meshesPerTile);
}

// A 10 s flight 2 m above the highest ground near the track, along an S over the surface, looking
// ahead and down so atlases stream in at full detail near the camera and coarse far away. The
// viewer turns glTF's y-up into the site's z-up, which maps data (x, y, z) back onto itself.
axis::record::PathFile flightPath() {
    axis::record::PathFile path;
    path.name = "textured scan flight";
    path.output = {30, 1280, 720, 20};
    constexpr int kKeys = 7;
    for (int k = 0; k < kKeys; ++k) {
        const double s = double(k) / (kKeys - 1), pi = 3.14159265358979;
        const double x = -15 + 30 * s, y = 9 * std::sin(2 * pi * s);
        const double headingX = 30, headingY = 18 * pi * std::cos(2 * pi * s);  // d/ds of the track.
        double ground = -1e9;
        for (int a = 0; a < 16; ++a)
            for (double r : {0.0, 1.0, 2.0})
                ground = std::max(ground, height(x + r * std::cos(a * pi / 8), y + r * std::sin(a * pi / 8)));
        axis::record::PathKey& key = path.keys.emplace_back();
        key.time = 10.0 * s;
        key.position = {x, y, ground + 2.0};
        key.angles = {std::atan2(headingX, headingY) * 180 / pi, -25.0, 0.0};
    }
    return path;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: axis_make_textured_scan OUT_DIR [--atlases 40] [--side 4096] "
                             "[--triangles 1100000] [--meshes 1000]\n");
        return 2;
    }
    const fs::path dir = argv[1];
    int atlases = 40, side = 4096, meshes = 1000;
    long long triangles = 1100000;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const long long value = std::atoll(argv[i + 1]);
        if (flag == "--atlases") atlases = int(value);
        else if (flag == "--side") side = int(value);
        else if (flag == "--triangles") triangles = value;
        else if (flag == "--meshes") meshes = int(value);
        else die("unknown option " + flag);
    }
    if ((argc - 2) % 2) die(std::string("missing value after ") + argv[argc - 1]);
    if (atlases < 1 || atlases > 1000 || side < 8 || side > 16384 || triangles < 2 || meshes < 1)
        die("out of range: --atlases 1..1000, --side 8..16384, --triangles >= 2, --meshes >= 1");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) die(dir.string() + ": " + ec.message());

    const Layout l = layout(atlases, meshes, triangles);
    json gltf = {{"asset", {{"version", "2.0"}, {"generator", "axis_make_textured_scan"}}},
                 {"scene", 0},
                 {"samplers", {{{"magFilter", 9729}, {"minFilter", 9987}, {"wrapS", 33071}, {"wrapT", 33071}}}}};
    for (int i = 0; i < atlases; ++i) {
        char name[32];
        std::snprintf(name, sizeof(name), "atlas_%02d.jpg", i);
        gltf["images"].push_back({{"uri", name}, {"mimeType", "image/jpeg"}});
        gltf["textures"].push_back({{"sampler", 0}, {"source", i}});
        // Photogrammetry exports are unlit colour: no metal, fully rough.
        const json pbr = {{"baseColorTexture", {{"index", i}}}, {"metallicFactor", 0.0}, {"roughnessFactor", 1.0}};
        gltf["materials"].push_back({{"name", name}, {"pbrMetallicRoughness", pbr}});
    }
    writeGeometry(dir, l, atlases, side, gltf);
    json nodes = json::array();
    for (std::size_t i = 0; i < gltf["nodes"].size(); ++i) nodes.push_back(i);
    gltf["scenes"] = {{{"nodes", nodes}}};
    orDie(axis::saveFileAtomic(dir / "scan.gltf", gltf.dump(1) + "\n", false));
    orDie(axis::record::savePathFile(flightPath(), dir / "scan.path.json"));
    writeAtlases(dir, atlases, side);
    std::fprintf(stderr, "wrote %s\n", (dir / "scan.gltf").c_str());
    return 0;
}
