#pragma once
// The viewer's state and behaviour between the window and the engine: modes, navigation,
// panels. Knows ImGui widgets and input events; knows nothing of Vulkan or GLFW windows.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "nav/bvh_world.h"
#include "nav/fly.h"
#include "nav/orbit.h"
#include "nav/transition.h"
#include "nav/walk.h"
#include "render/inspection_mode.h"
#include "render/label_layout.h"
#include "scene/bvh.h"
#include "viewer/audio/narration_player.h"
#include "viewer/gestures.h"
#include "viewer/input.h"
#include "viewer/mode_layer.h"
#include "site/scene_loader.h"
#include "viewer/ui/image_cache.h"
#include "viewer/ui/text.h"

namespace axis::site {
class GpuScene;
}

namespace axis::viewer {

enum class AppMode { Explore, Curator };
enum class NavMode { Walk, Fly, Orbit };

struct FrameStats {
    double frameSeconds = 0.0;  ///< Smoothed.
    uint64_t triangles = 0;
    uint64_t clustersHidden = 0;  ///< Behind nearer geometry, skipped by the occlusion test.
    std::string device;
    uint32_t width = 0, height = 0;
};

/// A POI body's paragraphs (separated by blank lines).
std::vector<std::string> splitParagraphs(const std::string& body);

class ViewerApp {
public:
    ViewerApp(site::LoadedScene scene, double aspect);

    /// One input event. `uiCaptured` is true when ImGui wants this mouse or keyboard event.
    void handle(const InputEvent& event, bool uiCaptured);
    /// Advances continuous motion (held keys, gamepad, transitions) by `dt` seconds.
    void update(double dt);
    /// Builds this frame's ImGui widgets.
    void drawUi(const FrameStats& stats);

    Camera camera() const;
    /// Puts the camera at `c` at once (a start view given on the command line).
    void setCamera(const Camera& c);
    /// Streaming (window_app.cpp): models opened after the window came up join the scene, visible,
    /// and picking and collision are rebuilt over all models (about a second per million
    /// triangles, on the calling thread). Appended in order, so indices stay parallel to the
    /// window's GPU models.
    void addModels(std::vector<site::LoadedModel> models);
    const site::LoadedScene& scene() const { return scene_; }
    bool modelVisible(size_t i) const { return visible_[i]; }
    Shading modelShading(size_t i) const { return shading_[i]; }
    NavMode navMode() const { return nav_; }
    bool transitioning() const { return transition_.active(); }
    /// Window size in screen points (for picking and drags).
    void setViewport(double width, double height);
    Language language() const { return language_; }
    render::InspectionMode inspection() const { return inspection_; }
    void setInspection(render::InspectionMode mode) { inspection_ = mode; }

