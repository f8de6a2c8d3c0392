// Bad input never crashes, hangs or allocates absurdly: a Model or one Error naming the file.
#include <catch2/catch.hpp>

#include <random>

#include "asset/import.h"
#include "asset_test_util.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;
namespace fs = std::filesystem;

namespace {

void checkErrorNames(const Expected<Model>& result, const fs::path& file) {
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.rfind(file.string(), 0) == 0);
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string out(n, '\0');
    for (auto& c : out) c = static_cast<char>(rng() & 0xff);
    return out;
}

// A valid glTF holding one triangle; the schema tests below break one member at a time.
const std::string kTriangleJson =
    R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":36}],)"
    R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
    R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],)"
    R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],"nodes":[{"mesh":0}],"scenes":[{"nodes":[0]}]})";

// A GLB: 12-byte header, JSON chunk, BIN chunk with the triangle's three positions.
std::string triangleGlb(std::string json = kTriangleJson) {
    while (json.size() % 4) json += ' ';
    std::string bin;
    for (float f : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f}) appendBytes(bin, f);
    std::string glb = "glTF";
    appendBytes(glb, std::uint32_t(2));
    appendBytes(glb, std::uint32_t(12 + 8 + json.size() + 8 + bin.size()));
    appendBytes(glb, std::uint32_t(json.size()));
    appendBytes(glb, std::uint32_t(0x4E4F534A));
    glb += json;
    appendBytes(glb, std::uint32_t(bin.size()));
    appendBytes(glb, std::uint32_t(0x004E4942));
    return glb + bin;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("Missing, folder and empty inputs give plain messages", "[asset][bad]") {
    auto dir = scratchDir("bad_plain");
    auto missing = importModel(dir / "nothere.ply");
    checkErrorNames(missing, dir / "nothere.ply");
    CHECK_THAT(missing.error().message, Catch::Contains("not found"));
    checkErrorNames(importModel(dir), dir);
    for (const char* name : {"empty.ply", "empty.obj", "empty.glb", "empty.gltf", "empty.fbx"}) {
        writeFile(dir / name, "");
        auto result = importModel(dir / name);
        checkErrorNames(result, dir / name);
        CHECK_THAT(result.error().message, Catch::Contains("empty file"));
    }
}

TEST_CASE("Random bytes under any extension are an error, not a crash", "[asset][bad]") {
    auto dir = scratchDir("bad_random");
    unsigned seed = 1;
    for (const char* name : {"noise.ply", "noise.obj", "noise.glb", "noise.gltf", "noise.fbx", "noise.stl",
                             "noise.dae", "noise.3ds", "noise.off", "noise.bin"}) {
        writeFile(dir / name, randomBytes(4096, seed++));
        CapturedWarnings quiet;
        auto result = importModel(dir / name);
        if (!result.ok()) CHECK(result.error().message.rfind((dir / name).string(), 0) == 0);
    }
    // A PLY magic followed by noise must not be mistaken for a header.
    writeFile(dir / "magic.ply", "ply\n" + randomBytes(2048, 99));
    checkErrorNames(importModel(dir / "magic.ply"), dir / "magic.ply");
}

TEST_CASE("A truncated GLB is an error at any cut", "[asset][bad]") {
    auto dir = scratchDir("bad_glb");
    const std::string glb = triangleGlb();
    writeFile(dir / "whole.glb", glb);
    auto whole = importModel(dir / "whole.glb");
    REQUIRE(whole.ok());
    CHECK(whole->triangleCount() == 1);
    for (std::size_t cut : {std::size_t(5), std::size_t(12), std::size_t(30), glb.size() / 2, glb.size() - 4}) {
        writeFile(dir / "cut.glb", glb.substr(0, cut));
        INFO("cut at " << cut);
        checkErrorNames(importModel(dir / "cut.glb"), dir / "cut.glb");
    }
}

