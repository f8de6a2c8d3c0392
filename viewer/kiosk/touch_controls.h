#pragma once
// On-screen walk and look controls for a touch screen: a move pad (forward, back, strafe) and
// look buttons (turn, look up and down). Held buttons become a NavInput, the same rates the
// keyboard and gamepad give, so walking by touch collides and climbs steps like walking by keys.
#include "nav/controller.h"
#include "viewer/ui/text.h"

namespace axis::viewer::kiosk {

constexpr float kTouchButton = 72.0f;  ///< Pixels; above the 64 px touch minimum.

/// Draws the pads in the bottom-right corner; returns what is held this frame.
NavInput drawTouchControls(Language language);

/// Height the pads take from the bottom of the screen.
float touchControlsHeight();

}  // namespace axis::viewer::kiosk
