// Video export: the encoder's MP4 as ffprobe sees it, byte-identical repeats, and `axisview
// record` end to end on the demo site's attract tour.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "gpu/context.h"
#include "record/video_encoder.h"
#include "render/image_io.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

using Run = axis::test::CommandResult;

Run shell(const std::string& command) { return axis::test::runShell(command); }

Run axisview(const std::string& args) { return shell(std::string(AXIS_EXECUTABLE) + " " + args); }

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The video stream as ffprobe reports it, frames counted by decoding.
nlohmann::json probe(const fs::path& file) {
    Run r = shell("ffprobe -v error -show_streams -count_frames -of json '" + file.string() + "'");
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    auto streams = nlohmann::json::parse(r.output)["streams"];
    REQUIRE(streams.size() == 1);
    return streams[0];
}

void checkWebVideo(const nlohmann::json& s, int width, int height, int frames, const std::string& rate) {
    CHECK(s["codec_name"] == "h264");
    CHECK(s["pix_fmt"] == "yuv420p");
    CHECK(s["color_primaries"] == "bt709");
    CHECK(s["color_transfer"] == "bt709");
    CHECK(s["color_space"] == "bt709");
    CHECK(s["color_range"] == "tv");
    CHECK(s["width"] == width);
    CHECK(s["height"] == height);
    CHECK(s["nb_read_frames"] == std::to_string(frames));
    CHECK(s["r_frame_rate"] == rate);
    CHECK(s["avg_frame_rate"] == rate);
}

// A moving colour pattern, different in every frame.
render::Rgba8Image pattern(uint32_t w, uint32_t h, int frame) {
    render::Rgba8Image img{w, h, std::vector<std::uint8_t>(std::size_t(w) * h * 4)};
    for (uint32_t y = 0; y < h; ++y)
        for (uint32_t x = 0; x < w; ++x) {
            std::uint8_t* p = &img.pixels[(std::size_t(y) * w + x) * 4];
            p[0] = std::uint8_t(x * 2 + frame * 5);
            p[1] = std::uint8_t(y * 3);
            p[2] = std::uint8_t((x ^ y) + frame * 9);
            p[3] = 255;
        }
    return img;
}

void encodePattern(const fs::path& out, int frames) {
    record::EncoderSettings settings;
    settings.width = 160;
    settings.height = 90;
    settings.fps = 12;
    settings.preset = "veryfast";
    auto encoder = record::VideoEncoder::open(out, settings);
    REQUIRE(encoder.ok());
    for (int i = 0; i < frames; ++i) REQUIRE((*encoder)->write(pattern(160, 90, i), i).ok());
    REQUIRE((*encoder)->finish().ok());
}

void requireDevice() {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
}

const std::string kDemoSite = std::string(AXIS_DEMO_DIR) + "/central-axis.site.json";

}  // namespace

TEST_CASE("the encoder writes a tagged, streamable H.264 MP4, the same bytes every time", "[record][video]") {
    const fs::path dir = test::scratchDir("record_encoder");
    encodePattern(dir / "a.mp4", 15);
    encodePattern(dir / "b.mp4", 15);
    checkWebVideo(probe(dir / "a.mp4"), 160, 90, 15, "12/1");
    CHECK(probe(dir / "a.mp4")["duration"] == "1.250000");
    const std::string a = bytesOf(dir / "a.mp4");
    CHECK(a == bytesOf(dir / "b.mp4"));
    // faststart: the index (moov) precedes the media (mdat).
    CHECK(a.find("moov") < a.find("mdat"));
    CHECK_FALSE(fs::exists(dir / "a.mp4.part"));
}

TEST_CASE("the encoder refuses odd sizes and frames of the wrong size", "[record][video]") {
    const fs::path dir = test::scratchDir("record_encoder_bad");
    record::EncoderSettings odd;
    odd.width = 161;
    odd.height = 90;
    auto bad = record::VideoEncoder::open(dir / "odd.mp4", odd);
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("even"));
    record::EncoderSettings settings;
    settings.width = 160;
    settings.height = 90;
    {
        auto encoder = record::VideoEncoder::open(dir / "x.mp4", settings);
        REQUIRE(encoder.ok());
        auto wrong = (*encoder)->write(pattern(64, 64, 0), 0);
        REQUIRE_FALSE(wrong.ok());
        CHECK_THAT(wrong.error().message, Catch::Contains("64x64"));
    }
    // Abandoned without finish(): no partial file is left behind under either name.
    CHECK_FALSE(fs::exists(dir / "x.mp4"));
    CHECK_FALSE(fs::exists(dir / "x.mp4.part"));
}

