// The kiosk's layout (viewer/kiosk/kiosk_layout.h) at every common exhibit size, on 55" and 65"
// screens and at the 96 dpi fallback: touch targets of 9 mm or more, panels on screen, apart from
// each other and from the exit corner, covering at most a quarter of the screen at rest (a third
// with a drawer open), and letters of the same size on the same screen at any resolution.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "viewer/kiosk/kiosk_layout.h"

using namespace axis::viewer::kiosk;

namespace {

constexpr float kCorner = 120.0f;  // The exit gesture's square (exit_gesture.h).

struct Screen {
    float width, height, dpi;
    std::string name;
};

// A diagonal of `inches` at `w` x `h` pixels.
Screen panel(float w, float h, float inches) {
    return {w, h, float(std::hypot(w, h) / inches),
            std::to_string(int(w)) + "x" + std::to_string(int(h)) + " at " + std::to_string(int(inches)) + "\""};
}

std::vector<Screen> exhibitScreens() {
    std::vector<Screen> out;
    for (auto [w, h] : {std::pair{1280.f, 720.f}, {1920.f, 1080.f}, {3840.f, 2160.f}, {1080.f, 1920.f}}) {
        out.push_back(panel(w, h, 55.0f));
        out.push_back(panel(w, h, 65.0f));
        out.push_back({w, h, kFallbackDpi, std::to_string(int(w)) + "x" + std::to_string(int(h)) + " at 96 dpi"});
    }
    // A small sharp screen, where 9 mm is more than the text would ask for.
    out.push_back(panel(3840.0f, 2160.0f, 13.3f));
    return out;
}

bool onScreen(const Rect& r, const Screen& s) {
    return r.x >= 0.0f && r.y >= 0.0f && r.right() <= s.width && r.bottom() <= s.height && r.w > 0.0f && r.h > 0.0f;
}

void checkState(const KioskLayout& l, const Screen& s, KioskState state, const char* name) {
    INFO(name);
    const std::vector<Rect> shown = panelsShown(l, state);
    for (size_t i = 0; i < shown.size(); ++i) {
        INFO("panel " << i << " at " << shown[i].x << "," << shown[i].y << " " << shown[i].w << "x" << shown[i].h);
        CHECK(onScreen(shown[i], s));
        CHECK_FALSE(overlaps(shown[i], l.exitCorner));
        for (size_t j = i + 1; j < shown.size(); ++j) CHECK_FALSE(overlaps(shown[i], shown[j]));
    }
}

}  // namespace

TEST_CASE("the kiosk layout fits every exhibit size with 9 mm touch targets and the scene in front",
          "[kiosk][layout]") {
    for (const Screen& s : exhibitScreens()) {
        INFO(s.name << ", " << s.dpi << " dpi");
        const KioskLayout l = kioskLayout(s.width, s.height, s.dpi, kCorner);
        const float nineMm = millimetres(9.0f, s.dpi);
        CHECK(l.portrait == (s.height > s.width));
        // Every touch target: rows and buttons (targetPx), pad buttons, the tabs, the close button.
        CHECK(l.targetPx >= nineMm);
        CHECK(l.padButtonPx >= nineMm);
        for (const Rect& r : {l.mapTab, l.placesTab, l.closeStory}) {
            CHECK(r.w >= nineMm);
            CHECK(r.h >= nineMm);
        }
        // The top bar holds its rows of buttons; drawers hold at least a few rows.
        CHECK(l.topBar.h >= l.topBarRows * l.targetPx + 2 * l.windowPadPx);
        CHECK(l.placesDrawer.h >= 4 * l.targetPx);
        CHECK(l.mapDrawer.h >= 4 * l.targetPx);
        // Text is between a desktop's and a poster's: 2 to 40 mm.
        CHECK(l.fontPx >= millimetres(2.0f, s.dpi));
        CHECK(l.fontPx <= millimetres(40.0f, s.dpi));
        checkState(l, s, KioskState::AtRest, "at rest");
        checkState(l, s, KioskState::MapOpen, "map open");
        checkState(l, s, KioskState::PlacesOpen, "places open");
        checkState(l, s, KioskState::StoryOpen, "story open");
        const double rest = coveredFraction(panelsShown(l, KioskState::AtRest), s.width, s.height);
        const double map = coveredFraction(panelsShown(l, KioskState::MapOpen), s.width, s.height);
        const double places = coveredFraction(panelsShown(l, KioskState::PlacesOpen), s.width, s.height);
        INFO("covered at rest " << rest << ", map open " << map << ", places open " << places);
        CHECK(rest <= kMaxCoveredAtRest);
        CHECK(map <= kMaxCoveredDrawerOpen);
        CHECK(places <= kMaxCoveredDrawerOpen);
        // The story: a side column in landscape, a bottom sheet in portrait.
        if (l.portrait) {
            CHECK(l.story.w >= 0.9f * s.width);
            CHECK(l.story.bottom() >= s.height - l.margin - 1.0f);
            CHECK(l.story.y >= 0.4f * s.height);
        } else {
            CHECK(l.story.right() >= s.width - l.margin - 1.0f);
            CHECK(l.story.w <= 0.4f * s.width);
            CHECK(l.story.h >= 0.6f * s.height);
        }
        // The attract tour's texts fit across the screen.
        CHECK(onScreen({l.caption.x, l.caption.y, l.caption.w, 1.0f}, s));
        CHECK(onScreen({l.invite.x, l.invite.y, l.invite.w, 1.0f}, s));
    }
}

