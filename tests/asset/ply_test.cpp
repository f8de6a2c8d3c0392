#include <catch2/catch.hpp>

#include "asset/import.h"
#include "asset_test_util.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;

namespace {

std::string binaryPlyHeader(const std::string& format, int vertices, const std::string& faceElement, int faces) {
    return "ply\nformat " + format + " 1.0\ncomment written by ply_test\nelement vertex " + std::to_string(vertices) +
           "\nproperty float x\nproperty float y\nproperty float z\nproperty uchar red\nproperty uchar green\n"
           "property uchar blue\nelement " + faceElement + " " + std::to_string(faces) +
           "\nproperty list uchar int vertex_indices\nend_header\n";
}

}  // namespace

TEST_CASE("ASCII PLY with colours and a quad becomes coloured triangles", "[asset][ply]") {
    auto dir = scratchDir("ply_ascii");
    writeFile(dir / "quad.ply",
              "ply\nformat ascii 1.0\ncomment a quad\nelement vertex 4\nproperty float x\nproperty float y\n"
              "property float z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\n"
              "element face 1\nproperty list uchar int vertex_indices\nend_header\n"
              "0 0 0 255 0 0\n2 0 0 0 255 0\n2 1 0 0 0 255\n0 1 0 10 20 30\n4 0 1 2 3\n");
    auto model = importModel(dir / "quad.ply");
    REQUIRE(model.ok());
    CHECK(model->format == "PLY ascii");
    CHECK(model->meshCount == 1);
    CHECK(model->triangleCount() == 2);
    CHECK(model->vertexCount() == 4);
    CHECK(model->materials.size() == 1);
    const Primitive& p = model->primitives.at(0);
    CHECK(p.hasVertexColors);
    CHECK(p.vertices[0].color == glm::u8vec4(255, 0, 0, 255));
    CHECK(p.vertices[3].color == glm::u8vec4(10, 20, 30, 255));
    CHECK(p.vertices[0].normal.z == Approx(1.0f));  // Generated: the quad faces +z.
    CHECK(model->bounds.max.x == Approx(2.0));
    CHECK(model->bounds.max.y == Approx(1.0));
}

TEST_CASE("Binary PLY triangle strips restart at -1 and alternate winding", "[asset][ply]") {
    auto dir = scratchDir("ply_strips");
    std::string file = "ply\nformat binary_little_endian 1.0\nelement vertex 5\nproperty float x\nproperty float y\n"
                       "property float z\nelement tristrips 1\nproperty list int int vertex_indices\nend_header\n";
    const float xy[5][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}};
    for (const auto& v : xy) {
        appendBytes(file, v[0]);
        appendBytes(file, v[1]);
        appendBytes(file, 0.0f);
    }
    const std::int32_t strip[] = {0, 1, 2, 3, -1, 2, 3, 4};
    appendBytes(file, std::int32_t(8));
    for (auto i : strip) appendBytes(file, i);
    writeFile(dir / "strip.ply", file);
    auto model = importModel(dir / "strip.ply");
    REQUIRE(model.ok());
    CHECK(model->format == "PLY binary little-endian");
    const auto& idx = model->primitives.at(0).indices;
    CHECK(idx == std::vector<std::uint32_t>{0, 1, 2, 2, 1, 3, 2, 3, 4});
}

TEST_CASE("Big-endian PLY with mixed types and unknown elements reads correctly", "[asset][ply]") {
    auto dir = scratchDir("ply_big");
    std::string file = "ply\nformat binary_big_endian 1.0\nelement vertex 3\nproperty double x\nproperty double y\n"
                       "property double z\nproperty ushort quality\nelement face 1\nproperty uchar flags\n"
                       "property list uchar uint vertex_indices\nelement extra 2\nproperty list uchar float junk\nend_header\n";
    const double vs[3][3] = {{0, 0, 0}, {1, 0, 0}, {0, 0, -3}};
    for (const auto& v : vs) {
        for (double c : v) appendBytes(file, c, true);
        appendBytes(file, std::uint16_t(7), true);
    }
    appendBytes(file, std::uint8_t(1));
    appendBytes(file, std::uint8_t(3));
    for (std::uint32_t i : {0u, 1u, 2u}) appendBytes(file, i, true);
    for (int e = 0; e < 2; ++e) {
        appendBytes(file, std::uint8_t(1));
        appendBytes(file, 1.0f, true);
    }
    writeFile(dir / "big.ply", file);
    auto model = importModel(dir / "big.ply");
    REQUIRE(model.ok());
    CHECK(model->triangleCount() == 1);
    CHECK(model->bounds.min.z == Approx(-3.0));
    CHECK_FALSE(model->primitives[0].hasVertexColors);
}

TEST_CASE("PLY vertices without faces become a coloured point cloud", "[asset][ply]") {
    auto dir = scratchDir("ply_points");
    writeFile(dir / "points.ply",
              "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
              "property float red\nproperty float green\nproperty float blue\nend_header\n"
              "0 0 0 1 0 0\n1 1 1 0 1 0\n2 2 2 0 0 0.5\n");
    auto model = importModel(dir / "points.ply");
    REQUIRE(model.ok());
    CHECK(model->pointCount() == 3);
    CHECK(model->triangleCount() == 0);
    const Primitive& p = model->primitives.at(0);
    CHECK(p.topology == Topology::Points);
    CHECK(p.hasVertexColors);
    CHECK(p.vertices[0].color == glm::u8vec4(255, 0, 0, 255));  // Float colours are 0..1.
    CHECK(int(p.vertices[2].color.b) == Approx(128).margin(1));
}

