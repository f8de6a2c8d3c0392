// Output paths behave as Unix tools' (issue 18, item 6): "-" is standard output, a device or a
// FIFO is written in place and stays what it was; only regular files are replaced atomically.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <future>
#include <string>

#include "render/image_io.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    std::string out;  // stdout only
    int exitCode = -1;
};

Run run(const std::string& args) {
    auto r = axis::test::runShell(std::string(AXIS_EXECUTABLE) + " " + args, axis::test::StandardError::Discarded);
    return {std::move(r.output), r.exitCode};
}

fs::path triangle(const fs::path& dir) {
    std::ofstream(dir / "tri.obj") << "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
    std::ofstream(dir / "fly.path.json") << R"({"format": "axisview-path", "version": "1.0",
  "keyframes": [{"time": 0, "position": [0.3, 0.3, 3], "yaw": 0, "pitch": -89, "fov": 50},
                {"time": 1, "position": [0.3, 0.3, 2], "yaw": 0, "pitch": -89, "fov": 50}]})";
    return dir / "tri.obj";
}

bool isCharacterDevice(const char* path) {
    struct stat st {};
    return ::stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

}  // namespace

TEST_CASE("render and record write /dev/null in place, which stays a device", "[cli][output]") {
    const fs::path dir = axis::test::scratchDir("output_devnull");
    const fs::path model = triangle(dir);
    REQUIRE(isCharacterDevice("/dev/null"));
    CHECK(run("render '" + model.string() + "' -o /dev/null --size 64x48").exitCode == 0);
    CHECK(isCharacterDevice("/dev/null"));
    CHECK(run("record '" + model.string() + "' --path '" + (dir / "fly.path.json").string() +
              "' -o /dev/null --size 64x48 --fps 4 --samples 1")
              .exitCode == 0);
    CHECK(isCharacterDevice("/dev/null"));
    CHECK_FALSE(fs::exists("/dev/null.part"));
}

TEST_CASE("render writes a FIFO in place for the process reading it", "[cli][output]") {
    const fs::path dir = axis::test::scratchDir("output_fifo");
    const fs::path model = triangle(dir);
    const fs::path fifo = dir / "frames.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto reader = std::async(std::launch::async, [&] {
        std::ifstream in(fifo, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    });
    CHECK(run("render '" + model.string() + "' -o '" + fifo.string() + "' --size 64x48").exitCode == 0);
    const std::string png = reader.get();
    const fs::path copy = dir / "copy.png";
    std::ofstream(copy, std::ios::binary) << png;
    auto image = axis::render::readPng(copy);
    REQUIRE(image);
    CHECK(image->width == 64);
    struct stat st {};
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("standard output (-o -) gets a PNG, or a fragmented MP4", "[cli][output]") {
    const fs::path dir = axis::test::scratchDir("output_stdout");
    const fs::path model = triangle(dir);
    const Run png = run("render '" + model.string() + "' -o - --size 64x48");
    CHECK(png.exitCode == 0);
    std::ofstream(dir / "stdout.png", std::ios::binary) << png.out;
    auto image = axis::render::readPng(dir / "stdout.png");
    REQUIRE(image);
    CHECK(image->height == 48);
    CHECK_FALSE(fs::exists(dir / "-"));

    const Run mp4 = run("record '" + model.string() + "' --path '" + (dir / "fly.path.json").string() +
                        "' -o - --size 64x48 --fps 4 --samples 1");
    CHECK(mp4.exitCode == 0);
    REQUIRE(mp4.out.size() > 64);
    CHECK(mp4.out.substr(4, 4) == "ftyp");
    CHECK(mp4.out.find("moof") != std::string::npos);  // Fragments: playable from a pipe.
}
