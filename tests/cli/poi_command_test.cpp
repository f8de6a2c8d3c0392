// `axisview poi export|import`: a site's POIs out to Web Annotation (JSON-LD) and back in, merge
// and replace, and the failures: a malformed file changes nothing, usage errors exit 2.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "poi/poi.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

axis::test::CommandResult runAxisview(const std::string& args) {
    return axis::test::runShell(std::string(AXIS_EXECUTABLE) + " " + args);
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

axis::Poi makePoi(const std::string& id, double x, const std::string& zh, const std::string& en) {
    axis::Poi p;
    p.id = id;
    p.anchor = {"gate", {x, 4632.125, 10.5}, {0, -1, 0}};
    p.title = {{"zh", zh}, {"en", en}};
    p.body = {{"zh", zh + "。\n\n- 明代"}, {"en", "The **" + en + "**, see [the hall](poi:hall)."}};
    p.viewpoint = axis::Viewpoint{{x, 4600.5, 1.7}, 12.5, -5, 55};
    p.tags = {"gate"};
    p.created = "2024-07-27";
    p.modified = "2024-07-28T10:15:00+08:00";
    return p;
}

// A site of one small model with three POIs on it, in `dir`; returns the site file.
fs::path writeSite(const fs::path& dir, bool withPois = true) {
    fs::create_directories(dir);
    writeText(dir / "gate.obj", "v 0 4630 0\nv 10 4630 0\nv 0 4640 0\nf 1 2 3\n");
    writeText(dir / "gate.site.json", R"({"format": "axisview-site", "version": "1.1",
        "name": {"zh": "午门", "en": "Meridian Gate"},
        "models": [{"id": "gate", "source": "gate.obj", "up": "z"}],
        "pois": "gate.pois.json"})");
    if (withPois) {
        axis::PoiFile pois;
        pois.pois = {makePoi("wumen", 1.5, "午门", "Meridian Gate"), makePoi("hall", 2.25, "太和殿", "Hall"),
                     makePoi("bridge", -3.0, "金水桥", "Golden Water Bridge")};
        REQUIRE(axis::savePois(pois, dir / "gate.pois.json").ok());
    }
    return dir / "gate.site.json";
}

}  // namespace

TEST_CASE("poi export and import carry a site's POIs through Web Annotation", "[cli][poi]") {
    const fs::path dir = axis::test::scratchDir("poi_round_trip");
    const fs::path site = writeSite(dir / "source");
    const fs::path annotations = dir / "gate.jsonld";

    auto exported = runAxisview("poi export " + quoted(site) + " -o " + quoted(annotations));
    INFO(exported.output);
    REQUIRE(exported.exitCode == 0);
    auto json = nlohmann::json::parse(readBytes(annotations));
    CHECK(json["type"] == "AnnotationCollection");
    CHECK(json["label"] == "Meridian Gate");  // The site's name.

    // Into a copy of the site without its POI file: the same POIs come back.
    const fs::path copy = writeSite(dir / "copy", /*withPois=*/false);
    const fs::path copyPois = dir / "copy" / "gate.pois.json";
    auto imported = runAxisview("poi import " + quoted(copy) + " " + quoted(annotations));
    INFO(imported.output);
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.output.find("added 3") != std::string::npos);
    auto original = axis::loadPois(dir / "source" / "gate.pois.json");
    auto back = axis::loadPois(copyPois);
    REQUIRE(original.ok());
    REQUIRE(back.ok());
    CHECK(back->problems.empty());
    REQUIRE(back->pois.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        const axis::Poi &a = original->pois[i], &b = back->pois[i];
        CHECK(b.id == a.id);
        CHECK(b.anchor.position.x == Approx(a.anchor.position.x).margin(1e-9));
        CHECK(b.anchor.position.y == Approx(a.anchor.position.y).margin(1e-9));
        CHECK(b.anchor.position.z == Approx(a.anchor.position.z).margin(1e-9));
        CHECK(b.title == a.title);
        CHECK(b.body == a.body);
        CHECK(b == a);  // Every other field too: model, normal, viewpoint, tags, times.
    }

    // The same import again adds nothing and leaves the file as it was.
    const std::string bytes = readBytes(copyPois);
    auto again = runAxisview("poi import " + quoted(copy) + " " + quoted(annotations) + " --merge");
    CHECK(again.exitCode == 0);
    CHECK(again.output.find("unchanged") != std::string::npos);
    CHECK(readBytes(copyPois) == bytes);

    // A POI edited in the copy conflicts with the import: merge keeps the copy's and says so.
    auto edited = *back;
    edited.pois[1].title["en"] = "Hall of Supreme Harmony";
    edited.pois.erase(edited.pois.begin());  // "wumen" comes back from the import.
    REQUIRE(axis::savePois(edited, copyPois).ok());
    auto merged = runAxisview("poi import " + quoted(copy) + " " + quoted(annotations));
    INFO(merged.output);
    CHECK(merged.exitCode == 0);
    CHECK(merged.output.find("\"hall\": the file has a different POI") != std::string::npos);
    auto afterMerge = axis::loadPois(copyPois);
    REQUIRE(afterMerge.ok());
    REQUIRE(afterMerge->find("hall"));
    CHECK(afterMerge->find("hall")->title.at("en") == "Hall of Supreme Harmony");
    CHECK(afterMerge->find("wumen"));
    CHECK(afterMerge->pois.size() == 3);

    // Replace takes the imported versions, in the imported order.
    auto replaced = runAxisview("poi import " + quoted(copy) + " " + quoted(annotations) + " --replace");
    INFO(replaced.output);
    CHECK(replaced.exitCode == 0);
    auto afterReplace = axis::loadPois(copyPois);
    REQUIRE(afterReplace.ok());
    CHECK(afterReplace->pois == original->pois);
    CHECK(fs::exists(copyPois.string() + ".bak"));  // Saved atomically, the old file kept.

    // A POI file works as the source too, and - writes the JSON-LD to standard output.
    auto toStdout = axis::test::runShell(std::string(AXIS_EXECUTABLE) + " poi export " + quoted(copyPois) + " -o -",
                                         axis::test::StandardError::Discarded);
    CHECK(toStdout.exitCode == 0);
    CHECK(nlohmann::json::parse(toStdout.output)["type"] == "AnnotationCollection");
}

