// The kiosk at every common exhibit size (issue 18): 1280x720, 1920x1080, 3840x2160 and portrait
// 1080x1920 on a 55" screen (the site's kiosk.screen_inches), at rest (panels folded into tabs,
// the pads), with the places list open, and reading a story (a side column, or a bottom sheet in
// portrait); and the attract tour with every panel hidden. Screenshots are compared downscaled
// (box-averaged to about 480 px on the long side, so a 4K baseline stays small) with
// tests/baselines/kiosk_size_*.png, which a person looked at.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "support/gpu_support.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// The demo site on a 55" screen, written into `dir` (models and POIs stay in the build's demo).
fs::path demoOn55Inches(const fs::path& dir) {
    const fs::path demo = AXIS_DEMO_DIR;
    nlohmann::ordered_json site = nlohmann::ordered_json::parse(std::ifstream(demo / "central-axis.site.json"));
    for (auto& model : site["models"]) model["source"] = (demo / model["source"].get<std::string>()).string();
    site["pois"] = (demo / site["pois"].get<std::string>()).string();
    site["kiosk"]["screen_inches"] = 55;
    const fs::path file = dir / "screen55.site.json";
    std::ofstream(file) << site.dump(2);
    return file;
}

struct Run {
    int exitCode = -1;
    std::string output;
};

// The kiosk at `width` x `height` on an Xvfb screen big enough for it, running `script`.
Run runKiosk(const fs::path& dir, const fs::path& site, int width, int height, const std::string& script,
             const std::string& env = "") {
    axis::test::VirtualDisplay display("3840x2160x24");
    std::ofstream(dir / "script.txt") << script;
    const fs::path out = dir / "output.txt";
    const std::string command = "cd '" + dir.string() + "' && DISPLAY=" + display.display() + " " + env +
                                " timeout 400 " + AXIS_EXECUTABLE + " '" + site.string() + "' --kiosk --size " +
                                std::to_string(width) + "x" + std::to_string(height) + " --script '" +
                                (dir / "script.txt").string() + "' > '" + out.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    Run run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(out);
    for (std::string line; std::getline(in, line);) run.output += line + "\n";
    return run;
}

// Box average by a whole factor, so about 480 pixels remain on the long side.
axis::render::Rgba8Image downscale(const axis::render::Rgba8Image& in) {
    const uint32_t f = std::max(1u, uint32_t(std::lround(std::max(in.width, in.height) / 480.0)));
    axis::render::Rgba8Image out;
    out.width = in.width / f;
    out.height = in.height / f;
    out.pixels.resize(size_t(out.width) * out.height * 4);
    for (uint32_t y = 0; y < out.height; ++y)
        for (uint32_t x = 0; x < out.width; ++x)
            for (int c = 0; c < 4; ++c) {
                uint32_t sum = 0;
                for (uint32_t dy = 0; dy < f; ++dy)
                    for (uint32_t dx = 0; dx < f; ++dx)
                        sum += in.pixels[((y * f + dy) * in.width + x * f + dx) * 4 + c];
                out.pixels[(size_t(y) * out.width + x) * 4 + c] = uint8_t((sum + f * f / 2) / (f * f));
            }
    return out;
}

axis::render::Rgba8Image shot(const fs::path& png, int width, int height) {
    auto image = axis::render::readPng(png);
    REQUIRE(image.ok());
    REQUIRE(image->width == uint32_t(width));
    REQUIRE(image->height == uint32_t(height));
    return downscale(*image);
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// A tap at the centre of a layout rectangle's share of the screen (the tabs and the first row
// of the places list, from kiosk_layout.cpp's arithmetic at 55").
std::string tap(double x, double y) {
    return "touch down 1 " + std::to_string(int(x)) + " " + std::to_string(int(y)) + "\ntouch up 1\n";
}

struct Size {
    int width, height;
    double placesX, tabY, firstRowY;  // Centre of the places tab, and of the list's first row.
};

}  // namespace

