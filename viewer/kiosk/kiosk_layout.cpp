#include "viewer/kiosk/kiosk_layout.h"

#include <algorithm>
#include <cmath>

namespace axis::viewer::kiosk {
namespace {

// A standing reader at an exhibit screen reads comfortably at about 1/30 of the screen's short
// side (24 px at 720p, 72 px at 2160p): the same letter size on the same screen at any resolution.
constexpr float kShortSidePerFont = 30.0f;
constexpr float kRowPerFont = 1.6f;  // A row or button: the text and breathing room.

// Landscape: a column on the left (tabs, then the open drawer), the top bar right of the exit
// corner, the pads bottom-right, a story in a column on the right.
void arrangeLandscape(KioskLayout& l, float corner) {
    const float u = l.fontPx, m = l.margin;
    const float barX = corner + m;
    l.topBar = {barX, m, l.width - m - barX, l.targetPx + 2 * l.windowPadPx};
    l.mapTab = {m, std::max(corner, l.topBar.bottom()) + m, 5 * u, l.targetPx};
    l.placesTab = {l.mapTab.right() + l.gapPx, l.mapTab.y, 5 * u, l.targetPx};
    const float drawerY = l.mapTab.bottom() + l.gapPx;
    l.mapDrawer = {m, drawerY, 10 * u, l.height - m - drawerY};
    l.placesDrawer = {m, drawerY, 14 * u, l.height - m - drawerY};
    const float storyW = std::min(0.36f * l.width, 20 * u);
    const float storyY = l.topBar.bottom() + m;
    l.story = {l.width - m - storyW, storyY, storyW, l.height - m - storyY};
    l.closeStory = {l.story.x - m - 5 * u, l.height - m - l.targetPx, 5 * u, l.targetPx};
    l.hintX = (l.placesTab.right() + l.width) * 0.5f;
    l.hintY = l.mapTab.y;
}

// Portrait: the top bar takes two rows (the site's name above the buttons), the tabs sit under it
// with their drawers below, and a story rises from the bottom as a sheet.
void arrangePortrait(KioskLayout& l, float corner) {
    const float u = l.fontPx, m = l.margin;
    const float barX = corner + m;
    l.topBarRows = 2;
    l.topBar = {barX, m, l.width - m - barX, 2 * l.targetPx + l.margin + 2 * l.windowPadPx};
    const float tabY = std::max(corner, l.topBar.bottom()) + m;
    l.mapTab = {m, tabY, 5 * u, l.targetPx};
    l.placesTab = {l.mapTab.right() + l.gapPx, tabY, 5 * u, l.targetPx};
    const float drawerY = l.mapTab.bottom() + l.gapPx;
    // Half the height: a phone-like column would hide the scene the visitor is looking at.
    const float drawerH = std::min(l.height * 0.5f, l.height - m - drawerY);
    l.mapDrawer = {m, drawerY, std::min(10 * u, l.width - 2 * m), drawerH};
    l.placesDrawer = {m, drawerY, std::min(13 * u, l.width - 2 * m), drawerH};
    const float sheetH = l.height * 0.45f;
    l.story = {m, l.height - m - sheetH, l.width - 2 * m, sheetH};
    l.closeStory = {l.story.right() - 5 * u, l.story.y - m - l.targetPx, 5 * u, l.targetPx};
    l.hintX = l.width * 0.5f;
    l.hintY = l.mapTab.bottom() + m;
}

}  // namespace

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

double coveredFraction(const std::vector<Rect>& rects, float width, float height) {
    // Few rectangles: cut the screen at every edge and count the cells some rectangle covers.
    std::vector<float> xs{0.0f, width}, ys{0.0f, height};
    for (const Rect& r : rects) {
        xs.insert(xs.end(), {std::clamp(r.x, 0.0f, width), std::clamp(r.right(), 0.0f, width)});
        ys.insert(ys.end(), {std::clamp(r.y, 0.0f, height), std::clamp(r.bottom(), 0.0f, height)});
    }
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    double covered = 0.0;
    for (size_t i = 0; i + 1 < xs.size(); ++i)
        for (size_t j = 0; j + 1 < ys.size(); ++j) {
            const Rect cell{xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j]};
            if (cell.w <= 0.0f || cell.h <= 0.0f) continue;
            if (std::any_of(rects.begin(), rects.end(), [&](const Rect& r) { return overlaps(r, cell); }))
                covered += double(cell.w) * cell.h;
        }
    return covered / (double(width) * height);
}

ScreenDpi chooseDpi(double settingInches, int pixelsW, int pixelsH, int mmW, int mmH, int modeW, int modeH) {
    if (settingInches > 0.0 && pixelsW > 0 && pixelsH > 0)
        return {float(std::hypot(double(pixelsW), double(pixelsH)) / settingInches), DpiSource::Setting};
    if (mmW >= 100 && mmH >= 100 && mmW <= 5000 && mmH <= 5000 && modeW > 0 && modeH > 0) {
        const double dpiX = modeW / (mmW / 25.4), dpiY = modeH / (mmH / 25.4);
        const bool square = std::abs(dpiX - dpiY) <= 0.15 * std::max(dpiX, dpiY);
        if (square && dpiX >= 40.0 && dpiX <= 600.0) return {float((dpiX + dpiY) * 0.5), DpiSource::Monitor};
    }
    return {};
}

KioskLayout kioskLayout(float width, float height, float dpi, float cornerPx) {
    KioskLayout l;
    l.width = width, l.height = height, l.dpi = dpi;
    l.portrait = height > width;
    const float minTarget = millimetres(kMinTargetMm, dpi);
    // On a small, sharp screen 9 mm is more than 1.6 lines: the text grows with the targets.
    l.fontPx = std::round(std::max({std::min(width, height) / kShortSidePerFont, minTarget / kRowPerFont, 13.0f}));
    l.targetPx = std::ceil(std::max(minTarget, kRowPerFont * l.fontPx));
    l.padButtonPx = std::ceil(std::max(l.targetPx, 2.0f * l.fontPx));
    l.gapPx = std::round(0.25f * l.fontPx);
    l.windowPadPx = std::round(0.35f * l.fontPx);
    l.margin = std::round(0.5f * l.fontPx);
    l.exitCorner = {0.0f, 0.0f, cornerPx, cornerPx};
    if (l.portrait)
        arrangePortrait(l, cornerPx);
    else
        arrangeLandscape(l, cornerPx);
    const float cross = 3 * l.padButtonPx + 2 * l.gapPx;
    const float padsW = 2 * cross + l.fontPx + 2 * l.windowPadPx, padsH = cross + 2 * l.windowPadPx;
    l.pads = {width - l.margin - padsW, height - l.margin - padsH, padsW, padsH};
    const float captionW = std::min(28 * l.fontPx, width - 2 * l.margin);
    l.invite = {(width - captionW) * 0.5f, l.margin + l.targetPx, captionW, 0.0f};
    l.caption = {(width - captionW) * 0.5f, height - l.margin - l.targetPx, captionW, 0.0f};
    return l;
}

std::vector<Rect> panelsShown(const KioskLayout& l, KioskState state) {
    std::vector<Rect> out{l.topBar, l.mapTab, l.placesTab};
    switch (state) {
        case KioskState::AtRest:
            out.push_back(l.pads);
            break;
        case KioskState::MapOpen:
            out.push_back(l.mapDrawer);
            break;
        case KioskState::PlacesOpen:
            out.push_back(l.placesDrawer);
            break;
        case KioskState::StoryOpen:
            out.insert(out.end(), {l.story, l.closeStory});
            break;
    }
    return out;
}

}  // namespace axis::viewer::kiosk
