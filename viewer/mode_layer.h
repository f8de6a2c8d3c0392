#pragma once
// A mode layered on the viewer: the kiosk, the curator's editors, record mode. A layer sees each
// input event before the viewer, adds its own widgets and may lock parts of the viewer down
// through ViewerApp::policy(). Layers live in their own folders (viewer/kiosk, viewer/record...)
// and use ViewerApp's public API only.
#include "viewer/input.h"

namespace axis::viewer {

class ViewerApp;

class ModeLayer {
public:
    virtual ~ModeLayer() = default;
    /// Called first for every input event; return true to consume it.
    virtual bool handle(ViewerApp&, const InputEvent&, bool /*uiCaptured*/) { return false; }
    /// Once per frame, before the viewer's own update.
    virtual void update(ViewerApp&, double /*dt*/) {}
    /// Once per frame, after the viewer's own widgets.
    virtual void drawUi(ViewerApp&) {}
    /// May the window close now (Escape, Alt+F4, the close button)? The kiosk says never; an
    /// editor with unsaved work may ask first and say not yet.
    virtual bool allowQuit(ViewerApp&) { return true; }
};

/// What the viewer itself may show and do; a layer (the kiosk) narrows it.
struct UiPolicy {
    bool toolbar = true;        ///< Mode, navigation, panels and language buttons at the top.
    bool panels = true;         ///< Models, places, help and stats panels and their keys.
    bool screenshots = true;    ///< F12.
    bool fullscreenKey = true;  ///< F11.
    bool navigationKeys = true; ///< 1/2/3 and gamepad buttons switching walk, fly and orbit.
    bool curatorMode = true;    ///< The Curator choice (editing) is offered.
};

}  // namespace axis::viewer
