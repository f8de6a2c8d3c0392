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
#include "viewer/kiosk/minimap.h"
#include "viewer/kiosk/screen_dpi.h"
#include "viewer/kiosk/soak.h"
#include "viewer/kiosk/touch_controls.h"
#include "viewer/ui/rich_text.h"

namespace axis::viewer::kiosk {
namespace {

constexpr double kHelpHintSeconds = 20.0;  // How long a new visitor sees the hint.
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

// Touch-sized widgets everywhere, the viewer's reading panel included: every button and title
// bar is a layout row high (>= 9 mm), with spacing that follows the text.
void applyTouchStyle(const KioskLayout& l) {
    ImGuiStyle& s = ImGui::GetStyle();
    const float font = l.fontPx;
    s.FramePadding = ImVec2(0.8f * font, (l.targetPx - font) * 0.5f);
    s.ItemSpacing = ImVec2(0.6f * font, l.margin);  // The portrait top bar's two rows count on it.
    s.WindowPadding = ImVec2(l.windowPadPx, l.windowPadPx);
    s.ScrollbarSize = 0.6f * l.targetPx;  // Scrolling is by dragging the list; the bar only shows where.
    s.GrabMinSize = 0.8f * l.targetPx;
    s.WindowRounding = s.FrameRounding = 0.4f * font;
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
    if (poi < pois.size() && pois[poi].viewpoint) app.goToCamera(site::toCamera(*pois[poi].viewpoint));
}

// The layout follows the window (a kiosk may start before its monitor settles, a tryout may be
// resized). The font atlas scales to the layout's text size at once, and the window rasterises it
// again at that size once the window settles, so that text is crisp rather than scaled.
void KioskLayer::fitToWindow(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.DisplaySize.x != layout_.width || io.DisplaySize.y != layout_.height) {
        dpi_ = kioskScreenDpi(app.scene(), io.DisplaySize.x, io.DisplaySize.y);
        if (!std::exchange(dpiLogged_, true)) logInfo(describeDpi(dpi_, app.scene()));
        layout_ = kioskLayout(io.DisplaySize.x, io.DisplaySize.y, dpi_.dpi, float(CornerLongPress::kCornerPixels));
    }
    app.requestUiFontPixels(layout_.fontPx);
    const ImFontAtlas* atlas = io.Fonts;
    if (!atlas->Fonts.empty() && atlas->Fonts[0]->FontSize > 0.0f)
        ImGui::GetIO().FontGlobalScale = layout_.fontPx / atlas->Fonts[0]->FontSize;
    applyTouchStyle(layout_);
    const Rect& s = layout_.story;
    app.setPoiPanelRect(ViewerApp::PanelRect{s.x, s.y, s.w, s.h});
}

void KioskLayer::drawUi(ViewerApp& app) {
    fitToWindow(app);
    if (state_ != State::Visitor) {
        // The tour alone: its caption and the invitation; the first touch brings the panels back,
        // collapsed.
        app.setVirtualInput({});
        drawer_ = Drawer::None;
        drawAttract(app);
    } else {
        if (app.openedPoi()) drawer_ = Drawer::None;  // A story opened (from the list, the map, a link).
        drawTopBar(app);
        drawTabs(app);
        if (drawer_ == Drawer::Map) drawMap(app);
        if (drawer_ == Drawer::Places) drawPlaces(app);
        // Reading a story or choosing a place, the pads give way (a story gets a big close button).
        if (app.openedPoi()) drawCloseStory(app);
        if (app.openedPoi() || drawer_ != Drawer::None)
            app.setVirtualInput({});
        else
            app.setVirtualInput(drawTouchControls(app.language(), layout_));
        if (helpSeconds_ > 0.0 && !app.openedPoi() && drawer_ == Drawer::None) drawHelpHint(app);
    }
    drawPinPad(app);
}

void KioskLayer::drawPinPad(ViewerApp& app) {
    if (pinPad_.draw(config_.exitPin, app.language(), frameDt_) != PinPad::Result::Accepted) return;
    exitAccepted_ = true;
    logInfo("kiosk: exit PIN accepted, quitting");
    app.requestQuit();
}

namespace {

// A window that is just its widgets: no background, no padding, at a layout rectangle.
void beginBare(const char* id, const Rect& at) {
    ImGui::SetNextWindowPos(ImVec2(at.x, at.y), ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::Begin(
        id, nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoBackground | kFixed);
    ImGui::PopStyleVar();
}

// A button drawn pressed while what it opens is open.
bool toggleButton(const char* label, bool on, const Rect& r) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label, ImVec2(r.w, r.h));
    if (on) ImGui::PopStyleColor();
    return pressed;
}

}  // namespace

