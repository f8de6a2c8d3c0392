#pragma once
// Small, valid files of every format the readers take, generated from code (never copied from
// ../shared/data): the fuzzers' seed corpora (make_seeds.cpp) and the hostile-input tests'
// starting points. Each sample is a file name (its extension picks the reader) and its bytes.
#include <cstdint>
#include <string>
#include <vector>

namespace axis::samples {

struct Sample {
    std::string name;   ///< e.g. "tri_binary_le.ply"
    std::string bytes;
};

/// Model files for importModel: PLY (ascii, both binary orders, strips, points, colours, uvs),
/// OBJ, STL (ascii, binary), OFF, COLLADA, glTF (data URIs; plain and Draco), GLB (plain,
/// Draco, embedded PNG texture), LAS (1.2 formats 0 and 2, 1.4 format 7) and 3D Tiles (b3dm,
/// legacy b3dm, pnts with float or quantized positions, cmpt).
std::vector<Sample> modelFiles();
/// JSON the site, POI and camera-path readers take.
std::vector<Sample> siteFiles();
std::vector<Sample> poiFiles();
std::vector<Sample> pathFiles();

/// An 8-bit RGB PNG of the given size filled with one colour (zlib-compressed row by row, so a
/// 16384 x 16384 image costs a few MB of output and little memory to write).
std::string solidPng(std::uint32_t width, std::uint32_t height, std::uint8_t r, std::uint8_t g, std::uint8_t b);
/// Just a PNG signature and IHDR claiming width x height, then IEND: a header that lies.
std::string pngHeaderOnly(std::uint32_t width, std::uint32_t height);
/// A baseline JPEG SOF0 header claiming width x height with no scan data.
std::string jpegHeaderOnly(std::uint16_t width, std::uint16_t height);
/// A GLB holding `json` and `bin` chunks; the chunk lengths may be overridden to lie.
std::string glb(const std::string& json, const std::string& bin);

}  // namespace axis::samples
