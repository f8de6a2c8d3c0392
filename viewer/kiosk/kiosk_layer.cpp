#include "viewer/kiosk/kiosk_layer.h"

#include <cmath>
#include <cstdio>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "core/log.h"
#include "core/process.h"
#include "render/ui_fonts.h"
#include "viewer/app.h"
#include "viewer/kiosk/kiosk_text.h"
#include "viewer/kiosk/layout.h"
#include "viewer/kiosk/minimap.h"
#include "core/process.h"
#include "viewer/kiosk/soak.h"
#include "viewer/kiosk/touch_controls.h"
#include "viewer/ui/rich_text.h"

namespace axis::viewer::kiosk {
namespace {

constexpr double kHelpHintSeconds = 20.0;  // How long a new visitor sees the hint.
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

// Touch-sized widgets everywhere, the viewer's reading panel included: a 64 px button at the
// kiosk's font size needs this much padding.
void applyTouchStyle() {
    ImGuiStyle& s = ImGui::GetStyle();
    const float font = ImGui::GetFontSize();
    s.FramePadding = ImVec2(20.0f, std::max(8.0f, (layout::kRowHeight - font) * 0.5f));
    s.ItemSpacing = ImVec2(14.0f, 12.0f);
    s.WindowPadding = ImVec2(16.0f, 14.0f);
    s.ScrollbarSize = 34.0f;
    s.GrabMinSize = 40.0f;
    s.WindowRounding = s.FrameRounding = 10.0f;
    s.TouchExtraPadding = ImVec2(4.0f, 4.0f);
}

// Events that mean "someone is here": not pointer drift.
bool isWakeEvent(const InputEvent& e) {
    if (auto* k = std::get_if<KeyEvent>(&e)) return k->down;
    if (auto* b = std::get_if<MouseButtonEvent>(&e)) return b->down;
    if (auto* t = std::get_if<TouchEvent>(&e)) return t->phase == TouchEvent::Down;
    if (auto* g = std::get_if<GamepadEvent>(&e)) return g->buttons || glm::length(g->leftStick) > 0.2;
    return std::holds_alternative<ScrollEvent>(e);
}

}  // namespace

KioskLayer::KioskLayer(ViewerApp& app, KioskConfig config, int soakReportEvery)
    : config_(std::move(config)), attract_(app.scene(), app.startCamera(), config_.attractTour),
      helpSeconds_(kHelpHintSeconds), soakReportEvery_(soakReportEvery) {
    UiPolicy& p = app.policy();
    p.toolbar = p.panels = p.screenshots = p.fullscreenKey = p.navigationKeys = p.curatorMode = false;
    app.setMode(AppMode::Explore);
    app.setNavMode(NavMode::Walk);
    app.setCamera(app.startCamera());
    app.setLanguage(config_.languages.front());
    setUiFallbackLanguage(config_.languages.front());
}

bool KioskLayer::handle(ViewerApp& app, const InputEvent& event, bool) {
    if (!config_.exitPin.empty()) exitPress_.feed(event, app.clock());
    if (state_ != State::Visitor && isWakeEvent(event)) {
        wake(app);
        return true;  // The touch that wakes the kiosk does nothing else (no surprise jump).
    }
    if (auto* k = std::get_if<KeyEvent>(&event)) {
        if (pinPad_.isOpen()) {
            if (k->down) pinPad_.typeKey(k->key);
            return true;
        }
        // Belt and braces over the policy: no function key, Escape or digit reaches the viewer.
        const int key = k->key;
        return (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F25) || key == GLFW_KEY_ESCAPE ||
               (key >= GLFW_KEY_0 && key <= GLFW_KEY_9);
    }
    return false;
}

void KioskLayer::update(ViewerApp& app, double dt) {
    frameDt_ = dt;
    if (helpSeconds_ > 0.0) helpSeconds_ -= dt;
    if (exitPress_.fired(app.clock())) pinPad_.open();
    switch (state_) {
        case State::Visitor:
            if (app.idleSeconds() >= config_.idleSeconds) resetForNextVisitor(app);
            break;
        case State::Returning:
            if (app.transitioning()) break;
            state_ = State::Attract;
            attract_.restart();
            if (soakReportEvery_ == 0) logInfo("kiosk: attract tour");
            if (!attract_.empty()) app.setNavMode(NavMode::Fly);  // The tour flies over roofs: no gravity.
            break;
        case State::Attract:
            if (attract_.empty()) break;
            attract_.advance(dt);
            app.setCamera(attract_.camera());
            narrateArrival(app);
            break;
    }
}

// Everything the last visitor changed goes back: panels, language, the PIN pad, the view.
void KioskLayer::resetForNextVisitor(ViewerApp& app) {
    state_ = State::Returning;
    app.closePanels();
    app.setLanguage(config_.languages.front());
    app.setVirtualInput({});
    pinPad_.close();
    app.setNavMode(NavMode::Walk);
    app.goToCamera(app.startCamera());
    ++cycles_;
    if (soakReportEvery_ > 0 && cycles_ % soakReportEvery_ == 0) reportSoak();
    else if (soakReportEvery_ == 0) logInfo("kiosk: idle, reset for the next visitor");
}

// The tour's audio guide: arriving at a stop plays its narration in the kiosk's first language
// (someone at the headphones hears the tour); it plays on while the tour moves to the next stop.
void KioskLayer::narrateArrival(ViewerApp& app) {
    const std::optional<size_t> stop = attract_.dwellingPoi();
    if (stop == narratedStop_) return;
    narratedStop_ = stop;
    if (stop) app.playNarration(*stop);
}

// A visitor takes over where the tour is: walking when the camera is near the ground, else flying.
void KioskLayer::wake(ViewerApp& app) {
    if (state_ == State::Attract && !attract_.empty()) {
        const Camera c = app.camera();
        const bool grounded = app.bvh().raycast(c.position, glm::dvec3(0, 0, -1), 3.0).has_value();
        app.setNavMode(grounded ? NavMode::Walk : NavMode::Fly);
        app.setCamera(c);
    }
    if (state_ == State::Attract) app.stopNarration();  // The tour's guide ends: the visitor chooses.
    narratedStop_.reset();
    state_ = State::Visitor;
    helpSeconds_ = kHelpHintSeconds;
    if (soakReportEvery_ == 0) logInfo("kiosk: a visitor took over");
}

void KioskLayer::goToPoi(ViewerApp& app, size_t poi) {
    app.openPoi(poi);
    const auto& pois = app.scene().pois->pois;
    if (poi < pois.size() && pois[poi].viewpoint) app.goToCamera(toCamera(*pois[poi].viewpoint));
}

void KioskLayer::drawUi(ViewerApp& app) {
    if (!styled_) applyTouchStyle(), styled_ = true;
    if (state_ != State::Visitor) {
        app.setVirtualInput({});
        drawAttract(app);
    } else {
        drawTopBar(app);
        drawMap(app);
        drawPlaces(app);
        // Reading a story, the pads give way to the panel and a big close button.
        if (app.openedPoi()) {
            app.setVirtualInput({});
            drawCloseStory(app);
        } else {
            app.setVirtualInput(drawTouchControls(app.language()));
        }
        if (helpSeconds_ > 0.0 && !app.openedPoi()) drawHelpHint(app);
    }
    drawPinPad(app);
}

void KioskLayer::drawPinPad(ViewerApp& app) {
    if (pinPad_.draw(config_.exitPin, app.language(), frameDt_) != PinPad::Result::Accepted) return;
    exitAccepted_ = true;
    logInfo("kiosk: exit PIN accepted, quitting");
    app.requestQuit();
}

void KioskLayer::drawCloseStory(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    // Left of the viewer's reading panel (which is min(460, 45 %) wide at the right edge).
    const float panelLeft = io.DisplaySize.x - std::min(460.0f, io.DisplaySize.x * 0.45f) - 10.0f;
    ImGui::SetNextWindowPos(ImVec2(panelLeft - layout::kMargin, io.DisplaySize.y - layout::kMargin), ImGuiCond_Always,
                            ImVec2(1.0f, 1.0f));
    ImGui::Begin("##kioskclose", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | kFixed);
    if (ImGui::Button(text::kClose(app.language()), ImVec2(220.0f, layout::kRowHeight))) app.closePoi();
    ImGui::End();
}

void KioskLayer::drawTopBar(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, layout::kMargin), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##kiosktop", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | kFixed);
    if (app.scene().site) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(app.poiText(app.scene().site->name).c_str());
        ImGui::SameLine(0.0f, 32.0f);
    }
    for (const Language& l : config_.languages) {
        const bool current = app.language() == l;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        // Each language named in itself ("日本語"), so a visitor finds theirs whatever is showing.
        ImGui::PushFont(render::fontFor(l));
        if (ImGui::Button((uiStrings().nativeName(l) + "##" + l).c_str(), ImVec2(0.0f, layout::kRowHeight))) {
            app.setLanguage(l);
            logInfo("kiosk: language " + l);
        }
        ImGui::PopFont();
        if (current) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    if (ImGui::Button("?", ImVec2(layout::kRowHeight, layout::kRowHeight)))
        helpSeconds_ = helpSeconds_ > 0.0 ? 0.0 : kHelpHintSeconds;
    ImGui::End();
}

