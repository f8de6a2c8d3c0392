// The curator's POI editor under Xvfb: place points of interest by clicking the surface, undo,
// save with Ctrl+S, quit, and find them in the file on reopening.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include "poi/poi.h"
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
                          site.string() + "' --curator --view tiananmen --size 960x600 --script '" +
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
