#pragma once
// Renders a POI body (poi/markdown.h blocks) with ImGui: wrapped paragraphs, bullet lists, bold
// in a highlight colour, links to other POIs that can be clicked. Lines break where
// i18n::breakableRuns allows: between words, and between CJK characters except before closing
// punctuation ("，" never starts a line) and after opening punctuation.
#include <functional>
#include <string>
#include <vector>

#include "poi/markdown.h"

namespace axis::viewer {

/// Draws `blocks` in the current window; calls `onPoiLink(id)` when a POI link is clicked.
void drawRichText(const std::vector<Block>& blocks, const std::function<void(const std::string&)>& onPoiLink);

/// Draws plain `text` wrapped to `width` screen points at the current font, breaking lines as
/// drawRichText does (ImGui's own wrapping would start a line with "，").
void drawWrappedText(const std::string& text, float width);

}  // namespace axis::viewer
