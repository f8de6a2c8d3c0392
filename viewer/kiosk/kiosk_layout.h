#pragma once
// Where the kiosk's panels go, computed from the window's size in pixels and the screen's DPI, so
// that the exhibit looks designed on any screen: text sized from the screen (a 55" panel shows
// the same letter size at 1280x720 and at 3840x2160), touch targets at least 9 mm on a side,
// panels collapsed to tabs so the scene stays the main thing, a portrait arrangement of its own,
// and the top-left corner left empty for the staff exit gesture (exit_gesture.h). Pure: no
// window, no ImGui; tests/kiosk checks it at every common exhibit size.
#include <vector>

namespace axis::viewer::kiosk {

/// A rectangle in window pixels, top-left origin.
struct Rect {
    float x = 0.0f, y = 0.0f, w = 0.0f, h = 0.0f;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

/// True when `a` and `b` share some area (touching edges do not count).
bool overlaps(const Rect& a, const Rect& b);

/// Share of a `width` x `height` screen that the union of `rects` covers (overlaps counted once).
double coveredFraction(const std::vector<Rect>& rects, float width, float height);

/// Pixels for `mm` millimetres at `dpi`.
inline float millimetres(float mm, float dpi) { return mm * dpi / 25.4f; }

/// Where the layout's DPI came from: the site's kiosk.screen_inches, the monitor's reported
/// physical size, or the fallback (the log says which, once).
enum class DpiSource { Setting, Monitor, Fallback };
constexpr float kFallbackDpi = 96.0f;  ///< A desktop monitor's; big exhibit screens are coarser.

struct ScreenDpi {
    float dpi = kFallbackDpi;
    DpiSource source = DpiSource::Fallback;
};

/// The DPI to lay out for. `settingInches` > 0 (the screen's diagonal) wins, over the pixel size
/// `pixelsW` x `pixelsH` of the screen; else the monitor's `mmW` x `mmH` (and its mode's pixels
/// `modeW` x `modeH`) when sane: 100 mm to 5 m a side, 40 to 600 dpi, the same shape as its
/// pixels (EDIDs of projectors and virtual screens report 0, 16x9 cm or nonsense); else 96.
ScreenDpi chooseDpi(double settingInches, int pixelsW, int pixelsH, int mmW, int mmH, int modeW, int modeH);

/// Panels covering at most this share of the screen at rest (no story, no drawer open)...
constexpr double kMaxCoveredAtRest = 0.25;
/// ...and with the map or the places list open (the pads give way to it, as to a story).
constexpr double kMaxCoveredDrawerOpen = 1.0 / 3.0;
constexpr float kMinTargetMm = 9.0f;  ///< The smallest touch target on a side.

struct KioskLayout {
    float width = 0.0f, height = 0.0f, dpi = kFallbackDpi;
    bool portrait = false;
    float fontPx = 0.0f;       ///< Text height to draw at.
    float targetPx = 0.0f;     ///< Height of every button and list row, >= 9 mm.
    float padButtonPx = 0.0f;  ///< Side of a walk or look pad's arrow button.
    float gapPx = 0.0f;        ///< Between pad buttons, tabs and a tab and its drawer.
    float windowPadPx = 0.0f;  ///< Inside each panel.
    float margin = 0.0f;       ///< From the screen's edges; also between rows of widgets.
    Rect exitCorner;           ///< Nothing is drawn here.
    Rect topBar;               ///< Site name, a button per language, "?"; content right-aligned.
    int topBarRows = 1;        ///< 2 in portrait: the site's name above the buttons.
    Rect mapTab, placesTab;    ///< Buttons that open (and close) the drawers.
    Rect mapDrawer, placesDrawer;
    Rect pads;                         ///< Walk and look pads, at rest only.
    Rect story, closeStory;            ///< Side column (landscape) or bottom sheet (portrait).
    Rect invite, caption;              ///< The attract tour's (widths; heights follow the text).
    float hintX = 0.0f, hintY = 0.0f;  ///< Top centre of the first-visitor hint.
};

/// The layout of a `width` x `height` pixel window on a screen of `dpi`; `cornerPx`: the exit
/// gesture's square.
KioskLayout kioskLayout(float width, float height, float dpi, float cornerPx);

/// What is on screen in each state, for the coverage and overlap rules.
enum class KioskState { AtRest, MapOpen, PlacesOpen, StoryOpen };
std::vector<Rect> panelsShown(const KioskLayout& layout, KioskState state);

}  // namespace axis::viewer::kiosk
