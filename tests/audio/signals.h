#pragma once
// Test signals at 48 kHz stereo, made in code so every expected value is known.
#include <cmath>
#include <cstdint>
#include <numbers>

#include "audio/pcm.h"

namespace axis::test {

/// A sine of `hz` with peak `peakDb` dBFS on both channels, `seconds` long.
inline audio::Pcm sine(double hz, double peakDb, double seconds) {
    audio::Pcm pcm = audio::silence(audio::framesOf(seconds));
    const double a = audio::dbToGain(peakDb);
    for (std::size_t f = 0; f < pcm.frames(); ++f) {
        const float v = float(a * std::sin(2.0 * std::numbers::pi * hz * double(f) / audio::kSampleRate));
        pcm.samples[2 * f] = pcm.samples[2 * f + 1] = v;
    }
    return pcm;
}

/// Deterministic white noise (a 32-bit LCG), uniform with peak `peakDb`, different per channel.
inline audio::Pcm noise(double peakDb, double seconds, std::uint32_t seed = 1) {
    audio::Pcm pcm = audio::silence(audio::framesOf(seconds));
    const double a = audio::dbToGain(peakDb);
    for (float& s : pcm.samples) {
        seed = seed * 1664525u + 1013904223u;
        s = float(a * (double(seed >> 8) / double(1u << 24) * 2.0 - 1.0));
    }
    return pcm;
}

inline audio::Pcm concat(std::initializer_list<audio::Pcm> parts) {
    audio::Pcm out;
    for (const audio::Pcm& p : parts) out.samples.insert(out.samples.end(), p.samples.begin(), p.samples.end());
    return out;
}

/// RMS of both channels over [from, to) seconds.
inline double rmsDb(const audio::Pcm& pcm, double from, double to) {
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t f = audio::framesOf(from); f < std::min(pcm.frames(), audio::framesOf(to)); ++f, n += 2)
        sum +=
            double(pcm.samples[2 * f]) * pcm.samples[2 * f] + double(pcm.samples[2 * f + 1]) * pcm.samples[2 * f + 1];
    return n ? 10.0 * std::log10(sum / double(n)) : -200.0;
}

}  // namespace axis::test
