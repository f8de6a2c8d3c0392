#pragma once
// The soundtrack of a recording (`axisview record --audio`): the tour's music bed looped under
// the whole video, and each stop's narration in one language, starting when the camera arrives
// at the stop (the start of its hold, label_overlay.h's Caption), the music ducked under it.
//
// Levels: each narration is first brought to `speechLufs` and the music to `musicLufs`, so voices
// recorded at different levels sound alike and the bed sits under them; then the mix is
// normalised to `targetLufs` with its peaks limited (audio/limiter.h).
//
// Problems are warnings, one line each, and the video is still made: a stop whose POI has no
// narration in the language (naming the POI and language), a sound file that cannot be decoded
// (its decoder's message, naming the file), a narration that runs into the next one.
#include <filesystem>
#include <string>
#include <vector>

#include "audio/mixer.h"
#include "audio/pcm.h"
#include "poi/poi.h"
#include "record/label_overlay.h"
#include "record/subtitles.h"

namespace axis::record {

enum class AudioMode { None, Narration, Music, Both };

/// "none", "narration", "music", "both"; nullopt for anything else.
std::optional<AudioMode> parseAudioMode(const std::string& text);

struct SoundtrackRequest {
    AudioMode mode = AudioMode::Both;
    std::string language = "zh";  ///< Narration language (a POI audio entry's "lang").
    std::filesystem::path music;  ///< Absolute; empty: no music.
    double targetLufs = -16.0;    ///< The mix's integrated loudness.
    double speechLufs = -16.0;    ///< Each narration before mixing.
    double musicLufs = -24.0;     ///< The bed before mixing: 8 LU under the voices, 20 when ducked.
    audio::DuckSettings duck;
    /// The whole path's span when `video` is a slice of it (record --from/--duration): the sound
    /// is made for the whole and cut, so a slice hears what the whole video has at that time
    /// (the music's place in its loop, the fades at the tour's ends, one loudness gain), as its
    /// frames are the whole's. Empty: the video is the whole.
    VideoSpan timeline;
};

struct Soundtrack {
    audio::Pcm sound;  ///< As long as the video; empty when nothing could be heard.
    std::vector<std::string> warnings;
    int narrations = 0;           ///< Stops with narration in the mix.
    double integratedLufs = 0.0;  ///< After normalisation (0 when empty).
};

/// The soundtrack of the video span `video` of a path whose holds are `stops`.
Soundtrack makeSoundtrack(const std::vector<Caption>& stops, const PoiFile& pois, const VideoSpan& video,
                          const SoundtrackRequest& request);

}  // namespace axis::record
