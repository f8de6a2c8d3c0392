// The curator's Web Annotation window under Xvfb: import a JSON-LD file from the path field (one
// undo step), save, undo, save again; export to a typed path and read the file back.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include "core/file_io.h"
#include "poi/poi.h"
#include "poi/web_annotation.h"
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

std::vector<std::string> idsOf(const axis::PoiFile& file) {
    std::vector<std::string> ids;
    for (const auto& poi : file.pois) ids.push_back(poi.id);
    return ids;
}

// At 960x600: the POI panel's "Web Annotation..." and "Undo" buttons, then, in the window it opens
// (top right), the file field and the import and export buttons.
const std::string kOpenWindow = "click 212 105\nwait 0.3\n";
const std::string kUndo = "click 37 105\nwait 0.3\n";
const std::string kPathField = "click 720 105\nwait 0.1\n";
const std::string kImport = "click 610 189\nwait 0.3\n";
const std::string kExport = "click 760 189\nwait 0.3\n";
const std::string kSave = "key ctrl down\nkey s tap\nkey ctrl up\nwait 0.3\n";

}  // namespace

TEST_CASE("a curator imports a Web Annotation file, saves it, and undoes the import in one step", "[app][curator]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("curator_annotation_import");
    const fs::path site = copyDemo(dir);
    const fs::path pois = dir / "demo" / "central-axis.pois.json";
    auto before = axis::loadPois(pois);
    REQUIRE(before.ok());

    // The window's path field starts at the POI file's name with .jsonld: put the import there.
    axis::PoiFile incoming;
    for (const char* id : {"stone-lion-east", "stone-lion-west"}) {
        axis::Poi lion;
        lion.id = id;
        lion.anchor = {"tiananmen", {std::string(id).ends_with("east") ? 12.0 : -12.0, 4080.0, 0.0}, {0, 0, 1}};
        lion.title = {{"zh", "石狮"}, {"en", "Stone lion"}};
        lion.body = {{"en", "One of the pair guarding the gate."}};
        incoming.pois.push_back(lion);
    }
    REQUIRE(axis::saveFileAtomic(dir / "demo" / "central-axis.pois.jsonld", axis::toWebAnnotation(incoming)).ok());

    // Import and save; then undo (one click for both POIs) and save again.
    REQUIRE(runCurator(display, site, dir, "wait 0.5\n" + kOpenWindow + kImport + kSave + kUndo + kSave + "quit\n") ==
            0);
    auto backup = axis::loadPois(pois.string() + ".bak");  // What the first save wrote.
    REQUIRE(backup.ok());
    CHECK(backup->pois.size() == before->pois.size() + 2);
    REQUIRE(backup->find("stone-lion-east"));
    CHECK(backup->find("stone-lion-east")->title.at("zh") == "石狮");
    CHECK(backup->find("stone-lion-west")->anchor.position.x == Approx(-12.0));
    auto after = axis::loadPois(pois);
    REQUIRE(after.ok());
    CHECK(idsOf(*after) == idsOf(*before));
    CHECK(after->pois == before->pois);
}

TEST_CASE("a curator exports the POIs to a typed path as Web Annotation", "[app][curator]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("curator_annotation_export");
    const fs::path site = copyDemo(dir);
    const fs::path target = dir / "exported.jsonld";
    // Ctrl held across frames (a tap lasts two steps), so that Ctrl+A selects the default path.
    const std::string typePath =
        "key ctrl down\nwait 0.1\nkey a tap\nwait 0.1\nkey ctrl up\ntype " + target.string() + "\nwait 0.1\n";
    REQUIRE(runCurator(display, site, dir, "wait 0.5\n" + kOpenWindow + kPathField + typePath + kExport + "quit\n") ==
            0);
    auto exported = axis::importWebAnnotation(target);
    REQUIRE(exported.ok());
    auto pois = axis::loadPois(dir / "demo" / "central-axis.pois.json");
    REQUIRE(pois.ok());
    CHECK(exported->pois == pois->pois);
}
