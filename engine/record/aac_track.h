#pragma once
// The sound of a recording inside its MP4 (video_encoder.cpp's helper): one AAC-LC stream
// (FFmpeg's native "aac" encoder, 48 kHz stereo, 160 kb/s by default), language-tagged, its
// packets written in time order between the video packets. Private to engine/record: FFmpeg
// types stay opaque here.
//
// Reproducible: the encoder runs single-threaded with AV_CODEC_FLAG_BITEXACT, and its input is
// the whole soundtrack, known before the first frame, so the same soundtrack gives the same
// packets on every run.
#include <cstdint>
#include <memory>
#include <string>

#include "audio/pcm.h"
#include "core/error.h"

struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVPacket;
struct AVStream;

namespace axis::record {

struct AudioTrack {
    std::shared_ptr<const audio::Pcm> sound;  ///< 48 kHz stereo; as long as the video.
    std::string iso639 = "und";               ///< ISO 639-2/T language of its speech, for players.
    int bitrate = 160000;                     ///< Bits per second.
};

class AacTrack {
public:
    AacTrack() = default;
    ~AacTrack();
    AacTrack(const AacTrack&) = delete;
    AacTrack& operator=(const AacTrack&) = delete;

    /// Adds the stream to `format` before its header is written (nothing when `track.sound` is
    /// empty). Errors name `path`.
    Status add(AVFormatContext* format, const AudioTrack& track, const std::string& path);
    /// Encodes and writes every packet that starts at or before `ms` (INT64_MAX: all, then the
    /// encoder's tail).
    Status writeUntil(AVFormatContext* format, std::int64_t ms);

private:
    Status sendFrame();
    Status drain(AVFormatContext* format, std::int64_t ms);

    AVCodecContext* codec_ = nullptr;
    AVStream* stream_ = nullptr;
    AVFrame* frame_ = nullptr;
    AVPacket* packet_ = nullptr;
    AVPacket* held_ = nullptr;  ///< A packet received but later than the last `ms` asked for.
    std::shared_ptr<const audio::Pcm> sound_;
    std::size_t nextFrame_ = 0;  ///< Next sample frame of `sound_` to encode.
    bool flushed_ = false;
    std::string path_;
};

}  // namespace axis::record
