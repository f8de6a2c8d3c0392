// Import of small files each test writes itself: OBJ+MTL+PNG, glTF through Assimp and through
// our own glTF reader, texture path resolution, describeModel.
#include <catch2/catch.hpp>

#include <algorithm>

#include <stb/stb_image_write.h>

#include "asset/import.h"
#include "asset/import_internal.h"
#include "asset_test_util.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;
namespace fs = std::filesystem;

namespace {

const char* kCubeObj =
    "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n"
    "usemtl painted\nf 1/1 2/2 3/3\nf 1/1 3/3 4/4\n";

void writeRedPng(const fs::path& path) {
    const std::uint8_t red[2 * 2 * 4] = {255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255};
    REQUIRE(stbi_write_png(path.c_str(), 2, 2, 4, red, 8) != 0);
}

// A triangle in a base64 buffer: positions (0,0,0) (1,0,0) (0,1,0), no normals or indices.
const char* kTriangleBuffer =
    "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA";

std::string triangleGltf(const std::string& extensionsUsed) {
    return std::string(R"({"asset":{"version":"2.0"},)") + extensionsUsed +
           R"("buffers":[{"byteLength":36,"uri":")" + kTriangleBuffer + R"("}],
  "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":36}],
  "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],
  "materials":[{"name":"gold","pbrMetallicRoughness":{"baseColorFactor":[1,0.5,0.25,1],"metallicFactor":0.9,
                "roughnessFactor":0.3},"doubleSided":true}],
  "meshes":[{"name":"tri","primitives":[{"attributes":{"POSITION":0},"material":0}]}],
  "nodes":[{"mesh":0,"translation":[10,0,0]},{"mesh":0,"scale":[2,2,2]}],
  "scenes":[{"nodes":[0,1]}],"scene":0})";
}

void checkTriangleGltf(const Model& m) {
    CHECK(m.meshCount == 1);
    CHECK(m.primitives.size() == 2);  // One mesh, two instances.
    CHECK(m.triangleCount() == 2);
    CHECK(m.bounds.min.x == Approx(0.0));
    CHECK(m.bounds.max.x == Approx(11.0));  // Node transforms are baked in.
    CHECK(m.bounds.max.y == Approx(2.0));
    CHECK(m.up == UpAxis::Y);
    REQUIRE(m.materials.size() >= 1);
    const Material& gold = m.materials[m.primitives[0].material];
    CHECK(gold.baseColorFactor.g == Approx(0.5f));
    CHECK(gold.metallicFactor == Approx(0.9f));
    CHECK(gold.roughnessFactor == Approx(0.3f));
    CHECK(gold.doubleSided);
    CHECK(m.primitives[0].vertices[0].normal.z == Approx(1.0f));  // Generated.
}

}  // namespace

TEST_CASE("OBJ with MTL and a PNG texture imports textured", "[asset][obj]") {
    auto dir = scratchDir("obj_textured");
    writeFile(dir / "cube.obj", std::string("mtllib cube.mtl\n") + kCubeObj);
    writeFile(dir / "cube.mtl", "newmtl painted\nKd 0.5 0.5 0.5\nmap_Kd red.png\n");
    writeRedPng(dir / "red.png");
    auto model = importModel(dir / "cube.obj");
    REQUIRE(model.ok());
    CHECK(model->format == "OBJ");
    CHECK(model->triangleCount() == 2);
    CHECK(model->vertexCount() == 4);
    REQUIRE(model->textures.size() == 1);
    CHECK_FALSE(model->textures[0].isFallback);
    CHECK(model->textures[0].levels.size() == 2);
    const Material& m = model->materials[model->primitives[0].material];
    CHECK(m.baseColorTexture == 0);
    CHECK(m.metallicFactor == 0.0f);
    CHECK(m.roughnessFactor == Approx(0.8f));
    CHECK(model->primitives[0].hasUVs);
}

TEST_CASE("A missing texture gives a checkerboard and one warning naming it", "[asset][obj]") {
    auto dir = scratchDir("obj_missing_texture");
    writeFile(dir / "two.obj", "mtllib two.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 1 1 0\nvt 0 0\n"
                               "usemtl a\nf 1/1 2/1 3/1\nusemtl b\nf 2/1 4/1 3/1\n");
    writeFile(dir / "two.mtl", "newmtl a\nmap_Kd gone.png\nnewmtl b\nmap_Kd gone.png\n");
    CapturedWarnings warnings;
    auto model = importModel(dir / "two.obj");
    REQUIRE(model.ok());
    REQUIRE(model->textures.size() == 1);  // Both materials share the one fallback.
    CHECK(model->textures[0].isFallback);
    CHECK(warnings.countContaining((dir / "gone.png").string()) == 1);
    for (const auto& m : model->materials)
        if (m.name == "a" || m.name == "b") CHECK(m.baseColorTexture == 0);
    CHECK_THAT(describeModel(*model), Catch::Contains("textures: 1 (1 missing"));
}

