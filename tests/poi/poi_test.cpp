// NAME.pois.json: round trips with unknown fields, validation by JSON path, cross-references.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/file_io.h"
#include "poi/poi.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

bool anyContains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const auto& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

const char* kPois = R"({
  "format": "axisview-pois", "version": "1.0", "x_editor": {"last": "wumen"},
  "pois": [
    {"id": "wumen", "anchor": {"model": "wumen", "position": [0, 4632, 10], "normal": [0, -2, 0]},
     "title": {"zh": "午门", "en": "Meridian Gate"}, "body": {"zh": "正门", "en": "The **main** gate"},
     "media": [{"path": "media/wumen.jpg", "caption": {"en": "1900s"}, "credit": "archive"}],
     "viewpoint": {"position": [0, 4450, 1.7], "yaw": 0, "pitch": 5, "fov": 60},
     "tags": ["gate"], "created": "2024-07-27", "modified": "2024-07-28T10:15:00+08:00", "x_votes": 3},
    {"id": "untitled", "anchor": {"position": [0, 0, 0]}},
    {"id": "flat", "anchor": {"position": [0, 0, 0], "normal": [0, 0, 0]}, "title": {"en": "x"}},
    {"id": "when", "anchor": {"position": [0, 0, 0]}, "title": {"en": "x"}, "created": "last tuesday"},
    {"id": "wumen", "anchor": {"position": [0, 0, 0]}, "title": {"en": "dup"}},
    {"id": "far", "anchor": {"model": "nowhere", "position": [1, 2, 3]}, "title": {"en": 7}}
  ]
})";

}  // namespace

TEST_CASE("POIs load, keep unknown fields, and survive save then load", "[poi]") {
    const fs::path dir = test::scratchDir("poi_round_trip");
    const fs::path file = dir / "axis.pois.json";
    writeText(file, kPois);
    auto pois = loadPois(file);
    REQUIRE(pois.ok());
    REQUIRE(pois->pois.size() == 1);
    const Poi& p = pois->pois[0];
    CHECK(p.anchor.normal == glm::dvec3(0, -1, 0));  // normalised on load
    CHECK(p.title.at("zh") == "午门");
    CHECK(p.media.at(0).caption.at("en") == "1900s");
    CHECK(pois->resolve(p.media[0].path) == dir / "media" / "wumen.jpg");
    REQUIRE(p.viewpoint);
    CHECK(p.viewpoint->pitch == 5);
    CHECK(p.modified == "2024-07-28T10:15:00+08:00");

    const auto& problems = pois->problems;
    const std::string name = file.string();
    CHECK(anyContains(problems, name + ": pois[1].title: missing"));
    CHECK(anyContains(problems, name + ": pois[2].anchor.normal: must not be zero"));
    CHECK(anyContains(problems, name + ": pois[3].created: expected an ISO-8601 date or date-time"));
    CHECK(anyContains(problems, name + ": pois[4].id: duplicate id \"wumen\""));
    CHECK(anyContains(problems, name + ": pois[5].title.en: expected a string"));

    REQUIRE(savePois(*pois, file).ok());
    CHECK(fs::exists(dir / "axis.pois.json.bak"));
    auto again = loadPois(file);
    REQUIRE(again.ok());
    CHECK(again->pois == pois->pois);
    CHECK(again->rejected == pois->rejected);
    CHECK(toJson(*again) == toJson(*pois));
    const std::string text = readTextFile(file).value();
    for (const char* kept : {"\"x_editor\"", "\"x_votes\"", "\"credit\"", "last tuesday"})
        CHECK(text.find(kept) != std::string::npos);
}

TEST_CASE("A file that is not a POI file fails as a whole", "[poi]") {
    const fs::path dir = test::scratchDir("poi_not_pois");
    writeText(dir / "v9.pois.json", R"({"format": "axisview-pois", "version": "9.1", "pois": []})");
    auto v9 = loadPois(dir / "v9.pois.json");
    REQUIRE_FALSE(v9.ok());
    CHECK(v9.error().message.find("unsupported version 9.1, this axisview reads 1.x") != std::string::npos);
    writeText(dir / "bad.pois.json", "{\"format\": \"axisview-pois\",\n\"version\": \"1.0\",\n\"pois\": [,]}");
    auto bad = loadPois(dir / "bad.pois.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("bad.pois.json: line 3, column 10") != std::string::npos);
}

TEST_CASE("savePois refuses empty and duplicate ids", "[poi]") {
    const fs::path dir = test::scratchDir("poi_save_refuses");
    PoiFile f;
    f.pois.push_back(Poi{});
    CHECK_FALSE(savePois(f, dir / "x.pois.json").ok());
    f.pois[0].id = "a";
    f.pois.push_back(f.pois[0]);
    auto saved = savePois(f, dir / "x.pois.json");
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().message.find("pois[1].id: duplicate id \"a\"") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.pois.json"));
}

TEST_CASE("checkReferences finds tour stops, attract tours and anchors that name nothing", "[poi]") {
    Site site;
    site.file = "/x/a.site.json";
    site.models.push_back(ModelPlacement{.id = "wumen"});
    site.tours.push_back(Tour{.id = "t", .stops = {{"wumen", 5}, {"ghost", 5}}});
    site.kiosk = KioskSettings{.attractTour = "missing"};
    PoiFile pois;
    pois.file = "/x/a.pois.json";
    pois.pois.push_back(Poi{.id = "wumen", .anchor = {.model = "wumen"}});
    pois.pois.push_back(Poi{.id = "far", .anchor = {.model = "nowhere"}});
    const auto problems = checkReferences(site, pois);
    CHECK(problems.size() == 3);
    CHECK(anyContains(problems, "a.site.json: tours[0].stops[1].poi: no POI \"ghost\""));
    CHECK(anyContains(problems, "a.site.json: kiosk.attract_tour: no tour \"missing\""));
    CHECK(anyContains(problems, "a.pois.json: pois[1].anchor.model: no model \"nowhere\""));
}

TEST_CASE("ISO-8601 timestamps: dates and date-times with optional zone", "[poi]") {
    CHECK(isIsoTimestamp("2024-07-27"));
    CHECK(isIsoTimestamp("2024-07-27T10:15Z"));
    CHECK(isIsoTimestamp("2024-07-27T10:15:00.250-05:00"));
    CHECK_FALSE(isIsoTimestamp("27/07/2024"));
    CHECK_FALSE(isIsoTimestamp("2024-07-27 10:15"));
}