TEST_CASE("the kiosk's letters are the same size on the same screen at any resolution", "[kiosk][layout]") {
    for (float inches : {55.0f, 65.0f}) {
        const Screen small = panel(1280, 720, inches), full = panel(1920, 1080, inches),
                     uhd = panel(3840, 2160, inches);
        const auto mm = [](const Screen& s) {
            return kioskLayout(s.width, s.height, s.dpi, kCorner).fontPx / s.dpi * 25.4f;
        };
        INFO(inches << "\": " << mm(small) << " mm, " << mm(full) << " mm, " << mm(uhd) << " mm");
        CHECK(mm(full) == Approx(mm(uhd)).epsilon(0.03));
        CHECK(mm(small) == Approx(mm(uhd)).epsilon(0.03));
    }
    // Pixels: 3840x2160 is not tiny, 1280x720 is not huge (a 30 px font used to be both).
    CHECK(kioskLayout(3840, 2160, kFallbackDpi, kCorner).fontPx >= 60.0f);
    CHECK(kioskLayout(1280, 720, kFallbackDpi, kCorner).fontPx <= 26.0f);
    // Portrait reads like the landscape screen it is turned from.
    CHECK(kioskLayout(1080, 1920, kFallbackDpi, kCorner).fontPx ==
          kioskLayout(1920, 1080, kFallbackDpi, kCorner).fontPx);
}

TEST_CASE("the covered fraction counts the union of the panels", "[kiosk][layout]") {
    CHECK(coveredFraction({}, 100, 100) == 0.0);
    CHECK(coveredFraction({{0, 0, 50, 100}}, 100, 100) == Approx(0.5));
    // Two overlapping squares: 100 + 100 - 25.
    CHECK(coveredFraction({{0, 0, 10, 10}, {5, 5, 10, 10}}, 100, 100) == Approx(175.0 / 10000.0));
    // What lies off screen does not count.
    CHECK(coveredFraction({{-50, 0, 100, 100}}, 100, 100) == Approx(0.5));
    CHECK(overlaps({0, 0, 10, 10}, {9, 9, 5, 5}));
    CHECK_FALSE(overlaps({0, 0, 10, 10}, {10, 0, 5, 5}));  // Touching edges.
}

TEST_CASE("the kiosk's DPI comes from the setting, else a sane monitor, else 96", "[kiosk][layout]") {
    // A 55" 3840x2160 panel: 80.1 dpi, whatever the monitor says.
    ScreenDpi d = chooseDpi(55.0, 3840, 2160, 1210, 680, 3840, 2160);
    CHECK(d.source == DpiSource::Setting);
    CHECK(d.dpi == Approx(80.1).epsilon(0.01));
    // The monitor's physical size when the setting is absent: 1209.6 x 680.4 mm is a 55" panel.
    d = chooseDpi(0.0, 3840, 2160, 1210, 680, 3840, 2160);
    CHECK(d.source == DpiSource::Monitor);
    CHECK(d.dpi == Approx(80.6).epsilon(0.01));
    // Nonsense from EDIDs and virtual screens: nothing, 16x9 cm "projectors", stretched shapes.
    for (auto [w, h] : {std::pair{0, 0}, {160, 90}, {1210, 300}, {90000, 50000}}) {
        INFO(w << "x" << h << " mm");
        d = chooseDpi(0.0, 3840, 2160, w, h, 3840, 2160);
        CHECK(d.source == DpiSource::Fallback);
        CHECK(d.dpi == kFallbackDpi);
    }
}
