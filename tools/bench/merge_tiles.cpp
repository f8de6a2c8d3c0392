// axis_merge_tiles TILE_DIR OUT_DIR: merges every *.glb of a 3D Tiles level (e.g. a Matterport
// tileset's mesh_tiles/2: Draco GLBs whose images are KTX2, each with a full-resolution JPEG of the
// same name beside it, named by the material) into one plain glTF, OUT_DIR/merged.gltf + merged.bin,
// textured by copies of those JPEGs, so that tools which read neither Draco nor KTX2 (Assimp, F3D
// 1.3) open the same scan as axisview. One mesh per primitive, uint32 indices, POSITION, NORMAL,
// TEXCOORD_0. Also writes OUT_DIR/merged.path.json: a 10 s walk down the room at eye height.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "asset/import.h"
#include "core/file_io.h"
#include "gltf_accessor.h"
#include "record/path_file.h"

namespace fs = std::filesystem;
using nlohmann::json;

using axis::bench::addAccessor;

namespace {

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "axis_merge_tiles: %s\n", message.c_str());
    std::exit(1);
}

void orDie(const axis::Status& status) {
    if (!status) die(status.error().message);
}

// The surface in the site frame (z up), as points about kSampleSpacing apart, so that big floor
// triangles count by their area, not their vertices. glTF (x, y, z) is site (x, -z, y).
constexpr double kSampleSpacing = 0.25, kCell = 0.5;  // Metres.

struct Sample {
    glm::dvec3 p;
    bool facesUp = false;
};

void sampleTriangle(const axis::Vertex& a, const axis::Vertex& b, const axis::Vertex& c, std::vector<Sample>& out) {
    auto site = [](const glm::vec3& v) { return glm::dvec3(v.x, -v.z, v.y); };
    const glm::dvec3 p = site(a.position), u = site(b.position) - p, v = site(c.position) - p;
    const glm::dvec3 n = glm::cross(u, v);
    const bool up = glm::length(n) > 0 && n.z / glm::length(n) > 0.9;
    const double edge = std::max({glm::length(u), glm::length(v), glm::length(u - v)});
    const int steps = std::clamp(int(std::ceil(edge / kSampleSpacing)), 1, 256);
    for (int i = 0; i <= steps; ++i)
        for (int j = 0; i + j <= steps; ++j) out.push_back({p + (u * double(i) + v * double(j)) / double(steps), up});
}

// [first, last) of the longest run of consecutive counts >= half the largest: a room's extent
// along one axis, without the narrow strips (walkways, scanned-through doors) the bounds include.
std::pair<int, int> wideRun(const std::vector<int>& counts) {
    const int half = (*std::max_element(counts.begin(), counts.end()) + 1) / 2;
    std::pair<int, int> best{0, 0};
    for (int i = 0, start = 0; i <= int(counts.size()); ++i) {
        if (i < int(counts.size()) && counts[i] >= half) continue;
        if (i - start > best.second - best.first) best = {start, i};
        start = i + 1;
    }
    return best;
}

