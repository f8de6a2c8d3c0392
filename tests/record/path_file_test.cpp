// Camera path files and tours turned into paths.
#include <catch2/catch.hpp>

#include <fstream>

#include "record/path_file.h"
#include "record/recorder.h"
#include "record/tour_path.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::record;

namespace {

std::string header() { return R"("format": "axisview-path", "version": "1.0")"; }

std::string parseError(const std::string& text) {
    auto file = parsePathFile(text, "bad.path.json");
    REQUIRE_FALSE(file.ok());
    return file.error().message;
}

}  // namespace

TEST_CASE("a path file survives a save and load unchanged", "[record]") {
    PathFile file;
    file.name = "gate walk";
    file.interpolation.timing = Timing::KeyTimes;
    file.interpolation.orientation = OrientationInterpolation::Slerp;
    file.interpolation.ease = 0.75;
    file.output = {24, 640, 360, 18};
    PathKey a, b;
    a.position = {448310.125, 4419870.5, 43.25};  // Projected coordinates keep their millimetres.
    a.angles = {350, -12.5, 3};
    b.time = 4.5;
    b.position = {448320.0, 4419900.0, 50.0};
    b.fov = 45;
    b.speed = 1.5;
    b.ease = 0.25;
    file.keys = {a, b};
    file.extra = R"({"note":"kept"})";
    const auto dir = test::scratchDir("path_round_trip");
    const auto path = dir / "walk.path.json";
    REQUIRE(savePathFile(file, path).ok());
    auto loaded = loadPathFile(path);
    REQUIRE(loaded.ok());
    CHECK(*loaded == file);
    REQUIRE(savePathFile(file, path).ok());
    CHECK(std::filesystem::exists(dir / "walk.path.json.bak"));
}

TEST_CASE("bad path files fail with the file and JSON path named", "[record]") {
    CHECK_THAT(parseError("{" + header() + R"(, "keyframes": []})"),
               Catch::StartsWith("bad.path.json: keyframes: no keyframes"));
    CHECK_THAT(parseError("{" + header() + "}"), Catch::Contains("bad.path.json: keyframes: missing"));
    CHECK_THAT(parseError("{" + header() + R"(, "keyframes": [{"time": 0, "position": [0, 0, NaN]}]})"),
               Catch::Contains("bad.path.json: line 1"));
    CHECK_THAT(parseError("{" + header() + R"(, "keyframes": [{"time": 0, "position": [0, null, 0]}]})"),
               Catch::Contains("bad.path.json: keyframes[0].position: expected 3 finite numbers"));
    CHECK_THAT(parseError("{" + header() + R"(, "keyframes": [{"time": 1, "position": [0, 0, 0]},
                                                               {"time": 0.5, "position": [1, 0, 0]}]})"),
               Catch::Contains("bad.path.json: keyframes[1].time: 0.5 s is not after keyframes[0] at 1 s"));
    CHECK_THAT(parseError("{" + header() + R"(, "keyframes": [{"time": 1, "position": [0, 0, 0]},
                                                               {"time": 1, "position": [1, 0, 0]}]})"),
               Catch::Contains("keyframes[1].time"));
    CHECK_THAT(parseError("{" + header() + R"(, "output": {"size": [641, 360]}, "keyframes": [{"time": 0, "position": [0, 0, 0]}]})"),
               Catch::Contains("output.size: 641x360 must be even"));
    CHECK_THAT(parseError("{" + header() + R"(, "interpolation": {"timing": "fast"}, "keyframes": []})"),
               Catch::Contains("interpolation.timing: expected one of \"constant-speed\", \"key-times\""));
    CHECK_THAT(parseError(R"({"format": "axisview-path", "version": "2.0", "keyframes": []})"),
               Catch::Contains("unsupported version 2.0"));
    auto missing = loadPathFile("/nonexistent/x.path.json");
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("/nonexistent/x.path.json"));
}

