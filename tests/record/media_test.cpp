// Media for online dissemination: `record --subtitles` (tracks in the MP4 and sidecars beside it),
// `--format` presets (sizes, H.264 levels, device limits) and the MP4's title, artist and
// copyright, checked through ffprobe.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <regex>

#include <nlohmann/json.hpp>

#include "gpu/context.h"
#include "poi/poi.h"
#include "record/output_format.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

using Run = test::CommandResult;

Run axisview(const std::string& args) { return test::runShell(std::string(AXIS_EXECUTABLE) + " " + args); }

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

nlohmann::json probe(const fs::path& file, const std::string& what = "-show_streams -show_format") {
    Run r = test::runShell("ffprobe -v error " + what + " -of json '" + file.string() + "'",
                           test::StandardError::Discarded);
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.output);
}

void requireDevice() {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
}

Poi stop(const std::string& id, LangText title, LangText body, const glm::dvec3& eye) {
    Poi p;
    p.id = id;
    p.anchor.position = {0, 0, 10};
    p.title = std::move(title);
    p.body = std::move(body);
    p.viewpoint = Viewpoint::lookAt(eye, {0, 0, 8}, 60.0);
    return p;
}

// One gate of the demo (its model file, in place), three POIs and a tour of short dwells: the
// third stop has no English text.
fs::path writeSmallSite(const fs::path& dir) {
    PoiFile pois;
    pois.pois.push_back(stop("south", {{"zh", "南面"}, {"en", "South face"}},
                             {{"zh", "城楼的南面。"}, {"en", "The gate seen from the south."}}, {0, -60, 6}));
    pois.pois.push_back(stop("east", {{"zh", "东面"}, {"en", "East face"}},
                             {{"zh", "城楼的东面。"}, {"en", "The gate seen from the east, where the wall ran."}},
                             {50, -20, 8}));
    pois.pois.push_back(stop("roof", {{"zh", "屋顶"}}, {{"zh", "重檐歇山顶。"}}, {10, -30, 30}));
    REQUIRE(savePois(pois, dir / "small.pois.json").ok());
    Site site;
    site.name = {{"zh", "小城门"}, {"en", "Small gate"}};
    site.description = {{"zh", "测试场景。"}, {"en", "A test scene."}};
    ModelPlacement gate;
    gate.id = "gate";
    gate.source = std::string(AXIS_DEMO_DIR) + "/models/yongdingmen.glb";
    site.models.push_back(gate);
    site.pois = "small.pois.json";
    site.tours.push_back({"short", {{"en", "Short"}}, {{"south", 2.0}, {"east", 4.0}, {"roof", 1.5}}, ""});
    site.kiosk = KioskSettings{};  // Languages zh, en: zh is the site's first.
    REQUIRE(saveSite(site, dir / "small.site.json").ok());
    return dir / "small.site.json";
}

struct VttCue {
    double start = 0, end = 0;
    std::string text;
};

double seconds(const std::smatch& m, int first) {
    return std::stoi(m[first]) * 3600.0 + std::stoi(m[first + 1]) * 60.0 + std::stoi(m[first + 2]) +
           std::stoi(m[first + 3]) / 1000.0;
}

std::vector<VttCue> parseWebVtt(const std::string& text) {
    REQUIRE(text.rfind("WEBVTT\n", 0) == 0);
    static const std::regex kTiming(R"((\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d))");
    std::vector<VttCue> cues;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_match(line, m, kTiming)) continue;
        VttCue cue{seconds(m, 1), seconds(m, 5), {}};
        while (std::getline(lines, line) && !line.empty()) cue.text += (cue.text.empty() ? "" : "\n") + line;
        cues.push_back(cue);
    }
    return cues;
}

}  // namespace

