// A tour's music bed in the site file: read, validated with its JSON path, kept on save (1.1).
#include <catch2/catch.hpp>

#include <fstream>

#include "core/file_io.h"
#include "scene/site.h"
#include "support/test_support.h"

using namespace axis;

namespace {

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string siteWithTour(const std::string& tourFields) {
    return R"({"format": "axisview-site", "version": "1.0", "name": {"en": "S"}, "models": [],
               "tours": [{"id": "attract", )" +
           tourFields + R"(, "stops": [{"poi": "a", "dwell": 4}]}]})";
}

}  // namespace

TEST_CASE("A tour's music is read, resolved beside the site and saved as 1.1", "[site][audio]") {
    const auto dir = test::scratchDir("site_tour_music");
    write(dir / "a.site.json", siteWithTour(R"("music": "audio/bed.ogg")"));
    auto site = loadSite(dir / "a.site.json");
    REQUIRE(site);
    CHECK(site->problems.empty());
    REQUIRE(site->tours.size() == 1);
    CHECK(site->tours[0].music == "audio/bed.ogg");
    CHECK(site->resolve(site->tours[0].music) == (dir / "audio" / "bed.ogg").lexically_normal());
    REQUIRE(saveSite(*site, dir / "b.site.json"));
    const std::string text = *readTextFile(dir / "b.site.json");
    CHECK(text.find(R"("music": "audio/bed.ogg")") != std::string::npos);
    CHECK(text.find(R"("version": "1.1")") != std::string::npos);
    auto again = loadSite(dir / "b.site.json");
    REQUIRE(again);
    CHECK(again->tours == site->tours);
}

TEST_CASE("A bad tour music entry is named by file and JSON path", "[site][audio]") {
    const auto dir = test::scratchDir("site_tour_music_bad");
    for (const char* bad : {R"("music": "")", R"("music": 7)"}) {
        write(dir / "a.site.json", siteWithTour(bad));
        auto site = loadSite(dir / "a.site.json");
        REQUIRE(site);
        REQUIRE(site->problems.size() == 1);
        CHECK(site->problems[0].find("a.site.json") != std::string::npos);
        CHECK(site->problems[0].find("tours[0].music") != std::string::npos);
    }
}