// A 10 s walk along the room's long axis, 1.6 m above its floor, where nothing stands in the way.
// On a grid of kCell cells: the floor is the height most up-facing surface lies at (10 cm bins); a
// cell is free when it has floor and nothing between knee and head height (statue, column, wall);
// the room is the longest run of rows and of columns at least half as full of floor as the
// fullest; the walk follows the free lane closest to the room's middle.
axis::record::PathFile walkPath(const std::vector<Sample>& samples) {
    std::map<long, std::size_t> bins;
    for (const Sample& s : samples)
        if (s.facesUp) ++bins[std::lround(std::floor(s.p.z / 0.1))];
    if (bins.empty()) die("no up-facing surface to walk on");
    const auto mode = std::max_element(bins.begin(), bins.end(), [](auto& a, auto& b) { return a.second < b.second; });
    const double floorZ = (double(mode->first) + 0.5) * 0.1;
    axis::Bounds bounds;
    for (const Sample& s : samples) bounds.add(s.p);
    const int w = int(bounds.size().x / kCell) + 1, h = int(bounds.size().y / kCell) + 1;
    std::vector<char> floor(std::size_t(w) * h), blocked(std::size_t(w) * h);
    for (const Sample& s : samples) {
        const auto cell = std::size_t((s.p.y - bounds.min.y) / kCell) * w + std::size_t((s.p.x - bounds.min.x) / kCell);
        if (s.facesUp && std::abs(s.p.z - floorZ) < 0.2) floor[cell] = 1;
        if (s.p.z > floorZ + 0.3 && s.p.z < floorZ + 2.2) blocked[cell] = 1;
    }
    auto isFree = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && floor[y * w + x] && !blocked[y * w + x];
    };
    std::vector<int> perColumn(w), perRow(h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) perColumn[x] += floor[y * w + x], perRow[y] += floor[y * w + x];
    const auto [x0, x1] = wideRun(perColumn);
    const auto [y0, y1] = wideRun(perRow);
    const bool alongX = x1 - x0 >= y1 - y0;
    // Lanes run along the long axis; a lane's score is how much of its middle 60% is free, with a
    // cell of clearance each side.
    const int laneFrom = alongX ? y0 : x0, laneTo = alongX ? y1 : x1;
    const int runFrom = alongX ? x0 : y0, runTo = alongX ? x1 : y1;
    const int start = runFrom + int(0.2 * (runTo - runFrom)), end = runFrom + int(0.8 * (runTo - runFrom));
    int bestLane = (laneFrom + laneTo) / 2, bestFree = -1;
    for (int lane = laneFrom; lane < laneTo; ++lane) {
        int free = 0;
        for (int i = start; i < end; ++i) {
            bool clear = true;
            for (int side = -1; side <= 1; ++side)
                clear = clear && (alongX ? isFree(i, lane + side) : isFree(lane + side, i));
            free += clear;
        }
        const int middle = (laneFrom + laneTo) / 2;
        if (free > bestFree || (free == bestFree && std::abs(lane - middle) < std::abs(bestLane - middle)))
            bestLane = lane, bestFree = free;
    }
    auto at = [&](int run) {
        const double a = (run + 0.5) * kCell, b = (bestLane + 0.5) * kCell;
        const glm::dvec3 p = bounds.min + (alongX ? glm::dvec3(a, b, 0) : glm::dvec3(b, a, 0));
        return glm::dvec3(p.x, p.y, floorZ + 1.6);
    };
    const glm::dvec3 from = at(start), to = at(end);
    const double yaw = std::atan2(to.x - from.x, to.y - from.y) * 180 / 3.14159265358979;  // 0 = north (+y).
    axis::record::PathFile path;
    path.name = "merged tiles walk";
    path.output = {30, 1280, 720, 20};
    for (int k = 0; k < 3; ++k) {  // A slight look down shows the floor too.
        axis::record::PathKey& key = path.keys.emplace_back();
        key.time = 5.0 * k;
        key.position = from + (to - from) * (k / 2.0);
        key.angles = {yaw, -5.0, 0.0};
    }
    std::fprintf(stderr, "floor at z = %.2f m; walk from (%.1f, %.1f) to (%.1f, %.1f), %d of %d cells free\n", floorZ,
                 from.x, from.y, to.x, to.y, bestFree, end - start);
    return path;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: axis_merge_tiles TILE_DIR OUT_DIR\n");
        return 2;
    }
    const fs::path tileDir = argv[1], outDir = argv[2];
    std::vector<fs::path> tiles;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(tileDir, ec))
        if (entry.path().extension() == ".glb") tiles.push_back(entry.path());
    if (ec) die(tileDir.string() + ": " + ec.message());
    if (tiles.empty()) die(tileDir.string() + ": no .glb files");
    std::sort(tiles.begin(), tiles.end());  // Same input, same bytes.
    fs::create_directories(outDir, ec);
    if (ec) die(outDir.string() + ": " + ec.message());

    json gltf = {{"asset", {{"version", "2.0"}, {"generator", "axis_merge_tiles"}}},
                 {"scene", 0},
                 {"samplers", {{{"magFilter", 9729}, {"minFilter", 9987}, {"wrapS", 10497}, {"wrapT", 10497}}}}};
    std::map<std::string, int> materialByName;  // Tiles share atlases: one material per JPEG.
    std::ofstream bin(outDir / "merged.bin", std::ios::binary);
    std::uint64_t offset = 0, triangles = 0;
    std::vector<Sample> samples;
    axis::ImportOptions options;
    options.loadTextures = false;  // The KTX2 images are not what we keep; their JPEGs are.
    for (std::size_t t = 0; t < tiles.size(); ++t) {
        auto model = axis::importModel(tiles[t], options);
        if (!model) die(model.error().message);
        for (const axis::Primitive& p : model->primitives) {
            if (p.topology != axis::Topology::Triangles || p.indices.empty()) continue;
            const std::string& materialName = model->materials[p.material].name;
            auto [it, added] = materialByName.try_emplace(materialName, int(materialByName.size()));
            if (added) {
                json material = {{"name", materialName}, {"pbrMetallicRoughness", {{"metallicFactor", 0.0}}}};
                if (fs::exists(tileDir / materialName) && fs::path(materialName).extension() == ".jpg") {
                    fs::copy_file(tileDir / materialName, outDir / materialName, fs::copy_options::overwrite_existing);
                    // The source may be read-only; the copy must stay replaceable by the next run.
                    fs::permissions(outDir / materialName, fs::perms::owner_write, fs::perm_options::add);
                    gltf["images"].push_back({{"uri", materialName}, {"mimeType", "image/jpeg"}});
                    gltf["textures"].push_back({{"sampler", 0}, {"source", gltf["images"].size() - 1}});
                    material["pbrMetallicRoughness"]["baseColorTexture"] = {{"index", gltf["textures"].size() - 1}};
                } else {
                    std::fprintf(stderr, "%s: material \"%s\" names no JPEG beside it; left untextured\n",
                                 tiles[t].c_str(), materialName.c_str());
                }
                gltf["materials"].push_back(material);
            }
            std::vector<float> positions, normals, uvs;
            glm::vec3 lo(1e30f), hi(-1e30f);
            for (const axis::Vertex& v : p.vertices) {
                // glTF wants unit normals; the importer leaves (0,0,0) where it could make none.
                const glm::vec3 n = glm::length(v.normal) > 0.5f ? v.normal : glm::vec3(0, 1, 0);
                positions.insert(positions.end(), {v.position.x, v.position.y, v.position.z});
                normals.insert(normals.end(), {n.x, n.y, n.z});
                uvs.insert(uvs.end(), {v.uv.x, v.uv.y});
                lo = glm::min(lo, v.position);
                hi = glm::max(hi, v.position);
            }
            json attributes;
            attributes["POSITION"] = addAccessor(gltf, bin, offset, positions, 3, 5126, "VEC3", 34962);
            gltf["accessors"].back()["min"] = {lo.x, lo.y, lo.z};
            gltf["accessors"].back()["max"] = {hi.x, hi.y, hi.z};
            attributes["NORMAL"] = addAccessor(gltf, bin, offset, normals, 3, 5126, "VEC3", 34962);
            if (p.hasUVs) attributes["TEXCOORD_0"] = addAccessor(gltf, bin, offset, uvs, 2, 5126, "VEC2", 34962);
            for (std::size_t i = 0; i + 2 < p.indices.size(); i += 3)
                sampleTriangle(p.vertices[p.indices[i]], p.vertices[p.indices[i + 1]], p.vertices[p.indices[i + 2]],
                               samples);
            const int indices = addAccessor(gltf, bin, offset, p.indices, 1, 5125, "SCALAR", 34963);
            gltf["meshes"].push_back({{"name", p.meshName},
                                      {"primitives", {{{"attributes", attributes}, {"indices", indices},
                                                       {"material", it->second}}}}});
            gltf["nodes"].push_back({{"mesh", gltf["meshes"].size() - 1}});
            triangles += p.indices.size() / 3;
        }
        std::fprintf(stderr, "tile %zu/%zu: %s\n", t + 1, tiles.size(), tiles[t].filename().c_str());
    }
    if (!bin) die((outDir / "merged.bin").string() + ": cannot write");
    gltf["buffers"] = {{{"uri", "merged.bin"}, {"byteLength", offset}}};
    json nodes = json::array();
    for (std::size_t i = 0; i < gltf["nodes"].size(); ++i) nodes.push_back(i);
    gltf["scenes"] = {{{"nodes", nodes}}};
    orDie(axis::saveFileAtomic(outDir / "merged.gltf", gltf.dump(1) + "\n", false));
    orDie(axis::record::savePathFile(walkPath(samples), outDir / "merged.path.json"));
    std::fprintf(stderr, "wrote %s: %llu triangles, %zu meshes, %zu materials\n", (outDir / "merged.gltf").c_str(),
                 (unsigned long long)triangles, gltf["meshes"].size(), materialByName.size());
    return 0;
}
