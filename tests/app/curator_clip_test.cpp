// The curator's section planes under Xvfb: a plane added from the Sections panel cuts the top off
// a box, its arrow handle dragged up lifts the cut, a second drag is undone with Ctrl+Z, and
// Ctrl+S saves the first drag's plane in the site file; the screenshots show each cut. The same
// panel gives the site a sun, whose hour slider is undone the same way.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include "render/image_io.h"
#include "scene/site.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// An axis-aligned box as an OBJ, z up.
void writeBox(const fs::path& file, glm::dvec3 lo, glm::dvec3 hi) {
    std::ofstream out(file);
    for (int i = 0; i < 8; ++i)
        out << "v " << (i & 1 ? hi.x : lo.x) << ' ' << (i & 2 ? hi.y : lo.y) << ' ' << (i & 4 ? hi.z : lo.z) << '\n';
    out << "f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n";
}

// A 2 x 2 x 4 m box on a 40 m ground, seen from 12 m south at eye height, looking north.
fs::path writeSite(const fs::path& dir) {
    writeBox(dir / "box.obj", {-1, -1, 0}, {1, 1, 4});
    writeBox(dir / "ground.obj", {-20, -20, -0.1}, {20, 20, 0});
    std::ofstream(dir / "box.site.json") << R"({"format": "axisview-site", "version": "1.1", "name": {"en": "box"},
        "models": [{"id": "ground", "source": "ground.obj", "up": "z"}, {"id": "box", "source": "box.obj", "up": "z"}],
        "start": {"position": [0, -12, 1.6], "yaw": 0, "pitch": 0, "fov": 60}})";
    return dir / "box.site.json";
}

// Window points of a 960x600 window: the POI panel's collapse arrow (it would cover the view),
// the site panel's Sections button, the Sections panel's Add plane button, and the new plane's
// arrow tip (the plane through the site's centre, z 1.95, its normal down; the arrow a fifth of
// the 12 m to the eye long).
const std::string kSections = "click 24 73\nwait 0.3\nclick 729 315\nwait 0.3\n",
                  kAddPlane = "click 51 283\nwait 0.3\n";
const int kArrowX = 480, kArrowY = 389;

glm::ivec3 pixel(const axis::gpu::Rgba8Image& image, int x, int y) {
    const std::uint8_t* p = &image.pixels[(std::size_t(y) * image.width + std::size_t(x)) * 4];
    return {p[0], p[1], p[2]};
}

// Whether the box shows at window row `y` (its face, against the sky beside it at the same row).
bool boxAt(const axis::gpu::Rgba8Image& image, int y) {
    const glm::ivec3 box = pixel(image, 510, y), sky = pixel(image, 600, y);
    INFO("row " << y << ": " << box.r << ',' << box.g << ',' << box.b << " beside " << sky.r << ',' << sky.g << ','
                << sky.b);
    return glm::any(glm::greaterThan(glm::abs(box - sky), glm::ivec3(8)));
}

// Runs the curator on `site` in a 960x600 window under `display` through `script`; it must exit 0.
void runCurator(const axis::test::VirtualDisplay& display, const fs::path& site, const fs::path& dir,
                const std::string& script) {
    std::ofstream(dir / "script.txt") << script;
    const std::string command = "DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) + " '" +
                                site.string() + "' --curator --language en --size 960x600 --script '" +
                                (dir / "script.txt").string() + "' > '" + (dir / "log.txt").string() + "' 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

}  // namespace

