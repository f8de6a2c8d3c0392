#pragma once
// Draws a label layout into an ImGui draw list: a marker dot on the anchor, a leader line, and a
// rounded box with the title. Used by the window (foreground of the UI) and by headless renders.
#include <string>
#include <vector>

#include <imgui.h>

#include "render/label_layout.h"

namespace axis::render {

/// Box size in points for `text` in the current ImGui font, padding included.
glm::vec2 labelBoxSize(const std::string& text);

/// `texts[i]` is the title of LabelInput i. `highlight` (an input index or -1) is drawn brighter.
void drawLabels(ImDrawList* list, const LabelLayout& layout, const std::vector<std::string>& texts, int highlight = -1);

}  // namespace axis::render
