// Hostile and broken input (issue "Hardening"): every file of ../shared/data/edge, truncations and
// byte flips of real scans and of our own samples, headers that lie about counts and sizes, and
// huge textures. Each import runs in a child process capped at 4 GiB and a time limit
// (isolated.h): the reader must give a Model or an Error naming the file, never crash, hang or
// run away with memory. Offsets are sampled (not exhaustive) to keep the whole file near a minute.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <random>
#include <regex>
#include <set>

#include "hostile_util.h"
#include "sample_files.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;
namespace fs = std::filesystem;

namespace {

// Real scans to corrupt, relative to ../shared/data, with how many mutants each gets (big ones
// fewer: each import of a mutant re-reads the whole scan).
struct Scan {
    const char* path;
    int truncations, flips;
};
constexpr Scan kScans[] = {
    {"stanford-bunny/bun_zipper_res4.ply", 100, 16}, {"3dhop-gargoyle/gargo.ply", 40, 8},
    {"igea/igea.ply", 16, 6},                         {"nefertiti-fraunhofer/Nefertiti.glb", 24, 8},
    {"armadillo-obj/armadillo.obj", 16, 4},           {"avocado-gltf/Avocado.gltf", 100, 16},
    {"damaged-helmet-gltf/DamagedHelmet.gltf", 100, 16}, {"venus-gltf-draco/venus.gltf", 100, 16},
    {"mckinney-house-pointcloud-gltf/scene.gltf", 60, 12}, {"danish-bust-man-wreath-fbx/BustManWreath.fbx", 16, 6},
    {"formats-assimp/obj-spider/spider.obj", 40, 8},  {"formats-assimp/dae-duck/duck.dae", 40, 12},
    {"formats-assimp/3ds-test1/test1.3ds", 100, 16},  {"formats-assimp/fbx-spider/spider.fbx", 40, 12},
    {"formats-assimp/stl/Spider_binary.stl", 40, 8},  {"formats-assimp/stl/Spider_ascii.stl", 24, 6},
    {"formats-assimp/off/Wuson.off", 24, 6},          {"formats-assimp/ply/Wuson.ply", 16, 6},
    {"formats-assimp/glb/BoxTextured.glb", 100, 16},
};

// `count` cut points in (0, size): dense in the first bytes (magic, header), then spread evenly.
std::vector<std::size_t> cutPoints(std::size_t size, int count) {
    std::set<std::size_t> cuts;
    for (std::size_t c = 1; c < size && int(cuts.size()) < count / 3; c = c < 16 ? c + 1 : c * 3 / 2) cuts.insert(c);
    for (int k = 1; int(cuts.size()) < count && k < count * 2; ++k) cuts.insert(std::size_t(double(size) * k / (count + 1)));
    cuts.erase(0);
    cuts.erase(size);
    return {cuts.begin(), cuts.end()};
}

// A scratch folder where a scan's mutants sit beside links to the scan's side files (.bin,
// textures, .mtl), so a glTF or OBJ mutant still finds what the original references.
fs::path mutantFolder(const std::string& test, const fs::path& original) {
    const fs::path dir = scratchDir(test);
    for (const auto& entry : fs::directory_iterator(original.parent_path()))
        if (entry.is_regular_file() && entry.path().filename() != original.filename())
            fs::create_symlink(entry.path(), dir / entry.path().filename());
    return dir;
}

void truncateAndCheck(const fs::path& original, const std::string& bytes, const fs::path& dir, int count) {
    for (std::size_t cut : cutPoints(bytes.size(), count)) {
        const fs::path mutant = dir / original.filename();
        writeBytes(mutant, bytes.substr(0, cut));
        checkImportContract(mutant, "truncated at " + std::to_string(cut) + " of " + std::to_string(bytes.size()),
                            /*loadTextures=*/false, importLimits());
    }
}

void flipAndCheck(const fs::path& original, const std::string& bytes, const fs::path& dir, int count) {
    std::mt19937 random(static_cast<unsigned>(std::hash<std::string>{}(original.filename().string())));
    for (int m = 0; m < count; ++m) {
        std::string mutant = bytes;
        // Half the mutants hit the first 4 KiB (headers, where the counts live), half anywhere.
        const std::size_t span = m % 2 == 0 ? std::min<std::size_t>(bytes.size(), 4096) : bytes.size();
        const int flips = 1 + m % 16;
        std::string where;
        for (int f = 0; f < flips; ++f) {
            const std::size_t at = random() % span;
            mutant[at] = char(mutant[at] ^ (1 << (random() % 8)));
            where += " " + std::to_string(at);
        }
        const fs::path file = dir / original.filename();
        writeBytes(file, mutant);
        checkImportContract(file, "bits flipped at" + where, /*loadTextures=*/false, importLimits());
    }
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

const std::vector<std::string> kLyingCounts = {"0", "1", "100000000", "4294967295", "4294967296",
                                               "18446744073709551615", "99999999999999999999999", "-1"};

// Every "element NAME N" of a PLY header, each rewritten to each lying count (one at a time).
void lieAboutPlyCounts(const fs::path& dir, const std::string& name, const std::string& bytes) {
    const std::size_t headerEnd = bytes.find("end_header");
    REQUIRE(headerEnd != std::string::npos);
    const std::string header = bytes.substr(0, headerEnd);
    const std::regex element(R"(element (\w+) (\d+))");
    for (auto it = std::sregex_iterator(header.begin(), header.end(), element); it != std::sregex_iterator(); ++it) {
        for (const std::string& count : kLyingCounts) {
            std::string mutant = bytes;
            const std::size_t at = std::size_t(it->position(2));
            mutant.replace(at, std::size_t(it->length(2)), count);
            const fs::path file = dir / ("lie_" + (*it)[1].str() + "_" + count + "_" + name);
            writeBytes(file, mutant);
            checkImportContract(file, "element " + (*it)[1].str() + " declared " + count, true, importLimits());
        }
    }
}

void putU32(std::string& bytes, std::size_t at, std::uint32_t value) {
    if (at + 4 <= bytes.size()) std::memcpy(&bytes[at], &value, 4);
}

std::uint32_t getU32(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    if (at + 4 <= bytes.size()) std::memcpy(&v, &bytes[at], 4);
    return v;
}

// The GLB container's three lengths (file, JSON chunk, BIN chunk), each set to lies.
void lieAboutGlbLengths(const fs::path& dir, const std::string& name, const std::string& bytes) {
    const std::uint32_t size = std::uint32_t(bytes.size());
    const std::uint32_t jsonLength = getU32(bytes, 12);
    const std::size_t fields[] = {8, 12, std::size_t(20) + jsonLength};
    const char* fieldNames[] = {"length", "JSON chunk length", "BIN chunk length"};
    for (int f = 0; f < 3; ++f) {
        const std::uint32_t original = getU32(bytes, fields[f]);
        for (std::uint32_t lie : {0u, 1u, original - 1, original + 1, original + 4, size, size + 1, 0x7fffffffu, 0xffffffffu}) {
            std::string mutant = bytes;
            putU32(mutant, fields[f], lie);
            const fs::path file = dir / ("lie_" + std::to_string(f) + "_" + std::to_string(lie) + "_" + name);
            writeBytes(file, mutant);
            checkImportContract(file, std::string(fieldNames[f]) + " set to " + std::to_string(lie), true, importLimits());
        }
    }
}

const samples::Sample& sample(const std::string& name) {
    static const std::vector<samples::Sample> all = samples::modelFiles();
    for (const auto& s : all)
        if (s.name == name) return s;
    FAIL("no sample " << name);
    return all.front();
}

}  // namespace

TEST_CASE("Every file of the edge set gives a model or an error naming it", "[hostile][edge]") {
    const fs::path edge = sharedDataFile("edge");
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(edge)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        checkImportContract(entry.path(), "edge file", true, importLimits());
    }
    CHECK(files > 10);
}