TEST_CASE("poi import of a malformed Web Annotation file fails and leaves the POI file alone", "[cli][poi]") {
    const fs::path dir = axis::test::scratchDir("poi_import_bad");
    const fs::path site = writeSite(dir);
    const fs::path pois = dir / "gate.pois.json";
    const std::string before = readBytes(pois);

    writeText(dir / "broken.jsonld", "{\"type\": \"AnnotationCollection\", \"first\": {\"items\": [");
    writeText(dir / "not-annotations.jsonld", "[1, 2, 3]");
    for (const char* name : {"broken.jsonld", "not-annotations.jsonld"}) {
        for (const char* mode : {"--merge", "--replace"}) {
            auto r = runAxisview("poi import " + quoted(site) + " " + quoted(dir / name) + " " + mode);
            INFO(name << " " << mode << " -> " << r.exitCode << ":\n" << r.output);
            CHECK_FALSE(r.crashed);
            CHECK(r.exitCode == 1);
            CHECK(r.output.find(name) != std::string::npos);
            CHECK(readBytes(pois) == before);
            CHECK_FALSE(fs::exists(pois.string() + ".bak"));
        }
    }
    auto missing = runAxisview("poi import " + quoted(site) + " " + quoted(dir / "missing.jsonld"));
    CHECK(missing.exitCode == 1);
    CHECK(missing.output.find("missing.jsonld") != std::string::npos);
    CHECK(readBytes(pois) == before);

    // A site that names no POI file: nothing to export from or import into.
    writeText(dir / "bare.site.json", R"({"format": "axisview-site", "version": "1.1", "name": {"en": "Bare"}})");
    auto bare = runAxisview("poi export " + quoted(dir / "bare.site.json") + " -o " + quoted(dir / "out.jsonld"));
    CHECK(bare.exitCode == 1);
    CHECK(bare.output.find("bare.site.json") != std::string::npos);
    CHECK(bare.output.find("names no POI file") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.jsonld"));
}

TEST_CASE("poi usage errors exit 2 and --help explains merge and replace", "[cli][poi]") {
    const fs::path dir = axis::test::scratchDir("poi_usage");
    const fs::path site = writeSite(dir);
    const std::string before = readBytes(dir / "gate.pois.json");
    const std::vector<std::string> usageErrors = {std::string("poi"),
                                                  "poi frobnicate",
                                                  "poi export " + quoted(site),
                                                  "poi import " + quoted(site),
                                                  "poi import " + quoted(site) + " x.jsonld --merge --replace",
                                                  "poi export " + quoted(site) + " -o x.jsonld --bogus"};
    for (const std::string& args : usageErrors) {
        auto r = runAxisview(args);
        INFO(args << " -> " << r.exitCode << ":\n" << r.output);
        CHECK(r.exitCode == 2);
    }
    CHECK(readBytes(dir / "gate.pois.json") == before);

    auto help = runAxisview("poi import --help");
    CHECK(help.exitCode == 0);
    CHECK(help.output.find("--replace") != std::string::npos);
    CHECK(help.output.find("conflict") != std::string::npos);
    CHECK(help.output.find("retired") != std::string::npos);
    CHECK(runAxisview("poi export --help").exitCode == 0);
    CHECK(runAxisview("--help").output.find("poi") != std::string::npos);
}
