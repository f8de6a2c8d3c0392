#include "viewer/window_app.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <utility>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>

#include "core/log.h"
#include "gpu/vk_check.h"
#include "render/geometry_residency.h"
#include "render/image_io.h"
#include "render/texture_residency.h"
#include "viewer/app.h"
#include "viewer/curator/poi_editor.h"
#include "viewer/curator/site_editor.h"
#include "viewer/record_mode/record_layer.h"
#include "site/site_sun.h"
#include "viewer/kiosk/kiosk_layer.h"
#include "viewer/kiosk/kiosk_text.h"
#include "viewer/kiosk/screen_dpi.h"
#include "viewer/kiosk/soak.h"
#include "viewer/cli_util.h"
#include "viewer/frame_log.h"
#include "viewer/load_panel.h"
#include "site/gpu_scene.h"
#include "site/model_stream.h"
#include "viewer/script.h"
#include "viewer/touch/touch_ui.h"
#include "viewer/touch/xi_touch_source.h"
#include "viewer/ui/fonts.h"
#include "viewer/ui/panel_at.h"
#include "viewer/window_renderer.h"

namespace axis::viewer {
namespace {

constexpr double kScriptStep = 1.0 / 60.0;
// A scripted run simulates and builds the UI every step but draws only every Nth one (and every
// screenshot): navigation is frame-rate independent, and on a CPU device drawing dominates.
constexpr uint64_t kScriptDrawEvery = 8;

// Events from GLFW callbacks, drained once per frame.
struct EventQueue {
    std::deque<InputEvent> events;
};

EventQueue& queueOf(GLFWwindow* w) { return *static_cast<EventQueue*>(glfwGetWindowUserPointer(w)); }

void installCallbacks(GLFWwindow* window, EventQueue& queue) {
    glfwSetWindowUserPointer(window, &queue);
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
        if (action != GLFW_REPEAT) queueOf(w).events.push_back(KeyEvent{key, action == GLFW_PRESS, mods});
    });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
        queueOf(w).events.push_back(MouseButtonEvent{button, action == GLFW_PRESS});
    });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
        queueOf(w).events.push_back(MouseMoveEvent{{x, y}});
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double dy) { queueOf(w).events.push_back(ScrollEvent{dy}); });
}

void setFullscreen(GLFWwindow* window, bool on, const WindowOptions& options) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (on && monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window, nullptr, 64, 64, int(options.width), int(options.height), GLFW_DONT_CARE);
    }
}

VkExtent2D framebufferExtent(GLFWwindow* window) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    return {uint32_t(std::max(w, 0)), uint32_t(std::max(h, 0))};
}

// AXIS_SCRIPT_DURING_LOAD=1: a script starts while the site still streams in (to test streaming);
// otherwise scripted and screenshot runs wait for every model, so they stay reproducible.
bool automationDuringLoad() {
    const char* v = std::getenv("AXIS_SCRIPT_DURING_LOAD");
    return v && *v && *v != '0';
}

bool isMouseEvent(const InputEvent& e) {
    return std::holds_alternative<MouseMoveEvent>(e) || std::holds_alternative<MouseButtonEvent>(e) ||
           std::holds_alternative<ScrollEvent>(e);
}

std::unique_ptr<gpu::Context> createWindowContext(GLFWwindow* window) {
    gpu::ContextOptions options;
    uint32_t count = 0;
    const char** extensions = glfwGetRequiredInstanceExtensions(&count);
    for (uint32_t i = 0; i < count; ++i) options.instanceExtensions.push_back(extensions[i]);
    options.createSurface = [window](VkInstance instance) {
        VkSurfaceKHR surface = VK_NULL_HANDLE;
        return glfwCreateWindowSurface(instance, window, nullptr, &surface) == VK_SUCCESS ? surface : VK_NULL_HANDLE;
    };
    auto context = gpu::Context::create(options);
    if (!context) {
        logError(context.error().message);
        return nullptr;
    }
    return std::move(*context);
}

