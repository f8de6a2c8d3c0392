#pragma once
// UI fonts: Noto Sans CJK (Debian's fonts-noto-cjk) for Chinese, Japanese, Korean and Latin text.
// The atlas holds only the glyphs of the text in use, so it stays small (a full CJK atlas is
// ~30 MB). The same character is drawn differently in China, Taiwan, Hong Kong, Japan and Korea
// (直, 骨, 海...): text in Japanese, Korean or Traditional Chinese gets a font of its own made from
// that region's face of the collection. Shared by the window's UI and the recorder's burnt-in
// labels (record/label_overlay.h).
#include <map>
#include <string>
#include <vector>

struct ImFont;

namespace axis::render {

/// Finds the CJK font on this machine; empty when not installed.
std::string findCjkFont();

/// The face of the Noto Sans CJK collection that draws `language` (a BCP 47 tag) as its readers
/// expect: 0 Japanese, 1 Korean, 2 Simplified Chinese (also Latin and any other language),
/// 3 Traditional Chinese, 4 Hong Kong.
int cjkFaceFor(const std::string& language);

/// Builds the current ImGui context's font atlas at `pixelSize`: the default font with ASCII,
/// Latin-1 and every character of `texts` (Simplified Chinese forms), and for each language of
/// `byLanguage` whose face is not the default's, a font drawing that language's texts from its
/// own face (other characters merged in from the default face). Falls back to ImGui's built-in
/// font (with a warning) without Noto CJK. Not thread-safe (glyph ranges live in static buffers
/// until the atlas is built).
void buildFonts(const std::vector<std::string>& texts, float pixelSize,
                const std::map<std::string, std::vector<std::string>>& byLanguage = {});

/// The font for text in `language` made by the last buildFonts of this ImGui context, else the
/// default font (null before any build).
ImFont* fontFor(const std::string& language);

}  // namespace axis::render
