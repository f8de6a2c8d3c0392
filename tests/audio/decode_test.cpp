// Decoding sound files through FFmpeg: formats, resampling to 48 kHz stereo, and bad input named.
#include <catch2/catch.hpp>

#include <fstream>

#include "audio/decode.h"
#include "audio/loudness.h"
#include "audio/signals.h"
#include "audio/wav.h"
#include "core/file_io.h"
#include "support/run_command.h"
#include "support/test_support.h"

using namespace axis;
using namespace axis::audio;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("A 16-bit WAV decodes to the samples written", "[audio]") {
    const auto dir = axis::test::scratchDir("audio_decode_wav");
    const Pcm pcm = axis::test::sine(440.0, -6.0, 1.5);
    REQUIRE(writeWav(dir / "a.wav", pcm));
    const auto decoded = decodeFile(dir / "a.wav");
    REQUIRE(decoded);
    REQUIRE(decoded->frames() == pcm.frames());
    for (std::size_t i = 0; i < pcm.samples.size(); i += 97)
        REQUIRE(decoded->samples[i] == Approx(pcm.samples[i]).margin(1.0 / 32767));
}

TEST_CASE("Mono Ogg Vorbis at 22.05 kHz decodes to 48 kHz stereo of the same length", "[audio]") {
    const auto dir = axis::test::scratchDir("audio_decode_ogg");
    const auto file = dir / "mono.ogg";
    const auto r = axis::test::runShell(
        "ffmpeg -nostdin -v error -f lavfi -i 'sine=frequency=500:duration=2:sample_rate=22050' -ac 1 -c:a libvorbis "
        "'" +
        file.string() + "'");
    REQUIRE(r.exitCode == 0);
    const auto decoded = decodeFile(file);
    REQUIRE(decoded);
    CHECK(decoded->seconds() == Approx(2.0).margin(0.05));
    // Both sides carry the tone, equally.
    const std::size_t f = decoded->frames() / 2;
    CHECK(decoded->samples[2 * f] == Approx(decoded->samples[2 * f + 1]).margin(1e-6));
    CHECK(samplePeak(*decoded) > 0.05);
}

TEST_CASE("Bad sound files give one error naming the file", "[audio]") {
    const auto dir = axis::test::scratchDir("audio_decode_bad");
    SECTION("missing") {
        const auto r = decodeFile(dir / "missing.ogg");
        REQUIRE_FALSE(r);
        CHECK(contains(r.error().message, "missing.ogg"));
        CHECK(contains(r.error().message, "no such file"));
    }
    SECTION("not audio") {
        REQUIRE(saveFileAtomic(dir / "notes.ogg", std::string("these are not sounds, only words\n"), false));
        const auto r = decodeFile(dir / "notes.ogg");
        REQUIRE_FALSE(r);
        CHECK(contains(r.error().message, "notes.ogg"));
    }
    SECTION("a picture") {
        const auto png = dir / "still.png";
        REQUIRE(axis::test::runShell("ffmpeg -nostdin -v error -f lavfi -i color=c=red:s=16x16 -frames:v 1 '" +
                                     png.string() + "'")
                    .exitCode == 0);
        const auto r = decodeFile(png);
        REQUIRE_FALSE(r);
        CHECK(contains(r.error().message, "still.png"));
        CHECK(contains(r.error().message, "no audio"));
    }
    SECTION("truncated") {
        for (const char* ext : {"ogg", "wav", "m4a"}) {
            const auto file = dir / (std::string("cut.") + ext);
            REQUIRE(axis::test::runShell("ffmpeg -nostdin -v error -f lavfi -i 'sine=frequency=500:duration=20' '" +
                                         file.string() + "'")
                        .exitCode == 0);
            REQUIRE(decodeFile(file));  // Whole, it decodes.
            std::filesystem::resize_file(file, std::filesystem::file_size(file) / 3);
            const auto r = decodeFile(file);
            INFO(ext);
            REQUIRE_FALSE(r);
            CHECK(contains(r.error().message, file.filename().string()));
        }
    }
    SECTION("a folder") {
        std::filesystem::create_directories(dir / "folder.ogg");
        const auto r = decodeFile(dir / "folder.ogg");
        REQUIRE_FALSE(r);
        CHECK(contains(r.error().message, "folder.ogg"));
    }
}
