#pragma once
// The window's loading overlay while a site streams in (model_stream.h): how many models have
// arrived, and a bar for each one being opened or baked. Drawn by the window loop, not ViewerApp,
// so it needs nothing from the app's panels.
#include <vector>

#include "site/model_stream.h"

namespace axis::viewer {

/// Builds the overlay into the current ImGui frame; nothing when `models` is empty.
void drawLoadPanel(const std::vector<site::ModelStream::ModelStatus>& models);

}  // namespace axis::viewer
