#pragma once
// Which curator panel the keyboard shortcuts (Ctrl+Z, Ctrl+Shift+Z) act on: the one last focused;
// the POI editor when neither was.
namespace axis::viewer {

enum class CuratorPanel { None, Pois, Site };

inline CuratorPanel& lastFocusedCuratorPanel() {
    static CuratorPanel panel = CuratorPanel::None;
    return panel;
}

}  // namespace axis::viewer
