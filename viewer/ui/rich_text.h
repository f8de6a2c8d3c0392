#pragma once
// Renders a POI body (poi/markdown.h blocks) with ImGui: wrapped paragraphs, bullet lists, bold
// in a highlight colour, links to other POIs that can be clicked. Lines break between words and
// between any two CJK characters, which have no spaces between them.
#include <functional>
#include <string>
#include <vector>

#include "poi/markdown.h"

namespace axis::viewer {

/// Draws `blocks` in the current window; calls `onPoiLink(id)` when a POI link is clicked.
void drawRichText(const std::vector<Block>& blocks, const std::function<void(const std::string&)>& onPoiLink);

/// Splits text into pieces that may be laid out one after another with a line break allowed
/// before each: words with their trailing spaces, and single CJK characters.
std::vector<std::string> breakableRuns(const std::string& text);

}  // namespace axis::viewer