TEST_CASE("saving refuses a path it could not read back", "[record]") {
    PathFile file;
    PathKey k;
    k.time = std::nan("");
    file.keys = {k};
    const auto path = test::scratchDir("path_refuse") / "nan.path.json";
    auto status = savePathFile(file, path);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.error().message, Catch::Contains("keyframes[0].time"));
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a tour becomes a path that dwells at each viewpoint and lifts over long moves", "[record]") {
    Site site;
    site.file = "/sites/test.site.json";
    PoiFile pois;
    const std::vector<Viewpoint> views{Viewpoint::lookAt({0, -100, 2}, {0, 0, 10}), Viewpoint::lookAt({0, 500, 2}, {0, 600, 10}),
                                       Viewpoint::lookAt({300, 500, 30}, {300, 600, 10})};
    for (std::size_t i = 0; i < views.size(); ++i) {
        Poi poi;
        poi.id = "p" + std::to_string(i);
        poi.viewpoint = views[i];
        pois.pois.push_back(poi);
    }
    pois.pois.push_back(Poi{.id = "blind"});
    site.tours.push_back(Tour{.id = "t", .stops = {{"p0", 5}, {"blind", 5}, {"p1", 4}, {"gone", 1}, {"p2", 3}}});

    auto tour = pathFromTour(site, pois, "t");
    REQUIRE(tour.ok());
    CHECK(tour->problems.size() == 2);
    auto path = makeCameraPath(tour->file);
    REQUIRE(path.ok());
    // Find each stop's arrival: the first key at its viewpoint.
    std::vector<double> arrivals;
    for (const Viewpoint& v : views)
        for (const PathKey& k : path->keys())
            if (glm::length(k.position - v.position) < 1e-9) {
                arrivals.push_back(k.time);
                break;
            }
    REQUIRE(arrivals.size() == 3);
    const double dwell[3] = {5, 4, 3};
    for (int i = 0; i < 3; ++i)
        for (double f : {0.0, 0.5, 1.0}) {
            const Camera c = path->evaluate(arrivals[i] + f * dwell[i]);
            CHECK(glm::length(c.position - views[i].position) < 1e-9);
            CHECK(glm::dot(c.forward, views[i].forward()) > 0.99999);
        }
    CHECK(path->endTime() == Approx(arrivals[2] + 3.0));
    // The 600 m move rises well above both ends in its middle; the 300 m one less so.
    const double mid01 = 0.5 * (arrivals[0] + 5 + arrivals[1]);
    CHECK(path->evaluate(mid01).position.z > 2 + 0.1 * 600 * 0.9);
    CHECK(path->evaluate(mid01).position.z < 2 + 0.12 * 600 * 1.1);
    // Moves take longer for longer distances.
    CHECK(arrivals[1] - (arrivals[0] + 5) > arrivals[2] - (arrivals[1] + 4));

    auto unknown = pathFromTour(site, pois, "nope");
    REQUIRE_FALSE(unknown.ok());
    CHECK_THAT(unknown.error().message, Catch::Contains("no tour 'nope'") && Catch::Contains("tours: t"));
}

TEST_CASE("frame ranges: frame i is at i / fps and slices line up with the whole", "[record]") {
    PathKey a, b;
    b.time = 2.0;
    b.position = {10, 0, 0};
    auto path = CameraPath::create({a, b});
    REQUIRE(path.ok());
    auto all = framesOf(*path, 30);
    CHECK(all.first == 0);
    CHECK(all.count == 60);
    auto slice = framesOf(*path, 30, 0.1, 0.5);
    CHECK(slice.first == 3);
    CHECK(slice.count == 15);
    CHECK(framesOf(*path, 30, 5.0).count == 1);  // Past the end: still one frame.
}

TEST_CASE("PNG sequence patterns", "[record]") {
    CHECK(isPngSequencePattern("frames/%05d.png"));
    CHECK(isPngSequencePattern("shot-%d.png"));
    CHECK(isPngSequencePattern("100%%/%03d.png"));
    CHECK_FALSE(isPngSequencePattern("frames/%s.png"));
    CHECK_FALSE(isPngSequencePattern("frames/%05d%d.png"));
    CHECK_FALSE(isPngSequencePattern("frames/0001.png"));
    CHECK_FALSE(isPngSequencePattern("frames/%05d.jpg"));
    CHECK(formatFrameName("frames/%05d.png", 42) == "frames/00042.png");
    CHECK(formatFrameName("100%%/%d.png", 7) == "100%/7.png");
}
