// Camera paths that animate the scene (issue 16, items 2 and 3): keys holding cuts and the sun's
// time, in the path file and between keys, and `axisview record` drawing them frame by frame; and
// the site's own saved sun, which render and record show a site in by default; labels follow the
// path's cuts.
#include <catch2/catch.hpp>

#include <fstream>

#include "gpu/context.h"
#include "poi/poi.h"
#include "record/path_file.h"
#include "render/image_io.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace axis;
using namespace axis::record;

namespace {

std::string parseError(const std::string& keys) {
    auto file =
        parsePathFile(R"({"format": "axisview-path", "version": "1.1", "keyframes": )" + keys + "}", "bad.path.json");
    REQUIRE_FALSE(file.ok());
    return file.error().message;
}

// A 2 x 2 x 4 m box standing on the origin, z up, as an OBJ.
void writeBox(const fs::path& file) {
    std::ofstream obj(file);
    for (int i = 0; i < 8; ++i)
        obj << "v " << (i & 1 ? 1 : -1) << ' ' << (i & 2 ? 1 : -1) << ' ' << (i & 4 ? 4 : 0) << '\n';
    obj << "f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n";
}

PathKey key(double time, std::optional<Clipping> clipping = std::nullopt, std::string sun = {}) {
    PathKey k;
    k.time = time;
    k.clipping = std::move(clipping);
    k.sun = std::move(sun);
    return k;
}

Clipping lidAt(double height) { return Clipping{{ClipPlane{{0, 0, -1}, height}}, {}}; }  // Keeps z <= height.

CameraPath pathOf(std::vector<PathKey> keys, double ease = 0.0) {
    PathInterpolation interpolation;
    interpolation.ease = ease;
    auto path = CameraPath::create(std::move(keys), interpolation);
    REQUIRE(path.ok());
    return *path;
}

}  // namespace

TEST_CASE("a path's cuts and sun times survive a save and load, as version 1.1", "[record][clipping]") {
    PathFile file;
    Clipping both = lidAt(4.0);
    both.boxes.push_back({{-1, -2, 0}, {1, 2, 3}});
    file.keys = {key(0.0, both, "2024-06-21T09:30"), key(3.0), key(6.0, lidAt(1.0), "2024-06-21T18:00")};
    file.keys[2].position = {5, 0, 0};
    const fs::path dir = test::scratchDir("path_scene_round_trip");
    REQUIRE(savePathFile(file, dir / "a.path.json").ok());
    auto loaded = loadPathFile(dir / "a.path.json");
    REQUIRE(loaded.ok());
    CHECK(loaded->version == "1.1");
    loaded->version = file.version;
    CHECK(*loaded == file);

    // A path without them stays 1.0, which older readers take as theirs.
    file.keys = {key(0.0), key(2.0)};
    CHECK_THAT(toJson(file), Catch::Contains(R"("version": "1.0")"));
    CHECK_THAT(toJson(file), !Catch::Contains("clipping") && !Catch::Contains("sun"));
}

TEST_CASE("bad cuts and dates in a path name the file and the JSON path", "[record][clipping]") {
    CHECK_THAT(parseError(R"([{"time": 0, "position": [0, 0, 0],
                             "clipping": {"planes": [{"normal": [0, 0, 0], "offset": 1}]}}])"),
               Catch::Contains("bad.path.json: keyframes[0].clipping.planes[0]: the normal is zero"));
    CHECK_THAT(parseError(R"([{"time": 0, "position": [0, 0, 0]}, {"time": 1, "position": [0, 0, 0],
                             "clipping": {"boxes": [{"min": [0, 0, 5], "max": [1, 1, 1]}]}}])"),
               Catch::Contains("bad.path.json: keyframes[1].clipping.boxes[0]: min > max on z"));
    CHECK_THAT(parseError(R"([{"time": 0, "position": [0, 0, 0], "sun": "2023-02-29T12:00"}])"),
               Catch::Contains("bad.path.json: keyframes[0].sun: '2023-02-29T12:00': no such date or time"));
    CHECK_THAT(parseError(R"([{"time": 0, "position": [0, 0, 0], "sun": 12}])"),
               Catch::Contains("bad.path.json: keyframes[0].sun: expected a string"));
    // Keys made in code are checked as strictly as files.
    PathKey k = key(0.0, Clipping{{ClipPlane{{0, 0, 2}, 1}}, {}});
    auto path = CameraPath::create({k});
    REQUIRE_FALSE(path.ok());
    CHECK_THAT(path.error().message,
               Catch::Contains("keyframes[0].clipping.planes[0].normal: must be a finite unit vector"));
}

