#pragma once
// UI fonts live in the engine (render/ui_fonts.h) so the recorder can burn labels into frames
// with the same font; the viewer keeps its old names.
#include "render/ui_fonts.h"

namespace axis::viewer {

using render::buildFonts;
using render::findCjkFont;

}  // namespace axis::viewer
