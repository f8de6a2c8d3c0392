// The window and texture streaming (render/texture_residency.h): it draws at once with the coarse
// levels the cache stores, never waiting, and sharpens to what a still of the same view shows.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>

#include "render/image_io.h"
#include "support/test_support.h"
#include "support/textured_grid.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// The grid scaled 4x (8 m across), seen straight down from eye height over atlas a: its finest
// level is about 2 texels a pixel at 320x200, so levels the cache does not store are needed.
fs::path writeSite(const fs::path& dir) {
    axis::test::writeTexturedGrid(dir, 1024, 16);
    std::ofstream(dir / "grid.site.json") << R"({
  "format": "axisview-site", "version": "1.0", "name": {"en": "grid"},
  "models": [{"id": "grid", "source": "scan.obj", "up": "z", "scale": 4.0, "shading": "unlit"}],
  "start": {"position": [-2.0, 0.0, 1.6], "yaw": 0, "pitch": -89, "fov": 50}
})";
    return dir / "grid.site.json";
}

std::string run(const std::string& command) {
    INFO(command);
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return command;
}

// Local contrast: the mean difference between horizontally adjacent pixels, over the lower half
// (the mode bar covers the top). Blur lowers it; a camera moved by a fraction of a pixel does not.
double sharpness(const axis::render::Rgba8Image& img) {
    double sum = 0;
    std::size_t n = 0;
    for (std::uint32_t y = img.height / 2; y < img.height; ++y)
        for (std::uint32_t x = 1; x < img.width; ++x)
            for (int c = 0; c < 3; ++c, ++n)
                sum += std::abs(int(img.pixels[(std::size_t(y) * img.width + x) * 4 + c]) -
                                int(img.pixels[(std::size_t(y) * img.width + x - 1) * 4 + c]));
    return sum / double(n);
}

}  // namespace

TEST_CASE("the window shows coarse texture levels at once and sharpens to the still's", "[app][texture]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("window_texture_stream");
    const fs::path site = writeSite(dir);
    const std::string exe = AXIS_EXECUTABLE;
    run(exe + " render '" + site.string() + "' --view start --size 320x200 -o '" + (dir / "still.png").string() +
        "' > '" + (dir / "render.txt").string() + "' 2>&1");
    // The script clock steps 1/60 s a frame; 20 s of it (1200 frames) leave the decoder threads
    // orders of magnitude more than the ~50 ms two atlas levels take, however loaded the machine.
    std::ofstream(dir / "script.txt") << "screenshot " << (dir / "first.png").string() << "\nwait 20\nscreenshot "
                                      << (dir / "later.png").string() << "\nquit\n";
    run("DISPLAY=" + display.display() + " timeout 600 " + exe + " '" + site.string() +
        "' --size 320x200 --view start --script '" + (dir / "script.txt").string() + "' --frame-log '" +
        (dir / "frames.csv").string() + "' > '" + (dir / "window.txt").string() + "' 2>&1");

    auto still = axis::render::readPng(dir / "still.png");
    auto first = axis::render::readPng(dir / "first.png");
    auto later = axis::render::readPng(dir / "later.png");
    REQUIRE(still.ok());
    REQUIRE(first.ok());
    REQUIRE(later.ok());
    const double sharp = sharpness(*still), before = sharpness(*first), after = sharpness(*later);
    INFO("local contrast: still " << sharp << ", first frame " << before << ", 20 s later " << after);
    CHECK(before < 0.75 * sharp);  // The first frame did not wait for the fine levels...
    CHECK(after > 0.9 * sharp);    // ...which then arrived.
    CHECK(after < 1.1 * sharp);

    // The frame log says the same: textures waited at first, none by the end, and the texture
    // memory grew by the finer levels.
    std::ifstream log(dir / "frames.csv");
    std::string line;
    REQUIRE(std::getline(log, line));
    CHECK(line == "frame,seconds,frame_ms,streaming_ms,textures_waiting,texture_mib,geometry_mib,rss_mib,camera_moved");
    std::vector<std::vector<double>> rows;
    while (std::getline(log, line)) {
        std::vector<double> row;
        std::stringstream fields(line);
        for (std::string field; std::getline(fields, field, ',');) row.push_back(std::stod(field));
        REQUIRE(row.size() == 9);
        rows.push_back(row);
    }
    REQUIRE(rows.size() >= 10);
    CHECK(rows.front()[4] > 0);  // Waiting for finer levels...
    CHECK(rows.back()[4] == 0);  // ...which all came.
    CHECK(rows.back()[5] > rows.front()[5]);
    CHECK(rows.back()[7] > 0);  // Resident memory is known.
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i][0] == rows[i - 1][0] + 1);
}
