#include "audio/decode.h"

#include "audio/truncation.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <system_error>

namespace axis::audio {
namespace {

std::string avError(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

// Owns the FFmpeg objects of one decode; freed in any order of failure.
struct Decoder {
    std::string name;
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    SwrContext* swr = nullptr;
    AVPacket* packet = nullptr;
    AVFrame* frame = nullptr;
    int streamIndex = -1;
    Pcm out;

    ~Decoder() {
        av_frame_free(&frame);
        av_packet_free(&packet);
        swr_free(&swr);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
    }

    Error fail(const std::string& problem) const { return makeError(name, problem); }

    Status open(const std::filesystem::path& path);
    Status openResampler();
    Status append(const AVFrame* in);
    Status receive();
    Status run();
};

Status Decoder::open(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return fail("no such file");
    if (!std::filesystem::is_regular_file(path, ec)) return fail("not a regular file");
    if (int e = avformat_open_input(&format, path.c_str(), nullptr, nullptr); e < 0)
        return fail("not a sound file FFmpeg can read (" + avError(e) + ")");
    if (int e = avformat_find_stream_info(format, nullptr); e < 0)
        return fail("cannot read its streams (" + avError(e) + ")");
    const AVCodec* decoder = nullptr;
    streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
    if (streamIndex < 0 || !decoder)
        return fail(streamIndex == AVERROR_DECODER_NOT_FOUND ? "no decoder for its audio" : "holds no audio stream");
    codec = avcodec_alloc_context3(decoder);
    if (!codec) return fail("out of memory");
    if (int e = avcodec_parameters_to_context(codec, format->streams[streamIndex]->codecpar); e < 0)
        return fail("bad audio parameters (" + avError(e) + ")");
    // One thread: decoding is cheap next to rendering, and the result must not depend on timing.
    codec->thread_count = 1;
    if (int e = avcodec_open2(codec, decoder, nullptr); e < 0)
        return fail("cannot open its decoder (" + avError(e) + ")");
    packet = av_packet_alloc();
    frame = av_frame_alloc();
    if (!packet || !frame) return fail("out of memory");
    return Ok{};
}

// Set up from the first frame: some streams only say their layout and rate once decoded.
Status Decoder::openResampler() {
    AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    AVChannelLayout inLayout{};
    if (frame->ch_layout.nb_channels > 0 && frame->ch_layout.order != AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_copy(&inLayout, &frame->ch_layout);
    else
        av_channel_layout_default(&inLayout, frame->ch_layout.nb_channels > 0 ? frame->ch_layout.nb_channels : 1);
    const int e = swr_alloc_set_opts2(&swr, &stereo, AV_SAMPLE_FMT_FLT, kSampleRate, &inLayout,
                                      AVSampleFormat(frame->format), frame->sample_rate, 0, nullptr);
    av_channel_layout_uninit(&inLayout);
    if (e < 0 || !swr) return fail("cannot resample its audio (" + avError(e) + ")");
    if (int i = swr_init(swr); i < 0) return fail("cannot resample its audio (" + avError(i) + ")");
    return Ok{};
}

// Resamples `in` (nullptr: what the resampler still holds) onto the end of `out`.
Status Decoder::append(const AVFrame* in) {
    if (in && !swr)
        if (Status s = openResampler(); !s) return s;
    if (!swr) return Ok{};
    const int inFrames = in ? in->nb_samples : 0;
    const int room = swr_get_out_samples(swr, inFrames);
    if (room < 0) return fail("resampling failed");
    const std::size_t at = out.samples.size();
    out.samples.resize(at + std::size_t(room) * kChannels);
    std::uint8_t* dst = reinterpret_cast<std::uint8_t*>(out.samples.data() + at);
    const int got =
        swr_convert(swr, &dst, room, in ? const_cast<const std::uint8_t**>(in->extended_data) : nullptr, inFrames);
    if (got < 0) return fail("resampling failed (" + avError(got) + ")");
    out.samples.resize(at + std::size_t(got) * kChannels);
    if (out.seconds() > kMaxDecodeSeconds)
        return fail("longer than " + std::to_string(int(kMaxDecodeSeconds / 60)) + " minutes; cut it shorter");
    return Ok{};
}

Status Decoder::receive() {
    for (;;) {
        const int e = avcodec_receive_frame(codec, frame);
        if (e == AVERROR(EAGAIN) || e == AVERROR_EOF) return Ok{};
        if (e < 0) return fail("corrupt audio data (" + avError(e) + ")");
        Status s = append(frame);
        av_frame_unref(frame);
        if (!s) return s;
    }
}

Status Decoder::run() {
    for (;;) {
        const int r = av_read_frame(format, packet);
        if (r == AVERROR_EOF) break;
        if (r < 0) return fail("truncated or unreadable (" + avError(r) + ")");
        if (packet->stream_index != streamIndex) {
            av_packet_unref(packet);
            continue;
        }
        const int e = avcodec_send_packet(codec, packet);
        av_packet_unref(packet);
        if (e < 0 && e != AVERROR(EAGAIN)) return fail("corrupt audio data (" + avError(e) + ")");
        if (Status s = receive(); !s) return s;
    }
    avcodec_send_packet(codec, nullptr);
    if (Status s = receive(); !s) return s;
    if (Status s = append(nullptr); !s) return s;
    if (out.empty()) return fail("holds no decodable sound");
    return Ok{};
}

// A file cut short (a partial copy or download) is refused rather than played half a sentence:
// its container says so (truncation.h), or its stream declares a duration and delivers much less.
Status checkComplete(const Decoder& d, const std::filesystem::path& path) {
    if (auto problem = truncationProblem(path, d.format->iformat->name)) return d.fail(*problem);
    const AVStream* stream = d.format->streams[d.streamIndex];
    double declared = -1.0;
    if (stream->duration > 0) declared = double(stream->duration) * av_q2d(stream->time_base);
    if (declared <= 0.0) return Ok{};
    if (d.out.seconds() + 0.25 < 0.95 * declared) {
        char text[160];
        std::snprintf(text, sizeof text, "truncated: holds %.2f s of the %.2f s it declares", d.out.seconds(),
                      declared);
        return d.fail(text);
    }
    return Ok{};
}

}  // namespace

Expected<Pcm> decodeFile(const std::filesystem::path& path) {
    av_log_set_level(AV_LOG_QUIET);  // Our own message names the file and the problem.
    Decoder d;
    d.name = path.string();
    if (Status s = d.open(path); !s) return s.error();
    if (Status s = d.run(); !s) return s.error();
    if (Status s = checkComplete(d, path); !s) return s.error();
    return std::move(d.out);
}

}  // namespace axis::audio
