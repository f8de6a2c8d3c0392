// `record --title-card --end-card --watermark` and the site's credits: the cards over the first and
// last seconds of a video, the watermark throughout, and the MP4's artist and copyright, from a
// site file whose "credits" are read back as written.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "gpu/context.h"
#include "render/image_io.h"
#include "scene/site.h"
#include "support/run_command.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace axis;

namespace {

void requireDevice() {
    if (!gpu::Context::create().ok()) test::skip("no Vulkan device");
}

SiteCredits museumCredits() {
    SiteCredits c;
    c.institution = {{"zh", "中轴线博物馆"}, {"en", "Central Axis Museum"}};
    c.authors = {"Survey team A (laser scans, 2023)", "Li Wei (photogrammetry)"};
    c.licence = "CC BY 4.0";
    c.licenceUrl = "https://creativecommons.org/licenses/by/4.0/";
    c.year = 2024;
    return c;
}

// One gate of the demo, its credits, and a 3-second path that circles it.
fs::path writeCreditedSite(const fs::path& dir) {
    Site site;
    site.name = {{"zh", "永定门"}, {"en", "Yongdingmen"}};
    site.description = {{"zh", "中轴线的南端。"}, {"en", "The southern end of the axis."}};
    site.credits = museumCredits();
    ModelPlacement gate;
    gate.id = "gate";
    gate.source = std::string(AXIS_DEMO_DIR) + "/models/yongdingmen.glb";
    site.models.push_back(gate);
    REQUIRE(saveSite(site, dir / "gate.site.json").ok());
    std::ofstream(dir / "circle.path.json") << R"({"format": "axisview-path", "version": "1.0",
      "output": {"fps": 10, "size": [320, 180]},
      "keyframes": [{"time": 0, "position": [0, -70, 10], "yaw": 0, "pitch": -5},
                    {"time": 3, "position": [40, -55, 12], "yaw": -35, "pitch": -5}]})";
    return dir / "gate.site.json";
}

double meanLuma(const render::Rgba8Image& image, int x0, int y0, int x1, int y1) {
    double sum = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const std::uint8_t* p = &image.pixels[(std::size_t(y) * image.width + x) * 4];
            sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
        }
    return sum / double((x1 - x0) * (y1 - y0));
}

int differingPixels(const render::Rgba8Image& a, const render::Rgba8Image& b, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            for (int c = 0; c < 3; ++c)
                if (std::abs(int(a.pixels[(std::size_t(y) * a.width + x) * 4 + c]) -
                             int(b.pixels[(std::size_t(y) * b.width + x) * 4 + c])) > 24) {
                    ++n;
                    break;
                }
    return n;
}

render::Rgba8Image frame(const fs::path& dir, int index) {
    char name[32];
    std::snprintf(name, sizeof name, "%05d.png", index);
    auto image = render::readPng(dir / name);
    REQUIRE(image.ok());
    return *image;
}

}  // namespace

TEST_CASE("a site's credits are read back as written and a bad one is named", "[record][credits]") {
    const fs::path dir = test::scratchDir("credits_file");
    const fs::path site = writeCreditedSite(dir);
    auto loaded = loadSite(site);
    REQUIRE(loaded.ok());
    CHECK(loaded->problems.empty());
    CHECK(loaded->version == "1.2");  // Credits arrived in 1.2.
    const SiteCredits& c = loaded->credits;
    CHECK(c.institution == museumCredits().institution);
    CHECK(c.authors == museumCredits().authors);
    CHECK(c.licenceUrl == museumCredits().licenceUrl);
    CHECK(c.year == 2024);
    CHECK(copyrightLine(c, "en") == "© 2024 Central Axis Museum · CC BY 4.0");
    CHECK(copyrightLine(c, "zh-Hant") == "© 2024 中轴线博物馆 · CC BY 4.0");  // Nearest: zh.

    auto text = nlohmann::json::parse(std::ifstream(site));
    text["credits"]["year"] = 20245;
    std::ofstream(dir / "bad.site.json") << text.dump();
    auto bad = loadSite(dir / "bad.site.json");
    REQUIRE(bad.ok());  // The rest of the site opens.
    REQUIRE(bad->problems.size() == 1);
    CHECK(bad->problems[0].find("bad.site.json: credits.year: expected a year") != std::string::npos);
    CHECK(bad->models.size() == 1);
    // Kept as written for the next save, not dropped.
    CHECK(toJson(*bad).find("20245") != std::string::npos);
}

