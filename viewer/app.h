#pragma once
// The viewer's state and behaviour between the window and the engine: modes, navigation,
// panels. Knows ImGui widgets and input events; knows nothing of Vulkan or GLFW windows.
#include <optional>
#include <string>
#include <vector>

#include "nav/orbit.h"
#include "viewer/input.h"
#include "viewer/scene_loader.h"
#include "viewer/ui/text.h"

namespace axis::viewer {

enum class AppMode { Explore, Curator };
enum class NavMode { Walk, Fly, Orbit };

struct FrameStats {
    double frameSeconds = 0.0;  ///< Smoothed.
    uint64_t triangles = 0;
    std::string device;
    uint32_t width = 0, height = 0;
};

class ViewerApp {
public:
    ViewerApp(LoadedScene scene, double aspect);

    /// One input event. `uiCaptured` is true when ImGui wants this mouse or keyboard event.
    void handle(const InputEvent& event, bool uiCaptured);
    /// Advances continuous motion (held keys, gamepad, transitions) by `dt` seconds.
    void update(double dt);
    /// Builds this frame's ImGui widgets.
    void drawUi(const FrameStats& stats);

    Camera camera() const;
    const LoadedScene& scene() const { return scene_; }
    bool modelVisible(size_t i) const { return visible_[i]; }
    Shading modelShading(size_t i) const { return shading_[i]; }
    NavMode navMode() const { return nav_; }
    Language language() const { return language_; }

    /// Set by F12: the window writes the next frame here, then calls screenshotWritten().
    std::optional<std::string> takeScreenshotRequest();
    void screenshotWritten(const std::string& path);
    bool toggleFullscreenRequested();

private:
    void handleKey(const KeyEvent& key);
    void setNavMode(NavMode mode);
    void drawToolbar();
    void drawModelsPanel();
    void drawHelp();
    void drawStats(const FrameStats& stats);

    LoadedScene scene_;
    std::vector<bool> visible_;
    std::vector<Shading> shading_;
    OrbitController orbit_;
    AppMode mode_ = AppMode::Explore;
    NavMode nav_ = NavMode::Orbit;
    Language language_ = Language::Chinese;
    glm::dvec2 lastMouse_{0.0};
    bool dragging_[3] = {false, false, false};
    bool showHelp_ = false, showStats_ = false, showModels_ = false;
    bool fullscreenRequested_ = false;
    std::optional<std::string> screenshotRequest_;
    std::string toast_;
    double toastSeconds_ = 0.0;
    double viewHeight_ = 720.0;
};

}  // namespace axis::viewer
