// Narration on POIs: audio media entries read, validated with JSON paths, kept on save (1.1),
// exchanged as Web Annotation Sound bodies, attached and removed through the undo history.
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "poi/media.h"
#include "poi/poi_document.h"
#include "poi/web_annotation.h"
#include "poi_fixtures.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

const char* kPoisWithAudio = R"({"format": "axisview-pois", "version": "1.1", "pois": [
  {"id": "wumen", "anchor": {"position": [0, 0, 0]}, "title": {"en": "Meridian Gate"},
   "media": [{"path": "media/wumen.jpg"},
             {"type": "audio", "lang": "zh", "src": "narration/wumen.zh.ogg"},
             {"type": "audio", "lang": "en", "src": "narration/wumen.en.ogg", "x_voice": "espeak"}]}]})";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Audio media entries are read and written back unchanged", "[poi][audio]") {
    const fs::path dir = test::scratchDir("poi_audio_read");
    test::writeText(dir / "a.pois.json", kPoisWithAudio);
    auto file = loadPois(dir / "a.pois.json");
    REQUIRE(file);
    CHECK(file->problems.empty());
    const Poi& p = file->pois.at(0);
    REQUIRE(p.media.size() == 3);
    CHECK_FALSE(p.media[0].isAudio());
    const PoiMedia* zh = findNarration(p, "zh");
    REQUIRE(zh);
    CHECK(zh->path == "narration/wumen.zh.ogg");
    CHECK(findNarration(p, "en")->extra == R"({"x_voice":"espeak"})");
    CHECK_FALSE(findNarration(p, "fr"));
    REQUIRE(savePois(*file, dir / "b.pois.json"));
    auto again = loadPois(dir / "b.pois.json");
    REQUIRE(again);
    CHECK(again->pois == file->pois);
    const std::string text = *readTextFile(dir / "b.pois.json");
    CHECK(contains(text, R"("src": "narration/wumen.zh.ogg")"));
    CHECK(contains(text, R"("version": "1.1")"));
}

TEST_CASE("A 1.0 file that gains narration is saved as 1.1", "[poi][audio]") {
    const fs::path dir = test::scratchDir("poi_audio_version");
    PoiFile file = test::sampleFile(1);
    file.pois[0].media = withNarration(file.pois[0].media, "zh", "narration/a.zh.ogg");
    REQUIRE(savePois(file, dir / "a.pois.json"));
    CHECK(contains(*readTextFile(dir / "a.pois.json"), R"("version": "1.1")"));
    file.pois[0].media = withoutNarration(file.pois[0].media, "zh");
    REQUIRE(savePois(file, dir / "b.pois.json"));
    CHECK(contains(*readTextFile(dir / "b.pois.json"), R"("version": "1.0")"));
}

TEST_CASE("Malformed audio entries are named by file and JSON path and kept for saving", "[poi][audio]") {
    const fs::path dir = test::scratchDir("poi_audio_bad");
    const std::pair<const char*, const char*> cases[] = {
        {R"({"type": "audio", "src": "n.ogg"})", "pois[0].media[0].lang: missing"},
        {R"({"type": "audio", "lang": "zh"})", "pois[0].media[0].src: missing"},
        {R"({"type": "audio", "lang": "", "src": "n.ogg"})", "pois[0].media[0].lang"},
        {R"({"type": "video", "src": "n.mp4"})", "pois[0].media[0].type: unknown media type \"video\""},
        {R"({"type": 3, "path": "a.jpg"})", "pois[0].media[0].type"},
    };
    for (const auto& [entry, expected] : cases) {
        INFO(entry);
        test::writeText(dir / "a.pois.json", std::string(R"({"format": "axisview-pois", "version": "1.1", "pois": [
          {"id": "a", "anchor": {"position": [0, 0, 0]}, "title": {"en": "A"}, "media": [)") +
                                                 entry + "]}]}");
        auto file = loadPois(dir / "a.pois.json");
        REQUIRE(file);
        REQUIRE(file->problems.size() == 1);
        CHECK(contains(file->problems[0], "a.pois.json"));
        CHECK(contains(file->problems[0], expected));
        CHECK(file->pois.empty());
        REQUIRE(file->rejected.size() == 1);  // Written back as it was.
    }
}

TEST_CASE("Narration travels through Web Annotation as Sound bodies", "[poi][audio][annotation]") {
    const fs::path dir = test::scratchDir("poi_audio_annotation");
    test::writeText(dir / "a.pois.json", kPoisWithAudio);
    auto file = loadPois(dir / "a.pois.json");
    REQUIRE(file);
    const std::string text = toWebAnnotation(*file);
    CHECK(contains(text, R"("type": "Sound")"));
    CHECK(contains(text, R"("format": "audio/ogg")"));
    auto back = fromWebAnnotation(text, "a.jsonld");
    REQUIRE(back);
    REQUIRE(back->pois.size() == 1);
    CHECK(back->pois[0].media == file->pois[0].media);
}

TEST_CASE("Attaching and removing narration are undoable edits", "[poi][audio]") {
    const fs::path dir = test::scratchDir("poi_audio_undo");
    test::writeText(dir / "voice.OGG", "ogg bytes");
    test::writeText(dir / "voice.txt", "words");
    PoiFile start = test::sampleFile(1);
    start.file = dir / "site" / "a.pois.json";
    fs::create_directories(dir / "site");
    PoiDocument doc(start);
    const std::string id = start.pois[0].id;
    auto copied = importAudio(doc.file(), dir / "voice.OGG");
    REQUIRE(copied);
    CHECK(*copied == "narration/voice.ogg");
    CHECK(*readTextFile(dir / "site" / "narration" / "voice.ogg") == "ogg bytes");
    CHECK_FALSE(importAudio(doc.file(), dir / "voice.txt"));
    REQUIRE(doc.setMedia(id, withNarration(doc.find(id)->media, "en", *copied)));
    REQUIRE(findNarration(*doc.find(id), "en"));
    REQUIRE(doc.setMedia(id, withNarration(doc.find(id)->media, "en", "narration/other.ogg")));  // Replaces.
    CHECK(findNarration(*doc.find(id), "en")->path == "narration/other.ogg");
    CHECK(doc.find(id)->media.size() == start.pois[0].media.size() + 1);
    REQUIRE(doc.setMedia(id, withoutNarration(doc.find(id)->media, "en")));
    CHECK_FALSE(findNarration(*doc.find(id), "en"));
    REQUIRE(doc.undo());
    CHECK(findNarration(*doc.find(id), "en")->path == "narration/other.ogg");
    REQUIRE(doc.undo());
    REQUIRE(doc.undo());
    CHECK_FALSE(findNarration(*doc.find(id), "en"));
    CHECK(doc.find(id)->media == start.pois[0].media);
}
