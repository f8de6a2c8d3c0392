#pragma once
// A small textured "scan" for tests of texture streaming: an OBJ grid with two JPEG atlases.
#include <filesystem>
#include <fstream>
#include <string>

#include "support/jpeg_writer.h"

namespace axis::test {

// A 2 x 2 unit grid in z = 0: x < 0 textured by atlas a.jpg, x > 0 by b.jpg, each atlas spread
// over its half (1 unit across, 2 along y).
inline std::filesystem::path writeTexturedGrid(const std::filesystem::path& dir, std::uint32_t atlasSide, int grid) {
    namespace fs = std::filesystem;
    fs::create_directories(dir);
    for (int i = 0; i < 2; ++i) {
        const auto jpeg = test::encodeJpeg(test::detailedTexels(atlasSide, atlasSide, 11 + i), atlasSide, atlasSide);
        std::ofstream(dir / (i == 0 ? "a.jpg" : "b.jpg"), std::ios::binary)
            .write(reinterpret_cast<const char*>(jpeg.data()), std::streamsize(jpeg.size()));
    }
    std::ofstream(dir / "scan.mtl") << "newmtl a\nmap_Kd a.jpg\nnewmtl b\nmap_Kd b.jpg\n";
    std::ofstream obj(dir / "scan.obj");
    obj << "mtllib scan.mtl\nvn 0 0 1\n";
    for (int j = 0; j <= grid; ++j)
        for (int i = 0; i <= grid; ++i) {
            const double x = -1.0 + 2.0 * i / grid, y = -1.0 + 2.0 * j / grid;
            obj << "v " << x << " " << y << " 0\n";
            obj << "vt " << (x <= 0 ? x + 1.0 : x) << " " << (y + 1.0) / 2.0 << "\n";
        }
    // The seam column x = 0 belongs to both halves: half b gets its own copy with u = 0.
    for (int j = 0; j <= grid; ++j) obj << "vt 0 " << (-1.0 + 2.0 * j / grid + 1.0) / 2.0 << "\n";
    const int seamBase = (grid + 1) * (grid + 1);
    auto v = [grid](int i, int j) { return j * (grid + 1) + i + 1; };
    for (int half = 0; half < 2; ++half) {
        obj << "usemtl " << (half == 0 ? "a" : "b") << "\n";
        for (int j = 0; j < grid; ++j)
            for (int i = half * grid / 2; i < (half + 1) * grid / 2; ++i) {
                auto t = [&](int ii, int jj) { return half == 1 && ii == grid / 2 ? seamBase + jj + 1 : v(ii, jj); };
                auto corner = [&](int ii, int jj) {
                    return std::to_string(v(ii, jj)) + "/" + std::to_string(t(ii, jj)) + "/1";
                };
                obj << "f " << corner(i, j) << " " << corner(i + 1, j) << " " << corner(i + 1, j + 1) << "\n";
                obj << "f " << corner(i, j) << " " << corner(i + 1, j + 1) << " " << corner(i, j + 1) << "\n";
            }
    }
    return dir / "scan.obj";
}

}  // namespace axis::test
