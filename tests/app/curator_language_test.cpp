// The curator's and record mode's panels in the viewer's language (issue 18, item 3): started with
// --language zh-Hans, the POI editor, the site editor, the Sections panel (with a plane added and
// the site's sun given), the model's placement fields, the measurement tool and record mode's panel
// show the catalogue's Chinese, drawn from the font atlas (no missing-glyph boxes). The panels'
// text, masked from the crops, is compared with baselines looked at by eye: a panel that still
// showed English, or a glyph missing from the atlas, differs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sys/wait.h>

#include "render/image_io.h"
#include "support/gpu_support.h"
#include "support/test_support.h"
#include "support/xvfb.h"

namespace fs = std::filesystem;

namespace {

// An axis-aligned box as an OBJ, z up.
void writeBox(const fs::path& file, double x, double y, double z0, double z1) {
    std::ofstream out(file);
    for (int i = 0; i < 8; ++i)
        out << "v " << (i & 1 ? x : -x) << ' ' << (i & 2 ? y : -y) << ' ' << (i & 4 ? z1 : z0) << '\n';
    out << "f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n";
}

// A 2 x 2 x 4 m box on a 40 m ground, seen from 12 m south at eye height.
fs::path writeSite(const fs::path& dir) {
    writeBox(dir / "box.obj", 1, 1, 0, 4);
    writeBox(dir / "ground.obj", 20, 20, -0.1, 0);
    std::ofstream(dir / "box.site.json") << R"({"format": "axisview-site", "version": "1.1", "name": {"en": "box"},
        "models": [{"id": "ground", "source": "ground.obj", "up": "z"}, {"id": "box", "source": "box.obj", "up": "z"}],
        "start": {"position": [0, -12, 1.6], "yaw": 0, "pitch": 0, "fov": 60}})";
    return dir / "box.site.json";
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

// The panels' text alone: white where a pixel is a neutral grey to white (the text colours, hints
// and disabled labels included), black elsewhere. The translucent panels show the scene behind
// them, whose lighting is not what this test is about; text drawn over them stays light.
axis::render::Rgba8Image textMask(axis::render::Rgba8Image image) {
    for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
        const std::uint8_t* p = &image.pixels[i];
        const int lo = std::min({p[0], p[1], p[2]}), hi = std::max({p[0], p[1], p[2]});
        const std::uint8_t v = lo > 100 && hi - lo < 24 ? 255 : 0;
        image.pixels[i] = image.pixels[i + 1] = image.pixels[i + 2] = v;
        image.pixels[i + 3] = 255;
    }
    return image;
}

}  // namespace

TEST_CASE("the curator's panels show the catalogue's Chinese in zh-Hans", "[app][curator][i18n]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("curator_zh_hans");
    const fs::path site = writeSite(dir), png = dir / "curator.png", poiPng = dir / "pois.png",
                   switchedPng = dir / "switched.png";
    // In a 960x600 window: a first picture with the POI panel open, then: collapse the POI panel (it would cover the
    // Sections panel), select the box in the site panel's list, open Sections (its button, 剖切, fourth in the site
    // panel's row), give the site a sun (the --sun day, so the picture does not depend on today) and add a section
    // plane.
    std::ofstream(dir / "script.txt") << "wait 1\nscreenshot " << poiPng.string()
                                      << "\nwait 0.2\nclick 24 73\nwait 0.3\nclick 565 398\nwait 0.3\nclick 702 315\n"
                                         "wait 0.3\nclick 66 438\nwait 0.3\nclick 52 283\nwait 0.3\nscreenshot "
                                      << png.string() << "\nwait 0.2\nkey l tap\nwait 0.3\nscreenshot "
                                      << switchedPng.string() << "\nwait 0.2\nquit\n";
    const std::string command = "DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) + " '" +
                                site.string() +
                                "' --curator --language zh-Hans --sun 2024-06-21T12:00 --size 960x600 --script '" +
                                (dir / "script.txt").string() + "' > '" + (dir / "log.txt").string() + "' 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    auto image = axis::render::readPng(png);
    REQUIRE(image.ok());
    REQUIRE(image->width == 960);
    // 剖切: 整个场地, 模型 box, 添加剖切面, 添加裁剪盒, 移除, the plane's 剖切面 line, 法向, 偏移（米）,
    // 时区, the hint, 日照, 日期, 时刻, 阴影, 不用太阳.
    axis::test::requireMatchesBaseline("curator_zh_hans_sections", textMask(crop(*image, 10, 210, 400, 380)),
                                       {16, 0.01});
    // 场地模型 *: 保存场地, 撤销, 重做, 剖切, the scan hint, 添加扫描, 位置（米）, 旋转（度）, 缩放, 贴合地面.
    axis::test::requireMatchesBaseline("curator_zh_hans_site", textMask(crop(*image, 530, 270, 420, 320)), {16, 0.01});
    // 测量: its switch, the six kinds of measurement and 删除测量.
    axis::test::requireMatchesBaseline("curator_zh_hans_measure", textMask(crop(*image, 630, 10, 320, 258)),
                                       {16, 0.01});
    // 兴趣点: 撤销, 重做, 保存, Web 注释…, 添加兴趣点.
    auto pois = axis::render::readPng(poiPng);
    REQUIRE(pois.ok());
    axis::test::requireMatchesBaseline("curator_zh_hans_pois", textMask(crop(*pois, 10, 60, 480, 330)), {16, 0.01});
    // L switches to English (the next offered language after zh, which --language zh-Hans is): the
    // Sections panel stays where it was, open, its plane still selected with its fields, in English.
    auto switched = axis::render::readPng(switchedPng);
    REQUIRE(switched.ok());
    axis::test::requireMatchesBaseline("curator_zh_hans_then_en_sections", textMask(crop(*switched, 10, 210, 400, 380)),
                                       {16, 0.01});
}

TEST_CASE("record mode's panel shows the catalogue's Chinese in zh-Hans", "[app][record][i18n]") {
    axis::test::VirtualDisplay display;
    const fs::path dir = axis::test::scratchDir("record_zh_hans");
    const fs::path site = writeSite(dir), png = dir / "record.png";
    std::ofstream(dir / "script.txt") << "wait 1\nkey k tap\nwait 0.3\nscreenshot " << png.string()
                                      << "\nwait 0.2\nquit\n";
    const std::string command =
        "cd '" + dir.string() + "' && DISPLAY=" + display.display() + " timeout 300 " + std::string(AXIS_EXECUTABLE) +
        " '" + site.string() +
        "' --record-mode --record-path key.path.json --language zh-Hans --size 960x600 --script '" +
        (dir / "script.txt").string() + "' > '" + (dir / "log.txt").string() + "' 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    auto image = axis::render::readPng(png);
    REQUIRE(image.ok());
    REQUIRE(image->width == 960);
    // 录制: 添加关键帧 (K), 删除 (Del), 撤销 (Ctrl+Z), 播放 (空格), 1 个关键帧, the key's 时间（秒）.
    axis::test::requireMatchesBaseline("record_zh_hans_keys", textMask(crop(*image, 0, 372, 960, 132)), {16, 0.01});
    // Right of the path fields (whose text is the scratch folder's): 保存 (Ctrl+S), 载入 (Ctrl+O),
    // 已添加第 1 个关键帧 and 导出视频.
    axis::test::requireMatchesBaseline("record_zh_hans_file", textMask(crop(*image, 370, 505, 590, 60)), {16, 0.01});
}
