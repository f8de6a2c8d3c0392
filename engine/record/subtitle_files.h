#pragma once
// Subtitle tracks as sidecar files beside a video, for players and web pages (<track> takes
// WebVTT; SRT for editors and platforms that want it): OUT.LANG.vtt and OUT.LANG.srt beside
// OUT.mp4. UTF-8 without a byte-order mark, '\n' line ends, cues numbered from 1.
#include <filesystem>
#include <string>

#include "core/error.h"
#include "record/subtitles.h"

namespace axis::record {

/// "WEBVTT" then the cues; '&', '<' and '>' escaped as WebVTT requires.
std::string toWebVtt(const SubtitleTrack& track);
/// SubRip: number, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text, blank line.
std::string toSrt(const SubtitleTrack& track);

/// OUT.LANG.EXT beside `video` (its extension replaced): "tour.mp4", "zh", "vtt" -> "tour.zh.vtt".
std::filesystem::path sidecarPath(const std::filesystem::path& video, const std::string& language,
                                  const std::string& extension);

/// Writes both sidecars of `track` atomically, without backups; fails naming the file.
Status writeSidecars(const SubtitleTrack& track, const std::filesystem::path& video);

}  // namespace axis::record
