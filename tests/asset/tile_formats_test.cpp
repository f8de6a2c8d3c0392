// OGC 3D Tiles tile contents (asset/tile_formats.cpp) and the glTF extensions 3D Tiles content
// uses (KHR_texture_basisu, CESIUM_RTC in asset/gltf_reader.cpp). Every input is built here.
#include <catch2/catch.hpp>

#include <stb/stb_image_write.h>

#include "asset/import.h"
#include "asset/import_internal.h"
#include "asset_test_util.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;
namespace fs = std::filesystem;

namespace {

// --- building files ----------------------------------------------------------------------------

std::string padded(std::string text, std::size_t multiple, char with) {
    while (text.size() % multiple) text += with;
    return text;
}

std::string glbOf(const std::string& json, const std::string& bin) {
    const std::string j = padded(json, 4, ' '), b = padded(bin, 4, '\0');
    std::string out = "glTF";
    appendBytes(out, std::uint32_t(2));
    appendBytes(out, std::uint32_t(12 + 8 + j.size() + 8 + b.size()));
    appendBytes(out, std::uint32_t(j.size()));
    appendBytes(out, std::uint32_t(0x4E4F534A));
    out += j;
    appendBytes(out, std::uint32_t(b.size()));
    appendBytes(out, std::uint32_t(0x004E4942));
    return out + b;
}

// Two triangles of a unit quad (positions then uint16 indices), node moved by (2, 3, 4).
std::string quadGlb(const std::string& extraJson = "") {
    std::string bin;
    for (float f : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 1.f, 1.f, 0.f, 0.f, 1.f, 0.f}) appendBytes(bin, f);
    for (std::uint16_t i : {0, 1, 2, 0, 2, 3}) appendBytes(bin, i);
    const std::string json = R"({"asset":{"version":"2.0"},)" + extraJson + R"("buffers":[{"byteLength":60}],
"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":48},{"buffer":0,"byteOffset":48,"byteLength":12}],
"accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
             {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],
"nodes":[{"mesh":0,"translation":[2,3,4]}],"scenes":[{"nodes":[0]}],"scene":0})";
    return glbOf(json, bin);
}

// A b3dm or pnts tile: 28-byte header, tables padded to 8 bytes as the spec asks, then `body`.
std::string tile(const std::string& magic, const std::string& featureJson, const std::string& featureBinary,
                 const std::string& body = "") {
    const std::string fj = padded(featureJson, 8, ' '), fb = padded(featureBinary, 8, '\0');
    const std::string bj = padded(R"({"name":["a"]})", 8, ' ');
    std::string out = magic;
    appendBytes(out, std::uint32_t(1));
    appendBytes(out, std::uint32_t(28 + fj.size() + fb.size() + bj.size() + body.size()));
    for (std::size_t length : {fj.size(), fb.size(), bj.size(), std::size_t(0)}) appendBytes(out, std::uint32_t(length));
    return out + fj + fb + bj + body;
}

std::string cmptOf(const std::vector<std::string>& inner) {
    std::string body;
    for (const auto& t : inner) body += t;
    std::string out = "cmpt";
    appendBytes(out, std::uint32_t(1));
    appendBytes(out, std::uint32_t(16 + body.size()));
    appendBytes(out, std::uint32_t(inner.size()));
    return out + body;
}

void putU32(std::string& bytes, std::size_t at, std::uint32_t value) { std::memcpy(&bytes[at], &value, 4); }

void checkErrorNames(const Expected<Model>& result, const fs::path& file, const std::string& what) {
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.rfind(file.string(), 0) == 0);
    CHECK_THAT(result.error().message, Catch::Contains(what));
}

// Positions in the source's coordinates again: the origin added back, in double.
glm::dvec3 sourcePosition(const Model& m, std::size_t primitive, std::size_t vertex) {
    return m.frame.origin + glm::dvec3(m.primitives[primitive].vertices[vertex].position);
}

