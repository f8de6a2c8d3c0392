#include "viewer/app.h"

#include <ctime>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>

#include "nav/framing.h"
#include "render/ui_fonts.h"
#include "site/site_picking.h"

namespace axis::viewer {
namespace {

Camera initialCamera(const site::LoadedScene& scene, double aspect) {
    if (auto start = scene.namedView("start")) return *start;
    std::vector<glm::dvec3> silhouette;
    for (const auto& m : scene.models) {
        auto pts = samplePositions(m, 20000);  // From the bake or the tileset when there is no CPU model.
        silhouette.insert(silhouette.end(), pts.begin(), pts.end());
    }
    return nav::framePoints(silhouette, {20.0, 20.0, 1.0}, aspect, 50.0);
}

std::string timestampedName() {
    std::time_t now = std::time(nullptr);
    char name[64];
    std::strftime(name, sizeof name, "axisview-%Y%m%d-%H%M%S.png", std::localtime(&now));
    return name;
}

}  // namespace

ViewerApp::ViewerApp(site::LoadedScene scene, double aspect) : scene_(std::move(scene)) {
    for (const auto& m : scene_.models) {
        visible_.push_back(true);
        shading_.push_back(m.shading);
    }
    bvh_ = site::buildSiteBvh(scene_.models, nullptr, scene_.clipping);
    Camera start = initialCamera(scene_, aspect);
    startCamera_ = start;
    fovY_ = start.fovY;
    // Orbit the point the start view looks at, about as far away as the scene's centre.
    double distance = scene_.bounds.empty() ? 10.0 : glm::length(scene_.bounds.center() - start.position);
    orbit_.reset(start, std::max(distance, 1.0));
    // Sites are walked through, as a visitor would; a single scan is turned around in orbit.
    nav_ = scene_.site ? NavMode::Walk : NavMode::Orbit;
    controller().reset(start);
}

nav::CameraController& ViewerApp::controller() {
    switch (nav_) {
        case NavMode::Walk: return walk_;
        case NavMode::Fly: return fly_;
        case NavMode::Orbit: break;
    }
    return orbit_;
}

Camera ViewerApp::camera() const {
    if (transition_.active()) return transition_.camera();
    switch (nav_) {
        case NavMode::Walk: return walk_.camera();
        case NavMode::Fly: return fly_.camera();
        case NavMode::Orbit: break;
    }
    return orbit_.camera();
}

void ViewerApp::setCamera(const Camera& c) {
    transition_ = {};
    if (nav_ == NavMode::Orbit) {
        auto hit = bvh_.raycast(c.position, c.forward, 1e7);
        orbit_.orbitAround(c.position, hit ? hit->position : c.position + c.forward * 10.0, c.fovY);
    } else {
        controller().reset(c);
    }
}

void ViewerApp::setViewport(double width, double height) {
    viewWidth_ = std::max(width, 1.0);
    viewHeight_ = std::max(height, 1.0);
    for (nav::CameraController* c : {static_cast<nav::CameraController*>(&walk_), static_cast<nav::CameraController*>(&fly_),
                                static_cast<nav::CameraController*>(&orbit_)})
        c->setViewport(viewWidth_, viewHeight_);
}

void ViewerApp::setNavMode(NavMode mode) {
    if (mode == nav_) return;
    Camera current = camera();
    transition_ = {};
    nav_ = mode;
    if (mode == NavMode::Orbit) {
        // Orbit what is in the middle of the view, or the scene's centre when that is sky.
        auto hit = bvh_.raycast(current.position, current.forward, 1e7);
        glm::dvec3 target = hit ? hit->position : scene_.bounds.center();
        orbit_.orbitAround(current.position, target, current.fovY);
    } else {
        controller().reset(current);
    }
}

glm::dvec3 ViewerApp::rayThrough(glm::dvec2 p) const {
    Camera c = camera();
    glm::dvec3 f = glm::normalize(c.forward);
    glm::dvec3 r = glm::normalize(glm::cross(f, c.up));
    glm::dvec3 u = glm::cross(r, f);
    const double t = std::tan(c.fovY / 2);
    const double x = (2.0 * p.x / viewWidth_ - 1.0) * t * viewWidth_ / viewHeight_;
    const double y = (1.0 - 2.0 * p.y / viewHeight_) * t;
    return glm::normalize(f + r * x + u * y);
}

std::optional<Hit> ViewerApp::pick(glm::dvec2 p) const { return bvh_.raycast(camera().position, rayThrough(p), 1e7); }

void ViewerApp::goToPoint(glm::dvec2 p) {
    auto hit = pick(p);
    if (!hit) return;
    Camera from = camera();
    Camera to = nav::goToTarget(from, *hit, nav_ == NavMode::Walk ? nav::GoToStyle::Walk : nav::GoToStyle::Fly, &world_);
    transition_ = nav::CameraTransition(from, to);
    modeAfterTransition_.reset();
    if (nav_ == NavMode::Orbit) orbit_.orbitAround(to.position, hit->position, to.fovY);
}

void ViewerApp::goToCamera(const Camera& target) {
    Camera from = camera();
    transition_ = nav::CameraTransition(from, target);
    // A viewpoint high above the ground cannot be walked to: arrive flying.
    auto ground = bvh_.raycast(target.position, glm::dvec3(0, 0, -1), 3.0);
    modeAfterTransition_ = (nav_ == NavMode::Walk && !ground) ? std::optional(NavMode::Fly) : std::nullopt;
}

void ViewerApp::handleKey(const KeyEvent& key) {
    if (!key.down) return;
    const UiPolicy& p = policy_;
    switch (key.key) {
        case GLFW_KEY_F1:
        case GLFW_KEY_H: showHelp_ = p.panels && !showHelp_; break;
        case GLFW_KEY_F2: showStats_ = p.panels && !showStats_; break;
        case GLFW_KEY_F11: fullscreenRequested_ = p.fullscreenKey; break;
        case GLFW_KEY_F12:
            if (p.screenshots) screenshotRequest_ = timestampedName();
            break;
        case GLFW_KEY_1: if (p.navigationKeys) setNavMode(NavMode::Walk); break;
        case GLFW_KEY_2: if (p.navigationKeys) setNavMode(NavMode::Fly); break;
        case GLFW_KEY_3: if (p.navigationKeys) setNavMode(NavMode::Orbit); break;
        case GLFW_KEY_P: showPlaces_ = p.panels && !showPlaces_; break;
        case GLFW_KEY_ESCAPE: closePanels(); break;
        case GLFW_KEY_L: language_ = nextLanguage(languages(), language_); break;
        case GLFW_KEY_M:  // Not for kiosk visitors: inspection is a curator's tool.
            if (p.panels) inspection_ = render::nextInspectionMode(inspection_);
            break;
        default: break;
    }
}

void ViewerApp::handleMouseButton(const MouseButtonEvent& b, bool uiCaptured) {
    nav::CameraController& c = controller();
    if (!b.down) {
        c.grabEnd();
        return;
    }
    if (uiCaptured) return;
    const glm::dvec2 p = held_.mouse;
    if (b.button == 0 && clock_ - lastClickTime_ < 0.35 && glm::length(p - lastClickPos_) < 6.0) {
        c.grabEnd();
        goToPoint(p);
        lastClickTime_ = -1.0;
        return;
    }
    if (b.button == 0) {
        if (auto poi = poiAt(p)) {  // A tap on a marker or label opens its story.
            openPoi(*poi);
            return;
        }
        lastClickTime_ = clock_, lastClickPos_ = p;
    }
    if (transition_.active()) {  // Taking hold of the view stops an animated move.
        Camera now = camera();
        transition_ = {};
        c.reset(now);
    }
    c.grabBegin(p.x, p.y, b.button != 0);
}

void ViewerApp::handleTouch(const TouchEvent& touch) {
    for (const Gesture& g : gestures_.feed(touch, clock_)) {
        nav::CameraController& c = controller();
        switch (g.kind) {
            case Gesture::DragBegin: c.grabBegin(g.position.x, g.position.y, g.twoFingers); break;
            case Gesture::Drag: c.grabUpdate(g.position.x, g.position.y); break;
            case Gesture::DragEnd: c.grabEnd(); break;
            case Gesture::Pinch: c.scroll(std::log(g.scale) / std::log(1.0 / 0.85)); break;
            case Gesture::DoubleTap: goToPoint(g.position); break;
            case Gesture::Tap:
                if (auto poi = poiAt(g.position)) openPoi(*poi);
                break;
            case Gesture::None: break;
        }
    }
}

void ViewerApp::handleGamepad(const GamepadEvent& pad) {
    // Standard mapping: A jumps (walk), Y walk, X fly, B orbit; edges only.
    const unsigned pressed = pad.buttons & ~lastGamepadButtons_;
    lastGamepadButtons_ = pad.buttons;
    if (!policy_.navigationKeys) return;
    if (pressed & (1u << GLFW_GAMEPAD_BUTTON_Y)) setNavMode(NavMode::Walk);
    if (pressed & (1u << GLFW_GAMEPAD_BUTTON_X)) setNavMode(NavMode::Fly);
    if (pressed & (1u << GLFW_GAMEPAD_BUTTON_B)) setNavMode(NavMode::Orbit);
}

bool ViewerApp::allowQuit() {
    for (auto& layer : layers_)
        if (!layer->allowQuit(*this)) return false;
    return true;
}

void ViewerApp::closePanels() {
    showHelp_ = showStats_ = showModels_ = showPlaces_ = false;
    openPoi_.reset();
}

void ViewerApp::handle(const InputEvent& event, bool uiCaptured) {
    held_.apply(event);
    if (!std::holds_alternative<GamepadEvent>(event) || held_.gamepad.buttons ||
        glm::length(held_.gamepad.leftStick) > 0.2 || glm::length(held_.gamepad.rightStick) > 0.2)
        lastInputTime_ = clock_;
    for (auto& layer : layers_)
        if (layer->handle(*this, event, uiCaptured)) return;
    if (auto* k = std::get_if<KeyEvent>(&event)) {
        if (!uiCaptured) handleKey(*k);
    } else if (auto* b = std::get_if<MouseButtonEvent>(&event)) {
        handleMouseButton(*b, uiCaptured);
    } else if (auto* m = std::get_if<MouseMoveEvent>(&event)) {
        controller().grabUpdate(m->position.x, m->position.y);
    } else if (auto* s = std::get_if<ScrollEvent>(&event)) {
        if (!uiCaptured) controller().scroll(s->dy);
    } else if (auto* t = std::get_if<TouchEvent>(&event)) {
        if (!uiCaptured) handleTouch(*t);  // A finger that landed on a panel belongs to the panel.
    } else if (auto* g = std::get_if<GamepadEvent>(&event)) {
        handleGamepad(*g);
    }
}

// Keys, sticks and triggers held now become the controller's rates.
void ViewerApp::updateHeldInput() {
    auto axis = [&](int plus, int plusAlt, int minus, int minusAlt) {
        return double(held_.held(plus) || held_.held(plusAlt)) - double(held_.held(minus) || held_.held(minusAlt));
    };
    const GamepadEvent& pad = held_.gamepad;
    auto deadzone = [](double v) { return std::abs(v) < 0.15 ? 0.0 : v; };
    nav::NavInput in;
    in.move.x = std::clamp(axis(GLFW_KEY_D, GLFW_KEY_RIGHT, GLFW_KEY_A, GLFW_KEY_LEFT) + deadzone(pad.leftStick.x), -1.0, 1.0);
    in.move.y = std::clamp(axis(GLFW_KEY_W, GLFW_KEY_UP, GLFW_KEY_S, GLFW_KEY_DOWN) - deadzone(pad.leftStick.y), -1.0, 1.0);
    in.rise = std::clamp(axis(GLFW_KEY_E, GLFW_KEY_PAGE_UP, GLFW_KEY_Q, GLFW_KEY_PAGE_DOWN) + pad.rightTrigger - pad.leftTrigger,
                         -1.0, 1.0);
    in.lookRate = glm::dvec2(deadzone(pad.rightStick.x), -deadzone(pad.rightStick.y)) * 120.0;
    in.run = held_.held(GLFW_KEY_LEFT_SHIFT) || held_.held(GLFW_KEY_RIGHT_SHIFT) ||
             (pad.buttons & (1u << GLFW_GAMEPAD_BUTTON_LEFT_THUMB));
    in.jump = held_.held(GLFW_KEY_SPACE) || (pad.buttons & (1u << GLFW_GAMEPAD_BUTTON_A));
    // On-screen controls add to the keys, so a touch pad walks exactly as W does.
    in.move = glm::clamp(in.move + virtualInput_.move, -1.0, 1.0);
    in.rise = std::clamp(in.rise + virtualInput_.rise, -1.0, 1.0);
    in.lookRate += virtualInput_.lookRate;
    in.run = in.run || virtualInput_.run;
    in.jump = in.jump || virtualInput_.jump;
    // Any deliberate movement takes over from an animated move.
    if (transition_.active() && (in.move != glm::dvec2(0.0) || in.lookRate != glm::dvec2(0.0))) {
        transition_ = {};
        controller().reset(camera());
    }
    controller().setInput(in);
}

void ViewerApp::update(double dt) {
    clock_ += dt;
    for (auto& layer : layers_) layer->update(*this, dt);
    if (toastSeconds_ > 0) toastSeconds_ -= dt;
    if (narration_) narration_->update();
    updateHeldInput();
    if (transition_.active()) {
        transition_.update(dt);
        if (!transition_.active()) {
            if (modeAfterTransition_) nav_ = *std::exchange(modeAfterTransition_, std::nullopt);
            if (nav_ != NavMode::Orbit) controller().reset(transition_.target());
        }
        return;
    }
    controller().update(dt);
}

std::optional<std::string> ViewerApp::takeScreenshotRequest() {
    auto r = screenshotRequest_;
    screenshotRequest_.reset();
    return r;
}

void ViewerApp::screenshotWritten(const std::string& path) {
    toast_ = std::string(text::kScreenshotSaved(language_)) + path;
    toastSeconds_ = 3.0;
}

bool ViewerApp::toggleFullscreenRequested() { return std::exchange(fullscreenRequested_, false); }

void ViewerApp::drawUi(const FrameStats& stats) {
    ImGui::PushFont(render::fontFor(language_));  // The reader's region's glyphs (ui_fonts.h).
    layoutPoiLabels();
    drawPoiPanel();
    if (policy_.toolbar) drawToolbar();
    if (policy_.panels) {
        if (showModels_) drawModelsPanel();
        if (showPlaces_) drawPlacesPanel();
        if (showHelp_) drawHelp();
        if (showStats_) drawStats(stats);
    }
    for (auto& layer : layers_) layer->drawUi(*this);
    ImGui::PopFont();
    if (toastSeconds_ > 0) {
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y - 40),
                                ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::Begin("##toast", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                             ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(toast_.c_str());
        ImGui::End();
    }
}

void ViewerApp::drawToolbar() {
    const Language l = language_;
    ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_Always);
    ImGui::Begin("##toolbar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                           ImGuiWindowFlags_NoMove);
    if (ImGui::RadioButton(text::kExplore(l), mode_ == AppMode::Explore)) mode_ = AppMode::Explore;
    ImGui::SameLine();
    if (policy_.curatorMode && ImGui::RadioButton(text::kCurator(l), mode_ == AppMode::Curator))
        mode_ = AppMode::Curator;
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    const std::pair<NavMode, UiText> navs[] = {
        {NavMode::Walk, text::kWalk}, {NavMode::Fly, text::kFly}, {NavMode::Orbit, text::kOrbit}};
    for (const auto& [mode, label] : navs) {
        ImGui::SameLine();
        if (ImGui::RadioButton(label(l), nav_ == mode)) setNavMode(mode);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (ImGui::Button(text::kModels(l))) showModels_ = !showModels_;
    ImGui::SameLine();
    if (!scene_.viewpoints.empty()) {
        if (ImGui::Button(text::kViewpoints(l))) showPlaces_ = !showPlaces_;
        ImGui::SameLine();
    }
    if (ImGui::Button(text::kHelp(l))) showHelp_ = !showHelp_;
    ImGui::SameLine();
    if (ImGui::Button((languageButtonLabel(languages(), l) + "###language").c_str()))
        language_ = nextLanguage(languages(), language_);
    ImGui::End();
}

void ViewerApp::drawModelsPanel() {
    const Language l = language_;
    ImGui::SetNextWindowPos(ImVec2(10, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(320, 360), ImGuiCond_FirstUseEver);
    ImGui::Begin(text::kModels(l), &showModels_);
    for (size_t i = 0; i < scene_.models.size(); ++i) {
        ImGui::PushID(int(i));
        bool v = visible_[i];
        if (ImGui::Checkbox(scene_.models[i].id.c_str(), &v)) visible_[i] = v;
        ImGui::SameLine(220);
        bool lit = shading_[i] == Shading::Lit;
        if (ImGui::SmallButton(lit ? text::kLit(l) : text::kUnlit(l)))
            shading_[i] = lit ? Shading::Unlit : Shading::Lit;
        ImGui::PopID();
    }
    ImGui::End();
}

void ViewerApp::drawPlacesPanel() {
    const Language l = language_;
    ImGui::SetNextWindowPos(ImVec2(10, 60), ImGuiCond_FirstUseEver);
    ImGui::Begin(text::kViewpoints(l), &showPlaces_, ImGuiWindowFlags_AlwaysAutoResize);
    for (const auto& [name, view] : scene_.viewpoints) {
        std::string label = name;
        if (const Poi* poi = scene_.pois ? scene_.pois->find(name) : nullptr)
            if (std::string title = poiText(poi->title); !title.empty()) label = title;
        if (ImGui::Selectable((label + "##" + name).c_str())) goToCamera(view);
    }
    std::set<std::string> tags;
    if (scene_.pois)
        for (const auto& poi : scene_.pois->pois) tags.insert(poi.tags.begin(), poi.tags.end());
    if (!tags.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", text::kTags(l));
        for (const auto& tag : tags) {
            bool shown = !hiddenTags_.count(tag);
            if (ImGui::Checkbox(tag.c_str(), &shown)) {
                if (shown) hiddenTags_.erase(tag);
                else hiddenTags_.insert(tag);
            }
        }
    }
    ImGui::End();
}

void ViewerApp::drawHelp() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::Begin(text::kControls(language_), &showHelp_, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    if (ImGui::BeginTable("controls", 2)) {
        for (const auto& [keys, what] : controlsHelp(language_)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(keys.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void ViewerApp::drawStats(const FrameStats& stats) {
    const Language l = language_;
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 10), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##stats", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                         ImGuiWindowFlags_NoInputs);
    ImGui::Text("%s: %.2f ms (%.0f fps)", text::kFrame(l), stats.frameSeconds * 1000.0,
                stats.frameSeconds > 0 ? 1.0 / stats.frameSeconds : 0.0);
    ImGui::Text("%s: %llu", text::kTriangles(l), static_cast<unsigned long long>(stats.triangles));
    ImGui::Text("%s: %llu", text::kHiddenClusters(l), static_cast<unsigned long long>(stats.clustersHidden));
    ImGui::Text("%ux%u", stats.width, stats.height);
    ImGui::Text("%s: %s", text::kDevice(l), stats.device.c_str());
    ImGui::End();
}

void ViewerApp::setModelPlacement(const ModelPlacement& p, const std::optional<GeoOrigin>& origin) {
    for (auto& m : scene_.models)
        if (m.id == p.id) {
            m.modelToSite = site::placedModelToSite(p.transform(), p.up, m.model, {p.crs, origin});
            m.clipping = p.clipping;
        }
    for (auto& m : scene_.pending)  // Still opening: it arrives with its cuts.
        if (m.id == p.id) m.clipping = p.clipping;
}

void ViewerApp::setTimeZone(const std::string& zone) {
    if (scene_.site) scene_.site->timeZone = zone;
    ++sunRevision_;  // The same hour is another sun in another zone.
}

void ViewerApp::setSun(std::optional<SiteSun> sun) {
    sun_ = std::move(sun);
    ++sunRevision_;
}

void ViewerApp::rebuildPicking() {
    scene_.bounds = {};
    for (const auto& m : scene_.models) scene_.bounds.add(m.model.bounds.transformed(m.modelToSite));
    bvh_ = site::buildSiteBvh(scene_.models, tiles_, scene_.clipping);
}

Bounds ViewerApp::modelBounds(const std::string& id) const {
    for (const auto& m : scene_.models)
        if (m.id == id) return m.model.bounds.transformed(m.modelToSite);
    return {};
}

// --- Streaming: models that arrive after the window opened (see addModels in app.h). ---
void ViewerApp::addModels(std::vector<site::LoadedModel> models) {
    if (models.empty()) return;
    for (auto& m : models) {
        scene_.bounds.add(m.model.bounds.transformed(m.modelToSite));
        visible_.push_back(true);
        shading_.push_back(m.shading);
        scene_.models.push_back(std::move(m));
    }
    bvh_ = site::buildSiteBvh(scene_.models, tiles_, scene_.clipping);  // world_ refers to bvh_, so walking and flying see the new models.
}

}  // namespace axis::viewer
