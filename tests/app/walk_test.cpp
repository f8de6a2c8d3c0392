// Walking across the demo site in the window, driven by --script under Xvfb: the same input a
// visitor gives, checked through the camera positions the app prints.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <glm/glm.hpp>

#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

struct CameraLine {
    glm::dvec3 position{0.0};
    double yaw = 0, pitch = 0;
    int mode = -1;
};

// Runs the demo site from `view` with `script`; returns every "print camera" line.
std::vector<CameraLine> walk(const std::string& name, const std::string& view, const std::string& script) {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("walk_" + name);
    std::ofstream(dir / "script.txt") << script;
    fs::path out = dir / "stdout.txt";
    std::string command = "DISPLAY=" + display.display() + " timeout 600 " + std::string(AXIS_EXECUTABLE) + " '" +
                          std::string(AXIS_DEMO_DIR) + "/central-axis.site.json' --size 320x200 --view " + view +
                          " --script '" + (dir / "script.txt").string() + "' > '" + out.string() + "' 2>/dev/null";
    int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::vector<CameraLine> lines;
    std::ifstream in(out);
    for (std::string line; std::getline(in, line);) {
        std::istringstream s(line);
        std::string word;
        CameraLine c;
        if (s >> word && word == "camera" && s >> c.position.x >> c.position.y >> c.position.z >> c.yaw >> c.pitch >> c.mode)
            lines.push_back(c);
    }
    return lines;
}

}  // namespace

TEST_CASE("walking along the axis stays on the ground at eye height", "[app][walk]") {
    auto cams = walk("ground", "start", "wait 0.2\nprint camera\nkey w down\nwait 4\nkey w up\nwait 0.5\nprint camera\nquit\n");
    REQUIRE(cams.size() == 2);
    CHECK(cams[0].mode == 0);  // A site opens in walk mode.
    CHECK(cams[1].position.y - cams[0].position.y == Approx(4 * 1.4).epsilon(0.15));  // Walking pace, northwards.
    CHECK(cams[1].position.z == Approx(1.6).margin(0.05));  // Eye height above the paving.
}

TEST_CASE("walking up the Hall of Supreme Harmony's terrace steps, then into its wall", "[app][walk]") {
    auto cams = walk("terrace", "taihedian",
                     "wait 0.2\nprint camera\nkey shift down\nkey w down\nwait 40\nprint camera\nwait 5\nprint camera\n"
                     "quit\n");
    REQUIRE(cams.size() == 3);
    INFO("end of run: " << cams[1].position.y << ", " << cams[1].position.z);
    CHECK(cams[1].position.z > 8.0);  // On top of the three-tier marble terrace (8.1 m), not through it.
    CHECK(cams[1].position.z < 12.0);
    // Still pressing forward for five more seconds: the hall's wall holds.
    CHECK(cams[2].position.y == Approx(cams[1].position.y).margin(0.05));
    CHECK(cams[2].position.y < 5050.0);
}

TEST_CASE("walking through Yongdingmen's gate passage", "[app][walk]") {
    auto cams = walk("gate", "yongdingmen", "wait 0.2\nkey shift down\nkey w down\nwait 40\nprint camera\nquit\n");
    REQUIRE(cams.size() == 1);
    INFO("y after 40 s: " << cams[0].position.y);
    CHECK(cams[0].position.y > 20.0);  // The gate stands at y = 0: the passage was walked through.
    CHECK(cams[0].position.z == Approx(1.6).margin(0.2));
}

TEST_CASE("a double-click glides to the point under the cursor", "[app][walk]") {
    // Below the middle of the view lies the paving ahead.
    auto cams = walk("goto", "start",
                     "wait 0.2\nprint camera\ndoubleclick 160 150\nwait 0.5\nprint camera\nwait 4\nprint camera\nquit\n");
    REQUIRE(cams.size() == 3);
    const double moved = cams[2].position.y - cams[0].position.y;
    INFO("moved " << moved << " m");
    CHECK(moved > 3.0);                                   // It went somewhere ahead...
    CHECK(cams[1].position.y > cams[0].position.y);       // ...gradually: under way after 0.5 s...
    CHECK(cams[1].position.y < cams[2].position.y);       // ...and not yet there.
    CHECK(cams[2].position.z == Approx(1.6).margin(0.1));  // Arrived standing on the ground.
}

TEST_CASE("a gamepad walks and turns and switches modes through the script's gamepad verb", "[app][walk][gamepad]") {
    // GLFW's standard mapping: left stick up is -1; buttons X (bit 2) fly, B (bit 1) orbit, Y (bit 3) walk.
    auto cams = walk("gamepad", "start",
                     "wait 0.2\nprint camera\n"
                     "gamepad 0 -1 0 0\nwait 2\ngamepad 0 0 0 0\nwait 0.5\nprint camera\n"
                     "gamepad 0 0 1 0\nwait 0.5\ngamepad 0 0 0 0\nwait 0.2\nprint camera\n"
                     "gamepad 0 0 0 0 4\nwait 0.1\ngamepad 0 0 0 0 0\nwait 0.2\nprint camera\n"
                     "gamepad 0 0 0 0 2\nwait 0.1\ngamepad 0 0 0 0 0\nwait 0.2\nprint camera\n"
                     "gamepad 0 0 0 0 8\nwait 0.1\ngamepad 0 0 0 0 0\nwait 0.2\nprint camera\nquit\n");
    REQUIRE(cams.size() == 6);
    CHECK(cams[0].mode == 0);
    const glm::dvec3 walked = cams[1].position - cams[0].position;
    CHECK(walked.y == Approx(2 * 1.4).epsilon(0.25));  // Walking pace, straight ahead (north).
    CHECK(std::abs(walked.x) < 0.1);
    CHECK(cams[1].position.z == Approx(1.6).margin(0.05));
    // The right stick turns at 120 degrees a second, and moves nothing.
    double turned = cams[2].yaw - cams[1].yaw;
    if (turned > 180) turned -= 360;
    if (turned < -180) turned += 360;
    CHECK(std::abs(turned) == Approx(60.0).margin(10.0));
    CHECK(glm::length(cams[2].position - cams[1].position) < 0.05);
    CHECK(cams[3].mode == 1);  // X: fly.
    CHECK(cams[4].mode == 2);  // B: orbit.
    CHECK(cams[5].mode == 0);  // Y: walk.
}
