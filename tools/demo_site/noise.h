#pragma once
// Periodic value noise for tileable textures. Deterministic on every platform.
#include <cmath>
#include <cstdint>

namespace demo {

inline std::uint32_t hash3(std::int32_t x, std::int32_t y, std::uint32_t seed) {
    std::uint32_t h = static_cast<std::uint32_t>(x) * 0x8da6b343u ^ static_cast<std::uint32_t>(y) * 0xd8163841u ^
                      seed * 0xcb1ab31fu;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return h;
}

/// Uniform in [0, 1).
inline double hash01(std::int32_t x, std::int32_t y, std::uint32_t seed) {
    return (hash3(x, y, seed) & 0xffffffu) / double(0x1000000);
}

/// Smooth noise in [0, 1) at (x, y) in lattice units, repeating every `period` cells.
inline double valueNoise(double x, double y, int period, std::uint32_t seed) {
    const double fx = std::floor(x), fy = std::floor(y);
    const int ix = int(fx), iy = int(fy);
    const auto at = [&](int i, int j) {
        return hash01(((i % period) + period) % period, ((j % period) + period) % period, seed);
    };
    double tx = x - fx, ty = y - fy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    const double a = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * tx;
    const double b = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * tx;
    return a + (b - a) * ty;
}

/// Fractal sum of `octaves` noises; u, v in [0, 1) texture space; `base` cells per texture.
inline double fbm(double u, double v, int base, int octaves, std::uint32_t seed) {
    double sum = 0, amp = 0.5, norm = 0;
    int cells = base;
    for (int o = 0; o < octaves; ++o) {
        sum += amp * valueNoise(u * cells, v * cells, cells, seed + o);
        norm += amp;
        amp *= 0.5;
        cells *= 2;
    }
    return sum / norm;
}

}  // namespace demo
