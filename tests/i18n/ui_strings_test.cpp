// UI string catalogues (i18n/ui_strings.h): loading, errors with JSON paths, fallback.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/log.h"
#include "i18n/ui_strings.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::i18n;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

std::string catalogue(const std::string& tag, const std::string& name, const std::string& strings) {
    return R"({"format": "axisview-ui-strings", "version": "1.0", "language": ")" + tag + R"(", "name": ")" + name +
           R"(", "strings": {)" + strings + "}}";
}

}  // namespace

TEST_CASE("A catalogue with a bad string names the file and the JSON path", "[i18n]") {
    const fs::path dir = test::scratchDir("ui_strings_bad");
    write(dir / "ja.json", catalogue("ja", "日本語", R"("kiosk.places": "場所", "kiosk.map": 3)"));
    auto c = loadCatalogue(dir / "ja.json");
    REQUIRE_FALSE(c);
    CHECK_THAT(c.error().message, Catch::Contains("ja.json") && Catch::Contains("strings.kiosk.map"));

    write(dir / "ko.json", catalogue("ko", "한국어", R"("a": "b",)"));  // Trailing comma: not JSON.
    c = loadCatalogue(dir / "ko.json");
    REQUIRE_FALSE(c);
    CHECK_THAT(c.error().message, Catch::Contains("ko.json") && Catch::Contains("line 1"));

    write(dir / "fr.json", catalogue("de", "Deutsch", ""));  // Copied and not renamed inside.
    c = loadCatalogue(dir / "fr.json");
    REQUIRE_FALSE(c);
    CHECK_THAT(c.error().message, Catch::Contains("fr.json") && Catch::Contains("language"));

    write(dir / "xx.json", R"({"format": "axisview-ui-strings", "version": "1.0", "language": "xx", "strings": {}})");
    c = loadCatalogue(dir / "xx.json");
    REQUIRE_FALSE(c);
    CHECK_THAT(c.error().message, Catch::Contains("xx.json") && Catch::Contains("name"));
}

TEST_CASE("A folder of catalogues serves each language with fallback", "[i18n]") {
    const fs::path dir = test::scratchDir("ui_strings_dir");
    write(dir / "en.json",
          catalogue("en", "English", R"("kiosk.places": "Places", "kiosk.map": "Map", "kiosk.north": "N")"));
    write(dir / "zh-Hans.json", catalogue("zh-Hans", "简体中文", R"("kiosk.places": "地点", "kiosk.map": "地图")"));
    write(dir / "zh-Hant.json", catalogue("zh-Hant", "繁體中文", R"("kiosk.places": "地點")"));
    write(dir / "broken.json", "{");
    const UiStrings ui = UiStrings::loadDirectory(dir);
    REQUIRE(ui.problems().size() == 1);
    CHECK_THAT(ui.problems()[0], Catch::Contains("broken.json"));
    CHECK(ui.languages() == std::vector<std::string>{"en", "zh-Hans", "zh-Hant"});

    CHECK(std::string(ui.text("kiosk.places", "zh")) == "地点");
    CHECK(std::string(ui.text("kiosk.places", "zh-TW")) == "地點");
    CHECK(std::string(ui.text("kiosk.places", "en-GB")) == "Places");
    CHECK(ui.nativeName("zh-Hant-TW") == "繁體中文");
    CHECK(ui.nativeName("ko") == "ko");  // No catalogue: the tag itself.

    std::vector<std::string> warnings;
    auto previous = setLogSink([&](LogLevel level, std::string_view m) {
        if (level == LogLevel::Warn) warnings.emplace_back(m);
    });
    CHECK(std::string(ui.text("kiosk.map", "zh-Hant")) == "Map");  // Missing: English.
    CHECK(std::string(ui.text("kiosk.map", "zh-Hant")) == "Map");  // Reported once only.
    CHECK(std::string(ui.text("no.such.key", "en")) == "no.such.key");
    setLogSink(previous);
    REQUIRE(warnings.size() == 2);
    CHECK_THAT(warnings[0], Catch::Contains("kiosk.map") && Catch::Contains("zh-Hant.json"));

    UiStrings withFallback = UiStrings::loadDirectory(dir);
    withFallback.setFallback("zh");  // The site's first language comes before English.
    previous = setLogSink([](LogLevel, std::string_view) {});
    CHECK(std::string(withFallback.text("kiosk.map", "zh-Hant")) == "地图");
    CHECK(std::string(withFallback.text("kiosk.north", "zh-Hant")) == "N");
    setLogSink(previous);
}

TEST_CASE("A missing folder of catalogues is a problem, not a crash", "[i18n]") {
    const UiStrings ui = UiStrings::loadDirectory(test::scratchDir("ui_strings_none") / "absent");
    REQUIRE(ui.problems().size() == 1);
    CHECK_THAT(ui.problems()[0], Catch::Contains("absent"));
    CHECK(std::string(ui.text("kiosk.map", "en")) == "kiosk.map");
}

TEST_CASE("The shipped catalogues load and each has every string of English", "[i18n]") {
    const UiStrings ui = UiStrings::loadDirectory(test::sourceDir() / "assets" / "i18n");
    CHECK(ui.problems().empty());
    REQUIRE(ui.languages() == std::vector<std::string>{"en", "ja", "zh-Hans", "zh-Hant"});
    const Catalogue en = *loadCatalogue(test::sourceDir() / "assets" / "i18n" / "en.json");
    for (const std::string tag : {"ja", "zh-Hans", "zh-Hant"}) {
        const auto c = loadCatalogue(test::sourceDir() / "assets" / "i18n" / (tag + ".json"));
        REQUIRE(c);
        for (const auto& [key, value] : en.strings) {
            INFO(tag << ": " << key);
            CHECK(c->strings.count(key) == 1);
        }
        CHECK(c->strings.size() == en.strings.size());
    }
    CHECK(ui.nativeName("zh") == "简体中文");
    CHECK(ui.nativeName("zh-TW") == "繁體中文");
    CHECK(ui.nativeName("ja") == "日本語");
    CHECK(std::string(ui.text("kiosk.places", "zh-HK")) == "地點");
}
