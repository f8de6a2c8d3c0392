// The axisview executable on bad input: one clear error naming the file on stderr, a non-zero
// exit, no crash and no hang.
#include <catch2/catch.hpp>


#include <fstream>
#include <random>

#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

using RunResult = axis::test::CommandResult;

RunResult runAxisview(const std::string& args) {
    return axis::test::runShell(std::string(AXIS_EXECUTABLE) + " " + args);
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

void writeBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

// The one behaviour every bad file must show.
void requireCleanFailure(const fs::path& file, const std::string& command = "info") {
    RunResult r = runAxisview(command + " " + quoted(file) + (command == "render" ? " -o /dev/null" : ""));
    INFO(file.filename().string() << " -> exit " << r.exitCode << ":\n" << r.output);
    CHECK_FALSE(r.crashed);
    CHECK(r.exitCode == 1);
    CHECK(r.output.find(file.filename().string()) != std::string::npos);
    CHECK(r.output.find("error") != std::string::npos);
}

}  // namespace

TEST_CASE("usage errors and --help follow Unix conventions", "[cli]") {
    auto help = runAxisview("--help");
    CHECK(help.exitCode == 0);
    auto version = runAxisview("--version");
    CHECK(version.exitCode == 0);
    CHECK(version.output.rfind("axisview ", 0) == 0);
    CHECK(version.output.find("(commit ") != std::string::npos);
    CHECK(help.output.find("render") != std::string::npos);
    auto renderHelp = runAxisview("render --help");
    CHECK(renderHelp.exitCode == 0);
    CHECK(renderHelp.output.find("--size") != std::string::npos);
    CHECK(runAxisview("render").exitCode == 2);
    CHECK(runAxisview("no-such-command-or-file.xyz --bogus").exitCode == 2);
    fs::path dir = axis::test::scratchDir("cli_usage");
    writeBytes(dir / "a.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    auto badSize = runAxisview("render " + quoted(dir / "a.obj") + " -o x.png --size 0x7");
    CHECK(badSize.exitCode == 2);
    CHECK(badSize.output.find("--size") != std::string::npos);
    for (const char* bad : {"0", "65", "-2cm", "2 feet", "cm"}) {
        auto badPoints = runAxisview("render " + quoted(dir / "a.obj") + " -o x.png --point-size '" + bad + "'");
        CHECK(badPoints.exitCode == 2);
        CHECK(badPoints.output.find("--point-size") != std::string::npos);
    }
    auto record = runAxisview("record " + quoted(dir / "a.obj") + " --tour attract -o x.mp4 --point-size 0");
    CHECK(record.exitCode == 2);
    for (const std::string& command : {"render " + quoted(dir / "a.obj") + " -o x.png --mode chalk",
                                       "record " + quoted(dir / "a.obj") + " --tour attract -o x.mp4 --mode chalk"}) {
        auto badMode = runAxisview(command);
        CHECK(badMode.exitCode == 2);
        CHECK(badMode.output.find("--mode: expected off|clay|normals|wireframe|texel-density|vertex-colour") !=
              std::string::npos);
    }
    auto zeroNormal = runAxisview("render " + quoted(dir / "a.obj") + " -o x.png --clip-plane 0,0,0,1");
    CHECK(zeroNormal.exitCode == 2);
    CHECK(zeroNormal.output.find("--clip-plane 0,0,0,1: the normal is zero") != std::string::npos);
    auto inverted = runAxisview("record " + quoted(dir / "a.obj") + " --tour attract -o x.mp4 --clip-box 1,0,0,0,1,1");
    CHECK(inverted.exitCode == 2);
    CHECK(inverted.output.find("min > max on x") != std::string::npos);
    for (const std::string& command : {"render " + quoted(dir / "a.obj") + " -o x.png --sun 2023-02-29T12:00",
                                       "record " + quoted(dir / "a.obj") + " --tour attract -o x.mp4 --sun 2023-02-29T12:00"}) {
        auto badDate = runAxisview(command);
        CHECK(badDate.exitCode == 2);
        CHECK(badDate.output.find("--sun '2023-02-29T12:00': no such date or time") != std::string::npos);
    }
    for (const std::string& command : {"render " + quoted(dir / "a.obj") + " -o x.png --exposure bright",
                                       "record " + quoted(dir / "a.obj") + " --tour attract -o x.mp4 --exposure 12"}) {
        auto badExposure = runAxisview(command);
        CHECK(badExposure.exitCode == 2);
        CHECK(badExposure.output.find("--exposure: expected stops between -10 and 10, or auto") != std::string::npos);
    }
    // The window's language is checked before anything opens (or, with no display, renders).
    auto badLanguage = runAxisview(quoted(dir / "a.obj") + " --language 'zh_TW!'");
    CHECK(badLanguage.exitCode == 2);
    CHECK(badLanguage.output.find("--language \"zh_TW!\" is not a BCP 47 language tag") != std::string::npos);
    auto clay = runAxisview("render " + quoted(dir / "a.obj") + " -o " + quoted(dir / "clay.png") + " --size 64x64 --mode clay");
    CHECK(clay.exitCode == 0);
    CHECK(fs::exists(dir / "clay.png"));
}

TEST_CASE("bad input files fail cleanly with the file named", "[cli]") {
    fs::path dir = axis::test::scratchDir("cli_bad_input");
    writeBytes(dir / "empty.glb", "");
    writeBytes(dir / "empty.ply", "");
    std::mt19937 rng(1234);
    std::string noise(64 * 1024, '\0');
    for (auto& c : noise) c = char(rng());
    writeBytes(dir / "noise.glb", noise);
    writeBytes(dir / "noise.ply", noise);
    writeBytes(dir / "noise.obj", noise);
    writeBytes(dir / "lying.ply",
               "ply\nformat ascii 1.0\nelement vertex 1000\nproperty float x\nproperty float y\nproperty float z\n"
               "element face 500\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    writeBytes(dir / "lying-binary.ply",
               "ply\nformat binary_little_endian 1.0\nelement vertex 100000000\nproperty float x\nproperty float y\n"
               "property float z\nend_header\n" + std::string(36, '\0'));
    for (const char* name : {"empty.glb", "empty.ply", "noise.glb", "noise.ply", "noise.obj", "lying.ply",
                             "lying-binary.ply"})
        SECTION(name) { requireCleanFailure(dir / name); }
    SECTION("missing file") { requireCleanFailure(dir / "does-not-exist.gltf"); }
    SECTION("render of a bad file") { requireCleanFailure(dir / "noise.glb", "render"); }
}

TEST_CASE("a truncated GLB fails cleanly", "[cli]") {
    fs::path glb = axis::test::sharedDataFile("formats-assimp/glb/BoxTextured.glb");
    fs::path dir = axis::test::scratchDir("cli_truncated");
    std::ifstream in(glb, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    for (size_t cut : {size_t(10), size_t(30), bytes.size() / 2, bytes.size() - 7}) {
        fs::path file = dir / ("cut" + std::to_string(cut) + ".glb");
        writeBytes(file, bytes.substr(0, cut));
        requireCleanFailure(file);
    }
}

TEST_CASE("an OBJ naming a missing MTL and texture still opens with a warning", "[cli]") {
    fs::path dir = axis::test::scratchDir("cli_missing_mtl");
    writeBytes(dir / "scan.obj", "mtllib gone.mtl\nusemtl stone\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\n"
                                 "f 1/1 2/2 3/3\n");
    auto info = runAxisview("info " + quoted(dir / "scan.obj"));
    INFO(info.output);
    CHECK(info.exitCode == 0);
    CHECK(info.output.find("triangles: 1") != std::string::npos);
    writeBytes(dir / "textured.mtl", "newmtl stone\nKd 1 1 1\nmap_Kd missing_albedo.jpg\n");
    writeBytes(dir / "textured.obj", "mtllib textured.mtl\nusemtl stone\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\n"
                                     "vt 0 1\nf 1/1 2/2 3/3\n");
    auto render = runAxisview("render " + quoted(dir / "textured.obj") + " -o " + quoted(dir / "out.png") +
                              " --size 64x64");
    INFO(render.output);
    CHECK(render.exitCode == 0);
    CHECK(render.output.find("missing_albedo.jpg") != std::string::npos);
    CHECK(fs::exists(dir / "out.png"));
}

TEST_CASE("info reports counts and bounds of a real scan", "[cli]") {
    fs::path ply = axis::test::sharedDataFile("stanford-bunny/bun_zipper.ply");
    auto r = runAxisview("info " + quoted(ply));
    INFO(r.output);
    CHECK(r.exitCode == 0);
    CHECK(r.output.find("69451") != std::string::npos);
    CHECK(r.output.find("35947") != std::string::npos);
    CHECK(r.output.find("bounds") != std::string::npos);
}