// The tileset's z-up frame: what a streamer gets after upAxisToZUp (scene/model.h).
glm::dvec3 inTilesetFrame(const Model& m, const glm::dvec3& source) { return glm::dvec3(upAxisToZUp(m.up) * glm::dvec4(source, 1.0)); }

void checkNear(const glm::dvec3& a, const glm::dvec3& b, double tolerance) {
    INFO("(" << a.x << ", " << a.y << ", " << a.z << ") vs (" << b.x << ", " << b.y << ", " << b.z << ")");
    CHECK(glm::length(a - b) < tolerance);
}

void writePng(const fs::path& path, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    const std::uint8_t texels[2 * 2 * 4] = {r, g, b, 255, r, g, b, 255, r, g, b, 255, r, g, b, 255};
    REQUIRE(stbi_write_png(path.c_str(), 2, 2, 4, texels, 8) != 0);
}

// A textured triangle glTF (data-URI buffer) whose texture and images are `texturesAndImages`.
std::string texturedGltf(const std::string& texturesAndImages) {
    // Positions (0,0,0) (1,0,0) (0,1,0), then uvs (0,0) (1,0) (0,1).
    std::string bin;
    for (float f : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 1.f}) appendBytes(bin, f);
    static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string base64;
    for (std::size_t i = 0; i < bin.size(); i += 3) {  // 60 bytes: no padding needed.
        const unsigned v = (unsigned char)bin[i] << 16 | (unsigned char)bin[i + 1] << 8 | (unsigned char)bin[i + 2];
        for (int k = 3; k >= 0; --k) base64 += kDigits[(v >> (6 * k)) & 63];
    }
    return R"({"asset":{"version":"2.0"},"extensionsUsed":["KHR_texture_basisu"],
"buffers":[{"byteLength":60,"uri":"data:application/octet-stream;base64,)" + base64 + R"("}],
"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":24}],
"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
             {"bufferView":1,"componentType":5126,"count":3,"type":"VEC2"}],
"materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],)" + texturesAndImages + R"(,
"meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1},"material":0}]}],
"nodes":[{"mesh":0}],"scenes":[{"nodes":[0]}]})";
}

const Texture& baseColour(const Model& m) {
    const int index = m.materials.at(m.primitives.at(0).material).baseColorTexture;
    REQUIRE(index >= 0);
    return m.textures.at(std::size_t(index));
}

glm::u8vec4 firstTexel(const Texture& t) {
    REQUIRE_FALSE(t.levels.empty());
    const auto& rgba = t.levels[0].rgba;
    return {rgba[0], rgba[1], rgba[2], rgba[3]};
}

// A point cloud's feature table binary: 3 float positions, then RGB bytes.
struct PointFixture {
    std::vector<glm::vec3> positions{{0.5f, 1.5f, 2.5f}, {-3.0f, 4.0f, 0.25f}, {10.0f, -2.0f, 7.0f}};
    std::vector<glm::u8vec3> colours{{255, 0, 0}, {0, 128, 0}, {10, 20, 30}};
    std::string binary() const {
        std::string b;
        for (const auto& p : positions) appendBytes(b, p.x), appendBytes(b, p.y), appendBytes(b, p.z);
        for (const auto& c : colours) b += {char(c.r), char(c.g), char(c.b)};
        return b;
    }
};

}  // namespace

// --- b3dm ----------------------------------------------------------------------------------------