    // --- For mode layers (kiosk, editors, record mode) ---
    void addLayer(std::unique_ptr<ModeLayer> layer) { layers_.push_back(std::move(layer)); }
    UiPolicy& policy() { return policy_; }
    AppMode mode() const { return mode_; }
    void setMode(AppMode mode) { mode_ = mode; }
    void setNavMode(NavMode mode);
    void setLanguage(Language language) { language_ = language; }
    /// The languages offered, in order: the site's kiosk languages (well-formed tags), else zh, en.
    std::vector<Language> languages() const;
    /// Seconds since the last input event (for idle timeouts).
    double idleSeconds() const { return clock_ - lastInputTime_; }
    double clock() const { return clock_; }
    /// Starts a smooth move to a camera (a saved viewpoint); switches to fly if it is in the air.
    void goToCamera(const Camera& target);
    /// The site's start view (or the framed scene), as the app first showed it.
    const Camera& startCamera() const { return startCamera_; }
    /// Unit direction, site frame, of the view ray through window point `p` (screen points).
    glm::dvec3 rayThrough(glm::dvec2 p) const;
    /// Casts a ray through window point `p` (screen points) into the site.
    std::optional<Hit> pick(glm::dvec2 p) const;
    const Bvh& bvh() const { return bvh_; }
    glm::dvec2 viewport() const { return {viewWidth_, viewHeight_}; }
    /// Points of interest in tour order (the attract tour's stops first), as indices into the
    /// scene's POI file; open one in the reading panel, or close it.
    std::vector<size_t> poiOrder() const;
    void openPoi(size_t index);
    void closePoi() { openPoi_.reset(); }
    std::optional<size_t> openedPoi() const { return openPoi_; }
    /// Text of a language map in the current language (falls back to any language).
    std::string poiText(const LangText& text) const;
    /// Replaces the points of interest shown in the scene (the POI editor after each edit).
    void setPois(const PoiFile& pois);
    /// The site editor: places a model as the site (with geographic `origin`) says, rebuilds
    /// picking and collision when asked (after a drag, not during it), reports a model's
    /// site-frame bounds.
    void setModelPlacement(const ModelPlacement& placement, const std::optional<GeoOrigin>& origin);
    /// The site editor's cuts of every model (a model's own come with its placement); picking
    /// and walking follow at the next rebuildPicking().
    void setSiteClipping(const Clipping& clipping) { scene_.clipping = clipping; }
    /// The site editor's time zone ("+08:00"; empty: from the longitude), which the sun reads.
    void setTimeZone(const std::string& zone);
    /// The sun the window shows the scene in (--sun, the site's saved sun, the sun panel's or the
    /// site editor's latest); empty: the default light. Each change, and each change of the time
    /// zone, moves sunRevision() on, which the frame loop follows.
    const std::optional<SiteSun>& sun() const { return sun_; }
    void setSun(std::optional<SiteSun> sun);
    unsigned sunRevision() const { return sunRevision_; }
    void rebuildPicking();
    /// Where the drawn tiles of the scene's tilesets are, for picking and walking on them
    /// (rebuildPicking when GpuScene::tileGeneration changes); null: no tiles.
    void setTiles(const site::GpuScene* tiles) { tiles_ = tiles; }
    Bounds modelBounds(const std::string& id) const;
    /// Adds a model opened by an editor; the window uploads it and then calls addModels.
    void requestAddModel(site::LoadedModel model) { requestedModels_.push_back(std::move(model)); }
    std::vector<site::LoadedModel> takeRequestedModels() { return std::exchange(requestedModels_, {}); }
    /// Where POI images go to be decoded and uploaded (the window sets the uploader).
    ImageCache& images() { return images_; }
    /// Closes every panel the viewer opened (a kiosk's reset for the next visitor).
    void closePanels();
    /// Plays POI `index`'s narration in the current language from the start (a tour arriving at
    /// a stop), stopping what played; it plays on when no panel is open. False when the POI has
    /// none in this language or there is no sound output; a file that cannot be decoded is
    /// logged once decoding fails.
    bool playNarration(size_t index);
    /// Silences any narration (a visitor took over from the tour, the kiosk reset).
    void stopNarration();
    /// Asks the window to close (e.g. the kiosk's exit PIN); still subject to allowQuit().
    void requestQuit() { quitRequested_ = true; }
    bool quitRequested() const { return quitRequested_; }
    /// False while any layer refuses (kiosk, unsaved work).
    bool allowQuit();
    /// On-screen controls (the kiosk's walk and look pads): added to keys and gamepad each
    /// update as if held, until replaced. Same units as NavInput; zero when nothing is held.
    void setVirtualInput(const nav::NavInput& in) { virtualInput_ = in; }
    /// Where the reading panel goes, in screen points: a layer's layout (the kiosk's side column
    /// or bottom sheet, which brings its own big close button instead of the title bar's small
    /// one). None: a column at the right edge, closed from its title bar.
    struct PanelRect {
        float x = 0, y = 0, width = 0, height = 0;
    };
    void setPoiPanelRect(std::optional<PanelRect> rect) { poiPanelRect_ = rect; }
    /// The text size a layer's layout wants, in pixels (the kiosk's, from the window's size); the
    /// window rasterises its fonts again at it once it settles. 0: whatever they were built at.
    void requestUiFontPixels(float pixels) { uiFontPixels_ = pixels; }
    float requestedUiFontPixels() const { return uiFontPixels_; }