TEST_CASE("format presets map to sizes, frame rates and the H.264 level they need", "[record][format]") {
    const auto* p1080 = record::findFormatPreset("landscape-1080");
    REQUIRE(p1080);
    CHECK((p1080->width == 1920 && p1080->height == 1080 && p1080->fps == 30));
    const auto* p8k = record::findFormatPreset("landscape-8k");
    REQUIRE(p8k);
    CHECK((p8k->width == 7680 && p8k->height == 4320));
    CHECK((record::findFormatPreset("vertical-1080x1920")->width == 1080 &&
           record::findFormatPreset("vertical-1080x1920")->height == 1920));
    CHECK(record::findFormatPreset("square-1080")->width == 1080);
    CHECK(record::findFormatPreset("landscape-4k")->height == 2160);
    CHECK_FALSE(record::findFormatPreset("landscape-720"));

    CHECK(record::h264LevelFor(1920, 1080, 30) == 40);
    CHECK(record::h264LevelFor(1920, 1080, 60) == 42);
    CHECK(record::h264LevelFor(1080, 1920, 30) == 40);
    CHECK(record::h264LevelFor(1080, 1080, 30) == 32);
    CHECK(record::h264LevelFor(3840, 2160, 30) == 51);
    CHECK(record::h264LevelFor(3840, 2160, 60) == 52);
    CHECK(record::h264LevelFor(7680, 4320, 30) == 60);
    CHECK(record::h264LevelFor(7680, 4320, 60) == 61);
    CHECK(record::h264LevelFor(7680, 4320, 120) == 62);
    CHECK_FALSE(record::h264LevelFor(16384, 16384, 30));
    CHECK(record::levelName(51) == "5.1");

    // Peaks scale with the frame rate but stay within the level.
    CHECK(record::rateCapFor(*p1080, 30, 40).maxKbps == 20000);
    CHECK(record::rateCapFor(*p1080, 60, 42).maxKbps == 40000);
    CHECK(record::rateCapFor(*p1080, 60, 40).maxKbps == 25000);
}

TEST_CASE("a frame size the device cannot render gets a message naming the limit", "[record][format]") {
    record::DeviceCapacity small{4096, 8ull << 30};
    auto tooWide = record::checkDeviceFits(small, 7680, 4320, 4);
    REQUIRE(tooWide);
    CHECK_THAT(*tooWide, Catch::Contains("7680x4320") && Catch::Contains("4096"));
    record::DeviceCapacity lowMemory{16384, 1ull << 30};
    auto tooBig = record::checkDeviceFits(lowMemory, 7680, 4320, 4);
    REQUIRE(tooBig);
    CHECK_THAT(*tooBig, Catch::Contains("MiB") && Catch::Contains("--samples 1"));
    CHECK_FALSE(record::checkDeviceFits(lowMemory, 1920, 1080, 4));
}

