#pragma once
// UI fonts: Noto Sans CJK (Debian's fonts-noto-cjk) for Chinese and English alike. The atlas
// holds only the glyphs of the text in use, so it stays small (a full CJK atlas is ~30 MB).
// Shared by the window's UI and the recorder's burnt-in labels (record/label_overlay.h).
#include <string>
#include <vector>

namespace axis::render {

/// Finds the CJK font on this machine; empty when not installed.
std::string findCjkFont();

/// Builds the current ImGui context's font atlas at `pixelSize` with ASCII, Latin-1 and every
/// character of `texts`. Falls back to ImGui's built-in font (with a warning) without Noto CJK.
/// Not thread-safe (the glyph ranges live in one static buffer until the atlas is built).
void buildFonts(const std::vector<std::string>& texts, float pixelSize);

}  // namespace axis::render
