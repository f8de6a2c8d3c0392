// Streaming a site into the window (site/model_stream.h): the window draws before the models
// are in, they arrive nearest first, and scripted runs by default wait for all of them.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/wait.h>

#include "render/image_io.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    std::string output;  // stdout and stderr
    std::vector<std::string> streamed;  // ids from "streamed model 'ID' (K/N)", in order
    int total = 0;                      // N of those lines
    std::size_t screenshotLine = 0;     // index among streamed lines at which the screenshot came
};

Run runDemo(const std::string& name, const std::string& env, const fs::path& shot) {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("stream_" + name);
    // A short wait: ImGui sizes an auto-resized window (the load panel) on its first frame.
    std::ofstream(dir / "script.txt") << "wait 0.1\nscreenshot " << shot.string() << "\nquit\n";
    fs::path out = dir / "output.txt";
    std::string command = "DISPLAY=" + display.display() + " " + env + " timeout 600 " + std::string(AXIS_EXECUTABLE) +
                          " '" + std::string(AXIS_DEMO_DIR) + "/central-axis.site.json' --size 320x200 --view start" +
                          " --script '" + (dir / "script.txt").string() + "' > '" + out.string() + "' 2>&1";
    int status = std::system(command.c_str());
    Run r;
    std::ifstream in(out);
    std::stringstream all;
    all << in.rdbuf();
    r.output = all.str();
    INFO(r.output);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const std::regex streamed(R"(streamed model '([^']+)' \((\d+)/(\d+)\))");
    std::istringstream lines(r.output);
    bool shotSeen = false;
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_search(line, m, streamed)) {
            r.streamed.push_back(m[1]);
            r.total = std::stoi(m[3]);
        }
        if (!shotSeen && line.find("screenshot written") != std::string::npos) {
            shotSeen = true;
            r.screenshotLine = r.streamed.size();
        }
    }
    REQUIRE(shotSeen);
    return r;
}

double differingShare(const axis::render::Rgba8Image& a, const axis::render::Rgba8Image& b) {
    REQUIRE(a.pixels.size() == b.pixels.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.pixels.size(); i += 4)
        for (int c = 0; c < 3; ++c)
            if (std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])) > 24) {
                ++differ;
                break;
            }
    return double(differ) / double(a.pixels.size() / 4);
}

}  // namespace

TEST_CASE("the window draws while a site streams in, nearest models first, and gets them all", "[app][stream]") {
    fs::path dir = axis::test::scratchDir("stream_shots");
    // Slowed down so that the first frame surely comes before the first model.
    Run early = runDemo("early", "AXIS_LOAD_DELAY_MS=3000 AXIS_SCRIPT_DURING_LOAD=1", dir / "early.png");
    INFO(early.output);
    CHECK(early.screenshotLine == 0);  // Drawn before any model arrived.
    CHECK(early.streamed.size() < std::size_t(std::max(early.total, 1)));

    Run late = runDemo("late", "", dir / "late.png");  // A script waits for the whole site.
    INFO(late.output);
    REQUIRE(late.total > 1);
    CHECK(late.streamed.size() == std::size_t(late.total));
    CHECK(late.screenshotLine == late.streamed.size());
    // The start view stands south of Yongdingmen, where it and the ground are placed.
    CHECK((late.streamed.front() == "yongdingmen" || late.streamed.front() == "ground"));

    auto first = axis::render::readPng(dir / "early.png");
    auto last = axis::render::readPng(dir / "late.png");
    REQUIRE(first.ok());
    REQUIRE(last.ok());
    const double share = differingShare(*first, *last);
    INFO("pixels that differ between the empty and the loaded site: " << share);
    CHECK(share > 0.05);
}