TEST_CASE("record --subtitles writes sidecars and switchable MP4 tracks, the same bytes every run",
          "[record][app][subtitles]") {
    requireDevice();
    const fs::path dir = test::scratchDir("record_subtitles");
    const fs::path site = writeSmallSite(dir);
    const std::string clip = "record '" + site.string() +
                             "' --tour short --fps 4 --size 96x64 --samples 1 "
                             "--preset ultrafast --subtitles zh,en --artist 'Test Team' --copyright 'CC BY 4.0' ";
    for (const char* name : {"a", "b"}) {
        Run r = axisview(clip + "-o '" + (dir / name).string() + ".mp4'");
        INFO(r.output);
        REQUIRE(r.exitCode == 0);
        CHECK_THAT(r.output,
                   Catch::Contains("--subtitles en: no en text for 1 stop(s)") && Catch::Contains("roof (zh)"));
    }
    for (const char* file : {".mp4", ".zh.vtt", ".zh.srt", ".en.vtt", ".en.srt"}) {
        INFO(file);
        REQUIRE(fs::exists(dir / (std::string("a") + file)));
        CHECK(bytesOf(dir / (std::string("a") + file)) == bytesOf(dir / (std::string("b") + file)));
    }

    const auto info = probe(dir / "a.mp4");
    const double duration = std::stod(info["format"]["duration"].get<std::string>());
    const auto& tags = info["format"]["tags"];
    CHECK(tags.value("title", "") == "小城门");
    CHECK(tags.value("artist", "") == "Test Team");
    CHECK(tags.value("copyright", "") == "CC BY 4.0");
    CHECK(tags.value("comment", "") == "测试场景。");
    const auto& streams = info["streams"];
    REQUIRE(streams.size() == 3);
    CHECK(streams[0]["codec_name"] == "h264");
    const std::pair<const char*, const char*> expected[] = {{"zho", "中文"}, {"eng", "English"}};
    for (int i = 0; i < 2; ++i) {
        const auto& s = streams[i + 1];
        INFO("subtitle stream " << i);
        CHECK(s["codec_type"] == "subtitle");
        CHECK(s["codec_name"] == "mov_text");
        CHECK(s["tags"].value("language", "") == expected[i].first);
        CHECK(s["tags"].value("handler_name", "") == expected[i].second);  // MP4 names a track by its handler.
        CHECK(s["disposition"]["default"] == (i == 0 ? 1 : 0));
    }

    // Each stop's title opens its cues, in order, within the video; the roof has Chinese text in
    // the English track too.
    const std::vector<std::pair<std::string, std::vector<std::string>>> titles{
        {"zh", {"南面", "东面", "屋顶"}}, {"en", {"South face", "East face", "屋顶"}}};
    for (const auto& [language, want] : titles) {
        INFO(language);
        const auto cues = parseWebVtt(bytesOf(dir / ("a." + language + ".vtt")));
        REQUIRE(cues.size() >= 3);
        double previousEnd = 0.0;
        std::size_t next = 0;
        for (const VttCue& cue : cues) {
            CHECK(cue.start >= previousEnd);
            CHECK(cue.end > cue.start);
            CHECK(cue.end <= duration + 1e-3);
            previousEnd = cue.end;
            if (next < want.size() && cue.text.rfind(want[next], 0) == 0) ++next;
        }
        CHECK(next == want.size());
        CHECK(cues.front().start == Approx(0.0));  // The tour starts at its first stop.
        // FFmpeg reads the sidecar as we wrote it: the same number of cues.
        const auto packets = probe(dir / ("a." + language + ".vtt"), "-show_packets");
        CHECK(packets["packets"].size() == cues.size());
    }
    // The MP4's English track decodes to the same text as the sidecar.
    Run srt = test::runShell("ffmpeg -v error -i '" + (dir / "a.mp4").string() + "' -map 0:s:1 -f srt -",
                             test::StandardError::Discarded);
    REQUIRE(srt.exitCode == 0);
    CHECK_THAT(srt.output, Catch::Contains("South face") && Catch::Contains("The gate seen from the east"));
}

TEST_CASE(
    "record --format square-1080 writes 1080x1080 High profile at level 3.2, and bad media options are "
    "usage errors",
    "[record][app][format]") {
    requireDevice();
    const fs::path dir = test::scratchDir("record_format");
    const fs::path site = writeSmallSite(dir);
    // veryfast, not ultrafast: x264's ultrafast drops CABAC and 8x8 transforms, which makes the
    // stream Constrained Baseline whatever profile is allowed.
    Run r = axisview("record '" + site.string() +
                     "' --tour short --format square-1080 --duration 0.2 --samples 1 "
                     "--preset veryfast --title 'Gate, square' -o '" +
                     (dir / "square.mp4").string() + "'");
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    const auto info = probe(dir / "square.mp4", "-show_streams -show_format -count_frames");
    const auto& s = info["streams"][0];
    CHECK(s["width"] == 1080);
    CHECK(s["height"] == 1080);
    CHECK(s["profile"] == "High");
    CHECK(s["level"] == 32);
    CHECK(s["r_frame_rate"] == "30/1");
    CHECK(s["nb_read_frames"] == "6");
    CHECK(info["format"]["tags"].value("title", "") == "Gate, square");

    const std::string base = "record '" + site.string() + "' --tour short -o '" + (dir / "x.mp4").string() + "' ";
    Run both = axisview(base + "--format square-1080 --size 640x480");
    CHECK(both.exitCode == 2);
    CHECK_THAT(both.output, Catch::Contains("--format and --size"));
    Run unknown = axisview(base + "--format landscape-720");
    CHECK(unknown.exitCode == 2);
    CHECK_THAT(unknown.output, Catch::Contains("landscape-1080|landscape-4k"));
    Run language = axisview(base + "--subtitles zh,xx");
    CHECK(language.exitCode == 2);
    CHECK_THAT(language.output, Catch::Contains("--subtitles: unknown language 'xx'"));
    CHECK_FALSE(fs::exists(dir / "x.mp4"));
}
