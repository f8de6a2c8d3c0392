#include "audio/limiter.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "audio/loudness.h"

namespace axis::audio {
namespace {

// The gain each frame needs so that its louder channel stays under `ceiling`.
std::vector<float> neededGain(const Pcm& pcm, double ceiling) {
    std::vector<float> need(pcm.frames(), 1.0f);
    for (std::size_t f = 0; f < need.size(); ++f) {
        const double peak = std::max(std::fabs(pcm.samples[2 * f]), std::fabs(pcm.samples[2 * f + 1]));
        if (peak > ceiling) need[f] = float(ceiling / peak);
    }
    return need;
}

// out[i] = min(in[i .. i + span - 1]), through a monotonic deque: O(n).
std::vector<float> forwardMinimum(const std::vector<float>& in, std::size_t span) {
    std::vector<float> out(in.size());
    std::deque<std::size_t> window;  // Indices with increasing values.
    std::size_t next = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        for (; next < std::min(in.size(), i + span); ++next) {
            while (!window.empty() && in[window.back()] >= in[next]) window.pop_back();
            window.push_back(next);
        }
        while (window.front() < i) window.pop_front();
        out[i] = in[window.front()];
    }
    return out;
}

// out[i] = mean(in[i - span + 1 .. i]), values before the start taken as 1 (no limiting).
std::vector<float> trailingMean(const std::vector<float>& in, std::size_t span) {
    std::vector<float> out(in.size());
    double sum = double(span);  // `span` ones before the start.
    for (std::size_t i = 0; i < in.size(); ++i) {
        sum += in[i] - (i >= span ? in[i - span] : 1.0);
        out[i] = float(sum / double(span));
    }
    return out;
}

}  // namespace

std::size_t limitPeaks(Pcm& pcm, const LimiterSettings& settings) {
    const double ceiling = dbToGain(settings.ceilingDb);
    const std::size_t span = std::max<std::size_t>(1, framesOf(settings.lookaheadSeconds));
    std::vector<float> gain = trailingMean(forwardMinimum(neededGain(pcm, ceiling), span), span);
    const double recover = 1.0 - std::exp(-1.0 / (settings.releaseSeconds * kSampleRate));
    double g = 1.0;
    std::size_t lowered = 0;
    for (std::size_t f = 0; f < gain.size(); ++f) {
        g = std::min(double(gain[f]), g + (1.0 - g) * recover);
        if (1.0 - g < 1e-5) g = 1.0;  // -0.0001 dB: recovered; leave the samples bit-exact.
        // Rounding in the mean could leave a hair over the ceiling; the need itself is exact.
        const double peak = std::max(std::fabs(pcm.samples[2 * f]), std::fabs(pcm.samples[2 * f + 1]));
        if (peak * g > ceiling) g = ceiling / peak;
        if (g < 1.0) {
            ++lowered;
            pcm.samples[2 * f] = float(pcm.samples[2 * f] * g);
            pcm.samples[2 * f + 1] = float(pcm.samples[2 * f + 1] * g);
        }
    }
    return lowered;
}

Normalisation normalise(Pcm& pcm, double targetLufs, const LimiterSettings& limiter) {
    Normalisation result;
    const auto before = integratedLoudness(pcm);
    if (!before) return result;
    result.measured = true;
    result.measuredLufs = *before;
    result.gainDb = targetLufs - *before;
    applyGain(pcm, dbToGain(result.gainDb));
    limitPeaks(pcm, limiter);
    double now = integratedLoudness(pcm).value_or(targetLufs);
    // The limiter took some loudness: make it up, a few times at most (each pass limits less,
    // as the peaks are already down).
    for (int pass = 0; pass < 4 && targetLufs - now > 0.05; ++pass) {
        applyGain(pcm, dbToGain(targetLufs - now));
        result.gainDb += targetLufs - now;
        limitPeaks(pcm, limiter);
        now = integratedLoudness(pcm).value_or(targetLufs);
    }
    result.resultLufs = now;
    return result;
}

}  // namespace axis::audio
