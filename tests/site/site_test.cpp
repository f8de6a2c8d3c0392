// NAME.site.json: round trips, unknown fields, and errors that name the file and the JSON path.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include "core/file_io.h"
#include "scene/site.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

bool anyContains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const auto& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

const char* kFullSite = R"({
  "format": "axisview-site", "version": "1.0",
  "name": {"zh": "北京中轴线", "en": "Beijing Central Axis"},
  "description": {"en": "test"},
  "origin": {"lat": 39.868, "lon": 116.3975, "height": 44.0},
  "models": [
    {"id": "wumen", "source": "models/wumen.glb", "up": "z", "position": [5000000.001, 4000000.0005, 12.5],
     "rotation": [0, 0, 90], "scale": [1, 2, 3], "shading": "unlit", "visible": false, "scan_date": "2023-05-01"},
    {"id": "gate", "source": "models/gate.glb"}
  ],
  "start": {"position": [0, -180, 1.7], "yaw": 0, "pitch": -5, "fov": 60},
  "pois": "central-axis.pois.json",
  "tours": [{"id": "attract", "name": {"en": "Tour"}, "stops": [{"poi": "a", "dwell": 4.5}], "music": "x.ogg"}],
  "kiosk": {"idle_seconds": 45, "languages": ["en", "zh"], "attract_tour": "attract", "exit_pin": "1234", "volume": 3,
            "screen_inches": 55},
  "x_future": {"nested": [1, 2, 3]}
})";

fs::path makeSiteFolder(const std::string& name, const std::string& siteText) {
    const fs::path dir = test::scratchDir(name);
    writeText(dir / "models" / "wumen.glb", "glb");
    writeText(dir / "models" / "gate.glb", "glb");
    writeText(dir / "central-axis.site.json", siteText);
    return dir;
}

}  // namespace

TEST_CASE("A site loads with every field, and save then load gives the same site", "[site]") {
    const fs::path dir = makeSiteFolder("site_round_trip", kFullSite);
    auto site = loadSite(dir / "central-axis.site.json");
    REQUIRE(site.ok());
    CHECK(site->problems.empty());
    REQUIRE(site->models.size() == 2);
    const ModelPlacement& m = site->models[0];
    CHECK(m.up == UpAxis::Z);
    CHECK(m.position == glm::dvec3(5000000.001, 4000000.0005, 12.5));  // exact, not approximately
    CHECK(m.scale == glm::dvec3(1, 2, 3));
    CHECK(m.shading == Shading::Unlit);
    CHECK_FALSE(m.visible);
    CHECK(m.resolvedSource == (dir / "models" / "wumen.glb").lexically_normal());
    CHECK(site->models[1].up == UpAxis::Y);  // defaults
    CHECK(site->models[1].scale == glm::dvec3(1));
    CHECK(site->name.at("zh") == "北京中轴线");
    REQUIRE(site->origin);
    CHECK(site->origin->lat == 39.868);
    REQUIRE(site->start);
    CHECK(site->start->pitch == -5);
    CHECK(site->poisPath() == dir / "central-axis.pois.json");
    REQUIRE(site->kiosk);
    CHECK(site->kiosk->idleSeconds == 45);
    CHECK(site->kiosk->languages == std::vector<std::string>{"en", "zh"});
    CHECK(site->kiosk->screenInches == 55.0);
    REQUIRE(site->findTour("attract"));
    CHECK(site->findTour("attract")->stops.at(0).dwell == 4.5);

    REQUIRE(saveSite(*site, dir / "central-axis.site.json").ok());
    CHECK(fs::exists(dir / "central-axis.site.json.bak"));
    auto again = loadSite(dir / "central-axis.site.json");
    REQUIRE(again.ok());
    CHECK(again->models == site->models);
    CHECK(again->tours == site->tours);
    CHECK(again->kiosk == site->kiosk);
    CHECK(again->start == site->start);
    CHECK(toJson(*again) == toJson(*site));

    // Unknown fields at every level survive the save.
    const std::string text = readTextFile(dir / "central-axis.site.json").value();
    for (const char* kept : {"\"x_future\"", "\"scan_date\"", "\"music\"", "\"volume\""})
        CHECK(text.find(kept) != std::string::npos);
}

