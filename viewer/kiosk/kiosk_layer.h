#pragma once
// Kiosk mode: an unattended touch exhibit. Locks the viewer down (no editing, file dialogs, debug
// panels, screenshots or fullscreen key; the window never closes except through the staff exit
// gesture and PIN), shows a touch-first UI (languages, places, minimap, walk and look pads, a
// hint for first-time visitors) and, after the site's idle time, resets for the next visitor and
// plays the attract tour until someone touches the screen.
#include <memory>
#include <optional>

#include "viewer/kiosk/attract_player.h"
#include "viewer/kiosk/exit_gesture.h"
#include "viewer/kiosk/kiosk_layout.h"
#include "viewer/kiosk/kiosk_settings.h"
#include "viewer/mode_layer.h"

namespace axis::viewer::kiosk {

class KioskLayer : public ModeLayer {
public:
    /// Narrows `app`'s policy and puts it at the start view in walk mode, in the first language.
    /// `soakReportEvery` > 0 prints "soak cycle N rss_kb R fds F" every that many attract starts.
    KioskLayer(ViewerApp& app, KioskConfig config, int soakReportEvery = 0);

    bool handle(ViewerApp& app, const InputEvent& event, bool uiCaptured) override;
    void update(ViewerApp& app, double dt) override;
    void drawUi(ViewerApp& app) override;
    bool allowQuit(ViewerApp&) override { return exitAccepted_; }

private:
    /// Visitor: someone is (or was lately) using it. Returning: gliding back to the start after
    /// the idle time. Attract: playing the tour until touched.
    enum class State { Visitor, Returning, Attract };

    void resetForNextVisitor(ViewerApp& app);
    void wake(ViewerApp& app);
    void narrateArrival(ViewerApp& app);
    void goToPoi(ViewerApp& app, size_t poi);
    void drawTopBar(ViewerApp& app);
    void drawCloseStory(ViewerApp& app);
    void drawPlaces(ViewerApp& app);
    void drawMap(ViewerApp& app);
    void drawHelpHint(ViewerApp& app);
    void drawAttract(ViewerApp& app);
    void drawPinPad(ViewerApp& app);
    void reportSoak();
    void drawTabs(ViewerApp& app);
    /// Lays the panels out again when the window's size changed, and sizes text and widgets.
    void fitToWindow(ViewerApp& app);

    KioskConfig config_;
    AttractPlayer attract_;
    std::optional<size_t> narratedStop_;  ///< The tour stop whose narration was started last.
    CornerLongPress exitPress_;
    PinPad pinPad_;
    State state_ = State::Visitor;
    bool exitAccepted_ = false;
    double helpSeconds_;   ///< The first-visitor hint shows while this is positive.
    double frameDt_ = 0.0; ///< The last update's step, for timeouts in drawUi.
    long cycles_ = 0;
    int soakReportEvery_;
    /// The map and the places list are tabs that open one drawer at a time; a story closes it.
    enum class Drawer { None, Map, Places };
    Drawer drawer_ = Drawer::None;
    KioskLayout layout_;  ///< For the window's size at the screen's DPI.
    ScreenDpi dpi_;
    bool dpiLogged_ = false;
};

/// The kiosk for `app`'s site (kioskConfig); `soak`: compressed idle time and memory reports.
std::unique_ptr<ModeLayer> makeKioskLayer(ViewerApp& app, bool soak);

}  // namespace axis::viewer::kiosk