TEST_CASE("record exports the demo tour: probed MP4, identical reruns, matching PNG frames", "[record][app]") {
    requireDevice();
    const fs::path dir = test::scratchDir("record_demo");
    // 1.5 s of the first move at 10 fps, 160x90; the video alone (the demo's sound: audio_export_test).
    const std::string clip =
        "record '" + kDemoSite + "' --tour attract --from 10.5 --duration 1.5 --fps 10 --size 160x90 --audio none ";
    for (const char* name : {"a.mp4", "b.mp4"}) {
        Run r = axisview(clip + "--preset veryfast -o '" + (dir / name).string() + "'");
        INFO(r.output);
        REQUIRE(r.exitCode == 0);
        CHECK_THAT(r.output, Catch::Contains("recording 100%"));
    }
    auto s = probe(dir / "a.mp4");
    checkWebVideo(s, 160, 90, 15, "10/1");
    CHECK(s["duration"] == "1.500000");
    CHECK(bytesOf(dir / "a.mp4") == bytesOf(dir / "b.mp4"));

    Run png = axisview(clip + "-o '" + (dir / "frames/%03d.png").string() + "' --save-path '" +
                       (dir / "attract.path.json").string() + "'");
    INFO(png.output);
    REQUIRE(png.exitCode == 0);
    // Frame i shows t = i / fps: the slice starts at frame 105, and the frames move.
    auto first = render::readPng(dir / "frames/105.png"), last = render::readPng(dir / "frames/119.png");
    REQUIRE(first.ok());
    REQUIRE(last.ok());
    CHECK_FALSE(fs::exists(dir / "frames/104.png"));
    CHECK_FALSE(fs::exists(dir / "frames/120.png"));
    CHECK(render::compareImages(*first, *last, 8).differingFraction > 0.05);

    // The saved tour path records the same frames.
    Run again = axisview("record '" + kDemoSite + "' --path '" + (dir / "attract.path.json").string() +
                         "' --from 10.5 --duration 1.5 --fps 10 --size 160x90 -o '" + (dir / "again/%03d.png").string() + "'");
    INFO(again.output);
    REQUIRE(again.exitCode == 0);
    auto replay = render::readPng(dir / "again/119.png");
    REQUIRE(replay.ok());
    CHECK(render::compareImages(*last, *replay, 0).maxChannelDifference == 0);
}

TEST_CASE("record rejects bad command lines with exit 2 and failures with exit 1", "[record][app]") {
    const fs::path dir = test::scratchDir("record_usage");
    Run neither = axisview("record '" + kDemoSite + "' -o '" + (dir / "x.mp4").string() + "'");
    CHECK(neither.exitCode == 2);
    Run both = axisview("record '" + kDemoSite + "' --tour a --path p.json -o x.mp4");
    CHECK(both.exitCode == 2);
    Run format = axisview("record '" + kDemoSite + "' --tour attract -o '" + (dir / "x.avi").string() + "'");
    CHECK(format.exitCode == 2);
    CHECK_THAT(format.output, Catch::Contains("-o"));
    Run odd = axisview("record '" + kDemoSite + "' --tour attract --size 161x90 -o '" + (dir / "x.mp4").string() + "'");
    CHECK(odd.exitCode == 2);
    CHECK_THAT(odd.output, Catch::Contains("even"));
    Run tour = axisview("record '" + kDemoSite + "' --tour nope -o '" + (dir / "x.mp4").string() + "'");
    CHECK(tour.exitCode == 1);
    CHECK_THAT(tour.output, Catch::Contains("no tour 'nope'") && Catch::Contains("attract"));
    std::ofstream(dir / "bad.path.json") << R"({"format": "axisview-path", "version": "1.0", "keyframes": []})";
    Run path = axisview("record '" + kDemoSite + "' --path '" + (dir / "bad.path.json").string() + "' -o '" +
                        (dir / "x.mp4").string() + "'");
    CHECK(path.exitCode == 1);
    CHECK_THAT(path.output, Catch::Contains("bad.path.json: keyframes: no keyframes"));
    CHECK_FALSE(fs::exists(dir / "x.mp4"));
}