    /// Set by F12: the window writes the next frame here, then calls screenshotWritten().
    std::optional<std::string> takeScreenshotRequest();
    void screenshotWritten(const std::string& path);
    bool toggleFullscreenRequested();

private:
    void handleKey(const KeyEvent& key);
    void handleMouseButton(const MouseButtonEvent& button, bool uiCaptured);
    void handleTouch(const TouchEvent& touch);
    void handleGamepad(const GamepadEvent& pad);
    nav::CameraController& controller();
    /// Starts a smooth move to what lies under window point `p` (double-click, double-tap).
    void goToPoint(glm::dvec2 p);
    void updateHeldInput();
    void drawPlacesPanel();
    // Points of interest: labels in the scene, the reading panel, tag filters.
    void layoutPoiLabels();
    std::optional<size_t> poiAt(glm::dvec2 p) const;
    void drawPoiPanel();
    void drawPoiMedia(const Poi& poi);
    void drawNarrationButton(const Poi& poi);
    /// The file of `poi`'s narration in the current language (its nearest tag), if it has one.
    std::optional<std::filesystem::path> narrationFile(const Poi& poi) const;
    /// The sound output, opened on first use; null without one.
    NarrationPlayer* narrationPlayer();
    void drawToolbar();
    void drawModelsPanel();
    void drawHelp();
    void drawStats(const FrameStats& stats);

    site::LoadedScene scene_;
    std::optional<SiteSun> sun_;
    unsigned sunRevision_ = 0;
    std::vector<bool> visible_;
    std::vector<Shading> shading_;
    const site::GpuScene* tiles_ = nullptr;
    Bvh bvh_;
    nav::BvhWorld world_{bvh_};
    nav::WalkController walk_{&world_};
    nav::FlyController fly_{&world_};
    nav::OrbitController orbit_;
    nav::CameraTransition transition_;
    std::optional<NavMode> modeAfterTransition_;
    InputState held_;
    GestureTracker gestures_;
    unsigned lastGamepadButtons_ = 0;
    double clock_ = 0.0;
    double lastClickTime_ = -1.0;
    glm::dvec2 lastClickPos_{0.0};
    double viewWidth_ = 1280.0;
    bool showPlaces_ = false;
    render::LabelLayout labels_;
    std::vector<std::string> labelTexts_;
    std::optional<size_t> openPoi_;
    std::optional<PanelRect> poiPanelRect_;
    float uiFontPixels_ = 0.0f;
    std::set<std::string> hiddenTags_;
    AppMode mode_ = AppMode::Explore;
    NavMode nav_ = NavMode::Orbit;
    Language language_ = "zh";
    render::InspectionMode inspection_ = render::InspectionMode::Off;
    bool showHelp_ = false, showStats_ = false, showModels_ = false;
    bool fullscreenRequested_ = false;
    std::optional<std::string> screenshotRequest_;
    std::string toast_;
    double toastSeconds_ = 0.0;
    double viewHeight_ = 720.0;
    double fovY_ = glm::radians(60.0);
    Camera startCamera_;
    double lastInputTime_ = 0.0;
    bool quitRequested_ = false;
    UiPolicy policy_;
    std::vector<std::unique_ptr<ModeLayer>> layers_;
    nav::NavInput virtualInput_;  ///< From a layer's on-screen controls (setVirtualInput).
    std::vector<site::LoadedModel> requestedModels_;
    ImageCache images_;
    std::unique_ptr<NarrationPlayer> narration_;  ///< Opened when a narration is first offered.
    bool narrationOpened_ = false;                ///< Tried (null narration_: no sound output).
    bool narrationFromPanel_ = false;             ///< Started by Listen: ends with the panel.
};

}  // namespace axis::viewer