TEST_CASE("A b3dm gives its GLB's triangles, with RTC_CENTER kept in the source origin", "[asset][tiles][b3dm]") {
    const auto dir = scratchDir("tiles_b3dm_rtc");
    const std::string glb = quadGlb();
    writeFile(dir / "quad.glb", glb);
    const glm::dvec3 rtc(1215011.9317, -4736309.3434, 4081602.0043);  // Earth-centred, to the 0.1 mm.
    writeFile(dir / "quad.b3dm", tile("b3dm", R"({"BATCH_LENGTH":0,"RTC_CENTER":[1215011.9317,-4736309.3434,4081602.0043]})", "", glb));
    auto plain = importModel(dir / "quad.glb");
    auto tiled = importModel(dir / "quad.b3dm");
    REQUIRE(plain.ok());
    REQUIRE(tiled.ok());
    CHECK_THAT(tiled->format, Catch::Contains("b3dm"));
    CHECK(tiled->up == UpAxis::Y);
    CHECK_FALSE(tiled->frame.earthCentred);  // Tile content stays in its tileset's frame.
    REQUIRE(tiled->primitives.size() == plain->primitives.size());
    CHECK(tiled->triangleCount() == 2);
    CHECK(tiled->primitives[0].indices == plain->primitives[0].indices);
    for (std::size_t v = 0; v < 4; ++v) {
        const glm::dvec3 glbPoint = sourcePosition(*plain, 0, v);
        // 3D Tiles turns the glTF z-up, then adds RTC_CENTER (in the tileset's z-up frame).
        checkNear(inTilesetFrame(*tiled, sourcePosition(*tiled, 0, v)), rtc + inTilesetFrame(*plain, glbPoint), 1e-3);
        // Floats hold only the small part: the centre never went through them.
        CHECK(glm::length(glm::dvec3(tiled->primitives[0].vertices[v].position)) < 10.0);
    }
}

TEST_CASE("b3dm tiles with legacy headers read the same triangles", "[asset][tiles][b3dm]") {
    const auto dir = scratchDir("tiles_b3dm_legacy");
    const std::string glb = quadGlb();
    const std::string batchJson = padded(R"({"id":[1]})", 8, ' ');
    // 20 bytes: magic, version, byteLength, batchLength, batchTableByteLength.
    std::string legacy1 = "b3dm";
    appendBytes(legacy1, std::uint32_t(1));
    appendBytes(legacy1, std::uint32_t(20 + batchJson.size() + glb.size()));
    appendBytes(legacy1, std::uint32_t(1));
    appendBytes(legacy1, std::uint32_t(batchJson.size()));
    legacy1 += batchJson + glb;
    // 24 bytes: magic, version, byteLength, batchTableJSONByteLength, batchTableBinaryByteLength, batchLength.
    std::string legacy2 = "b3dm";
    appendBytes(legacy2, std::uint32_t(1));
    appendBytes(legacy2, std::uint32_t(24 + batchJson.size() + glb.size()));
    appendBytes(legacy2, std::uint32_t(batchJson.size()));
    appendBytes(legacy2, std::uint32_t(0));
    appendBytes(legacy2, std::uint32_t(1));
    legacy2 += batchJson + glb;
    for (const auto& [name, bytes] : {std::pair{"legacy1.b3dm", legacy1}, std::pair{"legacy2.b3dm", legacy2}}) {
        INFO(name);
        writeFile(dir / name, bytes);
        auto model = importModel(dir / name);
        REQUIRE(model.ok());
        CHECK_THAT(model->format, Catch::Contains("legacy header"));
        CHECK(model->triangleCount() == 2);
        checkNear(model->bounds.min, {2, 3, 4}, 1e-6);
        checkNear(model->bounds.max, {3, 4, 4}, 1e-6);
    }
}

