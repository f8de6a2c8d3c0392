// Subtitle tracks from a recording's captions: which language's text each stop shows, how its
// cues share the dwell, and cutting them to the recorded slice (subtitles.h).
#include "record/subtitles.h"

#include <array>
#include <cmath>

namespace axis::record {
namespace {

// ISO 639-2/T codes: ISO/IEC 14496-12 (the MP4 'mdhd' box) names the terminology codes ("zho",
// not the bibliographic "chi").
constexpr std::array<LanguageInfo, 14> kLanguages{{
    {"zh", "zho", "中文"},
    {"zh-Hans", "zho", "简体中文"},  // Both scripts are "zho" in MP4; the track's title tells them apart.
    {"zh-Hant", "zho", "繁體中文"},
    {"en", "eng", "English"},
    {"fr", "fra", "Français"},
    {"de", "deu", "Deutsch"},
    {"es", "spa", "Español"},
    {"it", "ita", "Italiano"},
    {"pt", "por", "Português"},
    {"ru", "rus", "Русский"},
    {"ja", "jpn", "日本語"},
    {"ko", "kor", "한국어"},
    {"ar", "ara", "العربية"},
    {"mn", "mon", "Монгол"},
}};

// The stop's title and caption text in `language`, if it has either.
std::optional<std::pair<std::string, std::string>> textIn(const Poi& poi, const std::string& language) {
    const auto field = [&](const LangText& map) {
        const auto it = map.find(language);
        return it == map.end() ? std::string() : it->second;
    };
    std::string title = field(poi.title), text = captionText(field(poi.body));
    if (title.empty() && text.empty()) return std::nullopt;
    return std::pair(std::move(title), std::move(text));
}

struct StopText {
    std::string title, text;
    std::string language;  ///< The one used: the asked one, or a fallback.
};

std::optional<StopText> stopText(const Poi& poi, const std::string& language, const SubtitleRequest& request) {
    std::vector<std::string> order{language};
    order.insert(order.end(), request.fallbackLanguages.begin(), request.fallbackLanguages.end());
    for (const auto& [lang, title] : poi.title) order.push_back(lang);  // Then any: better than nothing.
    for (const std::string& lang : order)
        if (auto text = textIn(poi, lang)) return StopText{std::move(text->first), std::move(text->second), lang};
    return std::nullopt;
}

std::int64_t toMs(double seconds) { return std::llround(seconds * 1000.0); }

// Cue texts and their ends within [startMs, endMs]: shares of the dwell in proportion to reading
// time, as many cues as can be read in it (at least one). Returns whether text was cut.
bool timeCues(std::vector<std::string> texts, std::int64_t startMs, std::int64_t endMs, const SubtitleStyle& style,
              std::vector<SubtitleCue>& out) {
    const double dwell = double(endMs - startMs) / 1000.0;
    std::vector<double> reading;
    double total = 0.0;
    for (const std::string& text : texts) {
        const double r = readingSeconds(text, style);
        if (!reading.empty() && total + r > dwell) break;
        reading.push_back(r);
        total += r;
    }
    const bool clipped = reading.size() < texts.size();
    texts.resize(reading.size());
    if (clipped) texts.back() += "…";
    double before = 0.0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::int64_t from = startMs + std::llround(double(endMs - startMs) * before / total);
        before += reading[i];
        const std::int64_t to =
            i + 1 == texts.size() ? endMs : startMs + std::llround(double(endMs - startMs) * before / total);
        out.push_back({from, to, std::move(texts[i])});
    }
    return clipped;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

// The warnings of one track: stops cut short, stops shown in another language, stops left out.
void warnAbout(const std::string& language, const std::vector<std::string>& clipped,
               const std::vector<std::pair<std::string, std::string>>& fallbacks, const std::vector<std::string>& empty,
               std::vector<std::string>& warnings) {
    const std::string prefix = "--subtitles " + language + ": ";
    if (!clipped.empty())
        warnings.push_back(prefix + std::to_string(clipped.size()) +
                           " stop(s) have more text than their dwell gives time to read; their cues end with '…' "
                           "after the sentences that fit: " +
                           joinNames(clipped));
    if (!fallbacks.empty()) {
        std::vector<std::string> names;
        for (const auto& [poi, used] : fallbacks) names.push_back(poi + " (" + used + ")");
        warnings.push_back(prefix + "no " + language + " text for " + std::to_string(fallbacks.size()) +
                           " stop(s); shown in another language: " + joinNames(names));
    }
    if (!empty.empty()) warnings.push_back(prefix + "no text in any language for " + joinNames(empty) + "; no cue");
}

SubtitleTrack makeTrack(const LanguageInfo& info, const std::vector<Caption>& captions, const PoiFile& pois,
                        const VideoSpan& video, const SubtitleRequest& request, std::vector<std::string>& warnings) {
    SubtitleTrack track{std::string(info.code), std::string(info.iso639), std::string(info.name), {}};
    std::vector<std::string> clipped, empty;
    std::vector<std::pair<std::string, std::string>> fallbacks;
    for (const Caption& caption : captions) {
        const std::int64_t startMs = toMs(caption.start), endMs = toMs(caption.end);
        if (endMs <= video.startMs || startMs >= video.endMs || endMs <= startMs) continue;  // Not in this video.
        const Poi& poi = pois.pois[caption.poi];
        auto text = stopText(poi, track.language, request);
        if (!text) {
            empty.push_back(poi.id);
            continue;
        }
        if (text->language != track.language) fallbacks.emplace_back(poi.id, text->language);
        std::vector<SubtitleCue> cues;
        if (timeCues(splitIntoCues(text->title, text->text, request.style), startMs, endMs, request.style, cues))
            clipped.push_back(poi.id);
        for (SubtitleCue& cue : cues) {
            cue.startMs = std::max(cue.startMs, video.startMs) - video.startMs;
            cue.endMs = std::min(cue.endMs, video.endMs) - video.startMs;
            if (cue.endMs > cue.startMs) track.cues.push_back(std::move(cue));
        }
    }
    warnAbout(track.language, clipped, fallbacks, empty, warnings);
    return track;
}

}  // namespace

std::optional<LanguageInfo> findLanguage(std::string_view code) {
    for (const LanguageInfo& info : kLanguages)
        if (info.code == code) return info;
    return std::nullopt;
}

std::string knownLanguages() {
    std::string out;
    for (const LanguageInfo& info : kLanguages) out += (out.empty() ? "" : ", ") + std::string(info.code);
    return out;
}

Subtitles makeSubtitles(const std::vector<Caption>& captions, const PoiFile& pois, const VideoSpan& video,
                        const SubtitleRequest& request) {
    Subtitles out;
    for (const std::string& language : request.languages) {
        auto info = findLanguage(language);
        if (!info) {
            out.warnings.push_back("--subtitles: unknown language '" + language + "' (known: " + knownLanguages() +
                                   ")");
            continue;
        }
        out.tracks.push_back(makeTrack(*info, captions, pois, video, request, out.warnings));
    }
    return out;
}

}  // namespace axis::record