// The frame loop: input (live or scripted), UI, rendering, presentation.
std::map<std::string, std::vector<std::string>> textsByLanguage(const site::LoadedScene& scene);
std::vector<std::string> textsInUse(const site::LoadedScene& scene);

class Loop {
public:
    Loop(GLFWwindow* window, std::unique_ptr<WindowRenderer>& renderer, ViewerApp& app,
         const WindowOptions& options,
         std::vector<ScriptStep> script, site::GpuScene gpuScene, std::unique_ptr<site::ModelStream> stream)
        : window_(window), renderer_(renderer), app_(app), options_(options), script_(std::move(script)),
          gpuScene_(std::move(gpuScene)), stream_(std::move(stream)),
          touchSource_(touch::XiTouchSource::open(window, options.touchRecording)) {
        app_.setTiles(&gpuScene_);
        app_.setInspection(options.inspection);
        if (options.sunTime) {
            site::siteSunlight(app_.scene(), *options.sunTime, true);  // Says where the sun stands, once.
            app_.setSun(SiteSun{formatLocalDateTime(*options.sunTime), options.shadows});
        }
        followSun();
        lighting_.shadows = options.shadows;  // Also on the default light, without a sun.
    }
    ~Loop() { app_.setTiles(nullptr); }

    int run() {
        auto last = std::chrono::steady_clock::now();
        while (!quit_) {
            if (glfwWindowShouldClose(window_) || app_.quitRequested()) {
                // The kiosk, or an editor with unsaved work, may refuse.
                if (app_.allowQuit()) break;
                glfwSetWindowShouldClose(window_, GLFW_FALSE);
            }
            glfwPollEvents();
            pollTouch();
            receiveModels();
            if (loading() && automated() && !automationDuringLoad()) {
                glfwWaitEventsTimeout(0.01);  // The script's clock starts once the site is in.
                last = std::chrono::steady_clock::now();
                continue;
            }
            auto now = std::chrono::steady_clock::now();
            double dt = scripted() ? scriptStep() : std::chrono::duration<double>(now - last).count();
            last = now;
            stats_.frameSeconds = stats_.frameSeconds * 0.9 + std::chrono::duration<double>(dt).count() * 0.1;
            if (scripted()) runScriptUntil(clock_ += dt);
            else pollGamepad();
            int w = 0, h = 0;
            glfwGetWindowSize(window_, &w, &h);
            app_.setViewport(w, h);
            dispatchEvents();
            // Walking falls through ground that has not arrived yet: hold it until the site is in.
            app_.update(loading() && app_.navMode() == NavMode::Walk ? 0.0 : dt);
            if (app_.toggleFullscreenRequested()) setFullscreen(window_, fullscreen_ = !fullscreen_, options_);
            VkExtent2D extent = framebufferExtent(window_);
            if (extent.width == 0 || extent.height == 0) {  // Minimised: nothing to draw into.
                glfwWaitEventsTimeout(0.1);
                continue;
            }
            if (auto code = drawFrame(extent)) return *code;
        }
        return validationMessages() ? kExitFailure : 0;
    }

    /// Validation messages of this run, the devices lost on the way included.
    uint32_t validationMessages() const {
        return earlierValidationMessages_ + (renderer_ ? renderer_->context().validationMessageCount() : 0);
    }

private:
    bool scripted() const { return options_.script.has_value() || options_.soakCycles > 0; }
    // A kiosk soak compresses months into minutes: big steps, rare draws (kiosk/soak.h).
    double scriptStep() const { return options_.soakCycles > 0 ? kiosk::kSoakStepSeconds : kScriptStep; }
    uint64_t scriptDrawEvery() const { return options_.soakCycles > 0 ? kiosk::kSoakDrawEvery : kScriptDrawEvery; }
    bool automated() const { return scripted() || options_.screenshot.has_value(); }
    bool loading() const { return stream_ && !stream_->finished(); }

    // Uploads the models the stream finished since the last frame and hands them to the app,
    // which extends picking and collision. Render thread, like every upload.
    void receiveModels() {
        std::vector<site::LoadedModel> arrived = app_.takeRequestedModels();  // Added by an editor.
        if (stream_) {
            auto streamed = stream_->take();
            for (auto& m : streamed) arrived.push_back(std::move(m));
        }
        if (arrived.empty()) return;
        for (const site::LoadedModel& m : arrived) gpuScene_.add(renderer_->scene(), m);
        app_.addModels(std::move(arrived));
    }

