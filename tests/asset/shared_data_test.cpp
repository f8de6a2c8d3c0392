// Import of the real third-party scans in ../shared/data (skipped when absent). Counts are
// those in shared/data/README.md.
#include <catch2/catch.hpp>

#include <iostream>

#include "asset/import.h"
#include "asset/up_axis.h"
#include "asset_test_util.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::test;

namespace {

Model load(const std::string& relative) {
    auto model = importModel(sharedDataFile(relative));
    INFO(relative);
    REQUIRE(model.ok());
    return std::move(model).value();
}

std::size_t realTextures(const Model& m) {
    std::size_t n = 0;
    for (const auto& t : m.textures) n += !t.isFallback;
    return n;
}

bool anyColored(const Model& m) {
    for (const auto& p : m.primitives)
        if (p.hasVertexColors) return true;
    return false;
}

}  // namespace

TEST_CASE("igea: PLY triangle strips", "[asset][data]") {
    Model m = load("igea/igea.ply");
    CHECK(m.triangleCount() == 268686);
    CHECK(m.vertexCount() == 134345);
    CHECK(m.up == UpAxis::Y);
}

TEST_CASE("Stanford bunny: ascii PLY, and a range scan as points", "[asset][data]") {
    Model bunny = load("stanford-bunny/bun_zipper.ply");
    CHECK(bunny.triangleCount() == 69451);
    CHECK(bunny.vertexCount() == 35947);
    CHECK(bunny.up == UpAxis::Y);
    Model scan = load("stanford-bunny/range_scans/bun000.ply");
    CHECK(scan.pointCount() == 40256);
    CHECK(scan.triangleCount() == 0);
}

TEST_CASE("Gargoyle: binary PLY with vertex colours", "[asset][data]") {
    Model m = load("3dhop-gargoyle/gargo.ply");
    CHECK(m.triangleCount() == 50000);
    CHECK(m.vertexCount() == 25002);
    CHECK(anyColored(m));
}

TEST_CASE("Lion: coloured PLY point cloud, z-up", "[asset][data]") {
    Model m = load("lion-takanawa-pointcloud/lion_takanawa.ply");
    CHECK(m.pointCount() == 341989);
    CHECK(m.primitives.at(0).topology == Topology::Points);
    CHECK(anyColored(m));
    CHECK(m.up == UpAxis::Z);
}

TEST_CASE("Venus: Draco-compressed glTF with its texture", "[asset][data]") {
    Model m = load("venus-gltf-draco/venus.gltf");
    CHECK(m.format == "glTF 2.0 (Draco)");
    CHECK(m.triangleCount() == 597703);
    CHECK(m.meshCount == 2);
    CHECK(realTextures(m) == 1);
    CHECK(m.materials.at(m.primitives.at(0).material).baseColorTexture >= 0);
    CHECK(m.primitives.at(0).hasUVs);
    CHECK(m.up == UpAxis::Y);
}

TEST_CASE("McKinney house: glTF POINTS with COLOR_0", "[asset][data]") {
    Model m = load("mckinney-house-pointcloud-gltf/scene.gltf");
    CHECK(m.pointCount() == 48786);
    CHECK(m.triangleCount() == 0);
    CHECK(anyColored(m));
}

TEST_CASE("DamagedHelmet: glTF and GLB with textures", "[asset][data]") {
    for (const char* file : {"damaged-helmet-gltf/DamagedHelmet.gltf", "damaged-helmet-gltf/glb/DamagedHelmet.glb"}) {
        Model m = load(file);
        INFO(file);
        CHECK(m.triangleCount() == 15452);
        const Material& mat = m.materials.at(m.primitives.at(0).material);
        CHECK(mat.baseColorTexture >= 0);
        CHECK(mat.metallicRoughnessTexture >= 0);
        CHECK(mat.emissiveTexture >= 0);
        CHECK(realTextures(m) == 3);
        CHECK(m.textures.at(mat.metallicRoughnessTexture).usage == TextureUsage::Linear);
    }
}

TEST_CASE("Nefertiti GLB with embedded JPEGs, and its OBJ copy", "[asset][data]") {
    Model glb = load("nefertiti-fraunhofer/Nefertiti.glb");
    CHECK(glb.triangleCount() == 19482);
    CHECK(realTextures(glb) >= 1);
    Model obj = load("nefertiti-fraunhofer/obj/nefertiti.obj");
    CHECK(obj.triangleCount() == 19482);
    CHECK(realTextures(obj) >= 1);
}