TEST_CASE("record draws the title and end cards over the video's ends and a watermark throughout",
          "[record][credits]") {
    requireDevice();
    const fs::path dir = test::scratchDir("credits_cards");
    const fs::path site = writeCreditedSite(dir);
    const std::string common = std::string(AXIS_EXECUTABLE) + " record '" + site.string() + "' --path '" +
                               (dir / "circle.path.json").string() + "' --language en ";
    fs::create_directories(dir / "plain");
    fs::create_directories(dir / "cards");
    auto plain = test::runShell(common + "-o '" + (dir / "plain").string() + "/%05d.png'");
    INFO(plain.output);
    REQUIRE(plain.exitCode == 0);
    auto cards = test::runShell(common + "--title-card 1 --end-card 1 --watermark -o '" + (dir / "cards").string() +
                                "/%05d.png'");
    INFO(cards.output);
    REQUIRE(cards.exitCode == 0);
    // 30 frames at 10 fps over 3 s: 0..9 under the title card (fading out from 0.4 s), 20..29 under
    // the end card (fading in until 2.6 s), the middle as before but for the watermark.
    const render::Rgba8Image plainFirst = frame(dir / "plain", 0), cardFirst = frame(dir / "cards", 0);
    const render::Rgba8Image plainMiddle = frame(dir / "plain", 15), cardMiddle = frame(dir / "cards", 15);
    const render::Rgba8Image plainLast = frame(dir / "plain", 29), cardLast = frame(dir / "cards", 29);
    const int w = int(plainFirst.width), h = int(plainFirst.height);
    // The cards dim the scene: the frame's top band (above the centred text) is near black.
    CHECK(meanLuma(cardFirst, 0, 0, w, h / 6) < 0.35 * meanLuma(plainFirst, 0, 0, w, h / 6) + 8.0);
    CHECK(meanLuma(cardLast, 0, 0, w, h / 6) < 0.35 * meanLuma(plainLast, 0, 0, w, h / 6) + 8.0);
    // Text in the middle of the cards: bright glyph pixels on the dark ground.
    CHECK(differingPixels(cardFirst, plainFirst, w / 4, h * 2 / 5, w * 3 / 4, h * 3 / 5) > 200);
    // The middle frame is the scene, touched only in the bottom-right corner by the watermark.
    CHECK(differingPixels(cardMiddle, plainMiddle, 0, 0, w / 2, h) == 0);
    CHECK(differingPixels(cardMiddle, plainMiddle, w / 2, h * 4 / 5, w, h) > 30);
}

TEST_CASE("the MP4's artist and copyright come from the site's credits", "[record][credits]") {
    requireDevice();
    const fs::path dir = test::scratchDir("credits_metadata");
    const fs::path site = writeCreditedSite(dir);
    const fs::path video = dir / "gate.mp4";
    auto run = test::runShell(std::string(AXIS_EXECUTABLE) + " record '" + site.string() + "' --path '" +
                              (dir / "circle.path.json").string() + "' --duration 0.5 -o '" + video.string() + "'");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    auto probe = test::runShell("ffprobe -v error -show_format -of json '" + video.string() + "'",
                                test::StandardError::Discarded);
    REQUIRE(probe.exitCode == 0);
    const auto tags = nlohmann::json::parse(probe.output)["format"]["tags"];
    INFO(tags.dump());
    // The site's first language (no kiosk settings: the name map's first, en).
    CHECK(tags.value("artist", "") == "Central Axis Museum");
    CHECK(tags.value("copyright", "") == "© 2024 Central Axis Museum · CC BY 4.0");
}
