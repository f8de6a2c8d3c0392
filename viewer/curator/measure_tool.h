#pragma once
// The curator's measure tool, part of the POI editor (it edits the same document, so Ctrl+Z and
// Ctrl+S cover measurements too): choose a kind, click points on the surface (snapped to nearby
// corners and edges), read the value live as the cursor moves; the measurement is finished when
// it has all its points, or by Enter or a double-click for polylines and areas. Dragging a point
// of a measurement moves it (one undo step per drag, the value live meanwhile); Delete removes
// the selected measurement, Backspace the last point placed, Escape abandons the one in progress.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "poi/poi_document.h"
#include "scene/measure.h"
#include "viewer/input.h"
#include "viewer/ui/editor_text.h"

namespace axis::viewer {

class ViewerApp;

class MeasureTool {
public:
    /// Snapping reach on screen, in points, around the cursor.
    static constexpr double kSnapPixels = 10.0;

    /// Returns true when the event was the tool's (the tool is on and it placed, dragged or
    /// finished something, or it was one of its keys).
    bool handle(ViewerApp& app, PoiDocument& document, const InputEvent& event, bool uiCaptured);
    /// The "Measure" panel, and every measurement drawn over the scene.
    void drawUi(ViewerApp& app, PoiDocument& document);
    bool on() const { return on_; }

private:
    std::optional<Snap> snapAt(const ViewerApp& app, glm::dvec2 screen) const;
    bool handleKey(PoiDocument& document, const KeyEvent& key, bool uiCaptured);
    bool handleButton(ViewerApp& app, PoiDocument& document, const MouseButtonEvent& button, bool uiCaptured);
    /// The point of a saved measurement under the cursor, if there is one: pressed there, it is
    /// dragged once the mouse moves, or taken as a click (a shared corner) if it does not.
    bool grabPoint(const ViewerApp& app, const PoiDocument& document);
    void addPoint(ViewerApp& app, PoiDocument& document);
    void finish(PoiDocument& document);
    void drawPanel(PoiDocument& document, const Language& language);
    void drawScene(ViewerApp& app, const PoiDocument& document);

    bool on_ = false;
    MeasureKind kind_ = MeasureKind::Distance;
    std::vector<glm::dvec3> draft_;       ///< Points of the measurement being made.
    std::optional<Snap> hover_;           ///< Where a click would put the next point.
    std::string selected_;                ///< Id of the selected saved measurement.
    std::optional<std::size_t> grabbed_;  ///< Index of the selected measurement's point pressed on.
    bool dragging_ = false;               ///< The mouse moved since: the grabbed point follows it.
    glm::dvec2 pressedAt_{0.0};
    std::vector<glm::dvec3> dragPoints_;  ///< Its points during the drag (committed on release).
    glm::dvec2 mouse_{0.0};
    double lastClickTime_ = -1.0;
    glm::dvec2 lastClickPos_{0.0};
    StatusText status_;
};

}  // namespace axis::viewer