TEST_CASE("OBJ naming a missing MTL still opens, without geometry it is an error", "[asset][obj]") {
    auto dir = scratchDir("obj_missing_mtl");
    CapturedWarnings warnings;
    writeFile(dir / "nomtl.obj", std::string("mtllib absent.mtl\n") + kCubeObj);
    auto model = importModel(dir / "nomtl.obj");
    REQUIRE(model.ok());
    CHECK(model->triangleCount() == 2);
    CHECK_FALSE(model->materials.empty());
    writeFile(dir / "empty.obj", "mtllib absent.mtl\nusemtl x\n# nothing else\n");
    auto empty = importModel(dir / "empty.obj");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.rfind((dir / "empty.obj").string(), 0) == 0);
}

TEST_CASE("Minimal glTF imports through Assimp with transforms and PBR material", "[asset][gltf]") {
    auto dir = scratchDir("gltf_minimal");
    writeFile(dir / "tri.gltf", triangleGltf(""));
    auto model = importModel(dir / "tri.gltf");
    REQUIRE(model.ok());
    CHECK(model->format == "glTF 2.0");
    checkTriangleGltf(*model);
}

TEST_CASE("Our own glTF reader (used for Draco files) reads the same file alike", "[asset][gltf]") {
    auto dir = scratchDir("gltf_own_reader");
    // Naming the extension routes the file to our reader; no primitive actually uses it.
    writeFile(dir / "tri.gltf", triangleGltf(R"("extensionsUsed":["KHR_draco_mesh_compression"],)"));
    auto model = importModel(dir / "tri.gltf");
    REQUIRE(model.ok());
    CHECK(model->format == "glTF 2.0 (Draco)");
    checkTriangleGltf(*model);
}

TEST_CASE("Our glTF reader rejects accessors outside their buffer", "[asset][gltf]") {
    auto dir = scratchDir("gltf_bad_accessor");
    std::string text = triangleGltf(R"("extensionsUsed":["KHR_draco_mesh_compression"],)");
    text.replace(text.find("\"count\":3"), 9, "\"count\":300");
    writeFile(dir / "bad.gltf", text);
    auto model = importModel(dir / "bad.gltf");
    REQUIRE_FALSE(model.ok());
    CHECK_THAT(model.error().message, Catch::Contains("past the end"));
}

TEST_CASE("Texture references resolve despite backslashes, case and URL escapes", "[asset][texture]") {
    auto dir = scratchDir("resolve");
    fs::create_directories(dir / "maps");
    writeFile(dir / "maps" / "Stone Wall.JPG", "x");
    writeFile(dir / "plain.png", "x");
    const fs::path wanted = dir / "maps" / "Stone Wall.JPG";
    CHECK(detail::resolveReferencedFile(dir, "maps/Stone Wall.JPG") == wanted);
    CHECK(detail::resolveReferencedFile(dir, ".\\maps\\Stone Wall.JPG") == wanted);
    CHECK(detail::resolveReferencedFile(dir, "maps/stone wall.jpg") == wanted);
    CHECK(detail::resolveReferencedFile(dir, "maps/Stone%20Wall.JPG") == wanted);
    CHECK(detail::resolveReferencedFile(dir, "D:\\work\\export\\PLAIN.PNG") == dir / "plain.png");
    CHECK(detail::resolveReferencedFile(dir, "nothere.png").empty());
}

TEST_CASE("describeModel lists the statistics axisview info prints", "[asset]") {
    auto dir = scratchDir("describe");
    writeFile(dir / "tri.obj", "v 0 0 0\nv 2 0 0\nv 0 3 0\nf 1 2 3\n");
    auto model = importModel(dir / "tri.obj");
    REQUIRE(model.ok());
    const std::string text = describeModel(*model);
    for (const char* line : {"file: ", "format: OBJ", "up axis: ", "meshes: 1", "primitives: 1", "triangles: 1",
                             "points: 0", "vertices: 3", "materials: ", "textures: 0", "bounds min: 0 0 0",
                             "bounds max: 2 3 0", "bounds size: 2 3 0"})
        CHECK_THAT(text, Catch::Contains(line));
}

