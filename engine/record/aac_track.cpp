#include "record/aac_track.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
}

#include <algorithm>

namespace axis::record {
namespace {

Error avFail(const std::string& path, const std::string& what, int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return makeError(path, what + ": " + text);
}

}  // namespace

AacTrack::~AacTrack() {
    av_packet_free(&held_);
    av_packet_free(&packet_);
    av_frame_free(&frame_);
    avcodec_free_context(&codec_);
}

Status AacTrack::add(AVFormatContext* format, const AudioTrack& track, const std::string& path) {
    path_ = path;
    if (!track.sound || track.sound->empty()) return Ok{};
    sound_ = track.sound;
    const AVCodec* aac = avcodec_find_encoder_by_name("aac");
    if (!aac) return makeError(path, "this FFmpeg has no AAC encoder");
    codec_ = avcodec_alloc_context3(aac);
    if (!codec_) return makeError(path, "out of memory creating the audio encoder");
    codec_->sample_fmt = AV_SAMPLE_FMT_FLTP;
    codec_->sample_rate = audio::kSampleRate;
    const AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    av_channel_layout_copy(&codec_->ch_layout, &stereo);
    codec_->bit_rate = track.bitrate;
    codec_->profile = FF_PROFILE_AAC_LOW;
    codec_->time_base = AVRational{1, audio::kSampleRate};
    codec_->thread_count = 1;
    codec_->flags |= AV_CODEC_FLAG_BITEXACT;
    if (format->oformat->flags & AVFMT_GLOBALHEADER) codec_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (int e = avcodec_open2(codec_, aac, nullptr); e < 0) return avFail(path, "cannot open the AAC encoder", e);
    stream_ = avformat_new_stream(format, nullptr);
    if (!stream_) return makeError(path, "out of memory creating the audio stream");
    if (int e = avcodec_parameters_from_context(stream_->codecpar, codec_); e < 0)
        return avFail(path, "audio parameters", e);
    stream_->time_base = codec_->time_base;
    av_dict_set(&stream_->metadata, "language", track.iso639.c_str(), 0);
    frame_ = av_frame_alloc();
    packet_ = av_packet_alloc();
    held_ = av_packet_alloc();
    if (!frame_ || !packet_ || !held_) return makeError(path, "out of memory");
    frame_->format = codec_->sample_fmt;
    frame_->nb_samples = codec_->frame_size;  // 1024 for AAC-LC.
    frame_->sample_rate = codec_->sample_rate;
    av_channel_layout_copy(&frame_->ch_layout, &codec_->ch_layout);
    if (int e = av_frame_get_buffer(frame_, 0); e < 0) return avFail(path, "cannot allocate an audio frame", e);
    return Ok{};
}

// The next 1024 frames of the soundtrack, split into the planar channels AAC takes; the last
// frame is shorter. After the end: the encoder is told to flush.
Status AacTrack::sendFrame() {
    const std::size_t total = sound_->frames();
    if (nextFrame_ >= total) {
        flushed_ = true;
        if (int e = avcodec_send_frame(codec_, nullptr); e < 0) return avFail(path_, "flushing the AAC encoder", e);
        return Ok{};
    }
    if (int e = av_frame_make_writable(frame_); e < 0) return avFail(path_, "audio frame buffer", e);
    const std::size_t n = std::min<std::size_t>(std::size_t(codec_->frame_size), total - nextFrame_);
    frame_->nb_samples = int(n);
    auto* left = reinterpret_cast<float*>(frame_->data[0]);
    auto* right = reinterpret_cast<float*>(frame_->data[1]);
    const float* in = sound_->samples.data() + nextFrame_ * audio::kChannels;
    for (std::size_t i = 0; i < n; ++i) {
        left[i] = in[2 * i];
        right[i] = in[2 * i + 1];
    }
    frame_->pts = std::int64_t(nextFrame_);
    nextFrame_ += n;
    if (int e = avcodec_send_frame(codec_, frame_); e < 0) return avFail(path_, "encoding audio failed", e);
    return Ok{};
}

// Writes received packets up to `ms`; one later than that is held for the next call.
Status AacTrack::drain(AVFormatContext* format, std::int64_t ms) {
    for (;;) {
        if (!held_->data) {
            const int e = avcodec_receive_packet(codec_, held_);
            if (e == AVERROR(EAGAIN) || e == AVERROR_EOF) return Ok{};
            if (e < 0) return avFail(path_, "encoding audio failed", e);
        }
        if (av_rescale_q(held_->dts, codec_->time_base, AVRational{1, 1000}) > ms) return Ok{};
        held_->stream_index = stream_->index;
        av_packet_rescale_ts(held_, codec_->time_base, stream_->time_base);
        const int w = av_write_frame(format, held_);
        av_packet_unref(held_);
        if (w < 0) return avFail(path_, "cannot write audio to the file", w);
    }
}

Status AacTrack::writeUntil(AVFormatContext* format, std::int64_t ms) {
    if (!codec_) return Ok{};
    for (;;) {
        if (Status s = drain(format, ms); !s) return s;
        if (held_->data || flushed_) return Ok{};  // Later than `ms`, or all written.
        // Fed up to a frame past `ms` (the encoder holds a frame or two back).
        if (Status s = sendFrame(); !s) return s;
    }
}

}  // namespace axis::record
