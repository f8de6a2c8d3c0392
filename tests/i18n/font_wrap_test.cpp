// Line breaking measured with the real UI font (Noto Sans CJK through ImGui, as the kiosk's story
// panel and the burnt-in captions measure it): where ImGui's own wrapping starts a line with "，",
// i18n::wrapLines never does.
#include <catch2/catch.hpp>

#include <fstream>
#include <limits>
#include <sstream>

#include <imgui.h>

#include "i18n/line_break.h"
#include "render/ui_fonts.h"
#include "support/test_support.h"

using namespace axis;

namespace {

char32_t firstCodePoint(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    if (s.empty()) return 0;
    if (p[0] < 0x80) return p[0];
    if (p[0] < 0xE0) return (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    if (p[0] < 0xF0) return (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    return (p[0] & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
}

// The lines ImGui makes of `text` at `width` (ImFont::CalcWordWrapPositionA, as TextWrapped does).
std::vector<std::string> imguiLines(ImFont* font, const std::string& text, float width) {
    std::vector<std::string> lines;
    const char *s = text.data(), *end = text.data() + text.size();
    while (s < end) {
        const char* cut = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (cut == s) cut += 1;  // ImGui draws at least one character per line.
        lines.emplace_back(s, cut);
        s = cut;
        while (s < end && *s == ' ') ++s;
    }
    return lines;
}

// The story of Zhengyangmen as the demo ships it: its first paragraph.
std::string zhengyangmenStory() {
    std::ifstream in(test::sourceDir() / "assets" / "demo-site" / "stories" / "zhengyangmen.zh.md");
    std::stringstream all;
    all << in.rdbuf();
    const std::string text = all.str();
    const size_t start = text.find("\n---\n", 3) + 5;
    const size_t body = text.find_first_not_of('\n', start);
    return text.substr(body, text.find('\n', body) - body);
}

}  // namespace

TEST_CASE("A story wrapped with the UI font never starts a line with closing punctuation", "[i18n]") {
    if (render::findCjkFont().empty()) test::skip("Noto Sans CJK is not installed");
    const std::string story = zhengyangmenStory();
    REQUIRE(story.find("，") != std::string::npos);
    ImGuiContext* context = ImGui::CreateContext();
    render::buildFonts({story}, 30.0f);
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const auto measure = [font](std::string_view s) {
        return font
            ->CalcTextSizeA(font->FontSize, std::numeric_limits<float>::max(), 0.0f, s.data(), s.data() + s.size())
            .x;
    };
    int imguiBad = 0;
    for (float width = 200.0f; width <= 700.0f; width += 5.0f) {
        INFO("width " << width);
        for (const std::string& line : imguiLines(font, story, width))
            if (i18n::noLineStart(firstCodePoint(line))) ++imguiBad;
        std::string back;
        for (const std::string& line : i18n::wrapLines(story, width, measure)) {
            INFO(line);
            CHECK_FALSE(i18n::noLineStart(firstCodePoint(line)));
            CHECK(measure(line) <= width);
            back += line;
        }
        CHECK(back == story);
    }
    ImGui::DestroyContext(context);
    // The problem is real at these widths: ImGui alone starts lines with "，" or "。".
    CHECK(imguiBad > 0);
}