TEST_CASE("Our own samples import, and survive truncation and bit flips", "[hostile][samples]") {
    const fs::path dir = scratchDir("hostile_samples");
    for (const auto& s : samples::modelFiles()) {
        const fs::path file = dir / s.name;
        writeBytes(file, s.bytes);
        if (s.name.find("missing") == std::string::npos) CHECK(checkImportContract(file, "valid sample", true, importLimits()));
        const fs::path mutants = dir / ("mutants_" + s.name);
        fs::create_directories(mutants);
        truncateAndCheck(file, s.bytes, mutants, 24);
        flipAndCheck(file, s.bytes, mutants, 12);
    }
}

TEST_CASE("Truncated real scans give a model or an error naming the file", "[hostile][truncate]") {
    (void)sharedDataFile("stanford-bunny/bun_zipper_res4.ply");  // Skips without ../shared/data.
    for (const Scan& scan : kScans) {
        const fs::path original = sharedDataDir() / scan.path;
        if (!fs::exists(original)) continue;
        const fs::path dir = mutantFolder("hostile_truncate_" + original.stem().string(), original);
        truncateAndCheck(original, readBytes(original), dir, scan.truncations);
    }
}

TEST_CASE("Real scans with flipped bits give a model or an error naming the file", "[hostile][flip]") {
    (void)sharedDataFile("stanford-bunny/bun_zipper_res4.ply");
    for (const Scan& scan : kScans) {
        const fs::path original = sharedDataDir() / scan.path;
        if (!fs::exists(original)) continue;
        const fs::path dir = mutantFolder("hostile_flip_" + original.stem().string(), original);
        flipAndCheck(original, readBytes(original), dir, scan.flips);
    }
}

