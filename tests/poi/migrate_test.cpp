// Reading older and newer POI file versions (policy in engine/poi/migrate.h).
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "poi/poi.h"
#include "poi_fixtures.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

TEST_CASE("A 0.9 POI file is migrated to 1.0 and saved as 1.0", "[poi][migrate]") {
    const fs::path dir = test::scratchDir("poi_migrate_09");
    const fs::path file = dir / "old.pois.json";
    test::writeText(file, R"({"format": "axisview-pois", "version": "0.9", "pois": [
      {"id": "wumen", "model": "wumen", "position": [0, 4632, 10], "normal": [0, -2, 0],
       "title": "午门", "title_en": "Meridian Gate", "text": "正门", "text_en": "The main gate",
       "images": ["media/wumen.jpg"], "camera": {"position": [0, 4450, 1.7], "yaw": 0, "pitch": 5},
       "tags": "gate, palace ,", "x_note": "kept"},
      {"id": "zh-only", "position": [1, 2, 3], "title": "太和殿"},
      {"id": "broken", "position": [1, 2, 3], "title": 7}
    ]})");
    auto pois = loadPois(file);
    REQUIRE(pois.ok());
    CHECK(pois->migratedFrom == "0.9");
    CHECK(pois->version == "1.0");
    REQUIRE(pois->pois.size() == 2);
    const Poi& p = pois->pois[0];
    CHECK(p.anchor == PoiAnchor{"wumen", {0, 4632, 10}, {0, -1, 0}});
    CHECK(p.title == LangText{{"zh", "午门"}, {"en", "Meridian Gate"}});
    CHECK(p.body == LangText{{"zh", "正门"}, {"en", "The main gate"}});
    REQUIRE(p.media.size() == 1);
    CHECK(p.media[0].path == "media/wumen.jpg");
    REQUIRE(p.viewpoint);
    CHECK(p.viewpoint->pitch == 5);
    CHECK(p.tags == std::vector<std::string>{"gate", "palace"});
    CHECK(p.extra.find("x_note") != std::string::npos);
    CHECK(pois->pois[1].title == LangText{{"zh", "太和殿"}});
    // A field of the wrong type is left for the 1.0 reader, which names it.
    REQUIRE(pois->problems.size() == 1);
    CHECK(pois->problems[0] == file.string() + ": pois[2].title: expected a language map like {\"zh\": \"...\", \"en\": \"...\"}");

    REQUIRE(savePois(*pois, file).ok());
    CHECK(readTextFile(dir / "old.pois.json.bak").value().find("\"0.9\"") != std::string::npos);
    auto again = loadPois(file);
    REQUIRE(again.ok());
    CHECK(again->migratedFrom.empty());
    CHECK(again->version == "1.0");
    CHECK(again->pois == pois->pois);
}

TEST_CASE("A newer minor is read and keeps its version and fields, other versions fail", "[poi][migrate]") {
    const fs::path dir = test::scratchDir("poi_migrate_versions");
    const fs::path newer = dir / "newer.pois.json";
    test::writeText(newer, R"({"format": "axisview-pois", "version": "1.3", "x_layers": [1],
      "pois": [{"id": "a", "anchor": {"position": [0, 0, 0]}, "title": {"en": "A"}, "x_audio": "a.ogg"}]})");
    auto pois = loadPois(newer);
    REQUIRE(pois.ok());
    CHECK(pois->version == "1.3");
    REQUIRE(pois->problems.size() == 1);
    CHECK(pois->problems[0].find("version 1.3 is newer than this axisview (1.1)") != std::string::npos);
    REQUIRE(savePois(*pois, newer).ok());
    const std::string text = readTextFile(newer).value();
    for (const char* kept : {"\"1.3\"", "x_layers", "x_audio"}) CHECK(text.find(kept) != std::string::npos);

    for (const char* version : {"0.5", "2.0", "abc"}) {
        test::writeText(dir / "v.pois.json", std::string(R"({"format": "axisview-pois", "version": ")") + version + R"(", "pois": []})");
        auto bad = loadPois(dir / "v.pois.json");
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message.find(std::string("unsupported version ") + version) != std::string::npos);
    }
}

TEST_CASE("A 1.0 file round trips with retired ids and unknown fields", "[poi][migrate]") {
    const fs::path dir = test::scratchDir("poi_round_trip_full");
    const PoiFile original = test::sampleFile(4);
    REQUIRE(savePois(original, dir / "a.pois.json").ok());
    auto loaded = loadPois(dir / "a.pois.json");
    REQUIRE(loaded.ok());
    CHECK(loaded->problems.empty());
    CHECK(loaded->pois == original.pois);
    CHECK(loaded->retiredIds == original.retiredIds);
    CHECK(loaded->extra == original.extra);
    CHECK(toJson(*loaded) == toJson(original));
}
