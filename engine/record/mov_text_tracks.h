#pragma once
// Subtitle tracks inside an MP4 (video_encoder.cpp's helper): one mov_text (3GPP timed text)
// stream per SubtitleTrack, language-tagged, the first marked default, its cues written in time
// order between the video packets. Private to engine/record: FFmpeg types stay opaque here.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "record/subtitles.h"

struct AVCodecContext;
struct AVFormatContext;
struct AVPacket;
struct AVStream;

namespace axis::record {

class MovTextTracks {
public:
    MovTextTracks() = default;
    ~MovTextTracks();
    MovTextTracks(const MovTextTracks&) = delete;
    MovTextTracks& operator=(const MovTextTracks&) = delete;

    /// Adds the streams to `format` before its header is written; `tracks` must outlive this.
    /// Errors name `path`.
    Status add(AVFormatContext* format, const std::vector<SubtitleTrack>& tracks, const std::string& path);
    /// Writes every cue not yet written that starts at or before `ms` (INT64_MAX: all), in time
    /// order across tracks.
    Status writeUntil(AVFormatContext* format, std::int64_t ms);

private:
    struct Track {
        AVCodecContext* codec = nullptr;
        AVStream* stream = nullptr;
        const SubtitleTrack* cues = nullptr;
        std::size_t next = 0;
    };
    Status writeCue(AVFormatContext* format, Track& track);

    std::vector<Track> tracks_;
    std::string path_;
};

}  // namespace axis::record