    // A lost device (driver reset, GPU hang, eGPU unplugged) or surface: everything made on it is
    // gone. Build a new device, swapchain and passes, and upload the models and fonts again from
    // what the app holds; the visitor sees one frame skipped. A device that keeps failing is
    // given up on (exit, and the service manager restarts the kiosk: README).
    bool recoverDevice(const gpu::VulkanError& error) {
        logError("GPU lost (" + std::string(error.what()) + "): recreating the device and uploading " +
                 std::to_string(gpuScene_.size()) + " model(s) again");
        if (++recoveries_ > kMaxRecoveries) return false;
        earlierValidationMessages_ += renderer_->context().validationMessageCount();
        renderer_->context().waitIdle();  // A lost device returns at once; a simulated one drains.
        gpuScene_.clear();                 // Before the device they live on.
        renderer_.reset();
        app_.images().forgetTextures();
        auto context = createWindowContext(window_);
        if (!context) return false;
        renderer_ = std::make_unique<WindowRenderer>(std::move(context), framebufferExtent(window_), options_.vsync);
        if (options_.gpuBudgetMb > 0) renderer_->scene().setStreamingBudget(options_.gpuBudgetMb << 20);
        renderer_->ui().uploadFonts();
        gpuScene_.addAll(renderer_->scene(), app_.scene());
        stats_.device = renderer_->context().deviceName();
        logInfo("GPU device recreated: " + stats_.device);
        return true;
    }

    void runScriptUntil(double time) {
        while (next_ < script_.size() && script_[next_].time <= time) {
            const ScriptAction& a = script_[next_++].action;
            if (auto* e = std::get_if<InputEvent>(&a)) scriptedEvents_.push_back(*e);
            else if (auto* s = std::get_if<ScriptScreenshot>(&a)) {
                // The frame must be drawn before any later step (a resize, say) changes it.
                pendingShots_.push_back(s->file.string());
                return;
            }
            else if (auto* r = std::get_if<ScriptResize>(&a)) glfwSetWindowSize(window_, r->width, r->height);
            else if (std::holds_alternative<ScriptPrintCamera>(a)) printCamera();
            else if (std::holds_alternative<ScriptQuit>(a)) quitAfterFrame_ = true;
            else if (std::holds_alternative<ScriptClose>(a)) glfwSetWindowShouldClose(window_, GLFW_TRUE);
        }
    }

    // Fingers from the X server join the GLFW events; drained in scripted runs too (and dropped
    // there with the rest of the live input).
    void pollTouch() {
        if (!touchSource_) return;
        for (const TouchEvent& t : touchSource_->poll()) queueOf(window_).events.push_back(t);
    }

    // GLFW has no gamepad callbacks: read the first gamepad's state and report changes.
    void pollGamepad() {
        GLFWgamepadstate state;
        if (!glfwJoystickIsGamepad(GLFW_JOYSTICK_1) || !glfwGetGamepadState(GLFW_JOYSTICK_1, &state)) return;
        GamepadEvent g;
        g.leftStick = {state.axes[GLFW_GAMEPAD_AXIS_LEFT_X], state.axes[GLFW_GAMEPAD_AXIS_LEFT_Y]};
        g.rightStick = {state.axes[GLFW_GAMEPAD_AXIS_RIGHT_X], state.axes[GLFW_GAMEPAD_AXIS_RIGHT_Y]};
        // Triggers rest at -1 in GLFW's mapping.
        g.leftTrigger = (state.axes[GLFW_GAMEPAD_AXIS_LEFT_TRIGGER] + 1.0) * 0.5;
        g.rightTrigger = (state.axes[GLFW_GAMEPAD_AXIS_RIGHT_TRIGGER] + 1.0) * 0.5;
        for (int b = 0; b <= GLFW_GAMEPAD_BUTTON_LAST; ++b)
            if (state.buttons[b]) g.buttons |= 1u << b;
        if (g.leftStick != lastPad_.leftStick || g.rightStick != lastPad_.rightStick || g.buttons != lastPad_.buttons ||
            g.leftTrigger != lastPad_.leftTrigger || g.rightTrigger != lastPad_.rightTrigger)
            queueOf(window_).events.push_back(g);
        lastPad_ = g;
    }