TEST_CASE("b3dm headers that lie are errors naming the file and the field", "[asset][tiles][b3dm][bad]") {
    const auto dir = scratchDir("tiles_b3dm_lies");
    const std::string good = tile("b3dm", R"({"BATCH_LENGTH":0})", "", quadGlb());
    const fs::path file = dir / "lie.b3dm";
    struct Lie { std::size_t at; std::uint32_t value; const char* field; };
    for (const Lie& lie : {Lie{8, std::uint32_t(good.size() + 1), "byteLength"}, Lie{8, 20, "byteLength"},
                           Lie{12, 0x7fffffff, "featureTableJSONByteLength"}, Lie{16, 0xffffff00, "featureTableBinaryByteLength"},
                           Lie{20, 0x10000000, "batchTableJSONByteLength"}, Lie{24, 0x1000, "batchTableBinaryByteLength"},
                           Lie{4, 2, "version 2"}}) {
        INFO(lie.field);
        std::string bytes = good;
        putU32(bytes, lie.at, lie.value);
        writeFile(file, bytes);
        checkErrorNames(importModel(file), file, lie.field);
    }
    // Feature table JSON that is not JSON, a bad RTC_CENTER, and a body that is no GLB.
    writeFile(file, tile("b3dm", "{nope", "", quadGlb()));
    checkErrorNames(importModel(file), file, "feature table JSON");
    writeFile(file, tile("b3dm", R"({"RTC_CENTER":[1,2]})", "", quadGlb()));
    checkErrorNames(importModel(file), file, "RTC_CENTER");
    writeFile(file, tile("b3dm", R"({"RTC_CENTER":{"byteOffset":4}})", std::string(8, '\0'), quadGlb()));
    checkErrorNames(importModel(file), file, "RTC_CENTER");
    writeFile(file, tile("b3dm", "{}", "", "not a glb at all"));
    checkErrorNames(importModel(file), file, "no GLB");
    // Cut anywhere: an error naming the file, never a crash.
    for (std::size_t cut = 1; cut < good.size(); cut += 7) {
        writeFile(file, good.substr(0, cut));
        auto model = importModel(file);
        INFO("cut at " << cut);
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().message.rfind(file.string(), 0) == 0);
    }
}

TEST_CASE("Tiles are recognised by their magic, and i3dm is refused", "[asset][tiles]") {
    const auto dir = scratchDir("tiles_magic");
    writeFile(dir / "content.bin", tile("b3dm", "{}", "", quadGlb()));
    auto byMagic = importModel(dir / "content.bin");
    REQUIRE(byMagic.ok());
    CHECK(byMagic->triangleCount() == 2);
    writeFile(dir / "plain.b3dm", quadGlb());  // A GLB named like a tile: read as glTF.
    auto glb = importModel(dir / "plain.b3dm");
    REQUIRE(glb.ok());
    CHECK(glb->triangleCount() == 2);
    writeFile(dir / "trees.i3dm", tile("i3dm", R"({"INSTANCES_LENGTH":1})", "", quadGlb()));
    checkErrorNames(importModel(dir / "trees.i3dm"), dir / "trees.i3dm", "instanced 3D model (i3dm) tiles are not supported");
    writeFile(dir / "noise.pnts", "this is not a point cloud, only words");
    checkErrorNames(importModel(dir / "noise.pnts"), dir / "noise.pnts", "not a 3D Tiles tile");
}

// --- pnts ----------------------------------------------------------------------------------------

TEST_CASE("A pnts tile gives its points, RGB colours and RTC_CENTER, z up", "[asset][tiles][pnts]") {
    const auto dir = scratchDir("tiles_pnts_float");
    const PointFixture f;
    const glm::dvec3 rtc(4410000.125, 450000.5, 120.25);
    writeFile(dir / "cloud.pnts", tile("pnts", R"({"POINTS_LENGTH":3,"RTC_CENTER":[4410000.125,450000.5,120.25],
        "POSITION":{"byteOffset":0},"RGB":{"byteOffset":36}})", f.binary()));
    auto model = importModel(dir / "cloud.pnts");
    REQUIRE(model.ok());
    CHECK(model->up == UpAxis::Z);
    CHECK(model->frame.upRule == "3D Tiles point cloud: z-up");
    CHECK(model->pointCount() == 3);
    REQUIRE(model->primitives.size() == 1);
    const Primitive& points = model->primitives[0];
    CHECK(points.topology == Topology::Points);
    CHECK(points.hasVertexColors);
    for (std::size_t i = 0; i < 3; ++i) {
        checkNear(sourcePosition(*model, 0, i), rtc + glm::dvec3(f.positions[i]), 1e-5);
        CHECK(points.vertices[i].color == glm::u8vec4(f.colours[i], 255));
    }
}