TEST_CASE("a curator adds a section plane, drags it, undoes a drag and saves", "[app][curator][clipping]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("curator_clip");
    const fs::path site = writeSite(dir);
    auto shot = [&](const char* name) { return "screenshot " + (dir / name).string() + "\nwait 0.2\n"; };
    auto drag = [](int x0, int y0, int x1, int y1) {
        return "drag " + std::to_string(x0) + ' ' + std::to_string(y0) + ' ' + std::to_string(x1) + ' ' +
               std::to_string(y1) + " 0.5\nwait 0.3\n";
    };
    const std::string script = "wait 1.5\n" + shot("start.png") + kSections + kAddPlane + shot("added.png") +
                               // Up 60 points: the arrow's tip from 2.05 m below the eye to 0.67 m.
                               drag(kArrowX, kArrowY, kArrowX, kArrowY - 60) + shot("dragged.png") +
                               // The tip now sits near row 330; this drag lowers the plane again.
                               drag(kArrowX, 330, kArrowX, 420) +
                               "key ctrl down\nkey z tap\nkey s tap\nkey ctrl up\nwait 0.3\n" + shot("saved.png") +
                               "quit\n";
    runCurator(display, site, dir, script);

    auto saved = axis::loadSite(site);
    REQUIRE(saved.ok());
    CHECK(saved->problems.empty());
    REQUIRE(saved->clipping.planes.size() == 1);
    CHECK(saved->clipping.boxes.empty());
    const axis::ClipPlane& plane = saved->clipping.planes[0];
    CHECK(plane.normal.z == Approx(-1.0));
    // The drag moved the plane up from 1.95 m by what the pointer covered along the arrow: to
    // about 3.33 m (the second drag, undone, would have taken it below 1.95 m).
    CHECK(plane.offset == Approx(3.33).margin(0.1));
    CHECK(saved->models.size() == 2);
    CHECK(fs::exists(fs::path(site.string() + ".bak")));

    // The box's face 3.85 m up (row 194) and 2.7 m up (row 248), 11 m from the eye.
    auto start = axis::render::readPng(dir / "start.png"), added = axis::render::readPng(dir / "added.png"),
         dragged = axis::render::readPng(dir / "dragged.png"), final = axis::render::readPng(dir / "saved.png");
    REQUIRE(start.ok());
    REQUIRE(added.ok());
    REQUIRE(dragged.ok());
    REQUIRE(final.ok());
    CHECK(boxAt(*start, 194));
    CHECK(boxAt(*start, 248));
    CHECK_FALSE(boxAt(*added, 194));  // Cut at 1.95 m.
    CHECK_FALSE(boxAt(*added, 248));
    CHECK_FALSE(boxAt(*dragged, 194));  // Cut at 3.33 m.
    CHECK(boxAt(*dragged, 248));
    CHECK_FALSE(boxAt(*final, 194));  // The undone drag left it there.
    CHECK(boxAt(*final, 248));
}

TEST_CASE("a curator gives the site a sun, drags it into the night, undoes the drag and saves", "[app][curator][sun]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("curator_sun");
    writeBox(dir / "box.obj", {-1, -1, 0}, {1, 1, 4});
    writeBox(dir / "ground.obj", {-20, -20, -0.1}, {20, 20, 0});
    const fs::path site = dir / "box.site.json";
    std::ofstream(site) << R"({"format": "axisview-site", "version": "1.1", "name": {"en": "box"},
        "origin": {"lat": 39.9, "lon": 116.4, "height": 0}, "time_zone": "+08:00",
        "models": [{"id": "ground", "source": "ground.obj", "up": "z", "shading": "lit"},
                   {"id": "box", "source": "box.obj", "up": "z", "shading": "lit"}],
        "start": {"position": [0, -12, 1.6], "yaw": 0, "pitch": 0, "fov": 60}})";
    auto shot = [&](const char* name) { return "screenshot " + (dir / name).string() + "\nwait 0.2\n"; };
    // The Sections panel's "give the site a sun" button, then its hour slider's knob at noon
    // dragged to the slider's left end (just after midnight).
    const std::string script = "wait 1.5\n" + kSections + shot("default.png") + "click 72 439\nwait 0.3\n" +
                               shot("noon.png") + "drag 148 489 20 489 0.5\nwait 0.3\n" + shot("night.png") +
                               "key ctrl down\nkey z tap\nkey s tap\nkey ctrl up\nwait 0.3\n" + shot("undone.png") +
                               "quit\n";
    runCurator(display, site, dir, script);

    // Saved after the undo: the sun given at noon of today, with shadows.
    auto saved = axis::loadSite(site);
    REQUIRE(saved.ok());
    CHECK(saved->problems.empty());
    CHECK(saved->version == "1.3");
    REQUIRE(saved->sun);
    CHECK(saved->sun->time.substr(10) == "T12:00");
    CHECK(saved->sun->shadows);

    // The box's face (it stands at columns 433-527, rows 187-375) by the sun of each moment.
    auto face = [&](const char* name) {
        auto image = axis::render::readPng(dir / name);
        REQUIRE(image.ok());
        const glm::ivec3 p = pixel(*image, 480, 250);
        return p.r + p.g + p.b;
    };
    const int noon = face("noon.png"), night = face("night.png"), undone = face("undone.png");
    INFO("default " << face("default.png") << ", noon " << noon << ", night " << night << ", undone " << undone);
    CHECK(night < noon / 2);
    CHECK(std::abs(undone - noon) <= 3);
}