TEST_CASE("record --projection equirect writes a 2:1 MP4 tagged as 360° video", "[record][app][equirect]") {
    requireDevice();
    const fs::path dir = test::scratchDir("record_equirect");
    const std::string clip =
        "record '" + kDemoSite + "' --tour attract --duration 0.4 --fps 5 --preset ultrafast --audio none ";
    Run r = axisview(clip + "--projection equirect --size 256x128 -o '" + (dir / "360.mp4").string() + "'");
    INFO(r.output);
    REQUIRE(r.exitCode == 0);
    auto s = probe(dir / "360.mp4");
    CHECK(s["width"] == 256);
    CHECK(s["height"] == 128);
    CHECK(s["nb_read_frames"] == "2");
    REQUIRE(s.contains("side_data_list"));
    bool spherical = false;
    for (const auto& side : s["side_data_list"])
        if (side.value("side_data_type", "") == "Spherical Mapping") {
            spherical = true;
            CHECK(side.value("projection", "") == "equirectangular");
        }
    CHECK(spherical);
    Run flat = axisview(clip + "--projection equirect --size 160x90 -o '" + (dir / "x.mp4").string() + "'");
    CHECK(flat.exitCode == 2);
    CHECK_THAT(flat.output, Catch::Contains("twice as wide"));
}

namespace {

// One frame of the demo tour's first dwell (the camera rests at its first POI) at 160x90.
Run dwellFrame(const fs::path& out, const std::string& extra) {
    return axisview("record '" + kDemoSite + "' --tour attract --from 1 --duration 0.1 --fps 5 --size 160x90 " + extra +
                    " -o '" + out.string() + "'");
}

render::Rgba8Image crop(const render::Rgba8Image& img, std::uint32_t y0, std::uint32_t y1) {
    render::Rgba8Image out{img.width, y1 - y0, {}};
    out.pixels.assign(img.pixels.begin() + std::ptrdiff_t(y0) * img.width * 4,
                      img.pixels.begin() + std::ptrdiff_t(y1) * img.width * 4);
    return out;
}

}  // namespace

TEST_CASE("record --labels burns in POI labels and the dwell's caption, the same every run", "[record][app][labels]") {
    requireDevice();
    const fs::path dir = test::scratchDir("record_labels");
    for (const auto& [name, extra] : std::vector<std::pair<std::string, std::string>>{
             {"plain", ""}, {"zh", "--labels"}, {"zh2", "--labels"}, {"en", "--labels --language en"}}) {
        Run r = dwellFrame(dir / name / "%03d.png", extra);
        INFO(r.output);
        REQUIRE(r.exitCode == 0);
    }
    auto plain = render::readPng(dir / "plain/005.png"), zh = render::readPng(dir / "zh/005.png");
    auto zh2 = render::readPng(dir / "zh2/005.png"), en = render::readPng(dir / "en/005.png");
    REQUIRE((plain.ok() && zh.ok() && zh2.ok() && en.ok()));
    CHECK(render::compareImages(*zh, *zh2, 0).maxChannelDifference == 0);  // Deterministic.
    auto withLabels = render::compareImages(*plain, *zh, 8);
    INFO("differing share with labels: " << withLabels.differingFraction);
    CHECK(withLabels.differingFraction > 0.02);
    // The caption sits in the bottom third; its language shows there.
    auto caption = render::compareImages(crop(*plain, 60, 90), crop(*zh, 60, 90), 8);
    CHECK(caption.differingFraction > 0.05);
    CHECK(render::compareImages(crop(*zh, 60, 90), crop(*en, 60, 90), 8).differingFraction > 0.01);
    Run both = axisview("record '" + kDemoSite + "' --tour attract --labels --projection equirect -o '" +
                        (dir / "x.mp4").string() + "'");
    CHECK(both.exitCode == 2);
}