// Assimp 5.2 reads through null pointers or recurses forever on each of these (the first was
// found by fuzz_import_glb); our schema check must turn every one into an error naming the member.
TEST_CASE("glTF that breaks the schema is an error naming the member", "[asset][bad]") {
    auto dir = scratchDir("bad_gltf_schema");
    struct Case {
        std::string from, to, expected;
    };
    const Case cases[] = {
        {R"("componentType":5126,)", "", "accessors[0].componentType"},
        {R"("componentType":5126)", R"("componentType":"5126")", "accessors[0].componentType"},
        {R"("type":"VEC3")", R"("type":"VEC7")", "accessors[0].type"},
        {R"("type":"VEC3")", R"("type":3)", "accessors[0].type: must be a string"},
        {R"("count":3)", R"("count":4)", "run past the end of bufferView 0"},
        {R"("max":[1,1,0])", R"("max":[1,1])", "accessors[0].max"},
        {R"("buffers":[{"byteLength":36}])", R"("buffers":[{"byteLength":360}])", "buffers[0]: declares 360 bytes"},
        {R"({"buffer":0,"byteLength":36})", R"({"buffer":1,"byteLength":36})", "bufferViews[0].buffer"},
        {R"({"POSITION":0})", R"({"POSITION":9})", "attributes.POSITION: no such accessor"},
        {R"("attributes":{"POSITION":0})", R"("attributes":{"POSITION":0},"material":2)", "primitives[0].material"},
        {R"("attributes":{"POSITION":0})", R"("attributes":{"POSITION":0},"indices":0)", "must be unsigned SCALAR integers"},
        {R"("primitives":[{"attributes":{"POSITION":0}}])", R"("primitives":[])", "meshes[0].primitives"},
        {R"("nodes":[{"mesh":0}])", R"("nodes":[{"mesh":0,"children":[1]},{"children":[0]}])", "cycle"},
        {R"("nodes":[{"mesh":0}])", R"("nodes":[{"mesh":0,"name":7}])", "nodes[0].name: must be a string"},
        {R"("scenes":[{"nodes":[0]}])", R"("scenes":[{"nodes":[0]}],"scene":3)", "scene: 3 is out of range"},
        {R"({"asset":{"version":"2.0"},)", R"({"asset":{},)", "asset.version"},
        {R"("nodes":[{"mesh":0}])", R"("nodes":[{"mesh":0}],"textures":[{"source":0}])", "textures[0].source"},
        {R"("nodes":[{"mesh":0}])", R"("nodes":[{"mesh":0}],"images":[{"bufferView":0,"mimeType":"image`png"}])",
         "images[0].mimeType"},
    };
    for (const Case& c : cases) {
        INFO(c.expected);
        const fs::path file = dir / "broken.glb";
        writeFile(file, triangleGlb(replaced(kTriangleJson, c.from, c.to)));
        auto result = importModel(file);
        checkErrorNames(result, file);
        CHECK_THAT(result.error().message, Catch::Contains(c.expected));
        // The same document as a .gltf with its buffer as a data: URI.
        const std::string base64 = "AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA";
        std::string gltf = replaced(replaced(kTriangleJson, c.from, c.to), R"("byteLength":3)",
                                    R"("uri":"data:application/octet-stream;base64,)" + base64 + R"(","byteLength":3)");
        writeFile(dir / "broken.gltf", gltf);
        CHECK_THAT(importModel(dir / "broken.gltf").error().message, Catch::Contains(c.expected));
    }
    writeFile(dir / "whole.gltf", replaced(kTriangleJson, R"("byteLength":36}],)",
                                           R"("uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA","byteLength":36}],)"));
    auto whole = importModel(dir / "whole.gltf");
    REQUIRE(whole.ok());
    CHECK(whole->triangleCount() == 1);
}

// Valid glTF, but Assimp 5.2 reads or writes past its face arrays on each of these primitives
// (fuzz_import_glb, fuzz_import_gltf): our own reader takes such files, keeping the triangles.
TEST_CASE("glTF with line loops, short strips and position-less primitives keeps its triangles", "[asset][bad]") {
    auto dir = scratchDir("gltf_awkward_primitives");
    const std::string triangle = R"({"attributes":{"POSITION":0}})";
    for (const char* extra : {R"({"attributes":{"POSITION":0},"mode":2})", R"({"attributes":{"POSITION":0},"mode":1})",
                                     R"({"attributes":{"POSITION":0},"mode":3})", R"({"attributes":{"NORMAL":0},"mode":5})",
                                     R"({"attributes":{"NORMAL":0}})"}) {
        INFO(extra);
        writeFile(dir / "mixed.glb", triangleGlb(replaced(kTriangleJson, triangle, triangle + "," + std::string(extra))));
        auto model = importModel(dir / "mixed.glb");
        REQUIRE(model.ok());
        CHECK(model->triangleCount() == 1);
    }
    writeFile(dir / "loop.glb", triangleGlb(replaced(kTriangleJson, triangle, R"({"attributes":{"POSITION":0},"mode":2})")));
    CHECK_THAT(importModel(dir / "loop.glb").error().message, Catch::Contains("no geometry"));
    // Under another name the same bytes would reach Assimp without our checks: refused.
    writeFile(dir / "loop.bin", triangleGlb(replaced(kTriangleJson, triangle, R"({"attributes":{"POSITION":0},"mode":2})")));
    CHECK_THAT(importModel(dir / "loop.bin").error().message, Catch::Contains("looks like glTF"));
}

TEST_CASE("Every file in shared/data/edge gives a Model or an Error naming it", "[asset][bad][data]") {
    const fs::path edge = sharedDataFile("edge");
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(edge)) {
        if (!entry.is_regular_file()) continue;
        const std::string ext = entry.path().extension().string();
        if (ext == ".md" || ext == ".txt" || entry.path().filename() == "LICENSE") continue;
        ++files;
        CapturedWarnings quiet;
        auto result = importModel(entry.path());
        INFO(entry.path().string());
        if (result.ok()) {
            CHECK(result->vertexCount() > 0);
            CHECK_FALSE(result->materials.empty());
        } else {
            CHECK(result.error().message.rfind(entry.path().string(), 0) == 0);
        }
    }
    CHECK(files >= 20);
}

TEST_CASE("Edge PLYs that are valid load with the right content", "[asset][bad][data]") {
    auto cube1 = importModel(sharedDataFile("edge/ply/cube_binary_header_with_RN_newline.ply"));
    REQUIRE(cube1.ok());
    CHECK(cube1->triangleCount() == 12);
    auto cube2 = importModel(sharedDataFile("edge/ply/cube_binary_starts_with_nl.ply"));
    REQUIRE(cube2.ok());
    CHECK(cube2->triangleCount() == 12);  // 6 quads.
    auto floats = importModel(sharedDataFile("edge/ply/float-color.ply"));
    REQUIRE(floats.ok());
    CHECK(floats->primitives[0].vertices[0].color == glm::u8vec4(0, 0, 255, 255));
    auto points = importModel(sharedDataFile("edge/ply/points.ply"));
    REQUIRE(points.ok());
    CHECK(points->pointCount() == 4);
    auto bomb = importModel(sharedDataFile("edge/assimp-invalid/OutOfMemory.off"));
    REQUIRE_FALSE(bomb.ok());
    CHECK_THAT(bomb.error().message, Catch::Contains("353535235358"));
}

TEST_CASE("glTF with a missing .bin is an error naming the file", "[asset][bad][data]") {
    const fs::path file = sharedDataFile("edge/gltf/MissingBin_BoxTextured.gltf");
    CapturedWarnings quiet;
    checkErrorNames(importModel(file), file);
}
