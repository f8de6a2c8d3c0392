// Texture painters. Each works on u, v in [0, 1) and returns an sRGB colour; borders wrap, so
// every texture tiles. Weathering is low-frequency noise (stains, fading) that PNG compresses well.
#include "textures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <mutex>

#include <stb_image_write.h>

#include "noise.h"

namespace demo {
namespace {

using Rgb = std::array<double, 3>;
using Painter = std::function<Rgb(double u, double v)>;

Rgb mix(const Rgb& a, const Rgb& b, double t) {
    return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}
Rgb scale(const Rgb& c, double s) { return {c[0] * s, c[1] * s, c[2] * s}; }

Image paint(int size, const Painter& f) {
    Image img{size, size, std::vector<std::uint8_t>(std::size_t(size) * size * 3)};
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            // Texture v runs up the wall (glTF v=0 is the top row, so flip).
            const Rgb c = f((x + 0.5) / size, 1.0 - (y + 0.5) / size);
            for (int k = 0; k < 3; ++k)
                img.rgb[(std::size_t(y) * size + x) * 3 + k] = std::uint8_t(std::clamp(c[k], 0.0, 255.0));
        }
    return img;
}

// Lime-washed red wall: mottled, darker and stained towards the foot, a few vertical rain streaks.
Rgb redPlaster(double u, double v) {
    const double mottle = fbm(u, v, 4, 4, 11);
    const double streak = std::pow(valueNoise(u * 24, v * 1.5, 24, 12), 3.0);
    Rgb c = mix(Rgb{150, 42, 34}, Rgb{176, 58, 44}, mottle);
    c = scale(c, 1.0 - 0.18 * streak - 0.10 * std::max(0.0, 0.25 - v) * 4);
    return c;
}

// Roof tiles: channel rolls run down the slope (along v), overlapping courses every 1/8.
Rgb glazedTile(double u, double v, const Rgb& base, double gloss, std::uint32_t seed) {
    const double across = std::fmod(u * 16, 1.0);           // 16 rolls per texture
    const double roll = std::sin(across * 3.14159265);      // round cover tile profile
    const double course = std::fmod(v * 8, 1.0);            // lap line darkens the tile below
    const double lap = course < 0.08 ? 0.6 : 1.0;
    const double stain = fbm(u, v, 4, 3, seed);
    Rgb c = scale(base, (0.55 + 0.45 * roll) * lap * (0.85 + 0.3 * stain));
    if (roll > 0.9) c = mix(c, Rgb{255, 250, 235}, gloss * (roll - 0.9) * 6);  // highlight on glaze
    return c;
}

Rgb marble(double u, double v) {
    const double n = fbm(u, v, 4, 4, 21);
    const double vein = std::pow(std::abs(std::sin((u * 2 + v * 3 + n * 3.0) * 3.14159265)), 18.0);
    Rgb c = mix(Rgb{232, 230, 222}, Rgb{214, 212, 206}, fbm(u, v, 8, 2, 22));
    return mix(c, Rgb{160, 160, 165}, vein * 0.6);
}

// Running bond: 8 courses, 4 bricks a course, thin light mortar; each brick its own shade.
Rgb brick(double u, double v, const Rgb& base, std::uint32_t seed) {
    const int course = int(v * 8);
    const double shift = (course % 2) * 0.5;
    const double bx = u * 4 + shift;
    const int brickId = int(std::floor(bx));
    const bool mortar = std::fmod(v * 8, 1.0) < 0.08 || std::fmod(bx, 1.0) < 0.03;
    if (mortar) return Rgb{175, 172, 165};
    const double shade = 0.85 + 0.25 * hash01(brickId & 3, course, seed);
    return scale(base, shade * (0.9 + 0.2 * fbm(u, v, 8, 2, seed + 1)));
}

Rgb paving(double u, double v) {
    // 3 x 3 large slabs with joints; slab shade varies.
    const int sx = int(u * 3), sy = int(v * 3);
    const bool joint = std::fmod(u * 3, 1.0) < 0.02 || std::fmod(v * 3, 1.0) < 0.02;
    if (joint) return Rgb{95, 92, 88};
    const double shade = 0.9 + 0.15 * hash01(sx, sy, 31);
    return scale(Rgb{168, 162, 150}, shade * (0.92 + 0.16 * fbm(u, v, 8, 3, 32)));
}

Rgb grass(double u, double v) {
    const double n = fbm(u, v, 4, 5, 41);
    return mix(Rgb{78, 104, 52}, Rgb{122, 128, 70}, n);
}

Rgb earth(double u, double v) {
    const double n = fbm(u, v, 4, 5, 51);
    return mix(Rgb{88, 110, 58}, Rgb{128, 112, 80}, n);
}

// Vermilion double door with rows of gilded studs (9 x 9 on imperial gates).
Rgb door(double u, double v) {
    const double su = std::fmod(u * 2, 1.0);  // two leaves
    Rgb c = scale(Rgb{160, 30, 24}, 0.9 + 0.15 * fbm(u, v, 4, 2, 61));
    if (su < 0.03 || su > 0.97) return Rgb{60, 20, 15};
    const double gx = std::fmod(su * 9, 1.0) - 0.5, gy = std::fmod(v * 9, 1.0) - 0.5;
    if (gx * gx + gy * gy < 0.06) c = Rgb{212, 170, 70};
    return c;
}

// Hall facade between columns: red lattice panels above a plastered dado.
Rgb lattice(double u, double v) {
    if (v < 0.22) return redPlaster(u, v);
    const double lu = std::fmod(u * 12, 1.0), lv = std::fmod(v * 14, 1.0);
    const bool bar = lu < 0.22 || lv < 0.22;
    const bool frame = std::fmod(u * 2, 1.0) < 0.05 || v < 0.26;
    if (frame) return Rgb{120, 28, 22};
    return bar ? Rgb{150, 40, 30} : Rgb{60, 42, 36};
}

// The painted bracket frieze under the eaves: blue and green bands with a gold line.
Rgb beam(double u, double v) {
    const double band = v * 4;
    const int b = int(band);
    Rgb c = (b % 2) ? Rgb{40, 92, 110} : Rgb{45, 110, 80};
    const double blob = std::sin(u * 3.14159265 * 8) * std::sin(std::fmod(band, 1.0) * 3.14159265);
    if (blob > 0.6) c = Rgb{200, 175, 90};
    if (std::fmod(band, 1.0) < 0.06) c = Rgb{220, 190, 80};
    return c;
}

// Grey brick with one archery window (a dark square in a light frame) per tile.
Rgb archeryWall(double u, double v) {
    const double du = std::abs(u - 0.5), dv = std::abs(v - 0.5);
    if (du < 0.12 && dv < 0.12) return Rgb{25, 22, 20};
    if (du < 0.16 && dv < 0.16) return Rgb{220, 218, 210};
    return brick(u, v, Rgb{118, 118, 116}, 71);
}

const std::map<std::string, std::pair<int, Painter>>& painters() {
    static const std::map<std::string, std::pair<int, Painter>> kPainters = {
        {"red_plaster", {256, redPlaster}},
        {"yellow_tile", {256, [](double u, double v) { return glazedTile(u, v, {226, 168, 40}, 0.8, 81); }}},
        {"blue_tile", {256, [](double u, double v) { return glazedTile(u, v, {38, 70, 150}, 0.8, 82); }}},
        {"grey_tile", {256, [](double u, double v) { return glazedTile(u, v, {98, 100, 104}, 0.1, 83); }}},
        {"green_tile", {256, [](double u, double v) { return glazedTile(u, v, {46, 120, 70}, 0.8, 84); }}},
        {"marble", {256, marble}},
        {"grey_brick", {256, [](double u, double v) { return brick(u, v, {120, 121, 122}, 91); }}},
        {"paving", {256, paving}},
        {"grass", {256, grass}},
        {"earth", {256, earth}},
        {"door", {256, door}},
        {"lattice", {256, lattice}},
        {"beam", {256, beam}},
        {"archery_wall", {256, archeryWall}},
    };
    return kPainters;
}

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

Image makeTexture(const std::string& name) {
    auto it = painters().find(name);
    if (it == painters().end()) return {};
    return paint(it->second.first, it->second.second);
}

const std::vector<std::uint8_t>& texturePng(const std::string& name) {
    static std::mutex lock;
    static std::map<std::string, std::vector<std::uint8_t>> cache;
    std::lock_guard<std::mutex> guard(lock);
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    const Image img = makeTexture(name);
    std::vector<std::uint8_t> png;
    if (img.width > 0) stbi_write_png_to_func(appendBytes, &png, img.width, img.height, 3, img.rgb.data(), img.width * 3);
    return cache.emplace(name, std::move(png)).first->second;
}

}  // namespace demo