TEST_CASE("cuts move between keys that pair up and hold between keys that do not", "[record][clipping]") {
    const CameraPath path = pathOf({key(0.0), key(2.0, lidAt(4.0)), key(6.0), key(12.0, lidAt(1.0))});
    CHECK_FALSE(pathOf({key(0.0), key(1.0)}).clipping(0.5));
    CHECK(path.clipping(0.0) == lidAt(4.0));  // Before the first key with cuts: its state.
    CHECK(path.clipping(2.0) == lidAt(4.0));
    REQUIRE(path.clipping(7.0));
    CHECK(path.clipping(7.0)->planes.at(0).offset == Approx(2.5));  // Linear without easing.
    CHECK(path.clipping(12.0) == lidAt(1.0));
    CHECK(path.clipping(20.0) == lidAt(1.0));

    // With the path's easing the cut starts and stops gently, and is halfway at half time.
    const CameraPath eased = pathOf({key(0.0, lidAt(4.0)), key(10.0, lidAt(0.0))}, 2.0);
    CHECK(eased.clipping(5.0)->planes[0].offset == Approx(2.0));
    CHECK(eased.clipping(1.0)->planes[0].offset > 3.6);

    // A plane turning from level to upright passes through 45 degrees; a box grows corner by corner.
    Clipping level{{ClipPlane{{0, 0, 1}, 0}}, {ClipBox{{0, 0, 0}, {1, 1, 1}}}};
    Clipping upright{{ClipPlane{{1, 0, 0}, -2}}, {ClipBox{{0, 0, 0}, {3, 3, 3}}}};
    const auto half = pathOf({key(0.0, level), key(2.0, upright)}).clipping(1.0);
    REQUIRE(half);
    CHECK(half->planes[0].normal.x == Approx(std::sqrt(0.5)));
    CHECK(half->planes[0].normal.z == Approx(std::sqrt(0.5)));
    CHECK(half->planes[0].offset == Approx(-1.0));
    CHECK(half->boxes[0].max == glm::dvec3(2.0));

    // One plane, then a plane and a box: nothing to pair, the first holds until the second's time.
    Clipping more = lidAt(1.0);
    more.boxes.push_back({{0, 0, 0}, {1, 1, 1}});
    const CameraPath jump = pathOf({key(0.0, lidAt(4.0)), key(2.0, more)});
    CHECK(jump.clipping(1.99) == lidAt(4.0));
    CHECK(jump.clipping(2.0) == more);
}

TEST_CASE("the sun's time moves linearly between keys, across midnight too", "[record][sun]") {
    const CameraPath path =
        pathOf({key(0.0, std::nullopt, "2024-06-21T23:00"), key(4.0, std::nullopt, "2024-06-22T01:00")});
    auto at = [&](double t) { return *path.sunTime(t); };
    CHECK(at(1.0).day == 21);
    CHECK(at(1.0).hour == 23);
    CHECK(at(1.0).minute == 30);
    CHECK(at(2.0).day == 22);
    CHECK(at(2.0).hour == 0);
    CHECK(at(3.0).hour == 0);
    CHECK(at(3.0).minute == 30);
    CHECK(at(9.0).hour == 1);  // After the last key: its time.
    CHECK_FALSE(pathOf({key(0.0)}).sunTime(0.0));
    const LocalDateTime leap = localDateTimeAt(localSeconds({2024, 2, 28, 23, 59, 30.0}) + 60.0);
    CHECK(leap.month == 2);
    CHECK(leap.day == 29);
    CHECK(leap.second == Approx(30.0));
}