TEST_CASE("pnts quantized positions decode to the expected doubles, RGB565 and octahedral normals", "[asset][tiles][pnts]") {
    const auto dir = scratchDir("tiles_pnts_quantized");
    const glm::dvec3 offset(-2694045.5, -4293642.25, 3857878.75), scale(20.0, 10.0, 5.0);
    const std::vector<glm::u16vec3> q{{0, 0, 0}, {65535, 65535, 65535}, {32768, 1, 40000}};
    std::string binary;
    for (const auto& p : q) appendBytes(binary, p.x), appendBytes(binary, p.y), appendBytes(binary, p.z);
    for (std::uint16_t c : {0xF800, 0x07E0, 0x001F}) appendBytes(binary, c);  // Red, green, blue.
    for (std::uint8_t n : {128, 128, 255, 128, 128, 255}) appendBytes(binary, n);  // +z, +x, +y.
    writeFile(dir / "quantized.pnts",
              tile("pnts", R"({"POINTS_LENGTH":3,"POSITION_QUANTIZED":{"byteOffset":0},
        "QUANTIZED_VOLUME_OFFSET":[-2694045.5,-4293642.25,3857878.75],"QUANTIZED_VOLUME_SCALE":[20,10,5],
        "RGB565":{"byteOffset":18},"NORMAL_OCT16P":{"byteOffset":24}})", binary));
    auto model = importModel(dir / "quantized.pnts");
    REQUIRE(model.ok());
    CHECK_THAT(model->format, Catch::Contains("quantized"));
    CHECK_FALSE(model->frame.earthCentred);
    REQUIRE(model->pointCount() == 3);
    for (std::size_t i = 0; i < 3; ++i) checkNear(sourcePosition(*model, 0, i), offset + glm::dvec3(q[i]) / 65535.0 * scale, 1e-5);
    const auto& v = model->primitives[0].vertices;
    CHECK(v[0].color == glm::u8vec4(255, 0, 0, 255));
    CHECK(v[1].color == glm::u8vec4(0, 255, 0, 255));
    CHECK(v[2].color == glm::u8vec4(0, 0, 255, 255));
    CHECK(v[0].normal.z == Approx(1.0f).margin(0.02));
    CHECK(v[1].normal.x == Approx(1.0f).margin(0.02));
    CHECK(v[2].normal.y == Approx(1.0f).margin(0.02));
}

TEST_CASE("pnts CONSTANT_RGBA colours every point, without colours none is claimed", "[asset][tiles][pnts]") {
    const auto dir = scratchDir("tiles_pnts_constant");
    const PointFixture f;
    writeFile(dir / "constant.pnts", tile("pnts", R"({"POINTS_LENGTH":3,"POSITION":{"byteOffset":0},"CONSTANT_RGBA":[9,8,7,200]})", f.binary()));
    auto constant = importModel(dir / "constant.pnts");
    REQUIRE(constant.ok());
    CHECK(constant->primitives[0].hasVertexColors);
    for (const Vertex& v : constant->primitives[0].vertices) CHECK(v.color == glm::u8vec4(9, 8, 7, 200));
    writeFile(dir / "bare.pnts", tile("pnts", R"({"POINTS_LENGTH":2,"POSITION":{"byteOffset":0}})", f.binary()));
    auto bare = importModel(dir / "bare.pnts");
    REQUIRE(bare.ok());
    CHECK(bare->pointCount() == 2);
    CHECK_FALSE(bare->primitives[0].hasVertexColors);
}

