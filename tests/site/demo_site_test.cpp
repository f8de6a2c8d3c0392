// The generated built-in demo (tools/demo_site, written to AXIS_DEMO_DIR by the build) must load
// cleanly: valid GLB files, landmarks in their real order, tours and POIs that fit together.
#include <catch2/catch.hpp>

#include <cstring>

#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "poi/poi.h"
#include "scene/site.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

const fs::path kDemo = AXIS_DEMO_DIR;

std::uint32_t u32(const std::vector<std::uint8_t>& b, std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, b.data() + at, 4);
    return v;
}

// Checks the GLB container (magic, version, lengths, chunk types) and returns its JSON chunk.
nlohmann::json readGlbJson(const fs::path& path) {
    auto bytes = readFile(path);
    REQUIRE(bytes.ok());
    const auto& b = *bytes;
    REQUIRE(b.size() >= 28);
    CHECK(u32(b, 0) == 0x46546C67);  // "glTF"
    CHECK(u32(b, 4) == 2);
    CHECK(u32(b, 8) == b.size());
    const std::uint32_t jsonLength = u32(b, 12);
    CHECK(u32(b, 16) == 0x4E4F534A);  // "JSON"
    CHECK(jsonLength % 4 == 0);
    REQUIRE(20 + jsonLength + 8 <= b.size());
    const std::uint32_t binLength = u32(b, 20 + jsonLength);
    CHECK(u32(b, 24 + jsonLength) == 0x004E4942);  // "BIN\0"
    CHECK(28 + jsonLength + binLength == b.size());
    const auto doc = nlohmann::json::parse(b.begin() + 20, b.begin() + 20 + jsonLength);
    CHECK(doc.at("asset").at("version") == "2.0");
    CHECK(doc.at("buffers").at(0).at("byteLength").get<std::size_t>() <= binLength);
    return doc;
}

}  // namespace

TEST_CASE("The demo site loads without problems and its models are valid GLB files", "[site][demo]") {
    auto site = loadSite(kDemo / "central-axis.site.json");
    REQUIRE(site.ok());
    for (const auto& p : site->problems) FAIL_CHECK(p);
    CHECK(site->models.size() >= 15);
    std::uintmax_t total = 0;
    for (const auto& m : site->models) {
        INFO(m.id);
        REQUIRE(fs::is_regular_file(m.resolvedSource));
        total += fs::file_size(m.resolvedSource);
        const auto doc = readGlbJson(m.resolvedSource);
        CHECK(m.up == UpAxis::Y);
        // Upright: glTF y (site up) spans from about the ground (channel bed -3 m) upwards.
        const auto& minY = doc.at("accessors").at(0).at("min").at(1);
        CHECK(minY.get<double>() >= -3.5);
    }
    CHECK(total < 15u * 1024 * 1024);
    REQUIRE(site->start);
    CHECK(site->start->position.y < site->findModel("yongdingmen")->position.y);
    CHECK(site->start->forward().y > 0.9);  // looking north along the axis
    REQUIRE(site->overview);
    CHECK(site->overview->position.z > 100);
}

TEST_CASE("Demo landmarks stand in their real south-to-north order along +y", "[site][demo]") {
    auto site = loadSite(kDemo / "central-axis.site.json");
    REQUIRE(site.ok());
    const char* order[] = {"yongdingmen", "zhengyangmen-jianlou", "zhengyangmen", "tiananmen", "duanmen", "wumen",
                           "taihedian", "jingshan", "wanning-bridge", "drum-tower", "bell-tower"};
    double previous = -1e9;
    for (const char* id : order) {
        INFO(id);
        const ModelPlacement* m = site->findModel(id);
        REQUIRE(m);
        CHECK(m->position.y > previous);
        CHECK(m->position.x == 0.0);  // on the axis
        previous = m->position.y;
    }
    CHECK(site->findModel("bell-tower")->position.y - site->findModel("yongdingmen")->position.y ==
          Approx(7800).margin(300));
    CHECK(site->findModel("temple-of-heaven")->position.x > 0);  // east
    CHECK(site->findModel("xiannongtan")->position.x < 0);       // west
}

TEST_CASE("Demo tours, kiosk and POIs refer to each other and every POI is bilingual", "[site][demo][poi]") {
    auto site = loadSite(kDemo / "central-axis.site.json");
    REQUIRE(site.ok());
    auto pois = loadPois(site->poisPath());
    REQUIRE(pois.ok());
    for (const auto& p : pois->problems) FAIL_CHECK(p);
    for (const auto& p : checkReferences(*site, *pois)) FAIL_CHECK(p);
    REQUIRE(site->kiosk);
    const Tour* attract = site->findTour(site->kiosk->attractTour);
    REQUIRE(attract);
    CHECK(attract->stops.size() == pois->pois.size());
    double previousY = -1e9;
    for (const auto& stop : attract->stops) {
        const Poi* p = pois->find(stop.poi);
        REQUIRE(p);
        CHECK(stop.dwell > 0);
        CHECK(p->anchor.position.y >= previousY);  // the tour walks south to north
        previousY = p->anchor.position.y;
    }
    for (const auto& p : pois->pois) {
        INFO(p.id);
        for (const char* lang : {"zh", "en"}) {
            CHECK_FALSE(p.title.at(lang).empty());
            CHECK(p.body.at(lang).size() > 40);
        }
        REQUIRE(p.viewpoint);
        CHECK(glm::distance(p.viewpoint->position, p.anchor.position) < 600);
        CHECK_FALSE(p.tags.empty());
    }
}
