// Record mode in the window, driven by --script under Xvfb: keyframes taken from three views,
// the path saved, and `axisview record --path` starting on the first keyframe's view.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "render/image_io.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

struct CameraLine {
    glm::dvec3 position{0.0};
    double yaw = 0, pitch = 0;
};

const std::string kSite = std::string(AXIS_DEMO_DIR) + "/central-axis.site.json";

int run(const std::string& command) {
    const int status = std::system(("timeout 600 " + command).c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<CameraLine> cameraLines(const fs::path& out) {
    std::vector<CameraLine> lines;
    std::ifstream in(out);
    for (std::string line; std::getline(in, line);) {
        std::istringstream s(line);
        std::string word;
        CameraLine c;
        int mode = 0;
        if (s >> word && word == "camera" && s >> c.position.x >> c.position.y >> c.position.z >> c.yaw >> c.pitch >> mode)
            lines.push_back(c);
    }
    return lines;
}

// The same view as a one-key path file (held for a second): what frame 0 must show.
void writeHoldPath(const fs::path& file, const CameraLine& c, double fov) {
    nlohmann::json key = {{"position", {c.position.x, c.position.y, c.position.z}}, {"yaw", c.yaw},
                          {"pitch", c.pitch}, {"fov", fov}};
    nlohmann::json a = key, b = key;
    a["time"] = 0.0;
    b["time"] = 1.0;
    std::ofstream(file) << nlohmann::json{{"format", "axisview-path"}, {"version", "1.0"}, {"keyframes", {a, b}}}.dump();
}

// Each keyframe is printed, then taken (K); between them the visitor walks and turns.
const char* kScript = R"(wait 0.5
print camera
key k tap
wait 0.2
key w down
wait 1.5
key w up
drag 320 80 420 90 0.5
wait 1
print camera
key k tap
wait 0.2
key d down
wait 1
key d up
drag 320 80 250 60 0.5
wait 1
print camera
key k tap
wait 0.2
key ctrl down
key s tap
key ctrl up
wait 0.3
screenshot SHOT
quit
)";

}  // namespace

TEST_CASE("record mode: three keyframes saved, recorded from the first one's view", "[app][record]") {
    test::VirtualDisplay display;
    const fs::path dir = test::scratchDir("record_mode");
    const fs::path pathFile = dir / "walk.path.json";
    std::string script = kScript;
    script.replace(script.find("SHOT"), 4, (dir / "panel.png").string());
    std::ofstream(dir / "script.txt") << script;
    const int view = run("env DISPLAY=" + display.display() + " " + std::string(AXIS_EXECUTABLE) + " '" + kSite +
                         "' --size 640x360 --language en --view start --record-mode --record-path '" + pathFile.string() +
                         "' --script '" + (dir / "script.txt").string() + "' > '" + (dir / "stdout.txt").string() +
                         "' 2> '" + (dir / "stderr.txt").string() + "'");
    REQUIRE(view == 0);
    const auto cams = cameraLines(dir / "stdout.txt");
    REQUIRE(cams.size() == 3);
    CHECK(glm::length(cams[1].position - cams[0].position) > 1.0);  // Three different views.
    CHECK(glm::length(cams[2].position - cams[1].position) > 0.5);
    CHECK(fs::exists(dir / "panel.png"));

    REQUIRE(fs::exists(pathFile));
    auto saved = nlohmann::json::parse(std::ifstream(pathFile));
    const auto& keys = saved["keyframes"];
    REQUIRE(keys.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        INFO("keyframe " << i);
        CHECK(keys[i]["position"][0].get<double>() == Approx(cams[i].position.x).margin(1e-3));
        CHECK(keys[i]["position"][1].get<double>() == Approx(cams[i].position.y).margin(1e-3));
        CHECK(keys[i]["position"][2].get<double>() == Approx(cams[i].position.z).margin(1e-3));
        CHECK(keys[i]["pitch"].get<double>() == Approx(cams[i].pitch).margin(0.01));
    }
    CHECK(keys[1]["time"].get<double>() > keys[0]["time"].get<double>());
    CHECK(keys[2]["time"].get<double>() > keys[1]["time"].get<double>());

    // Reloaded by the recorder: frame 0 is the first keyframe's view.
    const std::string record = std::string(AXIS_EXECUTABLE) + " record '" + kSite + "' --fps 2 --duration 1 --size 160x90 ";
    REQUIRE(run(record + "--path '" + pathFile.string() + "' -o '" + (dir / "frames/%03d.png").string() + "' 2>/dev/null") == 0);
    writeHoldPath(dir / "first.path.json", cams[0], keys[0]["fov"].get<double>());
    REQUIRE(run(record + "--path '" + (dir / "first.path.json").string() + "' -o '" + (dir / "first/%03d.png").string() +
                "' 2>/dev/null") == 0);
    auto frame = render::readPng(dir / "frames/000.png"), first = render::readPng(dir / "first/000.png");
    REQUIRE((frame.ok() && first.ok()));
    CHECK(frame->width == 160);
    auto diff = render::compareImages(*frame, *first, 8);
    INFO("differing share " << diff.differingFraction);
    CHECK(diff.differingFraction < 0.01);
}
