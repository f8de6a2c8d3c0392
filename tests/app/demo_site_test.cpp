// The built-in demo site through the executable: rendered stills against baselines, and sites
// with broken or far-away models.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/gpu_support.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

using Run = axis::test::CommandResult;

Run axisview(const std::string& args) { return axis::test::runShell(std::string(AXIS_EXECUTABLE) + " " + args); }

const std::string kDemoSite = std::string(AXIS_DEMO_DIR) + "/central-axis.site.json";

axis::render::Rgba8Image renderDemo(const std::string& viewArgs, const fs::path& out) {
    Run r = axisview("render '" + kDemoSite + "' " + viewArgs + " --size 320x180 -o '" + out.string() + "'");
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    auto image = axis::render::readPng(out);
    REQUIRE(image.ok());
    return *image;
}

std::string writeSite(const fs::path& dir, const std::string& models) {
    fs::path site = dir / "test.site.json";
    std::ofstream(site) << R"({"format": "axisview-site", "version": "1.0", "name": {"en": "test"}, "models": [)"
                        << models << "]}";
    return site.string();
}

}  // namespace

TEST_CASE("the demo site renders from above and from walking height at landmarks", "[app][demo]") {
    fs::path dir = axis::test::scratchDir("demo_renders");
    for (const char* view : {"overview", "start"})
        axis::test::requireMatchesBaseline(std::string("demo_") + view,
                                           renderDemo(std::string("--view ") + view, dir / (std::string(view) + ".png")));
    for (const char* poi : {"tiananmen", "taihedian", "temple-of-heaven", "bell-tower"})
        axis::test::requireMatchesBaseline(std::string("demo_poi_") + poi,
                                           renderDemo(std::string("--poi ") + poi, dir / (std::string(poi) + ".png")));
}

TEST_CASE("render names a missing POI or view and fails", "[app][demo]") {
    Run r = axisview("render '" + kDemoSite + "' --poi no-such-poi -o /tmp/unused.png");
    CHECK(r.exitCode == 1);
    CHECK(r.output.find("no-such-poi") != std::string::npos);
    fs::path dir = axis::test::scratchDir("model_named_view");
    std::ofstream(dir / "t.obj") << "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
    Run model = axisview("render '" + (dir / "t.obj").string() + "' --view start -o '" + (dir / "x.png").string() + "'");
    CHECK(model.exitCode == 1);
    CHECK(model.output.find("start") != std::string::npos);
}

TEST_CASE("info describes a site and its models", "[app][demo]") {
    Run r = axisview("info '" + kDemoSite + "'");
    INFO(r.output);
    CHECK(r.exitCode == 0);
    CHECK(r.output.find("Beijing Central Axis") != std::string::npos);
    CHECK(r.output.find("taihedian") != std::string::npos);
    CHECK(r.output.find("bounds size") != std::string::npos);
}

TEST_CASE("a site with a broken model still opens the others and names the broken one", "[app][site]") {
    fs::path dir = axis::test::scratchDir("site_broken_model");
    std::ofstream(dir / "good.obj") << "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
    std::ofstream(dir / "noise.glb") << "this is not a GLB file at all";
    std::string site = writeSite(dir, R"({"id": "good", "source": "good.obj", "up": "z"},
        {"id": "gone", "source": "missing.glb"},
        {"id": "noise", "source": "noise.glb"},
        {"id": "nan", "source": "good.obj", "position": [0, null, 0]})");
    Run r = axisview("render '" + site + "' -o '" + (dir / "out.png").string() + "' --size 64x64");
    INFO(r.output);
    CHECK(r.exitCode == 0);
    CHECK(r.output.find("models[1].source") != std::string::npos);
    CHECK(r.output.find("missing.glb") != std::string::npos);
    CHECK(r.output.find("noise.glb") != std::string::npos);
    CHECK(r.output.find("models[3].position") != std::string::npos);
    CHECK(fs::exists(dir / "out.png"));
}

TEST_CASE("a site file that is not a site fails with its name and position", "[app][site]") {
    fs::path dir = axis::test::scratchDir("site_bad_json");
    std::ofstream(dir / "bad.site.json") << "{\"format\": \"axisview-site\", \"version\": \"1.0\",\n  \"models\": [,]}";
    Run bad = axisview("render '" + (dir / "bad.site.json").string() + "' -o '" + (dir / "o.png").string() + "'");
    CHECK(bad.exitCode == 1);
    CHECK(bad.output.find("bad.site.json") != std::string::npos);
    CHECK(bad.output.find("line 2") != std::string::npos);
    std::ofstream(dir / "future.site.json") << R"({"format": "axisview-site", "version": "2.0", "models": []})";
    Run future = axisview("info '" + (dir / "future.site.json").string() + "'");
    CHECK(future.exitCode == 1);
    CHECK(future.output.find("unsupported version 2.0") != std::string::npos);
}

TEST_CASE("real scans side by side, one in projected coordinates, render together", "[app][site]") {
    fs::path bunny = axis::test::sharedDataFile("stanford-bunny/bun_zipper.ply");
    fs::path nefertiti = axis::test::sharedDataFile("nefertiti-fraunhofer/Nefertiti.glb");
    fs::path dir = axis::test::scratchDir("site_projected");
    // The second scan sits at UTM-like coordinates; the site's view frames both.
    std::string site = writeSite(dir, "{\"id\": \"bunny\", \"source\": \"" + bunny.string() +
                                          "\", \"up\": \"y\", \"position\": [448310.0, 4419870.0, 43.0], \"scale\": 3},"
                                          "{\"id\": \"nefertiti\", \"source\": \"" + nefertiti.string() +
                                          "\", \"up\": \"y\", \"position\": [448310.6, 4419870.0, 43.0], \"scale\": 0.02,"
                                          " \"shading\": \"unlit\"}");
    fs::path out = dir / "both.png";
    Run r = axisview("render '" + site + "' --view 0,10 --size 256x256 -o '" + out.string() + "'");
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    auto image = axis::render::readPng(out);
    REQUIRE(image.ok());
    axis::test::requireMatchesBaseline("site_projected_pair", *image);
}
