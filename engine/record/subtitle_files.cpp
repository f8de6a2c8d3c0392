#include "record/subtitle_files.h"

#include <cstdio>

#include "core/file_io.h"

namespace axis::record {
namespace {

std::string timestamp(std::int64_t ms, char fractionSeparator) {
    char text[32];
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld%c%03lld", static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60), fractionSeparator,
                  static_cast<long long>(ms % 1000));
    return text;
}

std::string escapeWebVtt(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string toWebVtt(const SubtitleTrack& track) {
    std::string out = "WEBVTT\n";
    for (std::size_t i = 0; i < track.cues.size(); ++i) {
        const SubtitleCue& cue = track.cues[i];
        out += "\n" + std::to_string(i + 1) + "\n" + timestamp(cue.startMs, '.') + " --> " + timestamp(cue.endMs, '.') +
               "\n" + escapeWebVtt(cue.text) + "\n";
    }
    return out;
}

std::string toSrt(const SubtitleTrack& track) {
    std::string out;
    for (std::size_t i = 0; i < track.cues.size(); ++i) {
        const SubtitleCue& cue = track.cues[i];
        out += std::to_string(i + 1) + "\n" + timestamp(cue.startMs, ',') + " --> " + timestamp(cue.endMs, ',') + "\n" +
               cue.text + "\n\n";
    }
    return out;
}

std::filesystem::path sidecarPath(const std::filesystem::path& video, const std::string& language,
                                  const std::string& extension) {
    std::filesystem::path out = video;
    out.replace_extension(language + "." + extension);
    return out;
}

Status writeSidecars(const SubtitleTrack& track, const std::filesystem::path& video) {
    if (Status s = saveFileAtomic(sidecarPath(video, track.language, "vtt"), toWebVtt(track), false); !s) return s;
    return saveFileAtomic(sidecarPath(video, track.language, "srt"), toSrt(track), false);
}

}  // namespace axis::record