TEST_CASE("ImportOptions::up overrides the guess", "[asset]") {
    auto dir = scratchDir("up_override");
    writeFile(dir / "tri.obj", "v 0 0 0\nv 2 0 0\nv 0 3 0\nf 1 2 3\n");
    ImportOptions options;
    options.up = UpAxis::Z;
    auto model = importModel(dir / "tri.obj", options);
    REQUIRE(model.ok());
    CHECK(model->up == UpAxis::Z);
}

TEST_CASE("A glTF placed at projected coordinates keeps its millimetres", "[asset][gltf][geo]") {
    // The same triangle (1 m legs) at a node 448 km east and 4,418 km north (UTM-like, y up):
    // floats would keep half-metres there; the model keeps an origin in double instead.
    const auto dir = test::scratchDir("gltf_far");
    std::string gltf = triangleGltf("");
    const std::string nodes = R"("nodes":[{"mesh":0,"translation":[10,0,0]},{"mesh":0,"scale":[2,2,2]}])";
    gltf.replace(gltf.find(nodes), nodes.size(),
                 R"("nodes":[{"mesh":0,"translation":[448000.123,45.5,-4418000.456]},)"
                 R"({"mesh":0,"translation":[448000.124,45.5,-4418000.456]}])");
    writeFile(dir / "far.gltf", gltf);
    auto m = importModel(dir / "far.gltf");
    REQUIRE(m.ok());
    CHECK(m->up == UpAxis::Y);
    CHECK_FALSE(m->frame.earthCentred);
    REQUIRE(m->primitives.size() == 2);
    auto source = [&](int primitive, int vertex) {
        return m->frame.origin + glm::dvec3(m->primitives[primitive].vertices[vertex].position);
    };
    CHECK(glm::length(source(0, 0) - glm::dvec3(448000.123, 45.5, -4418000.456)) < 1e-4);
    CHECK(glm::length(source(0, 1) - glm::dvec3(448001.123, 45.5, -4418000.456)) < 1e-4);
    // The second instance sits a millimetre east of the first, and stays so.
    CHECK(source(1, 0).x - source(0, 0).x == Approx(0.001).margin(1e-5));
}

TEST_CASE("An OBJ at projected coordinates keeps its millimetres", "[asset][obj][geo]") {
    // Two triangles a millimetre apart, 448 km east and 4,419 km north (UTM 50N, z up), with a
    // material library beside it: Assimp alone would round them to half-metres.
    const auto dir = test::scratchDir("obj_far");
    writeFile(dir / "far.mtl", "newmtl stone\nKd 0.8 0.1 0.1\n");
    writeFile(dir / "far.obj",
              "# survey in EPSG:32650\nmtllib far.mtl\n"
              "v 448310.1234 4419870.4567 43.2100\nv 448311.1234 4419870.4567 43.2100\n"
              "  v\t448310.1234 4419871.4567 43.2100 0.5 0.5 0.5\n"
              "v 448310.1244 4419870.4567 43.2110\nv 448311.1244 4419870.4567 43.2110\nv 448310.1244 4419871.4567 43.2110\n"
              "usemtl stone\nf 1 2 3\nf 4 5 6\n");
    auto m = importModel(dir / "far.obj");
    REQUIRE(m.ok());
    CHECK(glm::length(m->frame.origin - glm::dvec3(448310.6, 4419870.8, 43.2)) < 1.0);  // The centroid, kept in double.
    // The material library was still found beside it.
    CHECK(std::any_of(m->materials.begin(), m->materials.end(), [](const Material& x) { return x.name == "stone"; }));
    std::vector<glm::dvec3> source;
    for (const auto& p : m->primitives)
        for (const auto& v : p.vertices) source.push_back(m->frame.origin + glm::dvec3(v.position));
    REQUIRE(source.size() == 6);
    std::sort(source.begin(), source.end(), [](const glm::dvec3& a, const glm::dvec3& b) {
        return a.z != b.z ? a.z < b.z : a.x != b.x ? a.x < b.x : a.y < b.y;
    });
    CHECK(glm::length(source[0] - glm::dvec3(448310.1234, 4419870.4567, 43.21)) < 1e-4);
    CHECK(glm::length(source[3] - glm::dvec3(448310.1244, 4419870.4567, 43.211)) < 1e-4);
    CHECK(source[3].x - source[0].x == Approx(0.001).margin(1e-5));  // A millimetre apart, as written.
}
