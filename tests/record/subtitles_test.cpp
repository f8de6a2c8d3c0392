// Subtitles from a tour's stops (engine/record/subtitles.h, subtitle_files.h): cutting text into
// readable cues, sharing a dwell between them, clipping, language fallback, WebVTT and SRT.
#include <catch2/catch.hpp>

#include "record/subtitle_files.h"
#include "record/subtitles.h"

using namespace axis;

namespace {

Poi poiWith(const std::string& id, LangText title, LangText body) {
    Poi p;
    p.id = id;
    p.title = std::move(title);
    p.body = std::move(body);
    return p;
}

record::SubtitleRequest request(std::vector<std::string> languages) {
    record::SubtitleRequest r;
    r.languages = std::move(languages);
    r.fallbackLanguages = {"zh", "en"};
    return r;
}

}  // namespace

TEST_CASE("a stop's text becomes cues of at most two lines, title first, broken after sentences",
          "[record][subtitles]") {
    const auto cues = record::splitIntoCues(
        "Yongdingmen",
        "The central gate of the Outer City's southern wall. Built in 1553 under the Ming Jiajing "
        "Emperor, it was given a barbican in 1564. It was demolished in 1957.");
    REQUIRE(cues.size() == 4);
    CHECK(cues[0] == "Yongdingmen");  // The first sentence does not fit on the title's second line.
    for (const std::string& cue : cues) CHECK(cue.size() <= 2 * 42 + 12);
    CHECK(cues.back() == "It was demolished in 1957.");

    const auto zh = record::splitIntoCues(
        "永定门", "永定门是北京外城南墙的正门，也是中轴线的南端起点。始建于明嘉靖三十二年（1553年）。");
    REQUIRE(zh.size() == 3);
    CHECK(zh[0] == "永定门");
    CHECK(zh[1] == "永定门是北京外城南墙的正门，也是中轴线的南端起点。");
    CHECK(zh[2] == "始建于明嘉靖三十二年（1553年）。");
    // A sentence longer than two lines is cut after a clause, then after words.
    const auto clauses =
        record::splitIntoCues("", "一二三四五六七八九十，一二三四五六七八九十，一二三四五六七八九十。");
    REQUIRE(clauses.size() == 2);
    CHECK(clauses[0] == "一二三四五六七八九十，一二三四五六七八九十，");
    CHECK(record::splitIntoCues("Gate", "Hi there.") == std::vector<std::string>{"Gate\nHi there."});
}

TEST_CASE("reading time follows the characters: Chinese slower per character than English", "[record][subtitles]") {
    CHECK(record::readingSeconds("午门是紫禁城的正门，门前的广场宽阔。") == Approx(2.0));
    CHECK(record::readingSeconds(std::string(34, 'a')) == Approx(2.0));
    CHECK(record::readingSeconds("Hi") == Approx(1.0));  // At least a second.
    CHECK(record::captionText("**Bold** start\nsame paragraph.\n\nSecond.") == "Bold start same paragraph.");
}

