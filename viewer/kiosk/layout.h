#pragma once
// Where the kiosk's panels sit, in screen points. The top-left corner stays empty: it is the
// staff exit gesture's (see exit_gesture.h).
namespace axis::viewer::kiosk::layout {

constexpr float kMargin = 12.0f;
constexpr float kPanelsTop = 150.0f;  ///< Below the corner square and the top bar.
constexpr float kMapWidth = 240.0f;   ///< The site is long and narrow (the axis runs north).
constexpr float kPlacesX = kMargin * 2 + kMapWidth;
constexpr float kPlacesWidth = 380.0f;
constexpr float kRowHeight = 64.0f;   ///< Touch targets.

}  // namespace axis::viewer::kiosk::layout
