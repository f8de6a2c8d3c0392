#pragma once
// Keeping peaks under a ceiling, and loudness normalisation that relies on it.
//
// The limiter works offline on a whole signal: the gain at each frame is the smallest gain any
// frame in the next `lookahead` needs (so it is already down when a peak arrives), smoothed by a
// moving average over the same span (which keeps it at or below every frame's need: each
// averaged value already covers that frame), and it recovers towards 1 with a `release` time
// constant. Both channels share one gain, so the stereo image does not move. No delay is added:
// the whole signal is in memory.
#include "audio/pcm.h"

namespace axis::audio {

struct LimiterSettings {
    double ceilingDb = -1.0;  ///< Sample peaks end at or below this (dBFS). -1: room for AAC's overshoot.
    double lookaheadSeconds = 0.005;
    double releaseSeconds = 0.08;
};

/// Limits `pcm` in place; returns the number of frames whose gain was lowered.
std::size_t limitPeaks(Pcm& pcm, const LimiterSettings& settings = {});

struct Normalisation {
    double measuredLufs = 0.0;  ///< Before; meaningful only when `measured`.
    double gainDb = 0.0;        ///< Applied before limiting.
    double resultLufs = 0.0;    ///< After limiting.
    bool measured = false;      ///< False for silence: nothing was changed.
};

/// Scales `pcm` so its integrated loudness (loudness.h) is `targetLufs`, then limits its peaks to
/// the ceiling; when limiting costs loudness, makes up the difference and limits again (a few passes),
/// so the result is within a fraction of a LU of the target for material a limiter can carry.
/// Silence is left alone.
Normalisation normalise(Pcm& pcm, double targetLufs, const LimiterSettings& limiter = {});

}  // namespace axis::audio
