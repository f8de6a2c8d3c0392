// Loudness (BS.1770-4 / EBU R128), peaks and the limiter, on signals with known answers, and
// against FFmpeg's ebur128 filter on the same file.
#include <catch2/catch.hpp>

#include <regex>

#include "audio/decode.h"
#include "audio/limiter.h"
#include "audio/loudness.h"
#include "audio/wav.h"
#include "audio/signals.h"
#include "support/run_command.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::audio;
using axis::test::concat;
using axis::test::noise;
using axis::test::sine;

TEST_CASE("A 1 kHz stereo sine at -23 dBFS measures -23 LUFS (EBU Tech 3341 case 1)", "[audio]") {
    const auto lufs = integratedLoudness(sine(1000.0, -23.0, 20.0));
    REQUIRE(lufs);
    CHECK(*lufs == Approx(-23.0).margin(0.1));
    const auto loud = integratedLoudness(sine(1000.0, -33.0, 20.0));
    REQUIRE(loud);
    CHECK(*loud == Approx(-33.0).margin(0.1));
}

TEST_CASE("The absolute gate ignores silence and the relative gate ignores quiet passages", "[audio]") {
    const auto withSilence = integratedLoudness(concat({sine(1000.0, -23.0, 10.0), silence(framesOf(10.0))}));
    REQUIRE(withSilence);
    CHECK(*withSilence == Approx(-23.0).margin(0.1));
    // -40 is 20 LU under -20, below the relative gate (about -33): it does not count.
    const auto withQuiet = integratedLoudness(concat({sine(1000.0, -20.0, 10.0), sine(1000.0, -40.0, 10.0)}));
    REQUIRE(withQuiet);
    CHECK(*withQuiet == Approx(-20.0).margin(0.15));
    // -26 is within 10 LU: it counts, and the mean lies between.
    const auto withNear = integratedLoudness(concat({sine(1000.0, -20.0, 10.0), sine(1000.0, -26.0, 10.0)}));
    REQUIRE(withNear);
    CHECK(*withNear < -20.5);
    CHECK(*withNear > -25.5);
}

TEST_CASE("Silence and sound shorter than one block have no loudness", "[audio]") {
    CHECK_FALSE(integratedLoudness(silence(framesOf(5.0))));
    CHECK_FALSE(integratedLoudness(sine(1000.0, -10.0, 0.3)));
    CHECK_FALSE(integratedLoudness(sine(1000.0, -75.0, 5.0)));  // Under the absolute gate.
}

TEST_CASE("K-weighting lifts highs and cuts lows", "[audio]") {
    const double low = *integratedLoudness(sine(30.0, -23.0, 10.0));
    const double high = *integratedLoudness(sine(8000.0, -23.0, 10.0));
    CHECK(low < -24.0);   // The RLB high-pass.
    CHECK(high > -20.0);  // The +4 dB shelf.
}

TEST_CASE("The true peak finds a peak between samples", "[audio]") {
    // fs/4 with a 45 degree phase: every sample sits at 0.707 of the wave's true peak of 1.0.
    Pcm pcm = silence(framesOf(1.0));
    for (std::size_t f = 0; f < pcm.frames(); ++f)
        pcm.samples[2 * f] = pcm.samples[2 * f + 1] =
            float(std::sin(std::numbers::pi / 2.0 * double(f) + std::numbers::pi / 4.0));
    CHECK(samplePeak(pcm) == Approx(std::sqrt(0.5)).margin(1e-4));
    CHECK(truePeak(pcm) == Approx(1.0).margin(0.02));
}

TEST_CASE("The limiter keeps every sample under its ceiling and leaves quiet sound alone", "[audio]") {
    Pcm pcm = concat({sine(440.0, -20.0, 1.0), sine(440.0, 6.0, 0.5), sine(440.0, -20.0, 2.5)});
    const Pcm before = pcm;
    const std::size_t lowered = limitPeaks(pcm, {});
    CHECK(lowered > 0);
    CHECK(samplePeak(pcm) <= dbToGain(-1.0) + 1e-6);
    // A second and a half after the loud part, at full gain again: samples as they were.
    const std::size_t quietFrom = framesOf(3.0);
    for (std::size_t i = quietFrom * 2; i < pcm.samples.size(); ++i) REQUIRE(pcm.samples[i] == before.samples[i]);
    Pcm quiet = sine(440.0, -6.0, 1.0);
    CHECK(limitPeaks(quiet, {}) == 0);
}

TEST_CASE("Normalisation reaches the target without clipping", "[audio]") {
    // Speech-like: loud bursts over a quiet floor, whose peaks would pass 0 dBFS at -10 LUFS.
    Pcm pcm = concat({noise(-30.0, 2.0, 7), sine(300.0, -12.0, 1.0), noise(-18.0, 2.0, 9), sine(2000.0, -3.0, 0.2),
                      noise(-24.0, 3.0, 11)});
    const Normalisation n = normalise(pcm, -10.0);
    REQUIRE(n.measured);
    CHECK(n.resultLufs == Approx(-10.0).margin(0.3));
    CHECK(*integratedLoudness(pcm) == Approx(-10.0).margin(0.3));
    CHECK(samplePeak(pcm) <= dbToGain(-1.0) + 1e-6);
    Pcm quiet = silence(framesOf(2.0));
    CHECK_FALSE(normalise(quiet, -16.0).measured);
}

namespace {

// The integrated loudness FFmpeg's ebur128 filter reports for `file` ("I: -23.0 LUFS").
double ffmpegLoudness(const std::filesystem::path& file) {
    const auto r = axis::test::runShell("ffmpeg -nostdin -hide_banner -nostats -i '" + file.string() +
                                        "' -af ebur128 -f null - 2>&1");
    REQUIRE(r.exitCode == 0);
    std::smatch m;
    const std::regex integrated(R"(Integrated loudness:\s*\n\s*I:\s*(-?[0-9.]+) LUFS)");
    REQUIRE(std::regex_search(r.output, m, integrated));
    return std::stod(m[1]);
}

}  // namespace

TEST_CASE("Integrated loudness agrees with FFmpeg's ebur128 filter within 0.5 LU", "[audio]") {
    const auto dir = axis::test::scratchDir("audio_ebur128");
    // Pink-ish programme: noise, tones across the spectrum, a quiet stretch the relative gate
    // drops and silence the absolute gate drops.
    const Pcm pcm =
        concat({noise(-14.0, 3.0, 3), sine(100.0, -9.0, 2.0), silence(framesOf(2.0)), sine(6000.0, -20.0, 2.0),
                noise(-45.0, 3.0, 5), sine(1000.0, -16.0, 2.0), noise(-26.0, 2.5, 8)});
    const auto file = dir / "programme.wav";
    REQUIRE(writeWav(file, pcm, WavFormat::Float32));
    const auto decoded = decodeFile(file);
    REQUIRE(decoded);
    REQUIRE(decoded->frames() == pcm.frames());
    const double ours = *integratedLoudness(*decoded);
    const double theirs = ffmpegLoudness(file);
    INFO("ours " << ours << " LUFS, ebur128 " << theirs << " LUFS");
    CHECK(std::fabs(ours - theirs) <= 0.5);
    // And after our normalisation, FFmpeg hears the target.
    Pcm normalised = *decoded;
    normalise(normalised, -16.0);
    const auto out = dir / "normalised.wav";
    REQUIRE(writeWav(out, normalised, WavFormat::Float32));
    CHECK(ffmpegLoudness(out) == Approx(-16.0).margin(0.5));
}
