#pragma once
// Sound as the rest of the audio module handles it: interleaved stereo float samples (left,
// right, left, ...) at 48 kHz, nominally within [-1, 1]. One rate and layout everywhere, so that
// clips mix by adding and times convert to frames by one multiplication; decode.h resamples
// whatever a file holds into it.
#include <cstddef>
#include <vector>

namespace axis::audio {

inline constexpr int kSampleRate = 48000;
inline constexpr int kChannels = 2;

struct Pcm {
    std::vector<float> samples;  ///< Interleaved L, R; size is even.

    std::size_t frames() const { return samples.size() / kChannels; }
    double seconds() const { return double(frames()) / kSampleRate; }
    bool empty() const { return samples.empty(); }
};

/// Frames in `seconds` (rounded to the nearest frame; negative gives 0).
std::size_t framesOf(double seconds);

/// 10^(dB/20).
double dbToGain(double db);
/// 20 log10(gain); -inf for 0.
double gainToDb(double gain);

/// Multiplies every sample by `gain` (linear).
void applyGain(Pcm& pcm, double gain);

/// Silence of `frames` frames.
Pcm silence(std::size_t frames);

}  // namespace axis::audio
