#pragma once
// The interactive window: GLFW, a Vulkan swapchain, the same scene renderer as the headless
// path, and the ImGui layer. Driven by a person or by a --script file.
#include <filesystem>
#include <optional>
#include <string>

#include "viewer/scene_loader.h"

namespace axis::viewer {

struct WindowOptions {
    uint32_t width = 1280, height = 720;
    bool fullscreen = false;
    bool vsync = true;
    /// Timed input (see script.h). The app then steps a fixed 1/60 s per frame, independent of
    /// wall-clock time, so scripted runs are reproducible.
    std::optional<std::filesystem::path> script;
    /// For automated checks: after this many frames, write the last one here and quit.
    std::optional<std::filesystem::path> screenshot;
    uint32_t screenshotAfterFrames = 5;
    /// Start at this named view ("start", "overview" or a POI id) instead of the site's start.
    std::string startView;
};

/// True when a window can be opened (an X11 or Wayland display is reachable).
bool displayAvailable();

/// Opens a window on `scene` and runs until it is closed; returns the process exit code.
int runWindow(LoadedScene scene, const std::string& title, const WindowOptions& options);

}  // namespace axis::viewer
