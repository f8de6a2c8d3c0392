#include "audio/mixer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace axis::audio {
namespace {

// 0 at x = 0 to 1 at x = 1, with zero slope at both ends.
double raisedCosine(double x) { return 0.5 - 0.5 * std::cos(std::numbers::pi * std::clamp(x, 0.0, 1.0)); }

std::ptrdiff_t frameAt(double seconds) { return std::ptrdiff_t(std::llround(seconds * kSampleRate)); }

struct Span {
    double start, end;  ///< Seconds.
};

// The speech clips' stretches, sorted, with gaps shorter than a release plus an attack merged.
std::vector<Span> speechSpans(const std::vector<Clip>& speech, const DuckSettings& duck) {
    std::vector<Span> spans;
    for (const Clip& c : speech)
        if (c.sound && !c.sound->empty()) spans.push_back({c.startSeconds, c.startSeconds + c.sound->seconds()});
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<Span> merged;
    for (const Span& s : spans) {
        if (!merged.empty() && s.start <= merged.back().end + duck.attackSeconds + duck.releaseSeconds)
            merged.back().end = std::max(merged.back().end, s.end);
        else
            merged.push_back(s);
    }
    return merged;
}

void addClip(Pcm& out, const Clip& clip) {
    if (!clip.sound) return;
    const float gain = float(dbToGain(clip.gainDb));
    const std::ptrdiff_t start = frameAt(clip.startSeconds);
    const std::ptrdiff_t n = std::ptrdiff_t(clip.sound->frames()), total = std::ptrdiff_t(out.frames());
    for (std::ptrdiff_t f = std::max<std::ptrdiff_t>(0, -start); f < n && start + f < total; ++f)
        for (int c = 0; c < kChannels; ++c)
            out.samples[std::size_t(start + f) * kChannels + c] +=
                gain * clip.sound->samples[std::size_t(f) * kChannels + c];
}

void addMusic(Pcm& out, const MixPlan& plan) {
    if (!plan.music || plan.music->empty()) return;
    const std::vector<float> duck = duckingCurve(plan.speech, out.frames(), plan.duck);
    const double base = dbToGain(plan.musicGainDb);
    const std::size_t loop = plan.music->frames(), total = out.frames();
    const double fade = std::max(1.0, plan.fadeSeconds * kSampleRate);
    for (std::size_t f = 0; f < total; ++f) {
        const double edge = std::min(double(f), double(total - 1 - f)) / fade;  // 0 at either end.
        const double gain = base * dbToGain(duck[f]) * raisedCosine(edge);
        const std::size_t m = f % loop;
        for (int c = 0; c < kChannels; ++c)
            out.samples[f * kChannels + c] += float(gain * plan.music->samples[m * kChannels + c]);
    }
}

}  // namespace

std::vector<float> duckingCurve(const std::vector<Clip>& speech, std::size_t frames, const DuckSettings& duck) {
    std::vector<float> curve(frames, 0.0f);
    const auto lower = [&curve](std::ptrdiff_t f, double db) {
        if (f >= 0 && f < std::ptrdiff_t(curve.size()))
            curve[std::size_t(f)] = std::min(curve[std::size_t(f)], float(db));
    };
    for (const Span& s : speechSpans(speech, duck)) {
        const std::ptrdiff_t a0 = frameAt(s.start - duck.attackSeconds), a1 = frameAt(s.start);
        const std::ptrdiff_t r0 = frameAt(s.end), r1 = frameAt(s.end + duck.releaseSeconds);
        const std::ptrdiff_t from = std::max<std::ptrdiff_t>(a0, 0),
                             to = std::min<std::ptrdiff_t>(r1, std::ptrdiff_t(frames));
        for (std::ptrdiff_t f = from; f < to; ++f) {
            double depth = 1.0;
            if (f < a1)
                depth = raisedCosine(double(f - a0) / double(std::max<std::ptrdiff_t>(1, a1 - a0)));
            else if (f >= r0)
                depth = 1.0 - raisedCosine(double(f - r0) / double(std::max<std::ptrdiff_t>(1, r1 - r0)));
            lower(f, duck.depthDb * depth);
        }
    }
    return curve;
}

Pcm mix(const MixPlan& plan) {
    Pcm out = silence(framesOf(plan.seconds));
    addMusic(out, plan);
    for (const Clip& clip : plan.speech) addClip(out, clip);
    return out;
}

}  // namespace axis::audio
