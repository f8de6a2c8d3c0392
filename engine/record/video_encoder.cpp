#include "record/video_encoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/opt.h>
#include <libavutil/spherical.h>
#include <libavutil/stereo3d.h>
#include <libswscale/swscale.h>
}

#include <limits>

#include "core/file_io.h"
#include "record/mov_text_tracks.h"

namespace axis::record {

struct VideoEncoder::State {
    std::filesystem::path path, partPath;
    EncoderSettings settings;
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    SwsContext* sws = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    std::int64_t nextPts = 0;
    bool finished = false;
    MovTextTracks subtitles;
    AacTrack audio;

    ~State() {
        sws_freeContext(sws);
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        if (format) {
            if (format->pb) avio_closep(&format->pb);
            avformat_free_context(format);
        }
        if (!finished && !partPath.empty() && !streamed()) {  // Never a device or FIFO given as the output.
            std::error_code ec;
            std::filesystem::remove(partPath, ec);
        }
    }

    /// Written where it goes (standard output, a device, a FIFO), not through PATH.part.
    bool streamed() const { return partPath == "pipe:1" || partPath == path; }

    Error fail(const std::string& what, int code) const {
        char text[AV_ERROR_MAX_STRING_SIZE] = {};
        av_strerror(code, text, sizeof text);
        return makeError(path.string(), what + ": " + text);
    }

