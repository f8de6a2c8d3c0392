// Section planes and clip boxes (issue 16, item 2): the half-spaces they make, the CLI's forms,
// and the site format's "clipping" (1.1), saved and read back, with bad entries named by JSON path.
#include <catch2/catch.hpp>

#include <fstream>

#include "scene/clipping.h"
#include "scene/site.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

TEST_CASE("a plane keeps the side its normal points to, a box its inside, both what both keep", "[clipping]") {
    Clipping c;
    c.planes.push_back(*makeClipPlane({0, 0, -2}, 20));  // Normalised: keeps z <= 10.
    CHECK(c.planes[0].normal == glm::dvec3(0, 0, -1));
    CHECK(c.planes[0].offset == Approx(10.0));
    CHECK(c.keeps({5, 5, 9.9}));
    CHECK_FALSE(c.keeps({5, 5, 10.1}));
    c.boxes.push_back(*makeClipBox({0, 0, 0}, {4, 4, 20}));
    CHECK(c.halfSpaces().size() == 7);
    CHECK(c.keeps({2, 2, 5}));
    CHECK_FALSE(c.keeps({2, 2, 15}));  // In the box, above the plane.
    CHECK_FALSE(c.keeps({5, 2, 5}));   // Below the plane, outside the box.
    // A sphere wholly beyond one half-space is cut away; one that straddles it is not.
    CHECK(c.cutsAway({2, 2, 30}, 5.0));
    CHECK_FALSE(c.cutsAway({2, 2, 12}, 5.0));
    CHECK_FALSE(Clipping{}.cutsAway({0, 0, 0}, 1.0));
}

TEST_CASE("the CLI's --clip-plane and --clip-box reject zero normals, inverted boxes and malformed lists", "[clipping]") {
    auto plane = parseClipPlane("0,1,0,-3.5");
    REQUIRE(plane);
    CHECK(plane->normal == glm::dvec3(0, 1, 0));
    CHECK(plane->offset == -3.5);
    auto box = parseClipBox("-1,-2,-3,1,2,3");
    REQUIRE(box);
    CHECK(box->max == glm::dvec3(1, 2, 3));
    auto zero = parseClipPlane("0,0,0,1");
    REQUIRE_FALSE(zero);
    CHECK(zero.error().message == "--clip-plane 0,0,0,1: the normal is zero");
    auto inverted = parseClipBox("2,0,0,1,1,1");
    REQUIRE_FALSE(inverted);
    CHECK(inverted.error().message.find("min > max on x") != std::string::npos);
    for (const char* bad : {"1,2,3", "1,2,3,4,5", "a,b,c,d", "1,,2,3", "nan,0,1,0", ""})
        CHECK_FALSE(parseClipPlane(bad));
    CHECK_FALSE(parseClipBox("0,0,0,1,1"));
}

namespace {

fs::path writeSite(const std::string& name, const std::string& fields) {
    const fs::path dir = test::scratchDir(name);
    fs::create_directories(dir / "models");
    std::ofstream(dir / "models" / "a.glb") << "x";
    std::ofstream(dir / "models" / "b.glb") << "x";
    const fs::path site = dir / "s.site.json";
    std::ofstream(site) << R"({"format": "axisview-site", "version": "1.0", "name": {"en": "s"},)" << fields << "}";
    return site;
}

}  // namespace

TEST_CASE("a site's cuts and a model's own are saved as version 1.1 and read back", "[clipping][site]") {
    const fs::path path = writeSite("clipping_round_trip", R"(
      "models": [{"id": "a", "source": "models/a.glb",
                  "clipping": {"boxes": [{"min": [-1, -1, 0], "max": [1, 1, 5]}]}}],
      "clipping": {"planes": [{"normal": [0, 0, -3], "offset": 36}]})");
    auto site = loadSite(path);
    REQUIRE(site);
    CHECK(site->problems.empty());
    REQUIRE(site->clipping.planes.size() == 1);
    CHECK(site->clipping.planes[0].normal == glm::dvec3(0, 0, -1));
    CHECK(site->clipping.planes[0].offset == Approx(12.0));
    REQUIRE(site->models.at(0).clipping.boxes.size() == 1);
    CHECK(site->models[0].clipping.boxes[0].max == glm::dvec3(1, 1, 5));

    REQUIRE(saveSite(*site, path));
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find(R"("version": "1.1")") != std::string::npos);  // 1.0 had no cuts.
    auto again = loadSite(path);
    REQUIRE(again);
    CHECK(again->clipping == site->clipping);
    CHECK(again->models[0].clipping == site->models[0].clipping);
}

TEST_CASE("malformed cuts are named by file and JSON path, the site and the model still open", "[clipping][site]") {
    const fs::path path = writeSite("clipping_malformed", R"(
      "models": [{"id": "a", "source": "models/a.glb",
                  "clipping": {"boxes": [{"min": [2, 0, 0], "max": [1, 1, 1]}]}},
                 {"id": "b", "source": "models/b.glb"}],
      "clipping": {"planes": [{"normal": [0, 0, 0], "offset": 1}]})");
    auto site = loadSite(path);
    REQUIRE(site);
    REQUIRE(site->models.size() == 2);  // The model with a bad cut opens uncut.
    CHECK(site->models[0].clipping.empty());
    CHECK(site->clipping.empty());
    REQUIRE(site->problems.size() == 2);
    const std::string shown = path.string();
    CHECK(site->problems[0] == shown + ": clipping.planes[0]: the normal is zero");
    CHECK(site->problems[1].find(shown + ": models[0].clipping.boxes[0]: min > max on x") == 0);
    // Saving keeps what could not be read, for a person to mend.
    REQUIRE(saveSite(*site, path));
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find(R"("normal": [)") != std::string::npos);
    CHECK(text.find(R"("min": [)") != std::string::npos);
}