TEST_CASE("pnts tables that lie are errors naming the file, never huge allocations", "[asset][tiles][pnts][bad]") {
    const auto dir = scratchDir("tiles_pnts_lies");
    const std::string binary = PointFixture().binary();
    const fs::path file = dir / "lie.pnts";
    struct Case { const char* json; const char* what; };
    for (const Case& c : {Case{R"({"POINTS_LENGTH":4294967295,"POSITION":{"byteOffset":0}})", "POSITION"},
                          Case{R"({"POINTS_LENGTH":5,"POSITION":{"byteOffset":0}})", "POSITION"},
                          Case{R"({"POINTS_LENGTH":3,"POSITION":{"byteOffset":99999}})", "byteOffset"},
                          Case{R"({"POINTS_LENGTH":3,"POSITION":{"byteOffset":-1}})", "byteOffset"},
                          Case{R"({"POINTS_LENGTH":3,"POSITION":{"byteOffset":0},"RGBA":{"byteOffset":40}})", "RGBA"},
                          Case{R"({"POINTS_LENGTH":3,"POSITION":{"byteOffset":0},"NORMAL":{"byteOffset":30}})", "NORMAL"},
                          Case{R"({"POINTS_LENGTH":3})", "neither POSITION"},
                          Case{R"({"POINTS_LENGTH":3,"POSITION_QUANTIZED":{"byteOffset":0}})", "QUANTIZED_VOLUME"},
                          Case{R"({"POINTS_LENGTH":-3,"POSITION":{"byteOffset":0}})", "POINTS_LENGTH"},
                          Case{R"({"POSITION":{"byteOffset":0}})", "POINTS_LENGTH"},
                          Case{R"({"POINTS_LENGTH":3,"POSITION":{"byteOffset":0},"extensions":{"3DTILES_draco_point_compression":{}}})", "Draco"}}) {
        INFO(c.json);
        writeFile(file, tile("pnts", c.json, binary));
        checkErrorNames(importModel(file), file, c.what);
    }
    const std::string good = tile("pnts", R"({"POINTS_LENGTH":3,"POSITION":{"byteOffset":0},"RGB":{"byteOffset":36}})", binary);
    for (std::size_t cut = 1; cut < good.size(); cut += 5) {
        writeFile(file, good.substr(0, cut));
        auto model = importModel(file);
        INFO("cut at " << cut);
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().message.rfind(file.string(), 0) == 0);
    }
    std::string lying = good;
    putU32(lying, 16, 0xfffffff0);  // featureTableBinaryByteLength
    writeFile(file, lying);
    checkErrorNames(importModel(file), file, "featureTableBinaryByteLength");
}

// --- cmpt ----------------------------------------------------------------------------------------

TEST_CASE("A cmpt merges its b3dm and pnts tiles into one z-up model", "[asset][tiles][cmpt]") {
    const auto dir = scratchDir("tiles_cmpt");
    const PointFixture f;
    const std::string b3dm = tile("b3dm", R"({"RTC_CENTER":[100,200,300]})", "", quadGlb());
    const std::string pnts = tile("pnts", R"({"POINTS_LENGTH":3,"RTC_CENTER":[100,200,300],"POSITION":{"byteOffset":0}})", f.binary());
    writeFile(dir / "both.cmpt", cmptOf({b3dm, cmptOf({pnts})}));
    writeFile(dir / "quad.b3dm", b3dm);
    auto merged = importModel(dir / "both.cmpt");
    auto alone = importModel(dir / "quad.b3dm");
    REQUIRE(merged.ok());
    REQUIRE(alone.ok());
    CHECK_THAT(merged->format, Catch::Contains("cmpt"));
    CHECK(merged->up == UpAxis::Z);
    CHECK(merged->triangleCount() == 2);
    CHECK(merged->pointCount() == 3);
    REQUIRE(merged->primitives.size() == 2);
    // Both parts land where the tileset would put them.
    for (std::size_t v = 0; v < 4; ++v)
        checkNear(inTilesetFrame(*merged, sourcePosition(*merged, 0, v)), inTilesetFrame(*alone, sourcePosition(*alone, 0, v)), 1e-4);
    for (std::size_t i = 0; i < 3; ++i)
        checkNear(sourcePosition(*merged, 1, i), glm::dvec3(100, 200, 300) + glm::dvec3(f.positions[i]), 1e-4);
}

