#include "audio/loudness.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace axis::audio {
namespace {

// A direct-form-I biquad: y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2. Double precision: the
// high-pass's poles sit close to 1 and float state would drift.
struct Biquad {
    double b0, b1, b2, a1, a2;
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    double operator()(double x) {
        const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
};

// BS.1770-4, Tables 1 and 2: the K-weighting filters' coefficients at 48 kHz.
Biquad shelf() { return {1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585}; }
Biquad highPass() { return {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621}; }

constexpr std::size_t kHop = kSampleRate / 10;  // 100 ms
constexpr std::size_t kBlockHops = 4;           // 400 ms blocks

double blockLoudness(double meanSquareSum) { return -0.691 + 10.0 * std::log10(meanSquareSum); }

// Per 100 ms hop, the sum over channels of the K-weighted squares.
std::vector<double> hopEnergies(const Pcm& pcm) {
    std::array<Biquad, kChannels> stage1{shelf(), shelf()}, stage2{highPass(), highPass()};
    std::vector<double> hops(pcm.frames() / kHop, 0.0);
    for (std::size_t h = 0; h < hops.size(); ++h) {
        double sum = 0.0;
        for (std::size_t f = h * kHop; f < (h + 1) * kHop; ++f)
            for (int c = 0; c < kChannels; ++c) {
                const double y = stage2[c](stage1[c](pcm.samples[f * kChannels + c]));
                sum += y * y;
            }
        hops[h] = sum;
    }
    return hops;
}

}  // namespace

std::optional<double> integratedLoudness(const Pcm& pcm) {
    const std::vector<double> hops = hopEnergies(pcm);
    if (hops.size() < kBlockHops) return std::nullopt;
    std::vector<double> blocks;  // Mean square (channels summed) of each 400 ms block.
    blocks.reserve(hops.size());
    for (std::size_t b = 0; b + kBlockHops <= hops.size(); ++b) {
        double sum = 0.0;
        for (std::size_t h = b; h < b + kBlockHops; ++h) sum += hops[h];
        blocks.push_back(sum / double(kBlockHops * kHop));
    }
    const auto gatedMean = [&blocks](double gateLufs) -> std::optional<double> {
        double sum = 0.0;
        std::size_t n = 0;
        for (double z : blocks)
            if (z > 0.0 && blockLoudness(z) > gateLufs) {
                sum += z;
                ++n;
            }
        if (n == 0) return std::nullopt;
        return sum / double(n);
    };
    const auto absolute = gatedMean(-70.0);
    if (!absolute) return std::nullopt;
    const auto relative = gatedMean(blockLoudness(*absolute) - 10.0);
    return blockLoudness(relative ? *relative : *absolute);
}

double samplePeak(const Pcm& pcm) {
    double peak = 0.0;
    for (float s : pcm.samples) peak = std::max(peak, double(std::fabs(s)));
    return peak;
}

namespace {

// 4x oversampling: 3 interpolated phases between samples, each a 48-tap windowed sinc
// (Hann window; passband to ~20 kHz), enough to find inter-sample peaks within ~0.1 dB.
constexpr int kOversample = 4;
constexpr int kTaps = 48;

std::array<std::array<double, kTaps>, kOversample> interpolationPhases() {
    std::array<std::array<double, kTaps>, kOversample> phases{};
    for (int p = 0; p < kOversample; ++p)
        for (int k = 0; k < kTaps; ++k) {
            const double x = double(k - kTaps / 2 + 1) - double(p) / kOversample;  // Offset from the tap to the point.
            const double sinc = x == 0.0 ? 1.0 : std::sin(std::numbers::pi * x) / (std::numbers::pi * x);
            const double w = 0.5 + 0.5 * std::cos(std::numbers::pi * x / (kTaps / 2));
            phases[p][k] = sinc * w;
        }
    return phases;
}

}  // namespace

double truePeak(const Pcm& pcm) {
    static const auto phases = interpolationPhases();
    double peak = samplePeak(pcm);
    const std::ptrdiff_t n = std::ptrdiff_t(pcm.frames());
    for (int c = 0; c < kChannels; ++c)
        for (std::ptrdiff_t i = 0; i < n; ++i)
            for (int p = 1; p < kOversample; ++p) {
                double y = 0.0;
                for (int k = 0; k < kTaps; ++k) {
                    const std::ptrdiff_t j = i + k - kTaps / 2 + 1;
                    if (j >= 0 && j < n) y += phases[p][k] * pcm.samples[std::size_t(j) * kChannels + c];
                }
                peak = std::max(peak, std::fabs(y));
            }
    return peak;
}

}  // namespace axis::audio
