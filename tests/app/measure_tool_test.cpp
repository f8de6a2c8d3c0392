// The curator's measure tool under Xvfb, on a 10 x 6 x 1 m slab: clicks a few pixels from its
// corners snap to them, so the saved distance, height difference and area are the slab's own to
// well within 1 mm; an angle undone with Ctrl+Z is not saved; a measurement may start on a point
// of another.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include "poi/poi.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// Corners at x 0..10, y 0..6, z 0..1: an OBJ says nothing of its up axis, and the flat base
// makes it z.
void writeSlab(const fs::path& file) {
    std::ofstream out(file);
    for (int i = 0; i < 8; ++i)
        out << "v " << (i & 1 ? 10 : 0) << ' ' << (i & 2 ? 6 : 0) << ' ' << (i & 4 ? 1 : 0) << '\n';
    out << "f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n";
}

// Where the slab's west corners are in a 960x600 window as it opens a lone model (orbit, framed:
// camera at (1.68, -5.82, 2.36), heading 20, pitch -20, 50 degrees), 3 pixels towards the faces
// clicked. The east ones lie under the Measure panel.
const std::string kTopBackLeft = "134 158\n", kTopFrontLeft = "30 249\n", kBottomFrontLeft = "58 361\n";
// The collapsed POI panel leaves the slab in view; the Measure panel's checkbox and kinds.
const std::string kCollapsePoiPanel = "click 24 73\nwait 0.2\n", kMeasureOn = "click 649 55\nwait 0.2\n",
                  kHeight = "click 649 111\nwait 0.2\n", kArea = "click 649 195\nwait 0.2\n",
                  kAngle = "click 649 223\nwait 0.2\n";

void checkNear(const glm::dvec3& got, const glm::dvec3& want) {
    INFO("point " << got.x << ' ' << got.y << ' ' << got.z);
    CHECK(glm::length(got - want) < 1e-3);
}

}  // namespace

TEST_CASE("a curator measures a slab by its corners, undoes an angle and saves", "[app][curator][measure]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("curator_measure");
    writeSlab(dir / "slab.obj");
    const std::string script =
        "wait 0.5\n" + kCollapsePoiPanel + kMeasureOn +
        // Distance (the default kind) finishes at its second point.
        "click " + kTopFrontLeft + "wait 0.2\nmouse move 400 200\nwait 0.1\nclick " + kTopBackLeft + "wait 0.3\n" +
        // Starts on the distance's first point: a click there is not a drag.
        kHeight + "click " + kTopFrontLeft + "wait 0.2\nclick " + kBottomFrontLeft + "wait 0.3\n" +
        // An area of three points, finished with Enter.
        kArea + "click " + kTopFrontLeft + "wait 0.2\nclick " + kTopBackLeft + "wait 0.2\nclick " + kBottomFrontLeft +
        "wait 0.2\nkey enter tap\nwait 0.3\n" + kAngle + "click " + kTopBackLeft + "wait 0.2\nclick " + kTopFrontLeft +
        "wait 0.2\nclick " + kBottomFrontLeft + "wait 0.3\n" +
        "key ctrl down\nkey z tap\nkey s tap\nkey ctrl up\nwait 0.3\n" + "screenshot " +
        (dir / "measured.png").string() + "\nquit\n";
    std::ofstream(dir / "script.txt") << script;
    const std::string command = "DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) + " '" +
                                (dir / "slab.obj").string() + "' --curator --language en --size 960x600 --script '" +
                                (dir / "script.txt").string() + "' > '" + (dir / "log.txt").string() + "' 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    auto saved = axis::loadPois(dir / "slab.pois.json");
    REQUIRE(saved.ok());
    CHECK(saved->problems.empty());
    REQUIRE(saved->measurements.size() == 3);  // The angle was undone before saving.
    const axis::Measurement& distance = saved->measurements[0];
    CHECK(distance.kind == axis::MeasureKind::Distance);
    REQUIRE(distance.points.size() == 2);
    checkNear(distance.points[0], {0, 0, 1});
    checkNear(distance.points[1], {0, 6, 1});
    CHECK(distance.value() == Approx(6.0).margin(1e-3));

    const axis::Measurement& height = saved->measurements[1];
    CHECK(height.kind == axis::MeasureKind::HeightDifference);
    REQUIRE(height.points.size() == 2);
    checkNear(height.points[1], {0, 0, 0});
    CHECK(height.value() == Approx(-1.0).margin(1e-3));

    const axis::Measurement& area = saved->measurements[2];
    CHECK(area.kind == axis::MeasureKind::Area);
    CHECK(area.points.size() == 3);
    CHECK(area.value() == Approx(3.0).margin(1e-3));  // The triangle of the west face's 6 x 1 corners.
}