TEST_CASE("cmpt tiles that lie or nest too deep are refused", "[asset][tiles][cmpt][bad]") {
    const auto dir = scratchDir("tiles_cmpt_lies");
    const fs::path file = dir / "lie.cmpt";
    std::string nested = cmptOf({tile("b3dm", "{}", "", quadGlb())});
    for (int i = 0; i < 12; ++i) nested = cmptOf({nested});
    writeFile(file, nested);
    checkErrorNames(importModel(file), file, "nested");
    std::string lyingCount = cmptOf({tile("b3dm", "{}", "", quadGlb())});
    putU32(lyingCount, 12, 0xffffffff);  // tilesLength
    writeFile(file, lyingCount);
    checkErrorNames(importModel(file), file, "tilesLength");
    std::string lyingInner = cmptOf({tile("b3dm", "{}", "", quadGlb())});
    putU32(lyingInner, 16 + 8, 0x7fffffff);  // The inner tile's byteLength.
    writeFile(file, lyingInner);
    checkErrorNames(importModel(file), file, "byteLength");
    CapturedWarnings warnings;
    writeFile(file, cmptOf({tile("i3dm", "{}", "", quadGlb()), tile("b3dm", "{}", "", quadGlb())}));
    auto skipped = importModel(file);
    REQUIRE(skipped.ok());
    CHECK(skipped->triangleCount() == 2);
    CHECK(warnings.countContaining("i3dm") == 1);
}

// --- glTF extensions of 3D Tiles content -------------------------------------------------------

TEST_CASE("CESIUM_RTC keeps its centre in double in the source origin", "[asset][tiles][gltf]") {
    const auto dir = scratchDir("tiles_cesium_rtc");
    writeFile(dir / "rtc.glb", quadGlb(R"("extensionsUsed":["CESIUM_RTC"],"extensions":{"CESIUM_RTC":{"center":[6378137.25,1.5,-2.75]}},)"));
    writeFile(dir / "plain.glb", quadGlb());
    auto rtc = importModel(dir / "rtc.glb");
    auto plain = importModel(dir / "plain.glb");
    REQUIRE(rtc.ok());
    REQUIRE(plain.ok());
    CHECK_FALSE(rtc->frame.earthCentred);
    for (std::size_t v = 0; v < 4; ++v) {
        checkNear(inTilesetFrame(*rtc, sourcePosition(*rtc, 0, v)),
                  glm::dvec3(6378137.25, 1.5, -2.75) + inTilesetFrame(*plain, sourcePosition(*plain, 0, v)), 1e-4);
        CHECK(glm::length(glm::dvec3(rtc->primitives[0].vertices[v].position)) < 10.0);
    }
    writeFile(dir / "bad.glb", quadGlb(R"("extensions":{"CESIUM_RTC":{"center":[1,2]}},)"));
    checkErrorNames(importModel(dir / "bad.glb"), dir / "bad.glb", "CESIUM_RTC");
}

