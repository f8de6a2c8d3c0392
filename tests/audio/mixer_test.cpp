// The mixer: clips where they are placed, with their gains; music looped and ducked under speech
// with smooth ramps.
#include <catch2/catch.hpp>

#include "audio/mixer.h"
#include "audio/signals.h"

using namespace axis;
using namespace axis::audio;
using axis::test::rmsDb;

TEST_CASE("Clips land at their start times with their gains", "[audio]") {
    MixPlan plan;
    plan.seconds = 4.0;
    auto tone = std::make_shared<Pcm>(axis::test::sine(1000.0, -6.0, 1.0));
    plan.speech.push_back({tone, 1.0, 0.0});
    plan.speech.push_back({tone, 2.5, -12.0});
    const Pcm out = mix(plan);
    REQUIRE(out.frames() == framesOf(4.0));
    CHECK(rmsDb(out, 0.0, 0.99) < -150.0);
    CHECK(rmsDb(out, 1.0, 2.0) == Approx(-9.03).margin(0.1));  // Sine RMS: peak - 3.01 dB.
    CHECK(rmsDb(out, 2.5, 3.5) == Approx(-21.03).margin(0.1));
    CHECK(rmsDb(out, 3.51, 4.0) < -150.0);
    // A clip running past the end is cut there; one starting before 0 loses its head.
    plan.speech = {{tone, 3.5, 0.0}, {tone, -0.5, 0.0}};
    const Pcm cut = mix(plan);
    CHECK(cut.frames() == framesOf(4.0));
    CHECK(rmsDb(cut, 0.0, 0.5) == Approx(-9.03).margin(0.1));
    CHECK(rmsDb(cut, 0.5, 3.5) < -150.0);
}

TEST_CASE("Music loops and is 12 dB quieter under speech, with smooth ramps", "[audio]") {
    MixPlan plan;
    plan.seconds = 12.0;
    plan.fadeSeconds = 0.5;
    plan.music = std::make_shared<Pcm>(axis::test::sine(220.0, -10.0, 2.5));  // Looped nearly 5 times.
    auto speech = std::make_shared<Pcm>(silence(framesOf(3.0)));              // Silent: only the duck is heard.
    plan.speech.push_back({speech, 5.0, 0.0});
    const Pcm out = mix(plan);
    const double open = rmsDb(out, 2.0, 4.0), ducked = rmsDb(out, 5.2, 7.8), after = rmsDb(out, 8.5, 10.5);
    CHECK(open == Approx(-13.01).margin(0.2));
    CHECK(after == Approx(-13.01).margin(0.2));
    CHECK(ducked == Approx(-25.01).margin(0.2));
    // Already down when the speech starts, back up 0.3 s after it ends.
    const std::vector<float> curve = duckingCurve(plan.speech, out.frames(), plan.duck);
    CHECK(curve[framesOf(4.69)] == Approx(0.0).margin(0.01));
    CHECK(curve[framesOf(5.0)] == Approx(-12.0).margin(0.01));
    CHECK(curve[framesOf(8.0)] == Approx(-12.0).margin(0.01));
    CHECK(curve[framesOf(8.31)] == Approx(0.0).margin(0.01));
    // No step larger than a smooth 300 ms raised-cosine ramp allows (about 0.0013 dB a frame).
    float steepest = 0.0f;
    for (std::size_t f = 1; f < curve.size(); ++f) steepest = std::max(steepest, std::fabs(curve[f] - curve[f - 1]));
    CHECK(steepest < 0.002f);
    // Fades at both ends.
    CHECK(std::fabs(out.samples[0]) < 1e-6f);
    CHECK(std::fabs(out.samples.back()) < 1e-3f);
}

TEST_CASE("Speech clips close together keep the music ducked between them", "[audio]") {
    auto speech = std::make_shared<Pcm>(silence(framesOf(1.0)));
    const std::vector<Clip> clips{{speech, 1.0, 0.0}, {speech, 2.4, 0.0}};  // A 0.4 s gap < attack + release.
    const auto curve = duckingCurve(clips, framesOf(5.0), {});
    CHECK(curve[framesOf(2.2)] == Approx(-12.0).margin(0.01));
}