TEST_CASE("Broken model entries are reported by JSON path and the rest of the site loads", "[site]") {
    const fs::path dir = makeSiteFolder("site_broken_models", R"({
  "format": "axisview-site", "version": "1.3",
  "name": {"en": "x"},
  "models": [
    {"id": "wumen", "source": "models/wumen.glb"},
    {"id": "lost", "source": "models/x.glb"},
    {"id": "short", "source": "models/gate.glb", "position": [1, 2]},
    {"id": "nan", "source": "models/gate.glb", "position": [0, null, 0]},
    {"id": "inf", "source": "models/gate.glb", "rotation": ["NaN", 0, 0]},
    {"id": "wumen", "source": "models/gate.glb"},
    {"id": "flat", "source": "models/gate.glb", "scale": 0}
  ],
  "start": {"position": [0, 0]},
  "tours": [{"id": "t", "stops": [{"poi": "a", "dwell": -1}]}],
  "kiosk": {"screen_inches": 1400}
})");
    const fs::path file = dir / "central-axis.site.json";
    auto site = loadSite(file);
    REQUIRE(site.ok());
    REQUIRE(site->models.size() == 1);
    CHECK(site->models[0].id == "wumen");
    const auto& p = site->problems;
    const std::string name = file.string();
    CHECK(anyContains(p, name + ": models[1].source: file not found: models/x.glb"));
    CHECK(anyContains(p, name + ": models[2].position: expected 3 finite numbers"));
    CHECK(anyContains(p, name + ": models[3].position: expected 3 finite numbers"));
    CHECK(anyContains(p, name + ": models[4].rotation: expected 3 finite numbers"));
    CHECK(anyContains(p, name + ": models[5].id: duplicate id \"wumen\""));
    CHECK(anyContains(p, name + ": models[6].scale: scale must be positive"));
    CHECK(anyContains(p, name + ": start.position: expected 3 finite numbers"));
    CHECK(anyContains(p, name + ": tours[0].stops[0].dwell: must not be negative"));
    CHECK(anyContains(p, name + ": kiosk.screen_inches: must be the screen's diagonal in inches, 5 to 500"));
    CHECK_FALSE(site->start);

    // Saving does not lose what could not be read: the entries go back as they were.
    REQUIRE(saveSite(*site, file).ok());
    auto again = loadSite(file);
    REQUIRE(again.ok());
    CHECK(again->problems.size() == site->problems.size());
    CHECK(again->rejected.size() == site->rejected.size());
    CHECK(readTextFile(file).value().find("models/x.glb") != std::string::npos);
}

TEST_CASE("A file that is not a site fails with file, position and reason", "[site]") {
    const fs::path dir = test::scratchDir("site_not_a_site");
    SECTION("malformed JSON names line and column") {
        writeText(dir / "bad.site.json", "{\n  \"format\": \"axisview-site\",\n  \"version\": \"1.0\"\n  \"models\": []\n}\n");
        auto site = loadSite(dir / "bad.site.json");
        REQUIRE_FALSE(site.ok());
        INFO(site.error().message);
        // nlohmann reports the position just after the offending token.
        CHECK(site.error().message.find("bad.site.json: line 4, column 10: malformed JSON") != std::string::npos);
    }
    SECTION("a number beyond double range (JSON has no infinity) is refused") {
        writeText(dir / "inf.site.json", R"({"format": "axisview-site", "version": "1.0", "models": [{"position": [1e999, 0, 0]}]})");
        auto site = loadSite(dir / "inf.site.json");
        REQUIRE_FALSE(site.ok());
        CHECK(site.error().message.find("inf.site.json: malformed JSON: number overflow") != std::string::npos);
    }
    SECTION("an unknown major version is refused clearly") {
        writeText(dir / "v2.site.json", R"({"format": "axisview-site", "version": "2.0", "models": []})");
        auto site = loadSite(dir / "v2.site.json");
        REQUIRE_FALSE(site.ok());
        CHECK(site.error().message.find("v2.site.json: unsupported version 2.0, this axisview reads 1.x") != std::string::npos);
    }
    SECTION("another format is refused") {
        writeText(dir / "p.site.json", R"({"format": "axisview-pois", "version": "1.0"})");
        CHECK_FALSE(loadSite(dir / "p.site.json").ok());
    }
    SECTION("a missing file names the path") {
        auto site = loadSite(dir / "absent.site.json");
        REQUIRE_FALSE(site.ok());
        CHECK(site.error().message.find("absent.site.json") != std::string::npos);
    }
}

TEST_CASE("saveSite refuses non-finite transforms and duplicate ids, writing nothing", "[site]") {
    const fs::path dir = test::scratchDir("site_save_refuses");
    Site site;
    ModelPlacement m;
    m.id = "a";
    m.source = "a.glb";
    m.position.y = std::nan("");
    site.models.push_back(m);
    auto saved = saveSite(site, dir / "x.site.json");
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().message.find("models[0]: transform is not finite") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.site.json"));
    site.models[0].position = glm::dvec3(0);
    site.models.push_back(site.models[0]);
    CHECK_FALSE(saveSite(site, dir / "x.site.json").ok());
}
