#pragma once
// H.264 in MP4 through FFmpeg (libavcodec's libx264, libavformat, libswscale), made for
// publishing a flythrough on the web:
//   - yuv420p, limited ("TV") range, tagged BT.709 primaries, transfer and matrix: what browsers
//     and players assume for HD video, so colours match the sRGB render;
//   - "+faststart": the index sits before the media so a browser can play while downloading;
//   - constant frame rate: frame n has pts n in a 1/fps time base;
//   - reproducible: x264 runs with a fixed thread count (its bitstream depends on the count, not
//     on timing), codec and muxer are bit-exact and no creation time or library version is
//     written, so the same frames and settings give a byte-identical file on any machine with
//     the same FFmpeg and x264.
//   - optional: a profile, level and peak rate (output_format.h), the file's title, artist,
//     copyright and comment, and one switchable mov_text subtitle track per language (the first
//     on by default), tagged with its ISO 639-2 language and its name;
//   - optional: a soundtrack as one AAC-LC stream (aac_track.h), interleaved by time.
// The file is written as PATH.part and renamed over PATH by finish(), so a failed or abandoned
// recording never leaves a truncated PATH.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/error.h"
#include "record/aac_track.h"
#include "record/frame_sink.h"
#include "record/subtitles.h"

namespace axis::record {

/// The MP4's own tags (iTunes-style: ©nam, ©ART, cprt, ©cmt); empty fields are left out.
struct VideoMetadata {
    std::string title, artist, copyright, comment;
};

struct EncoderSettings {
    std::uint32_t width = 1920, height = 1080;  ///< Even; frames must have this size.
    int fps = 30;                               ///< 1..240.
    int crf = 20;                               ///< x264 constant rate factor, 0..51; lower is better.
    std::string preset = "medium";              ///< x264 preset: ultrafast .. veryslow.
    int threads = 1;  ///< x264 threads. Fixed, never "auto": the output depends on the count.
    int keyframeSeconds = 2;                    ///< A keyframe at least this often, for seeking.
    /// 360° video: tags the stream as an equirectangular panorama (Google's spherical video
    /// metadata, the sv3d/st3d boxes YouTube and players read). Frames should be 2:1.
    bool equirectangular = false;
    /// Stereo 360° (equirect_stereo.h): with `equirectangular`, also tags the frame as the left
    /// eye on top of the right (AVStereo3D top-bottom, the st3d box). Frames should be square.
    bool stereoTopBottom = false;
    std::string profile;  ///< x264 profile ("high"); empty: libx264 chooses.
    int level = 0;        ///< H.264 level_idc (40 = 4.0); 0: libx264 chooses.
    int maxKbps = 0, bufferKbits = 0;  ///< VBV cap on CRF's peaks; 0: none.
    VideoMetadata metadata;
    std::vector<SubtitleTrack> subtitles;  ///< In order; the first is the default track.
    AudioTrack audio;                      ///< No sound: no audio stream.
};

class VideoEncoder final : public FrameSink {
public:
    /// Opens the encoder and PATH.part. Fails naming the path (or the missing libx264).
    static Expected<std::unique_ptr<VideoEncoder>> open(const std::filesystem::path& path,
                                                        const EncoderSettings& settings);
    ~VideoEncoder() override;

    /// Converts (sRGB RGBA -> BT.709 limited-range yuv420p) and encodes. Frames get consecutive
    /// timestamps in the order written; `index` is ignored.
    Status write(Rgba8Image frame, std::int64_t index) override;
    /// Flushes the encoder, writes the index (faststart), closes and renames PATH.part to PATH.
    Status finish() override;

    struct State;

private:
    explicit VideoEncoder(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace axis::record