TEST_CASE("record opens a box by the path's cuts and lowers the sun frame by frame", "[record][clipping][app]") {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
    const fs::path dir = test::scratchDir("record_path_cuts");
    {  // A 2 x 2 x 4 m box standing on the origin, z up.
        writeBox(dir / "box.obj");
        std::ofstream(dir / "box.site.json") << R"({"format": "axisview-site", "version": "1.1", "name": {"en": "box"},
            "origin": {"lat": 39.9, "lon": 116.4, "height": 0}, "time_zone": "+08:00",
            "models": [{"id": "box", "source": "box.obj", "up": "z", "shading": "lit"}]})";
    }
    // The camera stands still 10 m south at 2 m, looking north; the lid comes down from 3.5 m to
    // 1 m in 2 s while the sun sets from noon to 22:00 (at 1.75 s, the last frame, 20:45).
    std::ofstream(dir / "open.path.json") << R"({"format": "axisview-path", "version": "1.1",
        "interpolation": {"ease": 0}, "output": {"fps": 4, "size": [64, 64]},
        "keyframes": [
          {"time": 0, "position": [0, -10, 2], "yaw": 0, "pitch": 0, "fov": 60, "sun": "2024-06-21T12:00",
           "clipping": {"planes": [{"normal": [0, 0, -1], "offset": 3.5}]}},
          {"time": 2, "position": [0, -10, 2], "yaw": 0, "pitch": 0, "fov": 60, "sun": "2024-06-21T22:00",
           "clipping": {"planes": [{"normal": [0, 0, -1], "offset": 1}]}}]})";
    auto run =
        test::runShell(std::string(AXIS_EXECUTABLE) + " record '" + (dir / "box.site.json").string() + "' --path '" +
                       (dir / "open.path.json").string() + "' -o '" + (dir / "frames/%03d.png").string() + "'");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    // Frames at 0, 0.25 ... 1.75 s: the first, the one at 1 s, the last.
    CHECK_FALSE(fs::exists(dir / "frames/008.png"));
    auto first = render::readPng(dir / "frames/000.png"), middle = render::readPng(dir / "frames/004.png"),
         last = render::readPng(dir / "frames/007.png");
    REQUIRE(first.ok());
    REQUIRE(middle.ok());
    REQUIRE(last.ok());
    // Rows of the box's south face: 2.5 m up is row 29, 1.5 m row 35, 0.7 m row 40 (9 m away, 60
    // degrees tall); column 32 is its middle, column 4 sky beside it.
    auto pixel = [](const gpu::Rgba8Image& image, int column, int row) {
        const std::uint8_t* p = &image.pixels[(std::size_t(row) * image.width + std::size_t(column)) * 4];
        return glm::ivec3(p[0], p[1], p[2]);
    };
    auto showsBox = [&](const gpu::Rgba8Image& image, int row) {
        const glm::ivec3 box = pixel(image, 32, row), sky = pixel(image, 4, row);
        INFO("row " << row << ": " << box.r << ',' << box.g << ',' << box.b << " beside sky " << sky.r << ',' << sky.g
                    << ',' << sky.b);
        return glm::any(glm::greaterThan(glm::abs(box - sky), glm::ivec3(8)));
    };
    // At noon the face is there at 2.5 m; at 1 s (the lid at 2.25 m) only sky shows there.
    CHECK(showsBox(*first, 29));
    CHECK(showsBox(*first, 35));
    CHECK_FALSE(showsBox(*middle, 29));
    CHECK(showsBox(*middle, 35));
    // At 1.75 s the lid is at 1.31 m: 1.5 m up shows the box's inside in the section colour (red).
    CHECK_FALSE(showsBox(*last, 29));
    const glm::ivec3 inside = pixel(*last, 32, 35);
    CHECK(inside.r > inside.g + 60);
    // 0.7 m up is kept throughout, darker once the sun has set (20:45).
    auto brightness = [](glm::ivec3 c) { return c.r + c.g + c.b; };
    CHECK(brightness(pixel(*last, 32, 40)) < brightness(pixel(*first, 32, 40)) / 2);
    CHECK(showsBox(*first, 40));
}