TEST_CASE("cues share the dwell, are cut to the video and clipped with a warning when too long",
          "[record][subtitles]") {
    PoiFile pois;
    pois.pois.push_back(poiWith("short", {{"zh", "午门"}, {"en", "Meridian Gate"}},
                                {{"zh", "紫禁城的正门。"}, {"en", "The palace's front gate."}}));
    std::string longText;
    for (int i = 0; i < 12; ++i) longText += "Sentence number " + std::to_string(i) + " is here to be read slowly. ";
    pois.pois.push_back(poiWith("long", {{"zh", "长"}, {"en", "Long"}}, {{"zh", "短。"}, {"en", longText}}));
    const std::vector<record::Caption> captions{{1.0, 5.0, 0}, {10.0, 14.0, 1}};

    auto subtitles = record::makeSubtitles(captions, pois, {0, 20000}, request({"zh", "en"}));
    REQUIRE(subtitles.tracks.size() == 2);
    const auto& en = subtitles.tracks[1];
    CHECK(en.iso639 == "eng");
    CHECK(subtitles.tracks[0].iso639 == "zho");
    CHECK(en.cues.front().startMs == 1000);
    std::int64_t previousEnd = 0;
    for (const auto& cue : en.cues) {
        CHECK(cue.startMs >= previousEnd);
        CHECK(cue.endMs > cue.startMs);
        previousEnd = cue.endMs;
    }
    CHECK(en.cues.back().endMs == 14000);
    CHECK(en.cues.back().text.ends_with("…"));
    REQUIRE(subtitles.warnings.size() == 1);
    CHECK_THAT(subtitles.warnings[0], Catch::Contains("--subtitles en") && Catch::Contains("long"));

    // A slice of the video keeps the cues of the whole, cut and shifted.
    auto slice = record::makeSubtitles(captions, pois, {3000, 11000}, request({"en"}));
    REQUIRE_FALSE(slice.tracks[0].cues.empty());
    CHECK(slice.tracks[0].cues.front().startMs == 0);
    CHECK(slice.tracks[0].cues.back().endMs <= 8000);
    CHECK(slice.tracks[0].cues.back().startMs == 7000);  // The second stop starts at 10 s: 7 s into the slice.
}

TEST_CASE("a language without text for a stop falls back to the site's first language, warned once",
          "[record][subtitles]") {
    PoiFile pois;
    pois.pois.push_back(poiWith("a", {{"zh", "甲"}}, {{"zh", "第一站。"}}));
    pois.pois.push_back(poiWith("b", {{"zh", "乙"}}, {{"zh", "第二站。"}}));
    pois.pois.push_back(poiWith("c", {}, {}));
    const std::vector<record::Caption> captions{{0.0, 3.0, 0}, {5.0, 8.0, 1}, {9.0, 10.0, 2}};
    auto subtitles = record::makeSubtitles(captions, pois, {0, 10000}, request({"en", "fr"}));
    REQUIRE(subtitles.tracks.size() == 2);
    REQUIRE(subtitles.tracks[0].cues.size() == 2);
    CHECK(subtitles.tracks[0].cues[0].text == "甲\n第一站。");
    // Per language: one line for the stops shown in Chinese, one for the stop with no text at all.
    REQUIRE(subtitles.warnings.size() == 4);
    CHECK_THAT(subtitles.warnings[0], Catch::Contains("no en text for 2 stop(s)") && Catch::Contains("a (zh), b (zh)"));
    CHECK_THAT(subtitles.warnings[1], Catch::Contains("no text in any language for c"));
    CHECK_THAT(subtitles.warnings[2], Catch::Contains("no fr text"));
}

TEST_CASE("WebVTT and SRT sidecars: headers, timestamps, escaping and names", "[record][subtitles]") {
    record::SubtitleTrack track{"en", "eng", "English", {{0, 1500, "Gate\nA <b> & c"}, {3723004, 3724000, "Late"}}};
    CHECK(record::toWebVtt(track) ==
          "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nGate\nA &lt;b&gt; &amp; c\n\n2\n01:02:03.004 --> "
          "01:02:04.000\nLate\n");
    CHECK(record::toSrt(track) ==
          "1\n00:00:00,000 --> 00:00:01,500\nGate\nA <b> & c\n\n2\n01:02:03,004 --> 01:02:04,000\nLate\n\n");
    CHECK(record::sidecarPath("out/tour.mp4", "zh", "vtt") == "out/tour.zh.vtt");
    CHECK(record::findLanguage("zh")->iso639 == "zho");
    CHECK(record::findLanguage("zh-Hant")->iso639 == "zho");  // The demo's Traditional Chinese.
    CHECK(record::findLanguage("zh-Hant")->name == "繁體中文");
    CHECK_FALSE(record::findLanguage("xx"));
}