TEST_CASE("A PLY whose header promises more than the file holds is a clear error", "[asset][ply]") {
    auto dir = scratchDir("ply_lies");
    writeFile(dir / "ascii.ply", "ply\nformat ascii 1.0\nelement vertex 1000\nproperty float x\nproperty float y\n"
                                 "property float z\nend_header\n0 0 0\n1 1 1\n2 2 2\n");
    auto ascii = importModel(dir / "ascii.ply");
    REQUIRE_FALSE(ascii.ok());
    CHECK(ascii.error().message.rfind((dir / "ascii.ply").string(), 0) == 0);
    CHECK_THAT(ascii.error().message, Catch::Contains("header declares 1000 vertices but the file ends after 3"));

    // Four billion vertices in a tiny file must fail at once, not try to allocate 144 GB.
    std::string binary = binaryPlyHeader("binary_little_endian", 1, "face", 0);
    binary.replace(binary.find("vertex 1"), 8, "vertex 4000000000");
    binary += std::string(15, '\0');
    writeFile(dir / "huge.ply", binary);
    auto huge = importModel(dir / "huge.ply");
    REQUIRE_FALSE(huge.ok());
    CHECK_THAT(huge.error().message, Catch::Contains("header declares 4000000000 vertices but the file ends after 1"));

    std::string faces = binaryPlyHeader("binary_little_endian", 3, "face", 5000000);
    for (int i = 0; i < 3; ++i) {
        for (float c : {0.0f, float(i), float(i * i)}) appendBytes(faces, c);
        faces += std::string(3, '\x7f');
    }
    writeFile(dir / "faces.ply", faces);
    auto truncated = importModel(dir / "faces.ply");
    REQUIRE_FALSE(truncated.ok());
    CHECK_THAT(truncated.error().message, Catch::Contains("header declares 5000000 faces but the file ends after 0"));
}

TEST_CASE("PLY faces referring to missing vertices are an error", "[asset][ply]") {
    auto dir = scratchDir("ply_bad_index");
    writeFile(dir / "bad.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                               "property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n"
                               "0 0 0\n1 0 0\n0 1 0\n3 0 1 7\n");
    auto model = importModel(dir / "bad.ply");
    REQUIRE_FALSE(model.ok());
    CHECK_THAT(model.error().message, Catch::Contains("vertex 7"));
}

TEST_CASE("Unknown PLY types and garbage values are errors", "[asset][ply]") {
    auto dir = scratchDir("ply_garbage");
    writeFile(dir / "type.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty quaternion x\nend_header\n1\n");
    CHECK_FALSE(importModel(dir / "type.ply").ok());
    writeFile(dir / "text.ply", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\n"
                                "property float z\nend_header\n1 banana 3\n");
    auto text = importModel(dir / "text.ply");
    REQUIRE_FALSE(text.ok());
    CHECK_THAT(text.error().message, Catch::Contains("not a number"));
    writeFile(dir / "noend.ply", "ply\nformat ascii 1.0\nelement vertex 1\n");
    CHECK_FALSE(importModel(dir / "noend.ply").ok());
}

// Found by fuzz_import_ply: float indices beyond int64 (and NaN counts) were converted unchecked.
TEST_CASE("PLY faces with float indices out of any range are a clear error", "[asset][ply]") {
    auto dir = scratchDir("ply_float_indices");
    const std::string header = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                               "property float z\nelement face 1\nproperty list uchar float vertex_indices\nend_header\n"
                               "0 0 0\n1 0 0\n0 1 0\n";
    for (const char* face : {"3 0 1 4.4e96\n", "3 0 1 -7e30\n", "3 0 1 nan\n", "nan 0 1 2\n"}) {
        INFO(face);
        writeFile(dir / "bad.ply", header + face);
        auto model = importModel(dir / "bad.ply");
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().message.rfind((dir / "bad.ply").string(), 0) == 0);
    }
    writeFile(dir / "good.ply", header + "3 0 1 2\n");
    auto good = importModel(dir / "good.ply");
    REQUIRE(good.ok());
    CHECK(good->triangleCount() == 1);
}

// Found by fuzz_import_ply: an element without properties and a count of 4e18 was "skipped" one
// empty record at a time, for ever.
TEST_CASE("A PLY element without properties is skipped whatever its count", "[asset][ply]") {
    auto dir = scratchDir("ply_empty_element");
    writeFile(dir / "empty.ply", "ply\nformat ascii 1.0\nelement note 4099276460822666299\nelement vertex 3\n"
                                 "property float x\nproperty float y\nproperty float z\nelement face 1\n"
                                 "property list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    auto model = importModel(dir / "empty.ply");
    REQUIRE(model.ok());
    CHECK(model->triangleCount() == 1);
}
