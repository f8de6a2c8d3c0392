#pragma once
// On-screen walk and look controls for a touch screen: a move pad (forward, back, strafe) and
// look buttons (turn, look up and down). Held buttons become a NavInput, the same rates the
// keyboard and gamepad give, so walking by touch collides and climbs steps like walking by keys.
#include "nav/controller.h"
#include "viewer/kiosk/kiosk_layout.h"
#include "viewer/ui/text.h"

namespace axis::viewer::kiosk {

/// Draws the pads in `layout.pads` (buttons of layout.padButtonPx); returns what is held now.
nav::NavInput drawTouchControls(Language language, const KioskLayout& layout);

}  // namespace axis::viewer::kiosk
