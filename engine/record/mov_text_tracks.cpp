#include "record/mov_text_tracks.h"

#include <limits>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/mem.h>
}

namespace axis::record {
namespace {

// The mov_text encoder reads cues as ASS events and takes its default style (font, size,
// colours) from an ASS header: white sans-serif text, as players draw subtitles by default.
constexpr const char* kAssHeader =
    "[Script Info]\r\nScriptType: v4.00+\r\nPlayResX: 384\r\nPlayResY: 288\r\n\r\n"
    "[V4+ Styles]\r\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
    "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, "
    "MarginL, MarginR, MarginV, Encoding\r\n"
    "Style: Default,Sans,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\r\n\r\n"
    "[Events]\r\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n";

constexpr AVRational kMilliseconds{1, 1000};

// An ASS event line ("ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text"). Braces
// and backslashes would start override codes: they become their full-width forms, which read
// the same.
std::string assEvent(std::size_t order, const std::string& text) {
    std::string out = std::to_string(order) + ",0,Default,,0,0,0,,";
    for (char c : text) {
        if (c == '\n')
            out += "\\N";
        else if (c == '{')
            out += "\xEF\xBD\x9B";  // U+FF5B
        else if (c == '}')
            out += "\xEF\xBD\x9D";  // U+FF5D
        else if (c == '\\')
            out += "\xEF\xBC\xBC";  // U+FF3C
        else
            out += c;
    }
    return out;
}

Error avError(const std::string& path, const std::string& what, int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return makeError(path, what + ": " + text);
}

}  // namespace

MovTextTracks::~MovTextTracks() {
    for (Track& t : tracks_) avcodec_free_context(&t.codec);
}

Status MovTextTracks::add(AVFormatContext* format, const std::vector<SubtitleTrack>& tracks, const std::string& path) {
    path_ = path;
    const AVCodec* encoder = avcodec_find_encoder_by_name("mov_text");
    if (!encoder && !tracks.empty()) return makeError(path, "this FFmpeg has no mov_text subtitle encoder");
    for (const SubtitleTrack& cues : tracks) {
        Track& t = tracks_.emplace_back();
        t.cues = &cues;
        t.codec = avcodec_alloc_context3(encoder);
        if (!t.codec) return makeError(path, "out of memory creating a subtitle encoder");
        t.codec->time_base = kMilliseconds;
        t.codec->flags |= AV_CODEC_FLAG_BITEXACT;
        t.codec->subtitle_header = reinterpret_cast<std::uint8_t*>(av_strdup(kAssHeader));  // Freed with the context.
        t.codec->subtitle_header_size = int(std::char_traits<char>::length(kAssHeader));
        if (int e = avcodec_open2(t.codec, encoder, nullptr); e < 0) return avError(path, "cannot open mov_text", e);
        t.stream = avformat_new_stream(format, nullptr);
        if (!t.stream) return makeError(path, "out of memory creating a subtitle stream");
        if (int e = avcodec_parameters_from_context(t.stream->codecpar, t.codec); e < 0)
            return avError(path, "subtitle parameters", e);
        t.stream->time_base = kMilliseconds;
        t.stream->disposition = tracks_.size() == 1 ? AV_DISPOSITION_DEFAULT : 0;
        av_dict_set(&t.stream->metadata, "language", cues.iso639.c_str(), 0);
        // MP4 has no track title box (FFmpeg writes "title" in QuickTime files only); players
        // list an MP4 track by its handler name.
        av_dict_set(&t.stream->metadata, "title", cues.title.c_str(), 0);
        av_dict_set(&t.stream->metadata, "handler_name", cues.title.c_str(), 0);
    }
    return Ok{};
}

Status MovTextTracks::writeCue(AVFormatContext* format, Track& t) {
    const SubtitleCue& cue = t.cues->cues[t.next];
    const std::string event = assEvent(t.next, cue.text);
    AVSubtitleRect rect{};
    rect.type = SUBTITLE_ASS;
    rect.ass = const_cast<char*>(event.c_str());  // Only read by the encoder.
    AVSubtitleRect* rects[1] = {&rect};
    AVSubtitle subtitle{};
    subtitle.num_rects = 1;
    subtitle.rects = rects;
    subtitle.end_display_time = std::uint32_t(cue.endMs - cue.startMs);
    std::vector<std::uint8_t> buffer(1024 + 4 * event.size());
    const int size = avcodec_encode_subtitle(t.codec, buffer.data(), int(buffer.size()), &subtitle);
    if (size < 0)
        return avError(path_, "cannot encode subtitle " + t.cues->language + " #" + std::to_string(t.next + 1), size);
    AVPacket* packet = av_packet_alloc();
    if (!packet || av_new_packet(packet, size) < 0) {
        av_packet_free(&packet);
        return makeError(path_, "out of memory writing subtitles");
    }
    std::copy_n(buffer.data(), size, packet->data);
    packet->pts = packet->dts = av_rescale_q(cue.startMs, kMilliseconds, t.stream->time_base);
    packet->duration = av_rescale_q(cue.endMs - cue.startMs, kMilliseconds, t.stream->time_base);
    packet->stream_index = t.stream->index;
    packet->flags |= AV_PKT_FLAG_KEY;
    const int e = av_write_frame(format, packet);
    av_packet_free(&packet);
    if (e < 0) return avError(path_, "cannot write subtitles", e);
    ++t.next;
    return Ok{};
}

Status MovTextTracks::writeUntil(AVFormatContext* format, std::int64_t ms) {
    for (;;) {
        Track* earliest = nullptr;  // Across tracks in time order; ties by track order.
        for (Track& t : tracks_)
            if (t.next < t.cues->cues.size() && t.cues->cues[t.next].startMs <= ms &&
                (!earliest || t.cues->cues[t.next].startMs < earliest->cues->cues[earliest->next].startMs))
                earliest = &t;
        if (!earliest) return Ok{};
        if (Status s = writeCue(format, *earliest); !s) return s;
    }
}

}  // namespace axis::record