TEST_CASE("PLY headers that lie about element counts are refused without huge allocations", "[hostile][ply]") {
    const fs::path dir = scratchDir("hostile_ply_counts");
    for (const char* name : {"quad_ascii.ply", "quad_binary_le.ply", "quad_binary_be.ply", "strip.ply", "points16.ply"})
        lieAboutPlyCounts(dir, name, sample(name).bytes);
    for (const char* scan : {"3dhop-gargoyle/gargo.ply", "stanford-bunny/bun_zipper_res4.ply", "igea/igea.ply"})
        if (fs::path p = sharedDataDir() / scan; !sharedDataDir().empty() && fs::exists(p))
            lieAboutPlyCounts(dir, p.filename().string(), readBytes(p));
    // A list that claims 2^32-1 entries in a tiny binary body.
    std::string mutant = sample("quad_binary_le.ply").bytes;
    mutant[mutant.size() - 13] = char(0xff);
    writeBytes(dir / "huge_list.ply", mutant);
    checkImportContract(dir / "huge_list.ply", "face list count 255", true, importLimits());
}

TEST_CASE("GLB files that lie about chunk lengths are refused", "[hostile][glb]") {
    const fs::path dir = scratchDir("hostile_glb_lengths");
    for (const char* name : {"quad.glb", "quad_textured.glb", "quad_draco.glb"}) lieAboutGlbLengths(dir, name, sample(name).bytes);
    for (const char* scan : {"formats-assimp/glb/BoxTextured.glb", "nefertiti-fraunhofer/Nefertiti.glb"})
        if (fs::path p = sharedDataDir() / scan; !sharedDataDir().empty() && fs::exists(p))
            lieAboutGlbLengths(dir, p.filename().string(), readBytes(p));
}