    Status openCodec();
    Status openOutput();
    Status openConverter();
    Status drain();
};

namespace {

void tagBt709(AVCodecContext* c) {
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    c->colorspace = AVCOL_SPC_BT709;
    c->color_range = AVCOL_RANGE_MPEG;
}

// Equirectangular spherical-video side data on the stream; the mov muxer writes it as sv3d
// (and no st3d, which players then take as monoscopic). Yaw, pitch and roll stay 0: the
// panorama is already level.
Status tagEquirectangular(AVFormatContext* format, AVStream* stream, const std::string& path) {
    size_t size = 0;
    AVSphericalMapping* spherical = av_spherical_alloc(&size);
    if (!spherical) return makeError(path, "out of memory tagging the 360° video");
    spherical->projection = AV_SPHERICAL_EQUIRECTANGULAR;
    // Takes ownership of `spherical` on success only.
    if (av_stream_add_side_data(stream, AV_PKT_DATA_SPHERICAL, reinterpret_cast<std::uint8_t*>(spherical), size) < 0) {
        av_free(spherical);
        return makeError(path, "cannot tag the stream as 360° video");
    }
    // The MP4 muxer writes spherical boxes only when told that non-standard boxes are wanted.
    format->strict_std_compliance = FF_COMPLIANCE_UNOFFICIAL;
    return Ok{};
}

// Top-bottom stereo side data; with FF_COMPLIANCE_UNOFFICIAL FFmpeg 5.1's mov muxer writes it as
// the st3d box (stereo_mode 1) beside sv3d, which is what headsets and YouTube read. Its flags
// stay 0: the muxer writes no st3d for any other (left eye on top, as ODS frames are).
Status tagTopBottom(AVStream* stream, const std::string& path) {
    AVStereo3D* stereo = av_stereo3d_alloc();
    if (!stereo) return makeError(path, "out of memory tagging the stereo video");
    stereo->type = AV_STEREO3D_TOPBOTTOM;
    if (av_stream_add_side_data(stream, AV_PKT_DATA_STEREO3D, reinterpret_cast<std::uint8_t*>(stereo),
                                sizeof(AVStereo3D)) < 0) {
        av_free(stereo);
        return makeError(path, "cannot tag the stream as stereo video");
    }
    return Ok{};
}

void tagMetadata(AVFormatContext* format, const VideoMetadata& metadata) {
    const std::pair<const char*, const std::string*> tags[] = {{"title", &metadata.title},
                                                               {"artist", &metadata.artist},
                                                               {"copyright", &metadata.copyright},
                                                               {"comment", &metadata.comment}};
    for (const auto& [key, value] : tags)
        if (!value->empty()) av_dict_set(&format->metadata, key, value->c_str(), 0);
}

}  // namespace

Status VideoEncoder::State::openCodec() {
    const AVCodec* x264 = avcodec_find_encoder_by_name("libx264");
    if (!x264) return makeError(path.string(), "this FFmpeg has no libx264 encoder");
    codec = avcodec_alloc_context3(x264);
    if (!codec) return makeError(path.string(), "out of memory creating the encoder");
    codec->width = int(settings.width);
    codec->height = int(settings.height);
    codec->time_base = AVRational{1, settings.fps};
    codec->framerate = AVRational{settings.fps, 1};
    codec->pix_fmt = AV_PIX_FMT_YUV420P;
    codec->gop_size = settings.fps * settings.keyframeSeconds;
    codec->thread_count = settings.threads;
    codec->flags |= AV_CODEC_FLAG_BITEXACT;
    tagBt709(codec);
    if (format->oformat->flags & AVFMT_GLOBALHEADER) codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(codec->priv_data, "preset", settings.preset.c_str(), 0);
    av_opt_set(codec->priv_data, "crf", std::to_string(settings.crf).c_str(), 0);
    if (!settings.profile.empty()) av_opt_set(codec->priv_data, "profile", settings.profile.c_str(), 0);
    if (settings.level > 0) codec->level = settings.level;
    if (settings.maxKbps > 0) {  // CRF within a peak rate (VBV), as the level and players expect.
        codec->rc_max_rate = std::int64_t(settings.maxKbps) * 1000;
        codec->rc_buffer_size = settings.bufferKbits * 1000;
    }
    if (int e = avcodec_open2(codec, x264, nullptr); e < 0) return fail("cannot open libx264", e);
    return Ok{};
}

Status VideoEncoder::State::openOutput() {
    stream = avformat_new_stream(format, nullptr);
    if (!stream) return makeError(path.string(), "out of memory creating the video stream");
    if (int e = avcodec_parameters_from_context(stream->codecpar, codec); e < 0) return fail("encoder parameters", e);
    stream->time_base = codec->time_base;  // The muxer may refine it; packets are rescaled.
    stream->avg_frame_rate = codec->framerate;
    if (settings.equirectangular)
        if (Status st = tagEquirectangular(format, stream, path.string()); !st) return st;
    if (settings.equirectangular && settings.stereoTopBottom)
        if (Status st = tagTopBottom(stream, path.string()); !st) return st;
    format->flags |= AVFMT_FLAG_BITEXACT;  // No library version string in the file.
    tagMetadata(format, settings.metadata);
    if (Status st = subtitles.add(format, settings.subtitles, path.string()); !st) return st;
    if (Status st = audio.add(format, settings.audio, path.string()); !st) return st;
    if (int e = avio_open(&format->pb, partPath.c_str(), AVIO_FLAG_WRITE); e < 0) return fail("cannot create file", e);
    AVDictionary* options = nullptr;
    // A pipe cannot be rewound to put the index in front: fragments carry their own instead.
    av_dict_set(&options, "movflags", streamed() ? "+frag_keyframe+empty_moov+default_base_moof" : "+faststart", 0);
    const int e = avformat_write_header(format, &options);
    av_dict_free(&options);
    if (e < 0) return fail("cannot write the MP4 header", e);
    return Ok{};
}

Status VideoEncoder::State::openConverter() {
    const int w = int(settings.width), h = int(settings.height);
    // Accurate rounding and bit-exact arithmetic keep the conversion identical across CPUs'
    // SIMD paths; bicubic chroma downsampling avoids colour fringes on edges.
    sws = sws_getContext(w, h, AV_PIX_FMT_RGBA, w, h, AV_PIX_FMT_YUV420P,
                         SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT, nullptr, nullptr, nullptr);
    if (!sws) return makeError(path.string(), "cannot create the RGB to YUV converter");
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    // Source: full-range RGB; destination: BT.709 matrix, limited range (16..235).
    sws_setColorspaceDetails(sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
    frame = av_frame_alloc();
    packet = av_packet_alloc();
    if (!frame || !packet) return makeError(path.string(), "out of memory");
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = w;
    frame->height = h;
    frame->color_primaries = AVCOL_PRI_BT709;
    frame->color_trc = AVCOL_TRC_BT709;
    frame->colorspace = AVCOL_SPC_BT709;
    frame->color_range = AVCOL_RANGE_MPEG;
    if (int e = av_frame_get_buffer(frame, 0); e < 0) return fail("cannot allocate a frame", e);
    return Ok{};
}

Status VideoEncoder::State::drain() {
    for (;;) {
        const int e = avcodec_receive_packet(codec, packet);
        if (e == AVERROR(EAGAIN) || e == AVERROR_EOF) return Ok{};
        if (e < 0) return fail("encoding failed", e);
        // Subtitle cues go in time order between the video packets: the muxer gets them
        // interleaved, and nothing is held back in memory.
        const std::int64_t videoMs = av_rescale_q(packet->dts, codec->time_base, AVRational{1, 1000});
        if (Status st = subtitles.writeUntil(format, videoMs); !st) return st;
        if (Status st = audio.writeUntil(format, videoMs); !st) return st;
        packet->stream_index = stream->index;
        av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
        const int w = av_write_frame(format, packet);
        av_packet_unref(packet);
        if (w < 0) return fail("cannot write to the file", w);
    }
}

VideoEncoder::VideoEncoder(std::unique_ptr<State> state) : state_(std::move(state)) {}
VideoEncoder::~VideoEncoder() = default;

Expected<std::unique_ptr<VideoEncoder>> VideoEncoder::open(const std::filesystem::path& path,
                                                          const EncoderSettings& settings) {
    if (settings.width % 2 || settings.height % 2 || settings.width == 0 || settings.height == 0)
        return makeError(path.string(), "H.264 yuv420p needs an even, non-zero width and height");
    if (settings.fps < 1 || settings.threads < 1) return makeError(path.string(), "fps and threads must be >= 1");
    auto s = std::make_unique<State>();
    s->path = path;
    s->settings = settings;
    av_log_set_level(AV_LOG_ERROR);  // x264's banner and statistics are noise on stderr.
    // "-" (standard output) and devices or FIFOs are written as they are, as a fragmented MP4;
    // a file goes to PATH.part, renamed once finished.
    s->partPath = isStandardOutput(path) ? "pipe:1" : isSpecialFile(path) ? path.string() : path.string() + ".part";
    // The muxer needs the file name: faststart reopens the file to move the index to the front.
    if (int e = avformat_alloc_output_context2(&s->format, nullptr, "mp4", s->partPath.c_str()); e < 0 || !s->format)
        return s->fail("cannot create an MP4 muxer", e);
    for (Status (State::*step)() : {&State::openCodec, &State::openOutput, &State::openConverter})
        if (Status st = (s.get()->*step)(); !st) return st.error();
    return std::unique_ptr<VideoEncoder>(new VideoEncoder(std::move(s)));
}

Status VideoEncoder::write(Rgba8Image image, std::int64_t) {
    State& s = *state_;
    if (image.width != s.settings.width || image.height != s.settings.height)
        return makeError(s.path.string(), "frame is " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                                              ", the video " + std::to_string(s.settings.width) + "x" +
                                              std::to_string(s.settings.height));
    if (int e = av_frame_make_writable(s.frame); e < 0) return s.fail("frame buffer", e);
    const std::uint8_t* src[1] = {image.pixels.data()};
    const int srcStride[1] = {int(image.width) * 4};
    sws_scale(s.sws, src, srcStride, 0, int(image.height), s.frame->data, s.frame->linesize);
    s.frame->pts = s.nextPts++;
    if (int e = avcodec_send_frame(s.codec, s.frame); e < 0) return s.fail("encoding failed", e);
    return s.drain();
}

Status VideoEncoder::finish() {
    State& s = *state_;
    if (int e = avcodec_send_frame(s.codec, nullptr); e < 0) return s.fail("flushing the encoder", e);
    if (Status st = s.drain(); !st) return st;
    constexpr std::int64_t kEveryCue = std::numeric_limits<std::int64_t>::max();
    if (Status st = s.subtitles.writeUntil(s.format, kEveryCue); !st) return st;
    if (Status st = s.audio.writeUntil(s.format, kEveryCue); !st) return st;
    if (int e = av_write_trailer(s.format); e < 0) return s.fail("cannot finish the MP4", e);
    if (int e = avio_closep(&s.format->pb); e < 0) return s.fail("cannot close the file", e);
    if (s.streamed()) {
        s.finished = true;
        return Ok{};
    }
    std::error_code ec;
    std::filesystem::rename(s.partPath, s.path, ec);
    if (ec) return makeError(s.path.string(), "cannot rename " + s.partPath.filename().string() + ": " + ec.message());
    s.finished = true;
    return Ok{};
}

}  // namespace axis::record