    void printCamera() {
        Camera c = app_.camera();
        double yaw = glm::degrees(std::atan2(c.forward.x, c.forward.y));
        double pitch = glm::degrees(std::asin(glm::clamp(c.forward.z, -1.0, 1.0)));
        std::printf("camera %.4f %.4f %.4f %.3f %.3f %d\n", c.position.x, c.position.y, c.position.z, yaw, pitch,
                    int(app_.navMode()));
        std::fflush(stdout);
    }

    void dispatchEvents() {
        auto& live = queueOf(window_).events;
        // A scripted run ignores the real pointer: only the script moves things.
        std::deque<InputEvent> events = scripted() ? std::move(scriptedEvents_) : std::move(live);
        live.clear();
        scriptedEvents_.clear();
        const ImGuiIO& io = ImGui::GetIO();
        for (const auto& e : events) {
            if (auto* t = std::get_if<TextEvent>(&e)) typed_.push_back(t->utf8);
            input_.apply(e);
            bool captured = isMouseEvent(e) ? io.WantCaptureMouse : io.WantCaptureKeyboard;
            if (auto* t = std::get_if<TouchEvent>(&e)) {
                captured = touchCapture_.captured(*t);
                touchPointer_.feed(*t);
            }
            app_.handle(e, captured);
        }
    }

    // The light follows the app's sun (--sun, the site's, the slider's or the site editor's).
    void followSun() {
        if (sunRevision_ == app_.sunRevision()) return;
        sunRevision_ = app_.sunRevision();
        const auto& sun = app_.sun();
        if (!sun) {
            lighting_ = render::Lighting{};
        } else {
            const LocalDateTime time = *parseLocalDateTime(sun->time);  // Checked where it was set.
            sunHour_ = float(time.hour + time.minute / 60.0);
            lighting_ = site::siteSunlight(app_.scene(), time);
            lighting_.shadows = sun->shadows;
        }
        // `--exposure auto` follows the sun until the exposure is set by hand.
        lighting_ = exposed(lighting_, exposureAuto_ ? options_.exposure : ExposureChoice{exposureEv_});
        exposureEv_ = float(std::log2(lighting_.exposure));
    }

