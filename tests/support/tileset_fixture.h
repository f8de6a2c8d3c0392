#pragma once
// A small 3D Tiles tileset written by tests: a red slab 40 x 20 x 2 m (the root) replaced, when
// its geometric error shows as more than a pixel, by two children, its green west half and its
// blue east half. Contents are glTF (y up, as 3D Tiles contents are).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <glm/glm.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace axis::test {

// A box of one colour as glTF (y up, as 3D Tiles contents are): `name`.gltf and `name`.bin.
// `lo` and `hi` are corners in the tileset's z-up frame.
inline void writeBox(const std::filesystem::path& dir, const std::string& name, glm::vec3 lo, glm::vec3 hi,
                     glm::vec4 colour) {
    std::vector<float> data;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 p((i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z);
        data.insert(data.end(), {p.x, p.z, -p.y});  // z-up to glTF's y-up.
    }
    for (int i = 0; i < 8; ++i) data.insert(data.end(), {colour.r, colour.g, colour.b, colour.a});
    const std::vector<std::uint32_t> faces = {0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 4, 5, 0, 5, 1,
                                              2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 5, 7, 1, 7, 3};
    std::ofstream bin(dir / (name + ".bin"), std::ios::binary);
    bin.write(reinterpret_cast<const char*>(data.data()), std::streamsize(data.size() * 4));
    bin.write(reinterpret_cast<const char*>(faces.data()), std::streamsize(faces.size() * 4));
    const std::size_t positions = 8 * 12, colours = 8 * 16, indices = faces.size() * 4;
    const glm::vec3 ylo(lo.x, lo.z, -hi.y), yhi(hi.x, hi.z, -lo.y);
    nlohmann::json gltf = {{"asset", {{"version", "2.0"}}}, {"scene", 0}};
    gltf["scenes"] = nlohmann::json::array({nlohmann::json{{"nodes", {0}}}});
    gltf["nodes"] = nlohmann::json::array({nlohmann::json{{"mesh", 0}}});
    nlohmann::json primitive = {{"attributes", {{"POSITION", 0}, {"COLOR_0", 1}}}, {"indices", 2}};
    gltf["meshes"] = nlohmann::json::array({nlohmann::json{{"primitives", nlohmann::json::array({primitive})}}});
    gltf["buffers"] =
        nlohmann::json::array({nlohmann::json{{"uri", name + ".bin"}, {"byteLength", positions + colours + indices}}});
    gltf["bufferViews"] = nlohmann::json::array(
        {nlohmann::json{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", positions}},
         nlohmann::json{{"buffer", 0}, {"byteOffset", positions}, {"byteLength", colours}},
         nlohmann::json{{"buffer", 0}, {"byteOffset", positions + colours}, {"byteLength", indices}}});
    gltf["accessors"] = nlohmann::json::array(
        {nlohmann::json{{"bufferView", 0},
                        {"componentType", 5126},
                        {"count", 8},
                        {"type", "VEC3"},
                        {"min", {ylo.x, ylo.y, ylo.z}},
                        {"max", {yhi.x, yhi.y, yhi.z}}},
         nlohmann::json{{"bufferView", 1}, {"componentType", 5126}, {"count", 8}, {"type", "VEC4"}},
         nlohmann::json{{"bufferView", 2}, {"componentType", 5125}, {"count", faces.size()}, {"type", "SCALAR"}}});
    std::ofstream(dir / (name + ".gltf")) << gltf.dump(1);
}

inline nlohmann::json tileBox(double cx, double cy, double cz, double hx, double hy, double hz) {
    return {{"box", {cx, cy, cz, hx, 0, 0, 0, hy, 0, 0, 0, hz}}};
}

// A red slab 40 x 20 m whose two children (green west half, blue east half) replace it when its
// `rootError` metres show as more than a pixel. `rootTransform` places the whole.
inline void writeTileset(const std::filesystem::path& dir, double rootError,
                         const std::vector<double>& rootTransform = {}) {
    writeBox(dir, "coarse", {-20, -10, 0}, {20, 10, 2}, {1, 0, 0, 1});
    writeBox(dir, "west", {-20, -10, 0}, {0, 10, 2}, {0, 1, 0, 1});
    writeBox(dir, "east", {0, -10, 0}, {20, 10, 2}, {0, 0, 1, 1});
    nlohmann::json root = {{"boundingVolume", tileBox(0, 0, 1, 20, 10, 1)},
                           {"geometricError", rootError},
                           {"refine", "REPLACE"},
                           {"content", {{"uri", "coarse.gltf"}}},
                           {"children",
                            {{{"boundingVolume", tileBox(-10, 0, 1, 10, 10, 1)},
                              {"geometricError", 0},
                              {"content", {{"uri", "west.gltf"}}}},
                             {{"boundingVolume", tileBox(10, 0, 1, 10, 10, 1)},
                              {"geometricError", 0},
                              {"content", {{"uri", "east.gltf"}}}}}}};
    if (!rootTransform.empty()) root["transform"] = rootTransform;
    std::ofstream(dir / "tileset.json") << nlohmann::json{
        {"asset", {{"version", "1.0"}}},
        {"geometricError", 1000},
        {"root", root}}.dump(1);
}

}  // namespace axis::test
