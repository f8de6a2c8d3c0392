// The demo site is made from what people edit (assets/demo-site): the generator
// (tools/demo_site, axis_make_demo_site ASSETS OUTDIR) must carry an edit into the site it writes,
// and must refuse bad input with one message naming the file and the problem, writing nothing.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using axis::test::runShell;

namespace {

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// A private copy of the shipped recipe, to edit without touching the source tree.
fs::path copyOfAssets(const std::string& name) {
    const fs::path dir = axis::test::scratchDir(name);
    fs::copy(axis::test::sourceDir() / "assets" / "demo-site", dir / "assets", fs::copy_options::recursive);
    return dir;
}

axis::test::CommandResult generate(const fs::path& dir) {
    return runShell("'" AXIS_DEMO_GENERATOR "' '" + (dir / "assets").string() + "' '" + (dir / "out").string() + "'");
}

const nlohmann::json& poiById(const nlohmann::json& pois, const std::string& id) {
    for (const auto& p : pois.at("pois"))
        if (p.at("id") == id) return p;
    FAIL("no POI " << id);
    throw std::logic_error("unreachable");
}

// Replaces the first occurrence of `from` in the file, which must be there.
void replaceIn(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = readText(path);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    writeText(path, text);
}

// The generator failed with one line that names `file` and says `problem`, and wrote no site.
void requireRefusal(const axis::test::CommandResult& result, const fs::path& dir, const std::string& file,
                    const std::string& problem) {
    INFO(result.output);
    CHECK_FALSE(result.crashed);
    CHECK(result.exitCode == 1);
    CHECK(result.output.find(file) != std::string::npos);
    CHECK(result.output.find(problem) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out" / "central-axis.site.json"));
    CHECK_FALSE(fs::exists(dir / "out" / "central-axis.pois.json"));
}

}  // namespace

TEST_CASE("The demo generator carries an edited story into the generated POI file", "[site][demo][assets]") {
    const fs::path dir = copyOfAssets("demo-assets-edited-story");
    const std::string body = "The Meridian Gate, as a curator rewrote it.\n\nA second paragraph, with **bold** text.";
    writeText(dir / "assets" / "stories" / "wumen.en.md", "---\ntitle: Meridian Gate (edited)\n---\n\n" + body + "\n");

    const auto result = generate(dir);
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const auto pois = nlohmann::json::parse(readText(dir / "out" / "central-axis.pois.json"));
    const auto& wumen = poiById(pois, "wumen");
    CHECK(wumen.at("title").at("en") == "Meridian Gate (edited)");
    CHECK(wumen.at("body").at("en") == body);
    CHECK(wumen.at("title").at("zh") == "午门");  // the other language is left as it was
    CHECK(poiById(pois, "duanmen").at("title").at("en") == "Duanmen (Gate of Uprightness)");
    CHECK(fs::is_regular_file(dir / "out" / "models" / "wumen.glb"));
}

TEST_CASE("The demo generator refuses malformed JSON in the recipe and names the file", "[site][demo][assets]") {
    const fs::path dir = copyOfAssets("demo-assets-malformed");
    const fs::path tour = dir / "assets" / "tour.json";
    const std::string text = readText(tour);
    writeText(tour, text.substr(0, text.size() / 2));  // cut off mid-way, as a bad save might leave it

    requireRefusal(generate(dir), dir, tour.string(), "malformed JSON");
}

TEST_CASE("The demo generator refuses a landmark naming an unknown geometry builder", "[site][demo][assets]") {
    const fs::path dir = copyOfAssets("demo-assets-unknown-builder");
    const fs::path site = dir / "assets" / "site.json";
    replaceIn(site, "\"builder\": \"wumen\"", "\"builder\": \"wumen-gate\"");

    requireRefusal(generate(dir), dir, site.string(), "landmarks[7].builder: no geometry builder named \"wumen-gate\"");
}

TEST_CASE("The demo generator refuses a story without a title in one language", "[site][demo][assets]") {
    const fs::path dir = copyOfAssets("demo-assets-untitled");
    const fs::path story = dir / "assets" / "stories" / "duanmen.zh.md";
    replaceIn(story, "title: 端门\n", "");

    requireRefusal(generate(dir), dir, story.string(), "no title");
}

TEST_CASE("The demo generator refuses a POI whose story is missing in one language", "[site][demo][assets]") {
    const fs::path dir = copyOfAssets("demo-assets-missing-story");
    fs::remove(dir / "assets" / "stories" / "jingshan.en.md");

    requireRefusal(generate(dir), dir, (dir / "assets" / "pois.json").string(), "jingshan.en.md");
}
