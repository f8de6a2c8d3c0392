#include "render/ui_fonts.h"

#include <deque>
#include <filesystem>

#include <imgui.h>

#include "core/lang_text.h"
#include "core/log.h"

namespace axis::render {
namespace {

constexpr int kDefaultFace = 2;  // Simplified Chinese; its Latin is the same in every face.

// Per atlas (the window's and a recording's ImGui contexts each have one): the glyph ranges,
// which must outlive the atlas build, and the regional fonts by face.
struct AtlasFonts {
    std::deque<ImVector<ImWchar>> ranges;
    std::map<int, ImFont*> byFace;
};

AtlasFonts& atlasFonts() {
    static std::map<const ImFontAtlas*, AtlasFonts> all;
    return all[ImGui::GetIO().Fonts];
}

const ImWchar* rangesOf(const std::vector<std::string>& texts, bool withLatin) {
    ImFontGlyphRangesBuilder builder;
    if (withLatin) {
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // ASCII and Latin-1.
        builder.AddText("…·—–“”‘’《》、。，：；！？（）");
    }
    for (const auto& text : texts) builder.AddText(text.c_str());
    ImVector<ImWchar>& ranges = atlasFonts().ranges.emplace_back();
    builder.BuildRanges(&ranges);
    return ranges.Data;
}

ImFont* addFace(const std::string& file, float pixelSize, int face, const ImWchar* ranges, bool merge) {
    ImFontConfig config;
    config.FontNo = face;
    config.OversampleH = 2;
    config.MergeMode = merge;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), pixelSize, &config, ranges);
}

}  // namespace

std::string findCjkFont() {
    for (const char* path :
         {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf"})
        if (std::filesystem::exists(path)) return path;
    return {};
}

int cjkFaceFor(const std::string& language) {
    for (const std::string& tag : fallbackTags(language)) {
        if (tag == "ja") return 0;
        if (tag == "ko") return 1;
        if (tag == "zh-Hant-HK" || tag == "zh-Hant-MO") return 4;
        if (tag == "zh-Hant") return 3;
    }
    return kDefaultFace;
}

void buildFonts(const std::vector<std::string>& texts, float pixelSize,
                const std::map<std::string, std::vector<std::string>>& byLanguage) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    atlasFonts() = {};
    const std::string font = findCjkFont();
    if (font.empty()) {
        logWarn("Noto Sans CJK not found (Debian: apt-get install fonts-noto-cjk); Chinese text will not show");
        ImFontConfig config;
        config.SizePixels = pixelSize;
        io.Fonts->AddFontDefault(&config);
        return;
    }
    const ImWchar* all = rangesOf(texts, true);
    addFace(font, pixelSize, kDefaultFace, all, false);  // Fonts[0]: ImGui's default.
    // The single-file SC font has no other faces: every language then shares the default.
    if (font.ends_with(".otf")) return io.Fonts->Build(), void();
    std::map<int, std::vector<std::string>> byFace;
    for (const auto& [language, own] : byLanguage)
        if (int face = cjkFaceFor(language); face != kDefaultFace)
            byFace[face].insert(byFace[face].end(), own.begin(), own.end());
    for (const auto& [face, own] : byFace) {
        // The language's own characters from its face; anything else it shows (a title in another
        // language, digits) merged in from the default face, so no glyph is missing.
        atlasFonts().byFace[face] = addFace(font, pixelSize, face, rangesOf(own, false), false);
        addFace(font, pixelSize, kDefaultFace, all, true);
    }
    io.Fonts->Build();
}

ImFont* fontFor(const std::string& language) {
    if (!ImGui::GetCurrentContext()) return nullptr;
    const auto& byFace = atlasFonts().byFace;
    if (auto it = byFace.find(cjkFaceFor(language)); it != byFace.end()) return it->second;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.empty() ? nullptr : atlas->Fonts[0];
}

}  // namespace axis::render
