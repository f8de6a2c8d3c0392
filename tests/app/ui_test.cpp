// The window's UI under Xvfb, driven by --script: Chinese and English text, resizing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include "support/gpu_support.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// Runs the viewer on the demo site with `script`; returns the exit code.
int runScripted(const axis::test::VirtualDisplay& display, const fs::path& dir, const std::string& script,
                const std::string& size = "640x400") {
    fs::path file = dir / "script.txt";
    std::ofstream(file) << script;
    std::string command = "DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) + " '" +
                          std::string(AXIS_DEMO_DIR) + "/central-axis.site.json' --size " + size + " --script '" +
                          file.string() + "' > '" + (dir / "stdout.txt").string() + "' 2>&1";
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

axis::render::Rgba8Image crop(const axis::render::Rgba8Image& in, uint32_t x0, uint32_t y0, uint32_t w, uint32_t h) {
    axis::render::Rgba8Image out;
    out.width = w;
    out.height = h;
    for (uint32_t y = 0; y < h; ++y)
        for (uint32_t x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c)
                out.pixels.push_back(in.pixels[((y0 + y) * in.width + x0 + x) * 4 + c]);
    return out;
}

}  // namespace

TEST_CASE("the UI shows Chinese by default and English after the language key", "[app][ui]") {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("ui_language");
    REQUIRE(runScripted(display, dir,
                        "wait 0.3\nkey h tap\nwait 0.2\nscreenshot " + (dir / "zh.png").string() +
                            "\nwait 0.2\nkey l tap\nwait 0.3\nscreenshot " + (dir / "en.png").string() + "\nquit\n",
                        "800x600") == 0);
    auto zh = axis::render::readPng(dir / "zh.png");
    auto en = axis::render::readPng(dir / "en.png");
    REQUIRE(zh.ok());
    REQUIRE(en.ok());
    // Toolbar and help overlay, text included, against baselines looked at by a person.
    axis::test::requireMatchesBaseline("ui_toolbar_zh", crop(*zh, 0, 0, 520, 60), {16, 0.01});
    axis::test::requireMatchesBaseline("ui_toolbar_en", crop(*en, 0, 0, 520, 60), {16, 0.01});
    axis::test::requireMatchesBaseline("ui_help_zh", *zh, {16, 0.01});
    axis::test::requireMatchesBaseline("ui_help_en", *en, {16, 0.01});
}

TEST_CASE("the window survives resizing and keeps rendering at the new size", "[app][ui]") {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("ui_resize");
    REQUIRE(runScripted(display, dir,
                        "wait 0.2\nscreenshot " + (dir / "a.png").string() + "\nresize 500 320\nwait 0.5\nscreenshot " +
                            (dir / "b.png").string() + "\nresize 720 480\nwait 0.5\nscreenshot " +
                            (dir / "c.png").string() + "\nquit\n") == 0);
    auto a = axis::render::readPng(dir / "a.png");
    auto b = axis::render::readPng(dir / "b.png");
    auto c = axis::render::readPng(dir / "c.png");
    REQUIRE((a.ok() && b.ok() && c.ok()));
    CHECK(a->width == 640);
    CHECK(b->width == 500);
    CHECK(b->height == 320);
    CHECK(c->width == 720);
    CHECK(c->height == 480);
    // Still drawing the scene, not a cleared frame: the sky and the ground both show.
    CHECK(axis::test::coverage(*c, {0, 0, 0}, 20) > 0.95);
}
