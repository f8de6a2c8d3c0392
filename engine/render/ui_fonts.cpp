#include "render/ui_fonts.h"

#include <filesystem>

#include <imgui.h>

#include "core/log.h"

namespace axis::render {

std::string findCjkFont() {
    for (const char* path : {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                             "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
                             "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf"})
        if (std::filesystem::exists(path)) return path;
    return {};
}

void buildFonts(const std::vector<std::string>& texts, float pixelSize) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    std::string font = findCjkFont();
    if (font.empty()) {
        logWarn("Noto Sans CJK not found (Debian: apt-get install fonts-noto-cjk); Chinese text will not show");
        ImFontConfig config;
        config.SizePixels = pixelSize;
        io.Fonts->AddFontDefault(&config);
        return;
    }
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());  // ASCII and Latin-1.
    builder.AddText("…·—–“”‘’《》、。，：；！？（）");
    for (const auto& text : texts) builder.AddText(text.c_str());
    static ImVector<ImWchar> ranges;  // Must outlive the atlas build.
    ranges.clear();
    builder.BuildRanges(&ranges);
    ImFontConfig config;
    config.FontNo = 2;  // In the TTC: 0 JP, 1 KR, 2 SC (simplified Chinese), 3 TC, 4 HK.
    config.OversampleH = 2;
    io.Fonts->AddFontFromFileTTF(font.c_str(), pixelSize, &config, ranges.Data);
    io.Fonts->Build();
}

}  // namespace axis::render
