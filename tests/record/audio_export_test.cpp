// `record --audio`: a tour's music ducked under each stop's narration, normalised, as an AAC
// stream in the MP4; checked through ffprobe, FFmpeg's ebur128 filter and the decoded sound.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <numbers>
#include <regex>

#include <nlohmann/json.hpp>

#include "audio/decode.h"
#include "audio/wav.h"
#include "gpu/context.h"
#include "poi/media.h"
#include "poi/poi.h"
#include "record/soundtrack.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

using Run = test::CommandResult;

constexpr double kMusicHz = 150.0, kVoiceHz = 2000.0;

Run axisview(const std::string& args) { return test::runShell(std::string(AXIS_EXECUTABLE) + " " + args); }

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A steady tone: what the test can find again in the mix, at its own frequency.
audio::Pcm tone(double hz, double seconds, double peak) {
    audio::Pcm pcm = audio::silence(audio::framesOf(seconds));
    for (std::size_t f = 0; f < pcm.frames(); ++f)
        pcm.samples[2 * f] = pcm.samples[2 * f + 1] =
            float(peak * std::sin(2.0 * std::numbers::pi * hz * double(f) / audio::kSampleRate));
    return pcm;
}

Poi stop(const std::string& id, LangText title, const glm::dvec3& eye) {
    Poi p;
    p.id = id;
    p.anchor.position = {0, 0, 10};
    p.title = std::move(title);
    p.viewpoint = Viewpoint::lookAt(eye, {0, 0, 8}, 60.0);
    return p;
}

// One demo gate, a tour of three stops with a 150 Hz music bed; narration is a 2 kHz tone:
// south in zh and en, east in zh only, roof's zh file is missing.
fs::path writeSoundSite(const fs::path& dir) {
    fs::create_directories(dir / "narration");
    fs::create_directories(dir / "audio");
    REQUIRE(audio::writeWav(dir / "narration" / "voice.wav", tone(kVoiceHz, 1.5, 0.3)));
    REQUIRE(audio::writeWav(dir / "audio" / "bed.wav", tone(kMusicHz, 3.0, 0.5)));
    PoiFile pois;
    pois.pois.push_back(stop("south", {{"zh", "南面"}, {"en", "South face"}}, {0, -60, 6}));
    pois.pois.push_back(stop("east", {{"zh", "东面"}, {"en", "East face"}}, {50, -20, 8}));
    pois.pois.push_back(stop("roof", {{"zh", "屋顶"}}, {10, -30, 30}));
    pois.pois[0].media = withNarration(withNarration({}, "zh", "narration/voice.wav"), "en", "narration/voice.wav");
    pois.pois[1].media = withNarration({}, "zh", "narration/voice.wav");
    pois.pois[2].media = withNarration({}, "zh", "narration/roof.zh.ogg");
    REQUIRE(savePois(pois, dir / "sound.pois.json").ok());
    Site site;
    site.name = {{"zh", "有声城门"}, {"en", "Gate with sound"}};
    ModelPlacement gate;
    gate.id = "gate";
    gate.source = std::string(AXIS_DEMO_DIR) + "/models/yongdingmen.glb";
    site.models.push_back(gate);
    site.pois = "sound.pois.json";
    Tour tour{"short", {{"en", "Short"}}, {{"south", 2.0}, {"east", 3.0}, {"roof", 2.0}}, ""};
    tour.music = "audio/bed.wav";
    site.tours.push_back(tour);
    site.kiosk = KioskSettings{};
    REQUIRE(saveSite(site, dir / "sound.site.json").ok());
    return dir / "sound.site.json";
}

nlohmann::json probe(const fs::path& file) {
    Run r = test::runShell("ffprobe -v error -show_streams -show_format -of json '" + file.string() + "'",
                           test::StandardError::Discarded);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.output);
}

double ebur128(const fs::path& file) {
    Run r = test::runShell("ffmpeg -nostdin -hide_banner -nostats -i '" + file.string() +
                           "' -map 0:a -af ebur128 -f null - 2>&1");
    REQUIRE(r.exitCode == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.output, m, std::regex(R"(Integrated loudness:\s*\n\s*I:\s*(-?[0-9.]+) LUFS)")));
    return std::stod(m[1]);
}

