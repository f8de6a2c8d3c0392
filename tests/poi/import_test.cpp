// Importing POIs into a file (poi/poi_import.h): merge keeps and adds, reporting conflicts;
// replace takes the import, retiring what it drops; in PoiDocument an import is one undo step.
#include <catch2/catch.hpp>

#include "poi/poi_document.h"
#include "poi/poi_import.h"
#include "poi_fixtures.h"

using namespace axis;

TEST_CASE("Merging an import keeps the file's POIs, adds new ids and reports conflicts", "[poi][import]") {
    PoiFile current = test::sampleFile(2);  // poi-0, poi-1; "old-gate" retired.
    PoiFile incoming;
    Poi changed = current.pois[1];
    changed.title["en"] = "Something else";
    Poi revived = test::samplePoi("old-gate", 7);
    incoming.pois = {current.pois[0], changed, test::samplePoi("new-one", 5), revived};

    const PoiImportResult result = importPois(current, incoming, PoiImportMode::Merge);
    REQUIRE(result.pois.size() == 3);
    CHECK(result.pois[0] == current.pois[0]);
    CHECK(result.pois[1] == current.pois[1]);  // The file's version wins.
    CHECK(result.pois[2].id == "new-one");
    CHECK(result.pois[2].created == incoming.pois[2].created);  // Times travel with the POI.
    CHECK(result.retiredIds == current.retiredIds);
    CHECK(result.report.added == 1);
    CHECK(result.report.unchanged == 1);
    REQUIRE(result.report.conflicts.size() == 2);
    CHECK(result.report.conflicts[0].find("\"poi-1\"") != std::string::npos);
    CHECK(result.report.conflicts[1].find("\"old-gate\"") != std::string::npos);
    CHECK(result.report.summary() == "added 1, replaced 0, unchanged 1, removed 0, conflicts 2");
}

TEST_CASE("Replacing with an import takes its POIs and retires the ones it drops", "[poi][import]") {
    PoiFile current = test::sampleFile(3);  // poi-0..2; "old-gate" retired.
    PoiFile incoming;
    Poi changed = current.pois[2];
    changed.body["en"] = "New text";
    incoming.pois = {changed, test::samplePoi("old-gate", 4), current.pois[0]};
    incoming.retiredIds = {"gone"};

    const PoiImportResult result = importPois(current, incoming, PoiImportMode::Replace);
    CHECK(result.pois == incoming.pois);
    CHECK(result.report.replaced == 1);
    CHECK(result.report.added == 1);
    CHECK(result.report.unchanged == 1);
    CHECK(result.report.removed == 1);
    // poi-1 was dropped; "old-gate" lives again; the import's own retired id comes along.
    CHECK(result.retiredIds == std::vector<std::string>{"poi-1", "gone"});
}

TEST_CASE("An import in the editor is one undo step", "[poi][import][history]") {
    const PoiFile original = test::sampleFile(2);
    PoiDocument doc(original);
    PoiFile incoming;
    incoming.pois = {test::samplePoi("a", 3), test::samplePoi("b", 4)};

    const PoiImportReport report = doc.importPois(incoming, PoiImportMode::Merge);
    CHECK(report.added == 2);
    CHECK(doc.file().pois.size() == 4);
    CHECK(doc.dirty());
    CHECK(doc.find("a")->modified == incoming.pois[0].modified);  // Not stamped: copied, not edited.
    CHECK(doc.undoLabel() == "import (merge)");

    REQUIRE(doc.undo());
    CHECK(doc.file().pois == original.pois);
    CHECK(doc.file().retiredIds == original.retiredIds);
    CHECK_FALSE(doc.dirty());
    REQUIRE(doc.redo());
    CHECK(doc.file().pois.size() == 4);

    // Replace, undone, gives the merged state back, retired ids included.
    const PoiFile merged = doc.file();
    doc.importPois(incoming, PoiImportMode::Replace);
    CHECK(doc.file().pois == incoming.pois);
    REQUIRE(doc.undo());
    CHECK(doc.file().pois == merged.pois);
    CHECK(doc.file().retiredIds == merged.retiredIds);

    // Nothing to import records nothing.
    const std::size_t steps = doc.history().undoCount();
    CHECK_FALSE(doc.importPois(incoming, PoiImportMode::Merge).changed());
    CHECK(doc.history().undoCount() == steps);
}
