#pragma once
// The interactive window: GLFW, a Vulkan swapchain, the same scene renderer as the headless path.
#include <filesystem>
#include <optional>
#include <string>

#include "viewer/scene_loader.h"

namespace axis::viewer {

struct WindowOptions {
    uint32_t width = 1280, height = 720;
    bool fullscreen = false;
    bool vsync = true;
    /// For automated checks: after this many frames, write the last one here and quit.
    std::optional<std::filesystem::path> screenshot;
    uint32_t screenshotAfterFrames = 5;
};

/// True when a window can be opened (an X11 or Wayland display is reachable).
bool displayAvailable();

/// Opens a window on `scene` and runs until it is closed; returns the process exit code.
int runWindow(LoadedScene scene, const std::string& title, const WindowOptions& options);

}  // namespace axis::viewer