// Power of `hz` in the left channel over [from, to) seconds (Goertzel), in dB.
double toneDb(const audio::Pcm& pcm, double hz, double from, double to) {
    const double w = 2.0 * std::numbers::pi * hz / audio::kSampleRate, coeff = 2.0 * std::cos(w);
    double s1 = 0.0, s2 = 0.0;
    const std::size_t a = audio::framesOf(from), b = std::min(pcm.frames(), audio::framesOf(to));
    for (std::size_t f = a; f < b; ++f) {
        const double s0 = pcm.samples[2 * f] + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 10.0 * std::log10(power / double(b - a) / double(b - a) + 1e-30);
}

// The start of the first WebVTT cue whose text begins with `title`.
double cueStart(const std::string& vtt, const std::string& title) {
    std::smatch m;
    const std::regex cue("(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d\\d\\d) --> [^\\n]*\\n" + title);
    REQUIRE(std::regex_search(vtt, m, cue));
    return std::stoi(m[1]) * 3600.0 + std::stoi(m[2]) * 60.0 + std::stoi(m[3]) + std::stoi(m[4]) / 1000.0;
}

}  // namespace

TEST_CASE("record --audio both mixes ducked music and narration into a reproducible AAC stream",
          "[record][app][audio]") {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
    const fs::path dir = test::scratchDir("record_audio");
    const fs::path site = writeSoundSite(dir);
    const std::string clip = "record '" + site.string() +
                             "' --tour short --fps 4 --size 96x64 --samples 1 --preset ultrafast --subtitles zh ";
    for (const char* name : {"a", "b"}) {
        Run r = axisview(clip + "-o '" + (dir / name).string() + ".mp4'");
        INFO(r.output);
        REQUIRE(r.exitCode == 0);
        CHECK_THAT(r.output, Catch::Contains("roof.zh.ogg") && Catch::Contains("no such file"));
    }
    CHECK(bytesOf(dir / "a.mp4") == bytesOf(dir / "b.mp4"));

    const auto info = probe(dir / "a.mp4");
    const double duration = std::stod(info["format"]["duration"].get<std::string>());
    const nlohmann::json* aac = nullptr;
    for (const auto& s : info["streams"])
        if (s["codec_type"] == "audio") aac = &s;
    REQUIRE(aac);
    CHECK((*aac)["codec_name"] == "aac");
    CHECK((*aac)["profile"] == "LC");
    CHECK((*aac)["sample_rate"] == "48000");
    CHECK((*aac)["channels"] == 2);
    CHECK((*aac)["tags"].value("language", "") == "zho");
    CHECK(std::stod((*aac)["duration"].get<std::string>()) == Approx(duration).margin(0.05));
    CHECK(ebur128(dir / "a.mp4") == Approx(-16.0).margin(1.0));

    // The music (150 Hz) is at least 8 dB quieter while the east stop's narration plays than in
    // the move before it; the narration (2 kHz) starts when the camera arrives.
    const fs::path wav = dir / "decoded.wav";
    REQUIRE(
        test::runShell("ffmpeg -nostdin -v error -i '" + (dir / "a.mp4").string() + "' -map 0:a '" + wav.string() + "'")
            .exitCode == 0);
    const auto pcm = audio::decodeFile(wav);
    REQUIRE(pcm);
    const double east = cueStart(bytesOf(dir / "a.zh.vtt"), "东面");
    REQUIRE(east > 4.0);
    const double open = toneDb(*pcm, kMusicHz, 2.2, east - 0.6),
                 ducked = toneDb(*pcm, kMusicHz, east + 0.2, east + 1.3);
    INFO("music " << open << " dB in the move, " << ducked << " dB under the narration");
    CHECK(open - ducked > 8.0);
    CHECK(toneDb(*pcm, kVoiceHz, east + 0.2, east + 1.3) - toneDb(*pcm, kVoiceHz, east - 0.8, east - 0.2) > 20.0);
}