TEST_CASE("Spider OBJ finds its textures despite Windows paths", "[asset][data]") {
    CapturedWarnings warnings;
    Model m = load("formats-assimp/obj-spider/spider.obj");
    CHECK(m.triangleCount() == 1368);
    CHECK(realTextures(m) >= 4);
    for (const auto& t : m.textures) CHECK_FALSE(t.isFallback);
    CHECK(warnings.warnings.empty());
}

TEST_CASE("Format variety: DAE, FBX, 3DS, STL, OFF, GLB", "[asset][data]") {
    Model duck = load("formats-assimp/dae-duck/duck.dae");
    CHECK(duck.triangleCount() == 4212);
    CHECK(realTextures(duck) == 1);
    Model bust = load("danish-bust-man-wreath-fbx/BustManWreath.fbx");
    CHECK(bust.triangleCount() == 31514);
    // Its FBX material is a black placeholder (the real one lived in a game engine): shown grey.
    CHECK(bust.materials.at(0).baseColorFactor.r > 0.5f);
    Model spider = load("formats-assimp/fbx-spider/spider.fbx");
    CHECK(spider.triangleCount() == 1368);  // README counts 1,340 faces before triangulation.
    Model box3ds = load("formats-assimp/3ds-test1/test1.3ds");
    // 9 boxes of 12 triangles; README's 60 comes from `assimp info`'s heavier post-processing.
    CHECK(box3ds.triangleCount() == 108);
    for (const auto& t : box3ds.textures) CHECK_FALSE(t.isFallback);  // Case-insensitive names.
    CHECK(load("formats-assimp/stl/Spider_binary.stl").triangleCount() == 1368);
    CHECK(load("formats-assimp/stl/Spider_ascii.stl").triangleCount() == 1368);
    CHECK(load("formats-assimp/off/Wuson.off").triangleCount() == 3732);
    Model wuson = load("formats-assimp/ply/Wuson.ply");
    CHECK(wuson.triangleCount() == 3732);
    CHECK(wuson.primitives.at(0).hasUVs);
    Model box = load("formats-assimp/glb/BoxTextured.glb");
    CHECK(box.triangleCount() == 12);
    CHECK(realTextures(box) == 1);
}

TEST_CASE("OBJ scans: armadillo and low-res Nefertiti", "[asset][data]") {
    CHECK(load("armadillo-obj/armadillo.obj").triangleCount() == 29170);
    CHECK(load("nefertiti-lowres-obj/nefertiti-lowres.obj").triangleCount() == 70000);
}

// Not a check: prints what `axisview info` would say for every model, with the up-axis
// scores, for the issue report. Run with: test_asset "[.report]"
TEST_CASE("Report every shared model", "[.report]") {
    const char* files[] = {
        "stanford-bunny/bun_zipper.ply", "stanford-bunny/bun_zipper_res4.ply", "stanford-bunny/range_scans/bun000.ply",
        "3dhop-gargoyle/gargo.ply", "igea/igea.ply", "nefertiti-fraunhofer/Nefertiti.glb",
        "nefertiti-fraunhofer/obj/nefertiti.obj", "nefertiti-lowres-obj/nefertiti-lowres.obj",
        "armadillo-obj/armadillo.obj", "lion-takanawa-pointcloud/lion_takanawa.ply", "avocado-gltf/Avocado.gltf",
        "damaged-helmet-gltf/DamagedHelmet.gltf", "damaged-helmet-gltf/glb/DamagedHelmet.glb",
        "venus-gltf-draco/venus.gltf", "mckinney-house-pointcloud-gltf/scene.gltf",
        "danish-bust-man-wreath-fbx/BustManWreath.fbx", "formats-assimp/obj-spider/spider.obj",
        "formats-assimp/dae-duck/duck.dae", "formats-assimp/3ds-test1/test1.3ds", "formats-assimp/fbx-spider/spider.fbx",
        "formats-assimp/stl/Spider_binary.stl", "formats-assimp/stl/Spider_ascii.stl", "formats-assimp/off/Wuson.off",
        "formats-assimp/ply/Wuson.ply", "formats-assimp/glb/BoxTextured.glb"};
    for (const char* file : files) {
        auto start = std::chrono::steady_clock::now();
        auto model = importModel(sharedDataFile(file));
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (!model) {
            std::cout << file << ": ERROR " << model.error().message << "\n\n";
            continue;
        }
        UpAxisScores s = scoreUpAxes(*model);
        std::cout << describeModel(*model) << "up scores: y " << s.y << " z " << s.z << "\ntime ms: " << ms << "\n\n";
    }
}