    // The time of day of the sun's date: the sun, its light and its shadows follow the slider.
    void drawSunPanel() {
        ImGui::SetNextWindowPos(ImVec2(10.0f, ImGui::GetIO().DisplaySize.y - 90.0f), ImGuiCond_FirstUseEver);
        const Language language = app_.language();
        ImGui::Begin((std::string(text::kSun(language)) + "###sun").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
        SiteSun sun = *app_.sun();
        if (ImGui::SliderFloat("##hour", &sunHour_, 0.0f, 23.99f, "%.2f h")) {
            sun.time = formatLocalDateTime(atHour(*parseLocalDateTime(sun.time), sunHour_));
            app_.setSun(sun);
        }
        if (ImGui::Checkbox(text::kShadows(language), &sun.shadows)) app_.setSun(sun);
        // "EV" in every language: the photographer's unit of exposure.
        if (ImGui::SliderFloat("EV##exposure", &exposureEv_, -3.0f, 3.0f, "%+.1f")) {
            exposureAuto_ = false;
            lighting_ = render::withExposureEv(lighting_, exposureEv_);
        }
        ImGui::End();
    }

    // A layer's layout may want text of another size than the fonts were rasterised at (the
    // kiosk's grows with the window): scaled, glyphs turn soft. Once the wanted size has held for
    // kFontSettleFrames frames (a window being dragged larger asks for a new size every frame) and
    // differs by more than a tenth, the atlas is built again at it, between frames as ImGui requires.
    void refitFonts() {
        constexpr int kFontSettleFrames = 10;
        const float wanted = app_.requestedUiFontPixels();
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        if (wanted <= 0.0f || atlas->Fonts.empty()) return;
        const float current = atlas->Fonts[0]->FontSize;
        if (std::abs(wanted - current) <= 0.1f * current || wanted != fontWanted_) {
            fontWanted_ = wanted;
            fontSettledFrames_ = 0;
            return;
        }
        if (++fontSettledFrames_ < kFontSettleFrames) return;
        buildFonts(textsInUse(app_.scene()), wanted, textsByLanguage(app_.scene()));
        renderer_->ui().uploadFonts();  // The old atlas's image stays until the pass goes: frames in flight use it.
        logInfo("fonts rasterised again at " + std::to_string(int(std::lround(wanted))) + " px for the window's size");
    }

    void buildUi(VkExtent2D extent) {
        refitFonts();
        ImGui_ImplGlfw_NewFrame();
        if (scripted()) {  // The script's pointer, not the real one, drives the UI.
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(float(input_.mouse.x), float(input_.mouse.y));
            for (int i = 0; i < 3; ++i) io.MouseDown[i] = input_.buttons[i];
            // Keys too, so scripts can edit text fields (ImGui 1.86 reads KeysDown by GLFW code).
            for (int k = 0; k < int(IM_ARRAYSIZE(io.KeysDown)); ++k) io.KeysDown[k] = input_.held(k);
            io.KeyCtrl = input_.held(GLFW_KEY_LEFT_CONTROL) || input_.held(GLFW_KEY_RIGHT_CONTROL);
            io.KeyShift = input_.held(GLFW_KEY_LEFT_SHIFT) || input_.held(GLFW_KEY_RIGHT_SHIFT);
            io.KeyAlt = input_.held(GLFW_KEY_LEFT_ALT) || input_.held(GLFW_KEY_RIGHT_ALT);
            for (const auto& text : typed_) io.AddInputCharactersUTF8(text.c_str());
            typed_.clear();
        }
        if (auto finger = touchPointer_.nextFrame()) {  // A finger is the UI's pointer while it is down.
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(float(finger->position.x), float(finger->position.y));
            io.MouseDown[0] = finger->down;
        }
        ImGui::NewFrame();
        stats_.width = extent.width;
        stats_.height = extent.height;
        app_.drawUi(stats_);
        // The curator's site editor edits a site's sun itself, with undo (curator/clip_editor.h).
        const bool siteEditor = app_.mode() == AppMode::Curator && app_.scene().site;
        if (app_.sun() && !options_.kiosk && !siteEditor) drawSunPanel();
        followSun();
        if (loading()) drawLoadPanel(stream_->status());
        ImGui::Render();
    }

    std::optional<int> drawFrame(VkExtent2D extent) {
        buildUi(extent);
        render::FrameView view;
        view.aspect = double(extent.width) / double(extent.height);
        view.camera = app_.camera();
        view.pointSize = options_.pointSize;
        if (options_.eyeDome) view.eyeDome.strength = 1.0;
        view.inspection = app_.inspection();
        view.lighting = lighting_;
        if (gpuScene_.hasTilesets()) {
            // Scripted runs see what a still would: the tiles their view needs, every one (as they
            // wait for a site's models), unless told to go on while loading.
            const bool wait = automated() && !automationDuringLoad();
            gpuScene_.update(renderer_->scene(), app_.scene(), {view, double(extent.height), &renderer_->frames(), wait});
            pickTiles();
        }
        const std::vector<render::DrawItem> items = gpuScene_.items(
            app_.scene(), [&](size_t i) { return app_.modelVisible(i); }, [&](size_t i) { return app_.modelShading(i); });

        std::optional<std::string> shot = app_.takeScreenshotRequest();
        const bool personRequested = shot.has_value();  // F12: confirm it on screen; scripts stay quiet.
        if (!pendingShots_.empty() && !shot) {
            shot = pendingShots_.front();
            pendingShots_.pop_front();
        }
        frameCount_++;
        const bool finalShot = options_.screenshot && frameCount_ >= options_.screenshotAfterFrames;
        if (finalShot && !shot) shot = options_.screenshot->string();
        if (scripted() && !shot && frameCount_ % scriptDrawEvery() != 0) {
            if (quitAfterFrame_ && pendingShots_.empty()) quit_ = true;
            return std::nullopt;
        }
        std::optional<gpu::Rgba8Image> image;
        try {
            image = renderer_->drawFrame(extent, view, items, ImGui::GetDrawData(), shot.has_value());
        } catch (const gpu::VulkanError& e) {
            if (e.result() != VK_ERROR_DEVICE_LOST && e.result() != VK_ERROR_SURFACE_LOST_KHR) throw;
            if (shot) pendingShots_.push_front(*shot);  // Taken on the next frame instead.
            if (!recoverDevice(e)) return kExitFailure;
            return std::nullopt;
        }
        stats_.triangles = renderer_->lastStats().triangles;  // Shown next frame.
        stats_.clustersHidden = renderer_->lastStats().clustersOccluded;
        if (frameLog_) logFrame(view.camera);
        if (shot && image) {
            if (auto s = render::writePng(*shot, *image); !s) {
                logError(s.error().message);
                return kExitFailure;
            }
            logInfo("screenshot written to " + *shot);
            if (personRequested) app_.screenshotWritten(*shot);
        }
        if (finalShot || (quitAfterFrame_ && pendingShots_.empty())) quit_ = true;
        return std::nullopt;
    }

    // Picking and walking follow the tiles resident; a BVH over many tiles takes a while to build,
    // so at most once a second while they stream in.
    void pickTiles() {
        const std::uint64_t generation = gpuScene_.tileGeneration();
        const auto now = std::chrono::steady_clock::now();
        if (generation == pickedTileGeneration_ || now - lastTilePicking_ < std::chrono::seconds(1)) return;
        app_.rebuildPicking();
        pickedTileGeneration_ = generation;
        lastTilePicking_ = now;
    }

    void logFrame(const Camera& camera) {
        const render::RenderStats& last = renderer_->recordedStats();
        render::SceneRenderer& scene = renderer_->scene();
        frameLog_->add({last.streamingSeconds, last.texturesWaiting, scene.textures().residentBytes(),
                        scene.geometry().residentBytes(), camera});
    }

    GLFWwindow* window_;
    std::unique_ptr<WindowRenderer>& renderer_;  // Replaced when the device is lost.
    ViewerApp& app_;
    const WindowOptions& options_;
    std::vector<ScriptStep> script_;
    size_t next_ = 0;
    double clock_ = 0.0;
    std::deque<InputEvent> scriptedEvents_;
    std::deque<std::string> pendingShots_;
    InputState input_;
    std::vector<std::string> typed_;  ///< Scripted text for ImGui's next frame.
    GamepadEvent lastPad_;
    FrameStats stats_;
    uint64_t frameCount_ = 0;
    bool fullscreen_ = false, quit_ = false, quitAfterFrame_ = false;
    site::GpuScene gpuScene_;
    std::uint64_t pickedTileGeneration_ = 0;
    std::chrono::steady_clock::time_point lastTilePicking_{};
    std::unique_ptr<site::ModelStream> stream_;
    std::unique_ptr<touch::XiTouchSource> touchSource_;  ///< Null without XInput 2.2.
    touch::TouchCapture touchCapture_{ui::panelAt};
    touch::TouchPointer touchPointer_;
    static constexpr int kMaxRecoveries = 8;
    int recoveries_ = 0;
    float fontWanted_ = 0.0f;  ///< The layout's text size being waited on (refitFonts).
    int fontSettledFrames_ = 0;
    uint32_t earlierValidationMessages_ = 0;
    std::unique_ptr<FrameLog> frameLog_;
    render::Lighting lighting_;  ///< The default light, or the app's sun.
    unsigned sunRevision_ = ~0u;  ///< The app's sun that lighting_ shows.
    float sunHour_ = 12.0f;
    float exposureEv_ = float(options_.exposure.ev);  ///< The sun panel's exposure slider.
    bool exposureAuto_ = options_.exposure.automatic;  ///< Until the slider is moved.

public:
    void setDevice(const std::string& name) { stats_.device = name; }
    void setFrameLog(std::unique_ptr<FrameLog> log) { frameLog_ = std::move(log); }
};

// Per language the site offers, the text shown in it: UI strings and content, for fonts that
// draw each in its region's glyphs (render/ui_fonts.h).
std::map<std::string, std::vector<std::string>> textsByLanguage(const site::LoadedScene& scene) {
    std::map<std::string, std::vector<std::string>> out;
    const bool kiosk = scene.site && scene.site->kiosk;
    for (const Language& l : offeredLanguages(kiosk ? scene.site->kiosk->languages : std::vector<std::string>{})) {
        std::vector<std::string>& texts = out[l] = uiStrings().allText();  // Its own catalogue among them.
        if (scene.site) texts.push_back(pickText(scene.site->name, l));
        if (scene.pois)
            for (const auto& poi : scene.pois->pois) {
                texts.push_back(pickText(poi.title, l));
                texts.push_back(pickText(poi.body, l));
            }
    }
    return out;
}

// --language as the site offers it: "zh-Hans" is the offered "zh" when both read one catalogue,
// so that L (the next offered language) moves on to another language rather than to the same one.
Language startLanguage(const std::vector<Language>& offered, const Language& asked) {
    const std::string catalogue = uiStrings().catalogueFor(asked);
    for (const Language& l : offered)
        if (!catalogue.empty() && uiStrings().catalogueFor(l) == catalogue) return l;
    return asked;
}

std::vector<std::string> textsInUse(const site::LoadedScene& scene) {
    std::vector<std::string> texts = allUiText();
    if (scene.site)
        for (const auto& [lang, name] : scene.site->name) texts.push_back(name);
    for (const auto& m : scene.models) texts.push_back(m.id);
    for (const auto& m : scene.pending) texts.push_back(m.id);
    if (scene.pois)
        for (const auto& poi : scene.pois->pois) {
            for (const auto& [lang, t] : poi.title) texts.push_back(t);
            for (const auto& [lang, t] : poi.body) texts.push_back(t);
        }
    return texts;
}

// The curator's editors: POIs of the site (or beside a lone model, NAME.pois.json).
void addEditorLayers(ViewerApp& app, const WindowOptions& options) {
    const site::LoadedScene& scene = app.scene();
    std::filesystem::path pois;
    if (scene.site && !scene.site->pois.empty()) pois = scene.site->poisPath();
    else if (scene.site) pois = scene.site->file.parent_path() / (scene.site->file.stem().stem().string() + ".pois.json");
    else if (!scene.models.empty()) pois = std::filesystem::path(scene.models[0].model.sourcePath).replace_extension(".pois.json");
    if (!pois.empty()) app.addLayer(std::make_unique<PoiEditorLayer>(pois));
    if (scene.site) app.addLayer(std::make_unique<SiteEditorLayer>());
    if (options.curator) app.setMode(AppMode::Curator);
    if (options.recordMode) app.addLayer(std::make_unique<RecordLayer>(options.scenePath, options.recordPath));
}

int runWithWindow(GLFWwindow* window, site::LoadedScene scene, const WindowOptions& options,
                  std::vector<ScriptStep> script) {
    auto context = createWindowContext(window);
    if (!context) return kExitFailure;
    auto renderer = std::make_unique<WindowRenderer>(std::move(context), framebufferExtent(window), options.vsync);
    if (options.gpuBudgetMb > 0) renderer->scene().setStreamingBudget(options.gpuBudgetMb << 20);
    if (const char* frame = std::getenv("AXIS_SIMULATE_DEVICE_LOST"))  // Tests of recoverDevice().
        renderer->simulateDeviceLossAt(std::strtoull(frame, nullptr, 10));
    site::GpuScene gpuScene;
    gpuScene.addAll(renderer->scene(), scene);

    float xscale = 1.0f, yscale = 1.0f;
    glfwGetWindowContentScale(window, &xscale, &yscale);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // No imgui.ini littering the working folder.
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(xscale);
    std::vector<std::string> texts = textsInUse(scene);
    // A kiosk is read standing: its layout sizes the font from the screen (kiosk_layout.h),
    // rasterised at that size to stay crisp.
    const VkExtent2D first = framebufferExtent(window);
    const float kioskFont =
        kiosk::kioskLayout(float(first.width), float(first.height),
                           kiosk::kioskScreenDpi(scene, float(first.width), float(first.height)).dpi,
                           float(kiosk::CornerLongPress::kCornerPixels))
            .fontPx;
    buildFonts(texts, options.kiosk ? kioskFont : 18.0f * xscale, textsByLanguage(scene));
    renderer->ui().uploadFonts();
    EventQueue queue;
    installCallbacks(window, queue);
    ImGui_ImplGlfw_InitForVulkan(window, true);  // Chains to the callbacks installed above.

    VkExtent2D e = framebufferExtent(window);
    std::optional<Camera> startView;
    if (!options.startView.empty()) {
        startView = scene.namedView(options.startView);
        if (!startView) {
            logError("no view named '" + options.startView + "' (try start, overview or a POI id)");
            return kExitUsage;
        }
    }
    std::vector<site::PendingModel> pending = std::exchange(scene.pending, {});
    ViewerApp app(std::move(scene), double(e.width) / double(std::max(e.height, 1u)));
    if (startView) app.setCamera(*startView);
    if (options.language) app.setLanguage(startLanguage(app.languages(), *options.language));
    if (options.kiosk)  // No editors in a kiosk: nothing there may change the site's files.
        app.addLayer(kiosk::makeKioskLayer(app, options.soakCycles > 0));
    else
        addEditorLayers(app, options);
    app.images().setUploader([&renderer](uint32_t w, uint32_t h, const std::vector<std::uint8_t>& rgba) {
        return renderer->ui().addImage(w, h, rgba);
    });
    // A deferred site streams in from here, nearest to the first view first.
    std::unique_ptr<site::ModelStream> stream;
    if (!pending.empty()) stream = std::make_unique<site::ModelStream>(std::move(pending), app.camera().position, windowLoadOptions());
    Loop loop(window, renderer, app, options, std::move(script), std::move(gpuScene), std::move(stream));
    loop.setDevice(renderer->context().deviceName());
    if (options.frameLog) {
        auto log = FrameLog::open(*options.frameLog);
        if (!log) {
            logError(log.error().message);
            return kExitFailure;
        }
        loop.setFrameLog(std::move(*log));
    }
    if (options.fullscreen) setFullscreen(window, true, options);
    int code = loop.run();
    if (renderer) renderer->context().waitIdle();  // Gone when a lost device could not be recreated.
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    if (uint32_t n = loop.validationMessages()) {
        logError(std::to_string(n) + " Vulkan validation message(s) reported");
        code = kExitFailure;
    }
    return code;
}

}  // namespace

site::LoadOptions windowLoadOptions() {
    site::LoadOptions options;
    options.cpuModels = false;
    return options;
}

bool displayAvailable() {
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

int runWindow(site::LoadedScene scene, const std::string& title, const WindowOptions& options) {
    std::vector<ScriptStep> script;
    if (options.soakCycles > 0) script = kiosk::soakScript(options.soakCycles, glm::dvec2(options.width, options.height));
    if (options.script) {
        auto loaded = loadScript(*options.script);
        if (!loaded) {
            logError(loaded.error().message);
            return kExitUsage;
        }
        script = std::move(*loaded);
    }
    glfwSetErrorCallback([](int, const char* message) { logError(std::string("window: ") + message); });
    if (!glfwInit()) return kExitFailure;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    if (options.kiosk) glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);  // No title bar, no close button.
    GLFWwindow* window = glfwCreateWindow(int(options.width), int(options.height), title.c_str(), nullptr, nullptr);
    int code = kExitFailure;
    if (window) {
        code = runWithWindow(window, std::move(scene), options, std::move(script));
        glfwDestroyWindow(window);
    }
    glfwTerminate();
    return code;
}

}  // namespace axis::viewer
