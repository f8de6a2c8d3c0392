// Undo and redo through PoiDocument: every edit kind, typing merged, the dirty flag, the limit.
#include <catch2/catch.hpp>

#include "poi/poi_document.h"
#include "poi/poi_ids.h"
#include "poi_fixtures.h"

using namespace axis;

namespace {

PoiDocumentOptions fixedClock() {
    PoiDocumentOptions o;
    o.clock = [] { return std::string("2025-01-02T03:04:05Z"); };
    return o;
}

// Types `text` one character at a time, as an ImGui text box reports it.
void type(PoiDocument& doc, const std::string& id, const std::string& lang, const std::string& text, bool body) {
    for (std::size_t n = 1; n <= text.size(); ++n)
        body ? doc.setBody(id, lang, text.substr(0, n)) : doc.setTitle(id, lang, text.substr(0, n));
}

}  // namespace

TEST_CASE("Every edit kind undoes to the original and redoes to the final state", "[poi][history]") {
    const PoiFile original = test::sampleFile(3);
    PoiDocument doc(original, fixedClock());
    CHECK_FALSE(doc.dirty());

    Poi fresh;
    fresh.title = {{"en", "Hall of Supreme Harmony"}, {"zh", "太和殿"}};
    const std::string id = doc.addPoi(fresh, 1);
    CHECK(id == "hall-of-supreme-harmony");
    CHECK(doc.file().pois[1].created == "2025-01-02T03:04:05Z");
    type(doc, id, "en", "Built 1420", true);
    doc.endTyping();
    type(doc, id, "zh", "建于1420年", true);
    doc.endTyping();
    CHECK(doc.setTitle("poi-0", "en", "Wumen"));
    CHECK(doc.moveAnchor("poi-2", PoiAnchor{"model-9", {1, 2, 3}, {0, 0, 5}}));
    CHECK(doc.find("poi-2")->anchor.normal == glm::dvec3(0, 0, 1));
    CHECK(doc.setTags(id, {"hall"}));
    CHECK(doc.setViewpoint(id, Viewpoint{{1, 2, 3}, 90, -10, 50}));
    CHECK(doc.setMedia(id, {PoiMedia{"media/x.png", {{"en", "x"}}, ""}}));
    CHECK(doc.movePoi("poi-0", 3));
    CHECK(doc.deletePoi("poi-1"));
    CHECK(doc.file().retiredIds == std::vector<std::string>{"old-gate", "poi-1"});

    CHECK(doc.dirty());
    const PoiFile final = doc.file();
    CHECK(final.pois.size() == 3);
    CHECK(final.pois.back().id == "poi-0");
    CHECK(doc.history().undoCount() == 10);  // add, 2 typing runs, title, move, tags, view, media, reorder, delete

    while (doc.undo()) {}
    CHECK(doc.file().pois == original.pois);
    CHECK(doc.file().retiredIds == original.retiredIds);
    CHECK_FALSE(doc.dirty());
    while (doc.redo()) {}
    CHECK(doc.file().pois == final.pois);
    CHECK(doc.file().retiredIds == final.retiredIds);
    CHECK(doc.dirty());
}

TEST_CASE("Typing merges into one step per field and language until endTyping", "[poi][history]") {
    PoiDocument doc(test::sampleFile(1), fixedClock());
    type(doc, "poi-0", "en", "Gate", false);
    CHECK(doc.history().undoCount() == 1);
    CHECK(doc.undoLabel() == "edit title (en)");
    type(doc, "poi-0", "zh", "门", false);  // another language: a new step
    CHECK(doc.history().undoCount() == 2);
    type(doc, "poi-0", "zh", "门楼", false);  // same field, still typing
    CHECK(doc.history().undoCount() == 2);
    doc.endTyping();
    type(doc, "poi-0", "zh", "午门", false);
    CHECK(doc.history().undoCount() == 3);
    CHECK_FALSE(doc.setTitle("poi-0", "zh", "午门"));  // unchanged: nothing recorded
    CHECK_FALSE(doc.setTitle("nope", "zh", "x"));
    CHECK(doc.history().undoCount() == 3);
    REQUIRE(doc.undo());
    CHECK(doc.find("poi-0")->title.at("zh") == "门楼");
    REQUIRE(doc.undo());
    CHECK(doc.find("poi-0")->title.at("zh") == "午门 0");
    REQUIRE(doc.undo());
    CHECK(doc.find("poi-0")->title.at("en") == "Meridian Gate 0 v0");
    // Empty text removes the language; undo brings it back.
    CHECK(doc.setTitle("poi-0", "en", ""));
    CHECK(doc.find("poi-0")->title.count("en") == 0);
    doc.undo();
    CHECK(doc.find("poi-0")->title.count("en") == 1);
}

TEST_CASE("The dirty flag follows the save point through undo, redo and new edits", "[poi][history]") {
    EditHistory h;
    PoiFile f = test::sampleFile(2);
    const auto edit = [&](const std::string& title, const std::string& key = {}) {
        Poi p = f.pois[0];
        p.title["en"] = title;
        h.apply(f, EditStep{"t", key, {f.pois[0], 0}, {p, 0}});
    };
    CHECK_FALSE(h.dirty());
    edit("a");
    CHECK(h.dirty());
    h.markSaved();
    CHECK_FALSE(h.dirty());
    edit("b", "typing");
    edit("bc", "typing");
    CHECK(h.dirty());
    h.undo(f);
    CHECK_FALSE(h.dirty());
    h.redo(f);
    CHECK(h.dirty());
    h.markSaved();
    edit("bcd", "typing");  // typing right after a save is a new step, so it makes the file dirty
    CHECK(h.dirty());
    CHECK(h.undoCount() == 3);
    h.undo(f);
    h.undo(f);
    edit("z");  // the save point was in the redo steps just dropped: unreachable now
    h.undo(f);
    CHECK(h.dirty());
    const bool wasDirty = h.dirty();
    h.clear();
    CHECK(h.dirty() == wasDirty);
}

TEST_CASE("The history keeps at most its limit of steps", "[poi][history]") {
    PoiDocumentOptions o = fixedClock();
    o.historyLimit = 5;
    PoiDocument doc(test::sampleFile(1), o);
    for (int i = 0; i < 20; ++i) doc.setTags("poi-0", {"t" + std::to_string(i)});
    CHECK(doc.history().undoCount() == 5);
    while (doc.undo()) {}
    CHECK(doc.find("poi-0")->tags == std::vector<std::string>{"t14"});
    CHECK(doc.dirty());  // the saved state was forgotten, so it cannot be reached again
}

TEST_CASE("New ids are readable and never reuse a live or deleted id", "[poi][history]") {
    CHECK(slugify("Meridian Gate (Wumen)") == "meridian-gate-wumen");
    CHECK(slugify("午门") == "");
    CHECK(slugify("  --Ünïcode  gate!! ") == "n-code-gate");
    PoiDocument doc(PoiFile{}, fixedClock());
    Poi gate;
    gate.title = {{"en", "Gate"}};
    CHECK(doc.addPoi(gate) == "gate");
    CHECK(doc.addPoi(gate) == "gate-2");
    Poi zh;
    zh.title = {{"zh", "午门"}};
    CHECK(doc.addPoi(zh) == "poi-1");
    CHECK(doc.deletePoi("gate-2"));
    CHECK(doc.addPoi(gate) == "gate-3");  // gate-2 is retired
    Poi named = gate;
    named.id = "poi-1";  // taken: replaced
    CHECK(doc.addPoi(named) == "gate-4");
    named.id = "custom";
    CHECK(doc.addPoi(named) == "custom");
}