void KioskLayer::drawCloseStory(ViewerApp& app) {
    beginBare("##kioskclose", layout_.closeStory);
    const Rect& r = layout_.closeStory;
    if (ImGui::Button(text::kClose(app.language()), ImVec2(r.w, r.h))) app.closePoi();
    ImGui::End();
}

// The map and the places list, folded into two tabs under the exit corner; a tab opens its
// drawer (closing a story or the other drawer) and closes it again.
void KioskLayer::drawTabs(ViewerApp& app) {
    beginBare("##kiosktabs", layout_.mapTab);
    const auto tab = [&](const char* label, Drawer which, const Rect& r) {
        if (!toggleButton(label, drawer_ == which, r)) return;
        drawer_ = drawer_ == which ? Drawer::None : which;
        if (drawer_ != Drawer::None) app.closePoi();
    };
    tab(text::kMap(app.language()), Drawer::Map, layout_.mapTab);
    ImGui::SameLine(0.0f, layout_.placesTab.x - layout_.mapTab.right());
    if (app.scene().pois) tab(text::kPlaces(app.language()), Drawer::Places, layout_.placesTab);
    ImGui::End();
}

void KioskLayer::drawTopBar(ViewerApp& app) {
    const Rect& bar = layout_.topBar;
    // Right-aligned in its band: the exit corner's side stays clear whatever the names' length.
    ImGui::SetNextWindowPos(ImVec2(bar.right(), bar.y), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(bar.w, bar.h));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##kiosktop", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | kFixed);
    if (app.scene().site) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(app.poiText(app.scene().site->name).c_str());
        if (layout_.topBarRows == 1) ImGui::SameLine(0.0f, layout_.fontPx);
    }
    for (const Language& l : config_.languages) {
        const bool current = app.language() == l;
        // Each language named in itself ("日本語"), so a visitor finds theirs whatever is showing.
        ImGui::PushFont(render::fontFor(l));
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button((uiStrings().nativeName(l) + "##" + l).c_str(), ImVec2(0.0f, layout_.targetPx))) {
            app.setLanguage(l);
            logInfo("kiosk: language " + l);
        }
        if (current) ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
    }
    if (ImGui::Button("?", ImVec2(layout_.targetPx, layout_.targetPx)))
        helpSeconds_ = helpSeconds_ > 0.0 ? 0.0 : kHelpHintSeconds;
    ImGui::End();
}

void KioskLayer::drawPlaces(ViewerApp& app) {
    const Rect& r = layout_.placesDrawer;
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin("##kioskplaces", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar);
    const auto& pois = app.scene().pois->pois;
    for (size_t i : app.poiOrder()) {
        ImGui::PushID(int(i));
        const std::string title = app.poiText(pois[i].title);
        if (ImGui::Selectable(title.c_str(), app.openedPoi() == i, 0, ImVec2(0.0f, layout_.targetPx))) goToPoi(app, i);
        ImGui::PopID();
    }
    ImGui::End();
}

void KioskLayer::drawMap(ViewerApp& app) {
    const Rect& r = layout_.mapDrawer;
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin("##kioskmap", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::Text("^ %s", text::kNorth(app.language()));
    const ImVec2 room = ImGui::GetContentRegionAvail();
    if (auto poi = drawMinimap(app, glm::vec2(room.x, std::max(room.y, layout_.targetPx)))) goToPoi(app, *poi);
    ImGui::End();
}

void KioskLayer::drawHelpHint(ViewerApp& app) {
    // Where a newcomer looks first: the middle of the view the panels leave free.
    // One line where it fits, else wrapped to the screen (a long language on a portrait screen).
    const char* hint = text::kHelpHint(app.language());
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float room = 2.0f * std::min(layout_.hintX, layout_.width - layout_.hintX) - 2.0f * layout_.margin;
    const float width = std::min(ImGui::CalcTextSize(hint).x + 2.0f * pad, room);
    ImGui::SetNextWindowPos(ImVec2(layout_.hintX, layout_.hintY), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin("##kioskhint", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | kFixed);
    drawWrappedText(hint, width - 2.0f * pad);
    ImGui::End();
}

// The tour's caption (title and first paragraph of the POI it rests at) and an invitation in
// every language the kiosk offers, since nobody has chosen one yet.
void KioskLayer::drawAttract(ViewerApp& app) {
    const ImGuiIO& io = ImGui::GetIO();
    const float pulse = 0.55f + 0.45f * float(std::sin(app.clock() * 2.5) * 0.5 + 0.5);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, layout_.invite.y), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
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
    const float width = layout_.caption.w;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, layout_.caption.y), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
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
