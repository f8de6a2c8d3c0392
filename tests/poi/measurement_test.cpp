// Measurements in the POI file (poi/measurement.h): saved and read back, bad entries named by file
// and JSON path while the rest opens, undo through the document's history, and the Web
// Annotation export and import.
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "poi/poi_document.h"
#include "poi/web_annotation.h"
#include "poi_fixtures.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

Measurement sampleMeasurement(const std::string& id, MeasureKind kind, std::vector<glm::dvec3> points) {
    Measurement m;
    m.id = id;
    m.kind = kind;
    m.points = std::move(points);
    m.title = {{"en", "Gate " + id}, {"zh", "门 " + id}};
    m.created = "2024-07-27";
    m.modified = "2024-07-28T10:15:00Z";
    return m;
}

PoiFile fileWithMeasurements() {
    PoiFile f = test::sampleFile(2);
    f.measurements.push_back(
        sampleMeasurement("measure-1", MeasureKind::Distance, {{0.5, 4632.25, 10.0}, {3.5, 4636.25, 10.0}}));
    f.measurements.push_back(
        sampleMeasurement("measure-2", MeasureKind::Area, {{0, 0, 0}, {2, 0, 0}, {2, 3, 0}, {0, 3, 0}}));
    f.measurements.back().extra = R"({"x_note":"kept"})";
    return f;
}

}  // namespace

TEST_CASE("Measurements are saved with the POIs and read back unchanged", "[poi][measurement]") {
    const fs::path dir = test::scratchDir("poi_measurements");
    const PoiFile original = fileWithMeasurements();
    REQUIRE(savePois(original, dir / "a.pois.json").ok());
    const std::string text = readTextFile(dir / "a.pois.json").value();
    CHECK(text.find("\"version\": \"1.1\"") != std::string::npos);  // 1.0 readers then warn and keep them.
    auto loaded = loadPois(dir / "a.pois.json");
    REQUIRE(loaded.ok());
    CHECK(loaded->problems.empty());
    CHECK(loaded->measurements == original.measurements);
    CHECK(loaded->pois == original.pois);
    CHECK(loaded->measurements[0].value() == Approx(5.0).margin(1e-9));
    CHECK(loaded->measurements[1].value() == Approx(6.0).margin(1e-9));

    // Without measurements a 1.0 file stays 1.0.
    REQUIRE(savePois(test::sampleFile(1), dir / "b.pois.json").ok());
    CHECK(readTextFile(dir / "b.pois.json").value().find("\"version\": \"1.0\"") != std::string::npos);
}

TEST_CASE("A bad measurement is named by file and JSON path and the rest opens", "[poi][measurement]") {
    const fs::path dir = test::scratchDir("poi_measurements_bad");
    test::writeText(dir / "bad.pois.json", R"({"format": "axisview-pois", "version": "1.1", "pois": [],
      "measurements": [
        {"id": "ok", "kind": "distance", "points": [[0, 0, 0], [1, 0, 0]]},
        {"id": "three", "kind": "distance", "points": [[0, 0, 0], [1, 0, 0], [2, 0, 0]]},
        {"id": "kind", "kind": "volume", "points": [[0, 0, 0], [1, 0, 0]]},
        {"id": "nan", "kind": "angle", "points": [[0, 0, 0], [1, 0, 0], [1, "x", 0]]},
        {"id": "ok", "kind": "height", "points": [[0, 0, 0], [1, 0, 2]]}
      ]})");
    auto loaded = loadPois(dir / "bad.pois.json");
    REQUIRE(loaded.ok());
    const std::string shown = (dir / "bad.pois.json").string();  // The file as the caller named it.
    REQUIRE(loaded->measurements.size() == 1);
    CHECK(loaded->measurements[0].id == "ok");
    REQUIRE(loaded->problems.size() == 4);
    CHECK(loaded->problems[0] == shown + ": measurements[1].points: a distance takes 2 points, not 3");
    CHECK(loaded->problems[1].find(shown + ": measurements[2].kind: unknown kind \"volume\"") == 0);
    CHECK(loaded->problems[2].find(shown + ": measurements[3].points[2]") == 0);
    CHECK(loaded->problems[3] == shown + ": measurements[4].id: duplicate id \"ok\"");
    // Saving keeps the rejected entries as they were, for a person to fix.
    REQUIRE(savePois(*loaded, dir / "bad.pois.json").ok());
    auto again = loadPois(dir / "bad.pois.json");
    REQUIRE(again.ok());
    CHECK(again->problems.size() == 4);
    CHECK(again->rejectedMeasurements.size() == 4);

    test::writeText(dir / "notarray.pois.json", R"({"format": "axisview-pois", "version": "1.1", "pois": [],
      "measurements": {"id": "x"}})");
    auto notArray = loadPois(dir / "notarray.pois.json");
    REQUIRE(notArray.ok());
    REQUIRE(notArray->problems.size() == 1);
    CHECK(notArray->problems[0] == (dir / "notarray.pois.json").string() + ": measurements: expected an array");
    CHECK(toJson(*notArray).find("\"measurements\": {") != std::string::npos);  // Kept for saving.
}

