#pragma once
// A soundtrack from parts: clips placed on a timeline (narration), each with its own gain, over
// an optional music bed that loops for the whole length and steps back under speech ("ducking").
//
// Ducking follows the speech clips' placement, not their signal, so it is exact and the same on
// every run: the music's gain falls by `depthDb` over `attackSeconds` ending where a clip starts
// (already down when the voice begins), holds, and rises again over `releaseSeconds` after it
// ends. Ramps are raised cosines in dB: no clicks, no audible steps. Gaps between clips shorter
// than attack + release stay ducked rather than pumping. The music fades in and out over
// `fadeSeconds` at the ends of the soundtrack.
#include <memory>
#include <vector>

#include "audio/pcm.h"

namespace axis::audio {

struct Clip {
    std::shared_ptr<const Pcm> sound;
    double startSeconds = 0.0;  ///< Where it starts on the timeline; may be negative (its head is cut).
    double gainDb = 0.0;
};

struct DuckSettings {
    double depthDb = -12.0;
    double attackSeconds = 0.3;
    double releaseSeconds = 0.3;
};

struct MixPlan {
    double seconds = 0.0;  ///< Length of the result; clips beyond it are cut.
    std::vector<Clip> speech;
    std::shared_ptr<const Pcm> music;  ///< Optional; looped from the start.
    double musicGainDb = 0.0;
    double fadeSeconds = 2.0;  ///< Music fade-in and fade-out.
    DuckSettings duck;
};

/// The music's gain in dB at each frame of a `frames`-long timeline (0 where no speech is near).
std::vector<float> duckingCurve(const std::vector<Clip>& speech, std::size_t frames, const DuckSettings& duck);

/// Mixes `plan` into `plan.seconds` of sound (no normalisation or limiting: limiter.h).
Pcm mix(const MixPlan& plan);

}  // namespace axis::audio