TEST_CASE("render and record light a site by its saved sun unless --sun says otherwise", "[record][sun][app]") {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
    const fs::path dir = test::scratchDir("site_saved_sun");
    {  // A lit 2 x 2 x 4 m box on the origin, seen from 10 m south; the site's sun is at dusk.
        writeBox(dir / "box.obj");
        std::ofstream(dir / "box.site.json") << R"({"format": "axisview-site", "version": "1.3", "name": {"en": "box"},
            "origin": {"lat": 39.9, "lon": 116.4, "height": 0}, "time_zone": "+08:00",
            "sun": {"time": "2024-06-21T21:30", "shadows": false},
            "start": {"position": [0, -10, 2], "yaw": 0, "pitch": 0, "fov": 60},
            "models": [{"id": "box", "source": "box.obj", "up": "z", "shading": "lit"}]})";
    }
    const std::string site = "'" + (dir / "box.site.json").string() + "'";
    auto render = [&](const std::string& name, const std::string& options) {
        auto run = test::runShell(std::string(AXIS_EXECUTABLE) + " render " + site + " --size 64x64 -o '" +
                                  (dir / name).string() + "' " + options);
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
        auto image = render::readPng(dir / name);
        REQUIRE(image.ok());
        const std::uint8_t* p = &image->pixels[(std::size_t(40) * image->width + 32) * 4];  // The box's face.
        return int(p[0]) + p[1] + p[2];
    };
    const int saved = render("saved.png", ""), noon = render("noon.png", "--sun 2024-06-21T12:00");
    CHECK(saved < noon / 2);  // The site's dusk, not the default light or noon.
    // The same sun given on the command line draws the same picture.
    CHECK(render("given.png", "--sun 2024-06-21T21:30 --shadows off") == saved);
    // record too: the first frame of a one-second path standing where the site's start does.
    std::ofstream(dir / "still.path.json") << R"({"format": "axisview-path", "version": "1.0",
        "output": {"fps": 1, "size": [64, 64]},
        "keyframes": [{"time": 0, "position": [0, -10, 2], "yaw": 0, "pitch": 0, "fov": 60},
                      {"time": 1, "position": [0, -10, 2], "yaw": 0, "pitch": 0, "fov": 60}]})";
    auto run = test::runShell(std::string(AXIS_EXECUTABLE) + " record " + site + " --path '" +
                              (dir / "still.path.json").string() + "' -o '" + (dir / "frames/%03d.png").string() + "'");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    auto frame = render::readPng(dir / "frames/000.png");
    REQUIRE(frame.ok());
    const std::uint8_t* p = &frame->pixels[(std::size_t(40) * frame->width + 32) * 4];
    CHECK(int(p[0]) + p[1] + p[2] < noon / 2);
}

TEST_CASE("record --labels hides a label once the path's cut takes its anchor away", "[record][clipping][labels][app]") {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
    const fs::path dir = test::scratchDir("record_label_cuts");
    {  // The 2 x 2 x 4 m box with a POI on its top, 3.9 m up.
        writeBox(dir / "box.obj");
        PoiFile pois;
        Poi top;
        top.id = "top";
        top.anchor.position = {0, 0, 3.9};
        top.title = {{"en", "The top"}};
        pois.pois.push_back(top);
        REQUIRE(savePois(pois, dir / "box.pois.json").ok());
        std::ofstream(dir / "box.site.json") << R"({"format": "axisview-site", "version": "1.1", "name": {"en": "box"},
            "pois": "box.pois.json", "models": [{"id": "box", "source": "box.obj", "up": "z"}]})";
    }
    // Standing 10 m south, looking at the box from 5 m up, while the lid comes down from 4.5 m to
    // 2 m: the anchor is kept at first and cut away by the end.
    std::ofstream(dir / "lid.path.json") << R"({"format": "axisview-path", "version": "1.1",
        "interpolation": {"ease": 0}, "output": {"fps": 2, "size": [160, 120]},
        "keyframes": [
          {"time": 0, "position": [0, -10, 5], "yaw": 0, "pitch": -10, "fov": 60,
           "clipping": {"planes": [{"normal": [0, 0, -1], "offset": 4.5}]}},
          {"time": 2, "position": [0, -10, 5], "yaw": 0, "pitch": -10, "fov": 60,
           "clipping": {"planes": [{"normal": [0, 0, -1], "offset": 2}]}}]})";
    auto record = [&](const std::string& name, const std::string& options) {
        auto run = test::runShell(std::string(AXIS_EXECUTABLE) + " record '" + (dir / "box.site.json").string() +
                                  "' --path '" + (dir / "lid.path.json").string() + "' -o '" +
                                  (dir / name / "%03d.png").string() + "' --language en " + options);
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
    };
    record("plain", "");
    record("labels", "--labels");
    auto difference = [&](const char* frame) {  // Of the labelled frame from the plain one.
        auto plain = render::readPng(dir / "plain" / frame), labelled = render::readPng(dir / "labels" / frame);
        REQUIRE(plain.ok());
        REQUIRE(labelled.ok());
        return render::compareImages(*plain, *labelled, 8).differingFraction;
    };
    CHECK(difference("000.png") > 0.005);  // The label shows while the lid is above it.
    CHECK(difference("003.png") == 0.0);   // At 1.5 s the lid is at 2.75 m: no label.
}
