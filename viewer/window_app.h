#pragma once
// The interactive window: GLFW, a Vulkan swapchain, the same scene renderer as the headless
// path, and the ImGui layer. Driven by a person or by a --script file.
#include <filesystem>
#include <optional>
#include <string>

#include "geo/solar_position.h"
#include "render/scene_renderer.h"
#include "site/scene_loader.h"
#include "viewer/cli_util.h"

namespace axis::viewer {

struct WindowOptions {
    uint32_t width = 1280, height = 720;
    bool fullscreen = false;
    bool vsync = true;
    /// Timed input (see script.h). The app then steps a fixed 1/60 s per frame, independent of
    /// wall-clock time, so scripted runs are reproducible.
    std::optional<std::filesystem::path> script;
    /// Writes every XInput touch event received to this file (viewer/touch/touch_record.h).
    std::optional<std::filesystem::path> touchRecording;
    /// For automated checks: after this many frames, write the last one here and quit.
    std::optional<std::filesystem::path> screenshot;
    uint32_t screenshotAfterFrames = 5;
    /// Start at this named view ("start", "overview" or a POI id) instead of the site's start.
    std::string startView;
    /// The interface's language at start (a canonical BCP 47 tag); else zh. A kiosk starts in its
    /// site's first language whatever this says.
    std::optional<std::string> language;
    /// Start in curator mode (editing unlocked).
    bool curator = false;
    /// Kiosk mode (viewer/kiosk): undecorated, locked down, attract loop; fullscreen on the
    /// primary monitor when `fullscreen` is also set. The cursor stays visible for touch screens
    /// that emulate a mouse.
    bool kiosk = false;
    /// Kiosk soak test: replay this many idle/visitor cycles with a compressed clock (kiosk/soak.h).
    int soakCycles = 0;
    /// Record mode (viewer/record_mode): build a camera path and export it. `scenePath` is the
    /// file the exporter opens; `recordPath` the path file the panel starts with.
    bool recordMode = false;
    std::filesystem::path scenePath;
    std::filesystem::path recordPath = "flythrough.path.json";
    /// Device memory for geometry and texture levels streamed in by need, MiB; 0: the default.
    std::uint64_t gpuBudgetMb = 0;
    render::FrameView::PointSize pointSize;  ///< `--point-size`.
    bool eyeDome = false;                    ///< `--eye-dome`.
    render::InspectionMode inspection = render::InspectionMode::Off;  ///< `--mode`; M cycles.
    /// `--sun`, else the site's saved sun: the day and hour the sun is placed at; a slider then moves
    /// it through the day (the site editor's, with undo, in curator mode).
    std::optional<LocalDateTime> sunTime;
    bool shadows = false;  ///< `--shadows` (on with --sun).
    ExposureChoice exposure;  ///< `--exposure`.
    /// A CSV line per drawn frame: wall time, streaming cost, textures waiting (frame_log.h).
    std::optional<std::filesystem::path> frameLog;
};

/// How the window opens models: through the bake, drawn and picked from it (no decoded copies).
site::LoadOptions windowLoadOptions();

/// True when a window can be opened (an X11 or Wayland display is reachable).
bool displayAvailable();

/// Opens a window on `scene` and runs until it is closed; returns the process exit code.
int runWindow(site::LoadedScene scene, const std::string& title, const WindowOptions& options);

}  // namespace axis::viewer