void KioskLayer::drawPlaces(ViewerApp& app) {
    if (!app.scene().pois) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float height = io.DisplaySize.y - layout::kPanelsTop - layout::kMargin;
    ImGui::SetNextWindowPos(ImVec2(layout::kPlacesX, layout::kPanelsTop), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(layout::kPlacesWidth, std::max(height, 2 * layout::kRowHeight)), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.7f);
    ImGui::Begin(text::kPlaces(app.language()), nullptr, kFixed | ImGuiWindowFlags_NoTitleBar);
    ImGui::TextUnformatted(text::kPlaces(app.language()));
    const auto& pois = app.scene().pois->pois;
    for (size_t i : app.poiOrder()) {
        ImGui::PushID(int(i));
        const std::string title = app.poiText(pois[i].title);
        if (ImGui::Selectable(title.c_str(), app.openedPoi() == i, 0, ImVec2(0.0f, layout::kRowHeight))) goToPoi(app, i);
        ImGui::PopID();
    }
    ImGui::End();
}

void KioskLayer::drawMap(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    const float height = io.DisplaySize.y - layout::kPanelsTop - layout::kMargin;
    ImGui::SetNextWindowPos(ImVec2(layout::kMargin, layout::kPanelsTop), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(layout::kMapWidth, height), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.7f);
    ImGui::Begin("##kioskmap", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::Text("%s   ^ %s", text::kMap(app.language()), text::kNorth(app.language()));
    const ImVec2 room = ImGui::GetContentRegionAvail();
    if (auto poi = drawMinimap(app, glm::vec2(room.x, std::max(room.y, 40.0f)))) goToPoi(app, *poi);
    ImGui::End();
}

void KioskLayer::drawHelpHint(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    // In the middle of the view the panels leave free, where a newcomer looks first.
    const float freeLeft = layout::kPlacesX + layout::kPlacesWidth;
    ImGui::SetNextWindowPos(ImVec2((freeLeft + io.DisplaySize.x) * 0.5f, layout::kPanelsTop), ImGuiCond_Always,
                            ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin("##kioskhint", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                             ImGuiWindowFlags_NoInputs | kFixed);
    ImGui::TextUnformatted(text::kHelpHint(app.language()));
    ImGui::End();
}

// The tour's caption (title and first paragraph of the POI it rests at) and an invitation in
// every language the kiosk offers, since nobody has chosen one yet.
void KioskLayer::drawAttract(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    const float pulse = 0.55f + 0.45f * float(std::sin(app.clock() * 2.5) * 0.5 + 0.5);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, layout::kMargin + 40.0f), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.6f * pulse);
    ImGui::Begin("##kioskinvite", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                               ImGuiWindowFlags_NoInputs | kFixed);
    ImGui::SetWindowFontScale(1.25f);
    for (const Language& l : config_.languages) {
        ImGui::PushFont(render::fontFor(l));
        ImGui::TextUnformatted(text::kTouchToExplore(l));
        ImGui::PopFont();
    }
    ImGui::End();
    const auto poi = attract_.dwellingPoi();
    if (state_ != State::Attract || !poi || !app.scene().pois) return;
    const Poi& p = app.scene().pois->pois[*poi];
    const float width = std::min(1000.0f, io.DisplaySize.x - 2 * layout::kMargin);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 40.0f), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin("##kioskcaption", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | kFixed);
    ImGui::SetWindowFontScale(1.3f);
    ImGui::TextUnformatted(app.poiText(p.title).c_str());
    ImGui::SetWindowFontScale(1.0f);
    const auto paragraphs = splitParagraphs(app.poiText(p.body));
    if (!paragraphs.empty()) {
        // A fixed width: the height follows the text.
        drawWrappedText(paragraphs.front(), width - 2.0f * ImGui::GetStyle().WindowPadding.x);
    }
    ImGui::End();
}

std::unique_ptr<ModeLayer> makeKioskLayer(ViewerApp& app, bool soak) {
    KioskConfig config = kioskConfig(app.scene(), uiStrings());
    for (const std::string& e : config.errors) logError(e);
    for (const std::string& w : config.warnings) logWarn(w);
    if (soak) config.idleSeconds = kSoakIdleSeconds;
    return std::make_unique<KioskLayer>(app, std::move(config), soak ? kSoakReportEvery : 0);
}

void KioskLayer::reportSoak() {
    std::printf("soak cycle %ld rss_kb %ld fds %d\n", cycles_, residentKb(), openFileCount());
    std::fflush(stdout);
}

}  // namespace axis::viewer::kiosk
