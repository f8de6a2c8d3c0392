// The kiosk in any language (issue 18): a site's kiosk languages are BCP 47 tags; each gets a
// button named in its own script, the UI comes from that language's catalogue and the content
// from its language map, with the glyphs of Traditional Chinese and Japanese in the font atlas.
// A malformed tag is an error naming the site file and JSON path; a tag without a catalogue is a
// warning. Baselines (tests/baselines/kiosk_*.png) were looked at by a person.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "support/gpu_support.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// The demo site with `languages` as its kiosk's, written into `dir` (models and POIs stay in
// the build's demo folder, named by absolute path).
fs::path demoWithLanguages(const fs::path& dir, const nlohmann::json& languages) {
    const fs::path demo = AXIS_DEMO_DIR;
    nlohmann::ordered_json site = nlohmann::ordered_json::parse(std::ifstream(demo / "central-axis.site.json"));
    for (auto& model : site["models"]) model["source"] = (demo / model["source"].get<std::string>()).string();
    site["pois"] = (demo / site["pois"].get<std::string>()).string();
    site["kiosk"]["languages"] = languages;
    const fs::path file = dir / "languages.site.json";
    std::ofstream(file) << site.dump(2);
    return file;
}

struct Shot {
    int exitCode = -1;
    std::string output;
    axis::render::Rgba8Image image;
};

// The kiosk at 1280x720 on `site`, one screenshot after it settles with the places list open
// (its tab: kiosk_layout.h).
Shot runKiosk(const fs::path& dir, const fs::path& site) {
    axis::test::VirtualDisplay display;
    const fs::path png = dir / "kiosk.png", out = dir / "output.txt";
    std::ofstream(dir / "script.txt") << "wait 1\nclick 198 151\nwait 0.5\nscreenshot " << png.string() << "\nquit\n";
    const std::string command = "cd '" + dir.string() + "' && DISPLAY=" + display.display() + " timeout 300 " +
                                AXIS_EXECUTABLE + " '" + site.string() + "' --kiosk --size 1280x720 --script '" +
                                (dir / "script.txt").string() + "' > '" + out.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    Shot shot;
    shot.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(out);
    for (std::string line; std::getline(in, line);) shot.output += line + "\n";
    if (auto image = axis::render::readPng(png); image.ok()) shot.image = *image;
    return shot;
}

axis::render::Rgba8Image crop(const axis::render::Rgba8Image& in, uint32_t x0, uint32_t y0, uint32_t w, uint32_t h) {
    axis::render::Rgba8Image out;
    out.width = w;
    out.height = h;
    for (uint32_t y = 0; y < h; ++y)
        for (uint32_t x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c) out.pixels.push_back(in.pixels[((y0 + y) * in.width + x0 + x) * 4 + c]);
    return out;
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("the kiosk in Traditional Chinese names each language in its own script", "[app][kiosk][i18n]") {
    const fs::path dir = axis::test::scratchDir("kiosk_zh_hant");
    const fs::path site = demoWithLanguages(dir, {"zh-hant", "ja", "en", "zh_TW!", "ko"});
    const Shot shot = runKiosk(dir, site);
    INFO(shot.output);
    REQUIRE(shot.exitCode == 0);
    CHECK(contains(shot.output, site.string() + ": kiosk.languages[3]: \"zh_TW!\" is not a BCP 47 language tag"));
    CHECK(contains(shot.output, site.string() + ": kiosk.languages[4]: no UI strings for \"ko\""));
    REQUIRE(shot.image.width == 1280);
    // The top bar (site name, 繁體中文 日本語 English ko ?), the tabs (地圖, 地點) and the places list.
    axis::test::requireMatchesBaseline("kiosk_zh_hant_top", crop(shot.image, 0, 0, 1280, 110), {16, 0.01});
    axis::test::requireMatchesBaseline("kiosk_zh_hant_places", crop(shot.image, 0, 120, 400, 480), {16, 0.01});
}

TEST_CASE("the kiosk in Japanese shows kana and the Japanese titles", "[app][kiosk][i18n]") {
    const fs::path dir = axis::test::scratchDir("kiosk_ja");
    const Shot shot = runKiosk(dir, demoWithLanguages(dir, {"ja", "zh-Hant", "en"}));
    INFO(shot.output);
    REQUIRE(shot.exitCode == 0);
    CHECK_FALSE(contains(shot.output, "kiosk.languages"));  // Three good tags with catalogues: nothing to say.
    REQUIRE(shot.image.width == 1280);
    axis::test::requireMatchesBaseline("kiosk_ja_top", crop(shot.image, 0, 0, 1280, 110), {16, 0.01});
    axis::test::requireMatchesBaseline("kiosk_ja_places", crop(shot.image, 0, 120, 400, 480), {16, 0.01});
}