TEST_CASE("A KHR_texture_basisu texture shows the JPEG or PNG of the same name beside it", "[asset][tiles][texture]") {
    const auto dir = scratchDir("tiles_basisu_standin");
    CapturedWarnings warnings;
    // By the image's name (Matterport's convention), with no plain source at all.
    writePng(dir / "atlas_0.png", 0, 255, 0);
    writeFile(dir / "named.gltf", texturedGltf(R"("images":[{"name":"atlas_0.png","uri":"lod0_000.ktx2","mimeType":"image/ktx2"}],
"textures":[{"extensions":{"KHR_texture_basisu":{"source":0}}}])"));
    auto named = importModel(dir / "named.gltf");
    REQUIRE(named.ok());
    CHECK_FALSE(baseColour(*named).isFallback);
    CHECK(firstTexel(baseColour(*named)) == glm::u8vec4(0, 255, 0, 255));
    // By the uri's stem, whatever the case of the file.
    writePng(dir / "SHELL.PNG", 0, 0, 255);
    writeFile(dir / "stem.gltf", texturedGltf(R"("images":[{"uri":"shell.ktx2"}],
"textures":[{"extensions":{"KHR_texture_basisu":{"source":0}}}])"));
    auto stem = importModel(dir / "stem.gltf");
    REQUIRE(stem.ok());
    CHECK(firstTexel(baseColour(*stem)) == glm::u8vec4(0, 0, 255, 255));
    // A plain source that is a PNG wins over the extension's KTX2.
    writePng(dir / "plain.png", 255, 0, 0);
    writeFile(dir / "plain.gltf", texturedGltf(R"("images":[{"uri":"absent.ktx2","mimeType":"image/ktx2"},{"uri":"plain.png"}],
"textures":[{"source":1,"extensions":{"KHR_texture_basisu":{"source":0}}}])"));
    auto plain = importModel(dir / "plain.gltf");
    REQUIRE(plain.ok());
    CHECK(firstTexel(baseColour(*plain)) == glm::u8vec4(255, 0, 0, 255));
    CHECK(warnings.warnings.empty());
}

TEST_CASE("A KHR_texture_basisu texture with nothing beside it is a checkerboard and one warning", "[asset][tiles][texture]") {
    const auto dir = scratchDir("tiles_basisu_missing");
    CapturedWarnings warnings;
    writeFile(dir / "lonely.gltf", texturedGltf(R"("images":[{"uri":"lonely.ktx2","mimeType":"image/ktx2"}],
"textures":[{"extensions":{"KHR_texture_basisu":{"source":0}}},{"extensions":{"KHR_texture_basisu":{"source":0}}}])"));
    auto model = importModel(dir / "lonely.gltf");
    REQUIRE(model.ok());
    CHECK(baseColour(*model).isFallback);
    REQUIRE(warnings.warnings.size() == 1);
    CHECK_THAT(warnings.warnings[0], Catch::Contains((dir / "lonely.gltf").string()));
    CHECK_THAT(warnings.warnings[0], Catch::Contains((dir / "lonely.ktx2").string()));
    writeFile(dir / "bad.gltf", texturedGltf(R"("images":[{"uri":"x.ktx2"}],"textures":[{"extensions":{"KHR_texture_basisu":{"source":5}}}])"));
    checkErrorNames(importModel(dir / "bad.gltf"), dir / "bad.gltf", "KHR_texture_basisu");
}

TEST_CASE("A b3dm's GLB finds its KTX2 stand-in beside the b3dm", "[asset][tiles][texture][b3dm]") {
    const auto dir = scratchDir("tiles_b3dm_basisu");
    CapturedWarnings warnings;
    writePng(dir / "facade.jpg", 10, 20, 30);  // A PNG under a .jpg name: decoded by its bytes.
    const std::string glb = glbOf(texturedGltf(R"("images":[{"uri":"facade.ktx2","mimeType":"image/ktx2"}],
"textures":[{"extensions":{"KHR_texture_basisu":{"source":0}}}])"), "");
    writeFile(dir / "facade.b3dm", tile("b3dm", "{}", "", glb));
    auto model = importModel(dir / "facade.b3dm");
    REQUIRE(model.ok());
    CHECK(firstTexel(baseColour(*model)) == glm::u8vec4(10, 20, 30, 255));
    CHECK(warnings.warnings.empty());
}

TEST_CASE("Matterport 3D Tiles tile: Draco and KTX2 with the JPEG beside it", "[asset][tiles][data]") {
    CapturedWarnings warnings;
    auto model = importModel(sharedDataFile("legion-of-honor-3dtiles/mesh_tiles/0/lod0_room0_chunk1.glb"));
    REQUIRE(model.ok());
    CHECK(model->triangleCount() > 0);
    REQUIRE_FALSE(model->textures.empty());
    CHECK_FALSE(baseColour(*model).isFallback);
    CHECK(warnings.countContaining("KTX2") == 0);
}
