// The window path under Xvfb: the same renderer as headless, presented through a swapchain.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "render/image_io.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

TEST_CASE("the window opens a model, presents frames and writes a screenshot", "[app]") {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("app_window");
    // A red tetrahedron, so the screenshot has something to find.
    std::ofstream(dir / "tetra.obj") << "mtllib tetra.mtl\nusemtl red\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0.3 0.3 1\n"
                                        "f 1 3 2\nf 1 2 4\nf 2 3 4\nf 3 1 4\n";
    std::ofstream(dir / "tetra.mtl") << "newmtl red\nKd 0.9 0.1 0.1\n";
    fs::path shot = dir / "shot.png";
    std::string command = "DISPLAY=" + display.display() + " timeout 120 " + std::string(AXIS_EXECUTABLE) + " '" +
                          (dir / "tetra.obj").string() + "' --size 320x240 --screenshot '" + shot.string() +
                          "' --screenshot-frames 4 2>&1";
    int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);  // Also fails on any validation message (AXIS_VALIDATION=1).
    auto image = axis::render::readPng(shot);
    REQUIRE(image.ok());
    CHECK(image->width == 320);
    CHECK(image->height == 240);
    size_t reddish = 0;
    for (size_t i = 0; i < image->pixels.size(); i += 4)
        reddish += image->pixels[i] > 120 && image->pixels[i + 1] < 90 && image->pixels[i + 2] < 90;
    CHECK(reddish > 320 * 240 / 20);
}

TEST_CASE("M cycles the inspection modes in the window: clay after the surface", "[app][inspection]") {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("app_window_inspection");
    std::ofstream(dir / "tetra.obj") << "mtllib tetra.mtl\nusemtl red\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0.3 0.3 1\n"
                                        "f 1 3 2\nf 1 2 4\nf 2 3 4\nf 3 1 4\n";
    std::ofstream(dir / "tetra.mtl") << "newmtl red\nKd 0.9 0.1 0.1\n";
    std::ofstream(dir / "script.txt") << "wait 0.3\nscreenshot " << (dir / "surface.png").string()
                                      << "\nkey m tap\nwait 0.3\nscreenshot " << (dir / "clay.png").string()
                                      << "\nquit\n";
    std::string command = "DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) + " '" +
                          (dir / "tetra.obj").string() + "' --size 320x240 --script '" + (dir / "script.txt").string() +
                          "' 2>&1";
    int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    auto reddish = [](const fs::path& png) {
        auto image = axis::render::readPng(png);
        REQUIRE(image.ok());
        size_t n = 0;
        for (size_t i = 0; i < image->pixels.size(); i += 4)
            n += image->pixels[i] > 120 && image->pixels[i + 1] < 90 && image->pixels[i + 2] < 90;
        return n;
    };
    CHECK(reddish(dir / "surface.png") > 320 * 240 / 20);
    CHECK(reddish(dir / "clay.png") == 0);  // Clay ignores the material's colour.
}

TEST_CASE("the window lights lit models by --sun: red at noon, dark at night", "[app][sun]") {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("app_window_sun");
    std::ofstream(dir / "tetra.obj") << "mtllib tetra.mtl\nusemtl red\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0.3 0.3 1\n"
                                        "f 1 3 2\nf 1 2 4\nf 2 3 4\nf 3 1 4\n";
    std::ofstream(dir / "tetra.mtl") << "newmtl red\nKd 0.9 0.1 0.1\n";
    auto shoot = [&](const std::string& time) {
        const fs::path shot = dir / ("sun-" + time.substr(11, 2) + ".png");
        std::ofstream(dir / "script.txt") << "wait 0.3\nscreenshot " << shot.string() << "\nquit\n";
        const std::string command = "DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) +
                                    " '" + (dir / "tetra.obj").string() + "' --size 320x240 --sun " + time +
                                    " --script '" + (dir / "script.txt").string() + "' 2>&1";
        const int status = std::system(command.c_str());
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
        auto image = axis::render::readPng(shot);
        REQUIRE(image.ok());
        size_t reddish = 0;
        for (size_t i = 0; i < image->pixels.size(); i += 4)
            reddish += image->pixels[i] > 120 && image->pixels[i + 1] < 90 && image->pixels[i + 2] < 90;
        return reddish;
    };
    CHECK(shoot("2024-06-21T12:00") > 320 * 240 / 20);
    CHECK(shoot("2024-06-21T23:00") == 0);  // Only the dim night sky lights it.
}
