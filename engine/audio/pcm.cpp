#include "audio/pcm.h"

#include <cmath>
#include <limits>

namespace axis::audio {

std::size_t framesOf(double seconds) { return seconds <= 0.0 ? 0 : std::size_t(std::llround(seconds * kSampleRate)); }

double dbToGain(double db) { return std::pow(10.0, db / 20.0); }

double gainToDb(double gain) { return gain > 0.0 ? 20.0 * std::log10(gain) : -std::numeric_limits<double>::infinity(); }

void applyGain(Pcm& pcm, double gain) {
    for (float& s : pcm.samples) s = float(s * gain);
}

Pcm silence(std::size_t frames) {
    Pcm pcm;
    pcm.samples.assign(frames * kChannels, 0.0f);
    return pcm;
}

}  // namespace axis::audio