TEST_CASE("the kiosk is laid out for 1280x720, 1920x1080, 3840x2160 and portrait 1080x1920", "[app][kiosk][layout]") {
    const fs::path dir = axis::test::scratchDir("kiosk_sizes");
    const fs::path site = demoOn55Inches(dir);
    // font u = short side / 30, tab: x = margin + 5u + gap + 2.5u, y below the exit corner (or,
    // in portrait, the two-row top bar); the first row sits one window padding into the drawer.
    for (const Size& s : {Size{1280, 720, 198, 151, 204}, Size{1920, 1080, 297, 167, 247},
                          Size{3840, 2160, 594, 296, 455}, Size{1080, 1920, 297, 225, 305}}) {
        const std::string name = std::to_string(s.width) + "x" + std::to_string(s.height);
        INFO(name);
        const fs::path rest = dir / (name + "_rest.png"), places = dir / (name + "_places.png"),
                       story = dir / (name + "_story.png");
        const Run run = runKiosk(dir, site, s.width, s.height,
                                 "wait 1\nscreenshot " + rest.string() + "\n" + tap(s.placesX, s.tabY) +
                                     "wait 0.5\nscreenshot " + places.string() + "\n" + tap(s.placesX, s.firstRowY) +
                                     "wait 1\nscreenshot " + story.string() + "\nquit\n");
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
        CHECK(contains(run.output, "kiosk: screen " +
                                       std::to_string(int(std::lround(std::hypot(s.width, s.height) / 55))) +
                                       " dpi (kiosk.screen_inches 55)"));
        const axis::test::Tolerance tolerance{16, 0.01};
        axis::test::requireMatchesBaseline("kiosk_size_" + name + "_rest", shot(rest, s.width, s.height), tolerance);
        axis::test::requireMatchesBaseline("kiosk_size_" + name + "_places", shot(places, s.width, s.height),
                                           tolerance);
        axis::test::requireMatchesBaseline("kiosk_size_" + name + "_story", shot(story, s.width, s.height), tolerance);
    }
}

TEST_CASE("the kiosk's attract tour hides every panel and the first touch brings them back", "[app][kiosk][layout]") {
    const fs::path dir = axis::test::scratchDir("kiosk_sizes_attract");
    const fs::path site = demoOn55Inches(dir);
    const fs::path attract = dir / "attract.png", back = dir / "back.png";
    const Run run = runKiosk(dir, site, 1920, 1080,
                             "wait 4\nscreenshot " + attract.string() + "\n" + tap(960, 540) + "wait 0.5\nscreenshot " +
                                 back.string() + "\nquit\n",
                             "AXIS_KIOSK_IDLE_SECONDS=2");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    REQUIRE(contains(run.output, "kiosk: attract tour"));
    REQUIRE(contains(run.output, "kiosk: a visitor took over"));
    const axis::test::Tolerance tolerance{16, 0.01};
    axis::test::requireMatchesBaseline("kiosk_size_1920x1080_attract", shot(attract, 1920, 1080), tolerance);
    axis::test::requireMatchesBaseline("kiosk_size_1920x1080_woken", shot(back, 1920, 1080), tolerance);
}

namespace {

// Share of pixels of two same-sized images that differ by more than `channel` in any channel.
double differingShare(const axis::render::Rgba8Image& a, const axis::render::Rgba8Image& b, int channel) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.pixels.size(); i += 4)
        for (int c = 0; c < 3; ++c)
            if (std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])) > channel) {
                ++differing;
                break;
            }
    return double(differing) / double(a.pixels.size() / 4);
}

axis::render::Rgba8Image fullShot(const fs::path& png) {
    auto image = axis::render::readPng(png);
    REQUIRE(image.ok());
    return *image;
}

}  // namespace

// A kiosk whose window grows after start (a monitor that settles late) rasterises its fonts again
// at the new layout's size: the text at 4K is then drawn as a kiosk started at 4K draws it, not
// the 720p glyphs scaled three times, whose soft edges differ from it on every letter.
TEST_CASE("a kiosk resized from 1280x720 to 3840x2160 draws its text as crisp as one started at that size",
          "[app][kiosk][layout]") {
    const fs::path dir = axis::test::scratchDir("kiosk_resized");
    const fs::path site = demoOn55Inches(dir);
    const fs::path resized = dir / "resized.png", native = dir / "native.png";
    const Run grown = runKiosk(dir, site, 1280, 720,
                               "wait 1\nresize 3840 2160\nwait 1\nscreenshot " + resized.string() + "\nquit\n");
    INFO(grown.output);
    REQUIRE(grown.exitCode == 0);
    CHECK(contains(grown.output, "fonts rasterised again at"));
    const Run started = runKiosk(dir, site, 3840, 2160, "wait 2\nscreenshot " + native.string() + "\nquit\n");
    INFO(started.output);
    REQUIRE(started.exitCode == 0);
    // The top bar and tabs (the upper tenth of the screen, over the sky): text and buttons only.
    auto top = [](axis::render::Rgba8Image image) {
        image.height = image.height / 10;
        image.pixels.resize(std::size_t(image.width) * image.height * 4);
        return image;
    };
    const double share = differingShare(top(fullShot(resized)), top(fullShot(native)), 48);
    INFO(share * 100.0 << "% of the top bar's pixels differ");
    CHECK(share < 0.002);
}
