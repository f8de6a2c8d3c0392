// A 3D Tiles tileset in the window (issue 15): it opens as any model, scripted runs wait for the
// tiles their view needs (as they wait for a site's models), and a visitor walks on its tiles.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <glm/glm.hpp>

#include "render/image_io.h"
#include "support/test_support.h"
#include "support/tileset_fixture.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// Runs the window on `scene` with `script`; returns stdout.
std::string runWindow(const fs::path& dir, const fs::path& scene, const std::string& script,
                      const std::string& args = "") {
    axis::test::VirtualDisplay display;
    std::ofstream(dir / "script.txt") << script;
    const fs::path out = dir / "stdout.txt";
    const std::string command = "DISPLAY=" + display.display() + " timeout 600 " + std::string(AXIS_EXECUTABLE) + " '" +
                                scene.string() + "' --size 320x200 " + args + " --script '" +
                                (dir / "script.txt").string() + "' > '" + out.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(out);
    std::stringstream all;
    all << in.rdbuf();
    INFO(all.str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return all.str();
}

std::vector<glm::dvec3> cameraPositions(const std::string& output) {
    std::vector<glm::dvec3> out;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        std::istringstream s(line);
        std::string word;
        glm::dvec3 p;
        if (s >> word && word == "camera" && s >> p.x >> p.y >> p.z) out.push_back(p);
    }
    return out;
}

}  // namespace

TEST_CASE("a tileset opens in the window with the tiles its view needs", "[app][tiles]") {
    const fs::path dir = axis::test::scratchDir("tileset_window_open");
    axis::test::writeTileset(dir, 5.0);
    const fs::path shot = dir / "shot.png";
    runWindow(dir, dir / "tileset.json", "wait 0.1\nscreenshot " + shot.string() + "\nquit\n");
    auto image = axis::render::readPng(shot);
    REQUIRE(image);
    std::size_t red = 0, green = 0, blue = 0;
    for (std::size_t i = 0; i + 3 < image->pixels.size(); i += 4) {
        const int r = image->pixels[i], g = image->pixels[i + 1], b = image->pixels[i + 2];
        red += r > 200 && g < 40 && b < 40;
        green += g > 200 && r < 40 && b < 40;
        blue += b > 200 && r < 40 && g < 40;
    }
    // Framed from the tileset's bounds, close enough that 5 m of error needs the children.
    CHECK(red == 0);
    CHECK(green > 500);
    CHECK(blue > 500);
}

TEST_CASE("a visitor walks on a tileset's tiles at eye height", "[app][tiles][walk]") {
    const fs::path dir = axis::test::scratchDir("tileset_window_walk");
    axis::test::writeTileset(dir, 5.0);
    // The slab's top is 2 m up; the visitor starts on it, at the west end, facing east.
    std::ofstream(dir / "hall.site.json") << R"({"format": "axisview-site", "version": "1.0", "name": {"en": "tiles"},
  "models": [{"id": "hall", "source": "tileset.json", "up": "z", "shading": "unlit"}],
  "start": {"position": [-15.0, 0.0, 3.6], "yaw": 90, "pitch": 0, "fov": 60}})";
    const std::string out = runWindow(
        dir, dir / "hall.site.json",
        "wait 0.5\nprint camera\nkey w down\nwait 3\nkey w up\nwait 0.5\nprint camera\nquit\n", "--view start");
    const auto cams = cameraPositions(out);
    INFO(out);
    REQUIRE(cams.size() == 2);
    CHECK(cams[0].z == Approx(3.6).margin(0.05));
    CHECK(cams[1].x - cams[0].x > 2.0);            // Walked east, from the west tile onto the east one.
    CHECK(cams[1].z == Approx(3.6).margin(0.05));  // Standing on the tiles, not through them.
}