TEST_CASE("record --audio none, music and a missing language", "[record][app][audio]") {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
    const fs::path dir = test::scratchDir("record_audio_modes");
    const fs::path site = writeSoundSite(dir);
    const std::string clip =
        "record '" + site.string() + "' --tour short --fps 4 --size 96x64 --samples 1 --preset ultrafast ";
    Run none = axisview(clip + "--audio none -o '" + (dir / "none.mp4").string() + "'");
    REQUIRE(none.exitCode == 0);
    // Kept in a variable: a range-for over a member of a temporary reads freed memory.
    const auto noneProbe = probe(dir / "none.mp4");
    for (const auto& s : noneProbe["streams"]) CHECK(s["codec_type"] != "audio");
    // English: the east stop has none, named with the language; the music and south's voice remain.
    Run en = axisview(clip + "--audio-lang en --loudness -20 -o '" + (dir / "en.mp4").string() + "'");
    INFO(en.output);
    REQUIRE(en.exitCode == 0);
    CHECK_THAT(en.output, Catch::Contains("POI \"east\" has no narration in \"en\""));
    CHECK(ebur128(dir / "en.mp4") == Approx(-20.0).margin(1.0));
    Run bad = axisview(clip + "--audio loud -o '" + (dir / "bad.mp4").string() + "'");
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.output, Catch::Contains("--audio"));
}

TEST_CASE("a stop is held until its narration has been spoken", "[record][app][audio]") {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
    const fs::path dir = test::scratchDir("record_audio_holds");
    const fs::path site = writeSoundSite(dir);
    // The same tour with 0.5 s dwells: south's 1.5 s narration would run into east's.
    auto edited = loadSite(site);
    REQUIRE(edited);
    for (TourStop& s : edited->tours.front().stops) s.dwell = 0.5;
    REQUIRE(saveSite(*edited, site).ok());
    const std::string clip = "record '" + site.string() +
                             "' --tour short --fps 10 --size 96x64 --samples 1 --preset ultrafast --subtitles zh ";
    // Seconds from the south stop's arrival to the east stop's, read from the subtitle cues.
    const auto southToEast = [&](const std::string& audio, const std::string& name) {
        Run r = axisview(clip + "--audio " + audio + " -o '" + (dir / name).string() + ".mp4'");
        INFO(r.output);
        REQUIRE(r.exitCode == 0);
        CHECK_THAT(r.output, !Catch::Contains("runs into the next stop"));
        const std::string vtt = bytesOf(dir / (name + ".zh.vtt"));
        return cueStart(vtt, "东面") - cueStart(vtt, "南面");
    };
    const double silent = southToEast("none", "silent"), narrated = southToEast("narration", "narrated");
    // Held for the narration and a 0.5 s pause instead of the 0.5 s dwell: 1.5 s longer.
    CHECK(narrated - silent == Approx(1.5).margin(0.11));
}

TEST_CASE("a slice of a recording hears what the whole video has at that time", "[record][audio]") {
    const fs::path dir = test::scratchDir("record_audio_slice");
    writeSoundSite(dir);
    auto pois = loadPois(dir / "sound.pois.json");
    REQUIRE(pois);
    // South at 1 s and east at 6 s (their 1.5 s narrations), under the 3 s music loop.
    const std::vector<record::Caption> stops{{1.0, 3.0, 0}, {6.0, 9.0, 1}};
    record::SoundtrackRequest request;
    request.music = dir / "audio" / "bed.wav";
    const record::VideoSpan whole{0, 12000}, slice{4500, 8000};
    const record::Soundtrack full = record::makeSoundtrack(stops, *pois, whole, request);
    request.timeline = whole;
    const record::Soundtrack part = record::makeSoundtrack(stops, *pois, slice, request);
    REQUIRE(full.sound.frames() == audio::framesOf(12.0));
    REQUIRE(part.sound.frames() == audio::framesOf(3.5));
    // Sample for sample: the music's place in its loop, the east narration at 1.5 s into the
    // slice, and one loudness gain for the whole.
    const std::size_t offset = audio::framesOf(4.5) * audio::kChannels;
    double worst = 0.0;
    for (std::size_t i = 0; i < part.sound.samples.size(); ++i)
        worst = std::max(worst, double(std::abs(part.sound.samples[i] - full.sound.samples[offset + i])));
    CHECK(worst == 0.0);
    CHECK(toneDb(part.sound, kVoiceHz, 1.6, 2.9) - toneDb(part.sound, kVoiceHz, 0.2, 1.4) > 20.0);
}
