// A site's own sun (issue 16, items 3 and 5): "sun" in the site format (1.3), saved and read back,
// a date that does not exist named by file and JSON path while the rest of the site opens.
#include <catch2/catch.hpp>

#include <fstream>

#include "scene/site.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

fs::path writeSite(const fs::path& dir, const std::string& sun) {
    std::ofstream(dir / "a.obj") << "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";
    const fs::path file = dir / "sun.site.json";
    std::ofstream(file) << R"({"format": "axisview-site", "version": "1.2", "name": {"en": "hall"},
        "models": [{"id": "a", "source": "a.obj"}], "time_zone": "+08:00", "sun": )" + sun + "}";
    return file;
}

}  // namespace

TEST_CASE("a site's sun is saved as 1.3 and read back as written", "[site][sun]") {
    const fs::path dir = test::scratchDir("site_sun");
    auto site = loadSite(writeSite(dir, R"({"time": "2024-06-21T17:45", "shadows": false})"));
    REQUIRE(site.ok());
    CHECK(site->problems.empty());
    REQUIRE(site->sun);
    CHECK(site->sun->time == "2024-06-21T17:45");
    CHECK_FALSE(site->sun->shadows);

    site->sun = SiteSun{"2024-12-21T08:10", true};
    REQUIRE(saveSite(*site, site->file).ok());
    auto again = loadSite(site->file);
    REQUIRE(again.ok());
    CHECK(again->version == "1.3");
    REQUIRE(again->sun);
    CHECK(*again->sun == SiteSun{"2024-12-21T08:10", true});

    auto defaults = loadSite(writeSite(dir, R"({"time": "2024-06-21T09:30"})"));
    REQUIRE(defaults.ok());
    REQUIRE(defaults->sun);
    CHECK(defaults->sun->shadows);  // Shadows unless the site says otherwise.

    Site none = *again;
    none.sun.reset();
    CHECK(toJson(none).find("\"sun\"") == std::string::npos);
}

TEST_CASE("a sun at a date that does not exist is named by file and JSON path and the rest opens",
          "[site][sun]") {
    const fs::path dir = test::scratchDir("site_sun_bad");
    for (const auto& [sun, expected] : std::vector<std::pair<std::string, std::string>>{
             {R"({"time": "2023-02-29T12:00"})", "sun.time: '2023-02-29T12:00': no such date or time"},
             {R"({"time": "noon"})", "sun.time: 'noon': expected a local date and time"},
             {R"({"shadows": true})", "sun.time: missing"},
             {R"({"time": "2024-06-21T09:30", "shadows": "yes"})", "sun.shadows"}}) {
        const fs::path file = writeSite(dir, sun);
        auto site = loadSite(file);
        REQUIRE(site.ok());
        INFO(sun);
        REQUIRE(site->problems.size() == 1);
        CHECK(site->problems[0].find(file.string()) != std::string::npos);
        CHECK(site->problems[0].find(expected) != std::string::npos);
        CHECK_FALSE(site->sun);
        CHECK(site->models.size() == 1);
        // Saving keeps the broken entry as it was, for the curator to correct.
        REQUIRE(saveSite(*site, file).ok());
        auto reread = loadSite(file);
        REQUIRE(reread.ok());
        CHECK(reread->problems.size() == 1);
    }
}
