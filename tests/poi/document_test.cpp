// Saving a POI document: atomic under injected failures, autosave, and crash recovery.
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "poi/poi_document.h"
#include "poi/recovery.h"
#include "poi_fixtures.h"
#include "support/file_size_limit.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

using test::FileSizeLimit;

TEST_CASE("A failed save reports the file and leaves disk and document unchanged", "[poi][save]") {
    const fs::path dir = test::scratchDir("poi_save_failure");
    const fs::path file = dir / "a.pois.json";
    REQUIRE(savePois(test::sampleFile(3), file).ok());
    const std::string onDisk = readTextFile(file).value();
    auto doc = PoiDocument::open(file);
    REQUIRE(doc.ok());
    REQUIRE(doc->setTitle("poi-0", "en", std::string(4000, 'x')));
    const PoiFile edited = doc->file();

    SECTION("the disk fills up in the middle of the write") {
        FileSizeLimit limit(1024);
        auto saved = doc->save();
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.error().message.find("a.pois.json.tmp: write failed") != std::string::npos);
    }
    SECTION("the temporary file cannot be created") {
        fs::create_directory(dir / "a.pois.json.tmp");
        auto saved = doc->save();
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.error().message.find("a.pois.json.tmp: cannot create") != std::string::npos);
        fs::remove(dir / "a.pois.json.tmp");
    }
    CHECK(readTextFile(file).value() == onDisk);
    CHECK(doc->file().pois == edited.pois);
    CHECK(doc->dirty());
    CHECK(doc->canUndo());
    REQUIRE(doc->save().ok());  // and once the disk is fine again, the save goes through
    CHECK_FALSE(doc->dirty());
    CHECK(loadPois(file)->pois == edited.pois);
    CHECK(readTextFile(dir / "a.pois.json.bak").value() == onDisk);
}

TEST_CASE("A document without a path asks for Save As", "[poi][save]") {
    PoiDocument doc;
    doc.addPoi(Poi{});
    auto saved = doc.save();
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().message.find("Save As") != std::string::npos);
    const fs::path dir = test::scratchDir("poi_save_as");
    REQUIRE(doc.saveAs(dir / "new.pois.json").ok());
    CHECK(doc.path() == fs::absolute(dir / "new.pois.json"));
    CHECK_FALSE(doc.dirty());
}

TEST_CASE("Autosave every 30 s while dirty, removed on save, offered after a crash", "[poi][autosave]") {
    const fs::path dir = test::scratchDir("poi_autosave");
    const fs::path file = dir / "a.pois.json";
    const fs::path side = dir / "a.pois.json.autosave";
    CHECK(autosavePathFor(file) == side);
    REQUIRE(savePois(test::sampleFile(2), file).ok());
    auto doc = PoiDocument::open(file);
    REQUIRE(doc.ok());
    const auto t0 = PoiDocument::Clock::now();

    doc->tick(t0);
    CHECK_FALSE(fs::exists(side));  // nothing unsaved
    doc->setTitle("poi-1", "en", "Edited");
    doc->tick(t0 + 1s);
    doc->tick(t0 + 30s);
    CHECK_FALSE(fs::exists(side));  // due 30 s after the tick that first saw the edit
    doc->tick(t0 + 31s);
    REQUIRE(fs::exists(side));
    CHECK_FALSE(fs::exists(dir / "a.pois.json.autosave.bak"));

    // Make the autosave visibly newer than the file, as after a crash.
    fs::last_write_time(file, fs::last_write_time(side) - 10s);
    auto found = findRecovery(file);
    REQUIRE(found);
    CHECK(found->autosave == side);
    auto recovered = PoiDocument::openRecovered(file);
    REQUIRE(recovered.ok());
    CHECK(recovered->dirty());
    CHECK(recovered->path() == fs::absolute(file));
    CHECK(recovered->file().pois == doc->file().pois);

    // Undoing back to the saved state removes the autosave on the next tick.
    doc->undo();
    doc->tick(t0 + 32s);
    CHECK_FALSE(fs::exists(side));
    doc->redo();
    doc->tick(t0 + 33s);
    doc->tick(t0 + 63s);
    REQUIRE(fs::exists(side));
    REQUIRE(doc->save().ok());
    CHECK_FALSE(fs::exists(side));
    CHECK_FALSE(findRecovery(file));

    // An autosave older than the file (saved since by someone else) is not offered.
    test::writeText(side, readTextFile(file).value());
    fs::last_write_time(side, fs::last_write_time(file) - 10s);
    CHECK_FALSE(findRecovery(file));
    REQUIRE(discardRecovery(file).ok());
    CHECK_FALSE(fs::exists(side));
}