TEST_CASE("Measurement edits are undone through the POI document's history", "[poi][measurement]") {
    PoiDocument doc(test::sampleFile(1), {.clock = [] { return std::string("2024-08-01T00:00:00Z"); }});
    const std::string id = doc.addMeasurement(sampleMeasurement("", MeasureKind::Distance, {{0, 0, 0}, {1, 0, 0}}));
    CHECK(id == "measure-1");
    REQUIRE(doc.file().measurements.size() == 1);
    CHECK(doc.file().measurements[0].modified == "2024-08-01T00:00:00Z");
    CHECK(doc.addMeasurement(sampleMeasurement("", MeasureKind::Angle, {{0, 0, 0}, {1, 0, 0}})).empty());  // Too few.
    CHECK(doc.setMeasurementPoints(id, {{0, 0, 0}, {0, 2, 0}}));
    CHECK_FALSE(doc.setMeasurementPoints(id, {{0, 0, 0}}));  // A distance needs two.
    CHECK(doc.file().measurements[0].value() == Approx(2.0));
    CHECK(doc.setMeasurementTitle(id, "en", "W"));
    CHECK(doc.setMeasurementTitle(id, "en", "Width"));  // Typing merges into one step.
    CHECK(doc.deleteMeasurement(id));
    CHECK(doc.file().measurements.empty());
    CHECK(doc.dirty());

    REQUIRE(doc.undo());  // The delete.
    REQUIRE(doc.file().measurements.size() == 1);
    CHECK(doc.file().measurements[0].title.at("en") == "Width");
    REQUIRE(doc.undo());  // The title.
    CHECK(doc.file().measurements[0].title.at("en") == "Gate ");
    REQUIRE(doc.undo());  // The move.
    CHECK(doc.file().measurements[0].value() == Approx(1.0));
    REQUIRE(doc.undo());  // The add.
    CHECK(doc.file().measurements.empty());
    CHECK_FALSE(doc.dirty());
    REQUIRE(doc.redo());
    CHECK(doc.file().measurements.size() == 1);
    CHECK(doc.file().pois.size() == 1);  // POIs untouched throughout.

    // Measurement ids never collide with POI ids (both name annotations in one export).
    Measurement clash = sampleMeasurement("poi-0", MeasureKind::Distance, {{0, 0, 0}, {1, 0, 0}});
    CHECK(doc.addMeasurement(clash) == "measure-2");
}

TEST_CASE("Measurements go out as Web Annotations targeting their polyline and come back", "[poi][measurement]") {
    const PoiFile original = fileWithMeasurements();
    const std::string text = toWebAnnotation(original);
    CHECK(text.find("\"type\": \"PolylineSelector\"") != std::string::npos);
    CHECK(text.find("\"value\": \"distance 5.000 m\"") != std::string::npos);
    CHECK(text.find("\"value\": \"area 6.000 m\u00b2\"") != std::string::npos);
    CHECK(text.find("\"total\": 4") != std::string::npos);
    auto back = fromWebAnnotation(text, "x.jsonld");
    REQUIRE(back.ok());
    CHECK(back->problems.empty());
    CHECK(back->pois == original.pois);
    REQUIRE(back->measurements.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        Measurement expected = original.measurements[i];
        expected.extra.clear();  // Unknown measurement fields stay in the POI file only.
        CHECK(back->measurements[i] == expected);
    }

    // A broken measurement annotation is reported with its path; the others import.
    std::string broken = text;
    broken.replace(broken.find("\"kind\": \"area\""), 14, "\"kind\": \"cone\"");
    auto partly = fromWebAnnotation(broken, "x.jsonld");
    REQUIRE(partly.ok());
    CHECK(partly->measurements.size() == 1);
    REQUIRE(partly->problems.size() == 1);
    CHECK(partly->problems[0].find("x.jsonld: first.items[3].target.selector.kind: unknown measurement kind") == 0);

    // Importing into a document merges them as one undo step.
    PoiDocument doc(test::sampleFile(2));
    const PoiImportReport report = doc.importPois(*back, PoiImportMode::Merge);
    CHECK(report.measurementsChanged);
    CHECK(doc.file().measurements.size() == 2);
    REQUIRE(doc.undo());
    CHECK(doc.file().measurements.empty());
}
