#pragma once
// Loudness as broadcasters and streaming platforms measure it: ITU-R BS.1770-4 / EBU R128.
//   - K-weighting: a high shelf (+4 dB above ~1.5 kHz, the head's effect) then a high-pass
//     (~38 Hz, the RLB curve), the standard's 48 kHz biquads;
//   - mean square per channel over 400 ms blocks overlapping by 75 % (a 100 ms hop), summed with
//     weight 1 for left and right; block loudness -0.691 + 10 log10(sum);
//   - gating: blocks under -70 LUFS are dropped (absolute gate), then blocks more than 10 LU
//     below the loudness of those left (relative gate); the integrated loudness is that of the
//     remaining blocks.
// Peaks: the sample peak, and the true peak (BS.1770-4 Annex 2: 4x oversampling by a windowed-
// sinc interpolator, the peak between samples that a DAC or lossy decoder reconstructs).
#include <optional>

#include "audio/pcm.h"

namespace axis::audio {

/// Integrated loudness in LUFS; nullopt when no block passes the absolute gate (silence, or
/// shorter than one 400 ms block).
std::optional<double> integratedLoudness(const Pcm& pcm);

/// Largest |sample|, linear (1.0 = full scale).
double samplePeak(const Pcm& pcm);

/// Largest |value| of the signal 4x oversampled, linear; >= samplePeak.
double truePeak(const Pcm& pcm);

}  // namespace axis::audio
