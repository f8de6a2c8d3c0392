// The curator's POI editor under Xvfb: place points of interest by clicking the surface, undo,
// save with Ctrl+S, quit, and find them in the file on reopening.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "core/file_io.h"
#include "poi/poi.h"
#include "poi/recovery.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// A private copy of the demo site, so saving never touches the build's demo.
fs::path copyDemo(const fs::path& dir) {
    fs::copy(fs::path(AXIS_DEMO_DIR), dir / "demo", fs::copy_options::recursive);
    return dir / "demo" / "central-axis.site.json";
}

int runCurator(const axis::test::VirtualDisplay& display, const fs::path& site, const fs::path& dir,
               const std::string& script) {
    std::ofstream(dir / "script.txt") << script;
    std::string command = "DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) + " '" +
                          site.string() + "' --curator --language en --view tiananmen --size 960x600 --script '" +
                          (dir / "script.txt").string() + "' > '" + (dir / "log.txt").string() + "' 2>&1";
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The "Add POI" button of the editor panel and two spots of paving in front of Tiananmen.
const std::string kAddPoi = "click 45 247\nwait 0.2\n";
const std::string kSave = "key ctrl down\nkey s tap\nkey ctrl up\nwait 0.3\n";

}  // namespace

TEST_CASE("a curator places POIs on the surface, undoes one, saves and finds them on reopening", "[app][curator]") {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("curator_place");
    fs::path site = copyDemo(dir);
    fs::path pois = dir / "demo" / "central-axis.pois.json";
    const size_t before = axis::loadPois(pois)->pois.size();

    std::string script = "wait 0.5\n" + kAddPoi + "click 200 520\nwait 0.3\n" + kAddPoi + "click 300 560\nwait 0.3\n" +
                         // Undo the second placement from the POI panel's Undo button.
                         "click 37 105\nwait 0.3\n" + kSave + "quit\n";
    REQUIRE(runCurator(display, site, dir, script) == 0);
    auto saved = axis::loadPois(pois);
    REQUIRE(saved.ok());
    REQUIRE(saved->pois.size() == before + 1);
    const axis::Poi& added = saved->pois.back();
    CHECK(added.anchor.position.z == Approx(0.0).margin(0.3));  // On the paving in front of the gate.
    CHECK(added.anchor.position.y > 4040.0);                    // Ahead of the viewpoint (y = 4040).
    CHECK(added.anchor.normal.z > 0.9);
    CHECK(added.viewpoint.has_value());
    CHECK(added.title.at("en") == "New place");
    CHECK(fs::exists(dir / "demo" / "central-axis.pois.json.bak"));  // The previous file, kept.

    // Reopen: the new POI is there and nothing more was added.
    REQUIRE(runCurator(display, site, dir, "wait 0.5\nquit\n") == 0);
    CHECK(axis::loadPois(pois)->pois.size() == before + 1);
}

TEST_CASE("a curator's typed edits survive SIGKILL through the autosave", "[app][curator]") {
    axis::test::VirtualDisplay display;
    fs::path dir = axis::test::scratchDir("curator_kill");
    fs::path site = copyDemo(dir);
    fs::path pois = dir / "demo" / "central-axis.pois.json";
    const std::string original = *axis::readTextFile(pois);
    // Place a POI, type its Chinese and English titles into the side-by-side fields, then keep
    // wait past the autosave interval (shortened to 2 s here); the test kills the process then.
    std::ofstream(dir / "script.txt") << "wait 0.5\n" << kAddPoi << "click 200 520\nwait 0.3\n"
                                      << "click 160 290\nwait 0.1\nkey ctrl down\nkey a tap\nkey ctrl up\n"
                                      << "type 午门测试\nwait 0.2\nclick 420 290\nwait 0.1\ntype Meridian test\n"
                                      << "wait 0.2\nclick 700 560\nwait 600\nquit\n";
    fs::path autosave = axis::autosavePathFor(pois);
    std::string command = "DISPLAY=" + display.display() + " AXIS_AUTOSAVE_SECONDS=2 " + std::string(AXIS_EXECUTABLE) + " '" + site.string() +
                          "' --curator --language en --view tiananmen --size 960x600 --script '" + (dir / "script.txt").string() +
                          "' > '" + (dir / "log.txt").string() + "' 2>&1 & echo $! > '" + (dir / "pid").string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    int pid = 0;
    std::ifstream(dir / "pid") >> pid;
    REQUIRE(pid > 0);
    for (int i = 0; i < 1200 && !fs::exists(autosave); ++i) usleep(100 * 1000);  // Up to 2 minutes.
    usleep(500 * 1000);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    REQUIRE(fs::exists(autosave));
    CHECK(*axis::readTextFile(pois) == original);  // The real file was never half-written.
    auto recovered = axis::loadRecovery(pois);
    REQUIRE(recovered.ok());
    const axis::Poi& added = recovered->pois.back();
    CHECK(added.title.at("zh").find("午门测试") != std::string::npos);
    CHECK(added.title.at("en").find("Meridian test") != std::string::npos);
    // Reopening offers the recovery and neither crashes nor loses the file.
    REQUIRE(runCurator(display, site, dir, "wait 0.5\nscreenshot " + (dir / "reopen.png").string() + "\nquit\n") == 0);
    CHECK(axis::loadPois(pois).ok());
}
