#pragma once
// Subtitles for a recording (`axisview record --subtitles zh,en`): one track per language, each
// stop's POI title and the first paragraph of its body shown while the camera dwells there (the
// same stretches and text as the burnt-in captions of label_overlay.h).
//
// A stop's text is cut into cues a viewer can read: at most `maxLines` lines each (counted at
// `cjkCharsPerLine` for Chinese, Japanese and Korean characters, `latinCharsPerLine` for others),
// broken after sentences, then clauses, then words (or single CJK characters). Cues share the
// dwell in proportion to their reading time (`cjkCharsPerSecond`, `latinCharsPerSecond`, the
// usual subtitling rates for adults). When the whole text needs longer than the dwell, the cues
// that fit are kept and the last ends in "…" (clipped, reported in a warning); the first cue is
// always kept, however short the dwell.
//
// Times are whole milliseconds from the start of the video: a recording of a slice (--from,
// --duration) gets the cues of the whole cut to the slice, so slices and the whole agree. The
// result depends on its inputs only (no clock, no locale): the same tour gives the same bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "poi/poi.h"
#include "record/label_overlay.h"

namespace axis::record {

struct SubtitleCue {
    std::int64_t startMs = 0, endMs = 0;  ///< From the start of the video; startMs < endMs.
    std::string text;                     ///< UTF-8; lines separated by '\n', never a blank line.
    bool operator==(const SubtitleCue&) const = default;
};

struct SubtitleTrack {
    std::string language;  ///< As asked for: "zh", "en" (BCP 47, used in sidecar names).
    std::string iso639;    ///< ISO 639-2/T, as MP4 tracks declare their language: "zho", "eng".
    std::string title;     ///< The language's own name, for players' track menus: "中文", "English".
    std::vector<SubtitleCue> cues;
    bool operator==(const SubtitleTrack&) const = default;
};

struct LanguageInfo {
    std::string_view code, iso639, name;
};
/// The languages --subtitles knows (two-letter codes, and zh-Hans, zh-Hant), nullopt for others.
std::optional<LanguageInfo> findLanguage(std::string_view code);
/// "zh, en, fr, ..." for error messages.
std::string knownLanguages();

struct SubtitleStyle {
    double latinCharsPerSecond = 17.0, cjkCharsPerSecond = 9.0;
    double latinCharsPerLine = 42.0, cjkCharsPerLine = 16.0;
    int maxLines = 2;
    double minCueSeconds = 1.0;  ///< Even a short cue (a title) stays this long when the dwell allows.
};

/// The cue texts for one stop, in order (before timing and clipping): the title on the first
/// cue's first line, then `text` cut as described above.
std::vector<std::string> splitIntoCues(const std::string& title, const std::string& text,
                                       const SubtitleStyle& style = {});

/// Seconds a viewer needs to read `text`.
double readingSeconds(std::string_view text, const SubtitleStyle& style = {});

/// Plain text of the first paragraph of a POI body: markdown marks dropped (poi/markdown.h),
/// lines joined.
std::string captionText(const std::string& body);

/// The video's stretch of the recording, in milliseconds of the path's time.
struct VideoSpan {
    std::int64_t startMs = 0, endMs = 0;
};

struct SubtitleRequest {
    std::vector<std::string> languages;          ///< Codes findLanguage() knows, one track each, in order.
    std::vector<std::string> fallbackLanguages;  ///< For stops without text in a language: the site's, in order.
    SubtitleStyle style;
};

struct Subtitles {
    std::vector<SubtitleTrack> tracks;  ///< One per requested language, even when it has no cue.
    std::vector<std::string> warnings;  ///< One line per language and kind of problem.
};

/// The tracks for `captions` (captionsOf(path keys, pois)) within `video`. A stop with no text in
/// a language shows the first fallback language that has one (warned once per language); a stop
/// with no text at all has no cue.
Subtitles makeSubtitles(const std::vector<Caption>& captions, const PoiFile& pois, const VideoSpan& video,
                        const SubtitleRequest& request);

}  // namespace axis::record