TEST_CASE("Headers declaring 10^8 vertices and huge sizes are refused quickly", "[hostile][counts]") {
    const fs::path dir = scratchDir("hostile_huge_counts");
    std::vector<std::pair<std::string, std::string>> files = {
        {"ascii.ply", "ply\nformat ascii 1.0\nelement vertex 100000000\nproperty float x\nproperty float y\nproperty float z\n"
                      "end_header\n0 0 0\n1 0 0\n0 1 0\n"},
        {"binary.ply", "ply\nformat binary_little_endian 1.0\nelement vertex 100000000\nproperty double x\nproperty double y\n"
                       "property double z\nelement face 100000000\nproperty list uint int vertex_indices\nend_header\n" +
                           std::string(72, '\0')},
        {"huge.off", "OFF\n100000000 100000000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"},
        {"huge_faces.off", "OFF\n3 100000000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"},
        {"no_keyword.off", "2174\n3535235358000 0\n1 8.5 0\n"},  // Assimp reads counts without "OFF" too.
        {"huge.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 100000000\nf -100000000 1 2\n"},
    };
    {
        std::string stl(80, ' ');
        const std::uint32_t count = 100000000;
        stl.append(reinterpret_cast<const char*>(&count), 4);
        stl += std::string(50, '\0');
        files.emplace_back("huge.stl", stl);
    }
    {
        const std::string dae = sample("quad.dae").bytes;
        files.emplace_back("float_array.dae", replaceAll(dae, R"(count="12")", R"(count="300000000")"));
        files.emplace_back("accessor.dae", replaceAll(dae, R"(count="4")", R"(count="100000000")"));
        files.emplace_back("triangles.dae", replaceAll(dae, R"(count="2")", R"(count="100000000")"));
        files.emplace_back("stride.dae", replaceAll(dae, R"(stride="3")", R"(stride="100000000")"));
    }
    for (const char* name : {"quad.gltf", "quad_draco.gltf", "points_draco.gltf"}) {
        const std::string gltf = sample(name).bytes;
        files.emplace_back(std::string("count_") + name, replaceAll(gltf, R"("count":4)", R"("count":100000000)"));
        files.emplace_back(std::string("index_count_") + name, replaceAll(gltf, R"("count":6)", R"("count":100000000)"));
        files.emplace_back(std::string("buffer_") + name, replaceAll(gltf, R"("byteLength":)", R"("byteLength":1099511627776)"));
        files.emplace_back(std::string("view_") + name, replaceAll(gltf, R"("byteOffset":48)", R"("byteOffset":4294967295)"));
        files.emplace_back(std::string("nodes_") + name, replaceAll(gltf, R"("nodes":[{"mesh":0)",
                                                                    R"("nodes":[{"mesh":0,"children":[0,0]},{"mesh":0)"));
    }
    for (const auto& [name, bytes] : files) {
        writeBytes(dir / name, bytes);
        checkImportContract(dir / name, "huge declared count", true, importLimits());
    }
}

TEST_CASE("Textures that claim 16K x 16K and more are bounded", "[hostile][texture]") {
    const fs::path dir = scratchDir("hostile_textures");
    const std::string obj = "mtllib big.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\nusemtl big\nf 1/1 2/2 3/3\n";
    const std::vector<std::pair<std::string, std::string>> images = {
        {"png16k_header.png", samples::pngHeaderOnly(16384, 16384)},
        {"png64k_header.png", samples::pngHeaderOnly(65535, 65535)},
        {"png2g_header.png", samples::pngHeaderOnly(0x7fffffff, 0x7fffffff)},
        {"jpeg16k_header.jpg", samples::jpegHeaderOnly(16384, 16384)},
        {"jpeg64k_header.jpg", samples::jpegHeaderOnly(65535, 65535)},
        {"png16k_real.png", samples::solidPng(16384, 16384, 180, 140, 90)},
    };
    for (const auto& [name, bytes] : images) {
        // As an OBJ's texture file...
        const fs::path folder = dir / name;
        writeBytes(folder / name, bytes);
        writeBytes(folder / "big.mtl", "newmtl big\nKd 1 1 1\nmap_Kd " + name + "\n");
        writeBytes(folder / "tri.obj", obj);
        INFO(name);
        CHECK(checkImportContract(folder / "tri.obj", "OBJ with texture " + name, true, importLimits()));
        // ...and embedded in a GLB.
        std::string bin = sample("quad.glb").bytes;
        const std::string json = R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":)" + std::to_string(60 + bytes.size()) + R"(}],
"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":48},{"buffer":0,"byteOffset":48,"byteLength":12},
               {"buffer":0,"byteOffset":60,"byteLength":)" + std::to_string(bytes.size()) + R"(}],
"accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
             {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"}],
"images":[{"bufferView":2,"mimeType":"image/png"}],"textures":[{"source":0}],
"materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1,"material":0}]}],"nodes":[{"mesh":0}]})";
        const std::string glbBytes = samples::glb(json, std::string(bin.data() + 28 + getU32(bin, 12), 60) + bytes);
        writeBytes(folder / "embedded.glb", glbBytes);
        checkImportContract(folder / "embedded.glb", "GLB embedding " + name, true, importLimits());
    }
}
