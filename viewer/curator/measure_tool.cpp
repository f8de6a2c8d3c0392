#include "viewer/curator/measure_tool.h"

#include <algorithm>
#include <cmath>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "render/label_layout.h"
#include "viewer/app.h"
#include "viewer/curator/focus.h"
#include "viewer/curator/measure_draw.h"

namespace axis::viewer {
namespace {

constexpr double kGrabPixels = 10.0;      // How near a point the cursor must be to drag it.
constexpr double kDragStartPixels = 3.0;  // Less movement than this is a click, not a drag.
constexpr double kDoubleClickSeconds = 0.35;
constexpr double kDoubleClickPixels = 6.0;
constexpr float kPanelWidth = 320.0f;

UiText kindLabel(MeasureKind kind) {
    switch (kind) {
        case MeasureKind::Distance:
            return text::kDistance;
        case MeasureKind::HeightDifference:
            return text::kHeightDifference;
        case MeasureKind::HorizontalDistance:
            return text::kHorizontalDistance;
        case MeasureKind::Polyline:
            return text::kPolyline;
        case MeasureKind::Area:
            return text::kArea;
        case MeasureKind::Angle:
            return text::kAngle;
    }
    return text::kDistance;
}

UiText snapLabel(SnapKind kind) {
    switch (kind) {
        case SnapKind::Vertex:
            return text::kSnapVertex;
        case SnapKind::Edge:
            return text::kSnapEdge;
        case SnapKind::Surface:
            return text::kSnapSurface;
    }
    return text::kSnapSurface;
}

std::string valueText(MeasureKind kind, const std::vector<glm::dvec3>& points) {
    return formatMeasureValue(kind, measureValue(kind, points));
}

}  // namespace

std::optional<Snap> MeasureTool::snapAt(const ViewerApp& app, glm::dvec2 screen) const {
    auto hit = app.pick(screen);
    if (!hit) return std::nullopt;
    const double onScreen = pixelsToMetres(kSnapPixels, hit->distance, app.camera().fovY, app.viewport().y);
    // A surface seen at a grazing angle packs more metres into each pixel along the view: widen
    // the reach so that a corner a few pixels away still snaps (up to five times, edge-on).
    const double facing = std::max(0.2, std::abs(glm::dot(hit->normal, app.rayThrough(screen))));
    return snapToSurface(app.bvh(), *hit, onScreen / facing);
}

bool MeasureTool::handle(ViewerApp& app, PoiDocument& document, const InputEvent& event, bool uiCaptured) {
    if (!on_) return false;
    if (auto* k = std::get_if<KeyEvent>(&event)) return handleKey(document, *k, uiCaptured);
    if (auto* m = std::get_if<MouseMoveEvent>(&event)) {
        mouse_ = m->position;
        if (grabbed_ && glm::length(mouse_ - pressedAt_) > kDragStartPixels) dragging_ = true;
        if (dragging_) {  // The value follows the cursor; the document changes once, on release.
            if (auto snap = snapAt(app, mouse_)) dragPoints_[*grabbed_] = snap->position;
            return true;
        }
        hover_ = uiCaptured ? std::nullopt : snapAt(app, mouse_);
        return false;
    }
    if (auto* b = std::get_if<MouseButtonEvent>(&event); b && b->button == 0)
        return handleButton(app, document, *b, uiCaptured);
    return false;
}

bool MeasureTool::handleKey(PoiDocument& document, const KeyEvent& key, bool uiCaptured) {
    if (!key.down || uiCaptured || (key.mods & GLFW_MOD_CONTROL)) return false;
    switch (key.key) {
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
            finish(document);
            return true;
        case GLFW_KEY_ESCAPE:
            if (draft_.empty()) return false;  // Escape still closes what else it closes.
            draft_.clear();
            return true;
        case GLFW_KEY_BACKSPACE:
            if (!draft_.empty()) draft_.pop_back();
            return true;
        case GLFW_KEY_DELETE:
            if (!selected_.empty() && document.deleteMeasurement(selected_)) {
                status_ = StatusText::of(text::kMeasureDeleted, selected_);
                selected_.clear();
            }
            return true;
        default:
            return false;
    }
}

bool MeasureTool::handleButton(ViewerApp& app, PoiDocument& document, const MouseButtonEvent& button, bool uiCaptured) {
    if (!button.down) {
        if (!grabbed_) return false;
        if (!dragging_)
            addPoint(app, document);  // Pressed and released in place: a new measurement starts there.
        else if (document.setMeasurementPoints(selected_, dragPoints_))
            status_ = StatusText::of(text::kMeasureMoved, selected_);
        grabbed_.reset();
        dragging_ = false;
        return true;
    }
    if (uiCaptured) return false;
    const bool doubleClick =
        app.clock() - lastClickTime_ < kDoubleClickSeconds && glm::length(mouse_ - lastClickPos_) < kDoubleClickPixels;
    lastClickTime_ = app.clock();
    lastClickPos_ = mouse_;
    if (doubleClick && !draft_.empty()) {  // The first click of the two placed the last point.
        finish(document);
        return true;
    }
    if (draft_.empty() && grabPoint(app, document)) return true;
    addPoint(app, document);
    return true;
}

bool MeasureTool::grabPoint(const ViewerApp& app, const PoiDocument& document) {
    const glm::vec2 viewport(app.viewport());
    for (const Measurement& m : document.file().measurements)
        for (std::size_t i = 0; i < m.points.size(); ++i) {
            auto screen = render::projectToScreen(m.points[i], app.camera(), viewport);
            if (screen && glm::length(glm::dvec2(*screen) - mouse_) < kGrabPixels) {
                selected_ = m.id;
                grabbed_ = i;
                dragging_ = false;
                pressedAt_ = mouse_;
                dragPoints_ = m.points;
                return true;
            }
        }
    return false;
}

void MeasureTool::addPoint(ViewerApp& app, PoiDocument& document) {
    auto snap = snapAt(app, mouse_);
    if (!snap) {
        status_ = StatusText::of(text::kNothingUnderCursor);
        return;
    }
    draft_.push_back(snap->position);
    status_ = StatusText::of(text::kPointSnapped, {{"count", std::to_string(draft_.size())}},
                             {{"what", snapLabel(snap->kind)}});
    if (maxPoints(kind_) != 0 && draft_.size() >= maxPoints(kind_)) finish(document);
}

void MeasureTool::finish(PoiDocument& document) {
    if (draft_.size() < minPoints(kind_)) {
        status_ = StatusText::of(text::kTooFewPoints, {{"count", std::to_string(minPoints(kind_))}},
                                 {{"kind", kindLabel(kind_)}});
        return;
    }
    Measurement m;
    m.kind = kind_;
    m.points = std::exchange(draft_, {});
    const std::string value = valueText(m.kind, m.points);
    document.endTyping();
    selected_ = document.addMeasurement(std::move(m));
    status_ = selected_.empty() ? StatusText::of(text::kCouldNotMeasure) : StatusText::raw(selected_ + ": " + value);
}

void MeasureTool::drawPanel(PoiDocument& document, const Language& l) {
    ImGuiIO& io = ImGui::GetIO();
    // Top right, a fixed width (texts wrap), growing downwards as measurements are added.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 10), ImGuiCond_FirstUseEver, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(kPanelWidth, 0.0f), ImVec2(kPanelWidth, io.DisplaySize.y));
    ImGui::Begin((std::string(text::kMeasure(l)) + "###measure").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushTextWrapPos(0.0f);  // At the window's edge.
    // Ctrl+Z here undoes measurements: they are edits of the POI document.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) lastFocusedCuratorPanel() = CuratorPanel::Pois;
    if (ImGui::Checkbox(idLabel(text::kMeasureOn, l).c_str(), &on_) && !on_) draft_.clear();
    for (MeasureKind kind : {MeasureKind::Distance, MeasureKind::HeightDifference, MeasureKind::HorizontalDistance,
                             MeasureKind::Polyline, MeasureKind::Area, MeasureKind::Angle}) {
        if (ImGui::RadioButton(idLabel(kindLabel(kind), l).c_str(), kind_ == kind) && kind_ != kind) {
            kind_ = kind;
            draft_.clear();
        }
    }
    if (on_) {
        std::vector<glm::dvec3> live = draft_;
        if (hover_) live.push_back(hover_->position);
        std::string counts = formatText(text::kMeasurePoints, l, {{"count", std::to_string(draft_.size())}});
        if (hover_) counts += ", " + formatText(text::kSnapsTo, l, {{"what", snapLabel(hover_->kind)(l)}});
        ImGui::Text("%s: %s  (%s)", kindLabel(kind_)(l), valueText(kind_, live).c_str(), counts.c_str());
        ImGui::TextDisabled("%s", text::kMeasureHint(l));
    }
    if (!status_.empty()) ImGui::TextDisabled("%s", status_(l).c_str());
    ImGui::Separator();
    for (const Measurement& m : document.file().measurements) {
        // Its id stays the measurement's whatever the language.
        const std::string label =
            m.id + "  " + kindLabel(m.kind)(l) + "  " + valueText(m.kind, m.points) + "###" + m.id;
        if (ImGui::Selectable(label.c_str(), m.id == selected_)) selected_ = m.id;
    }
    ImGui::BeginDisabled(!document.file().findMeasurement(selected_));
    if (ImGui::Button(idLabel(text::kDeleteMeasurement, l).c_str()) && document.deleteMeasurement(selected_))
        selected_.clear();
    ImGui::EndDisabled();
    ImGui::PopTextWrapPos();
    ImGui::End();
}

void MeasureTool::drawScene(ViewerApp& app, const PoiDocument& document) {
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const glm::vec2 viewport(app.viewport());
    const Camera camera = app.camera();
    for (const Measurement& m : document.file().measurements) {
        const bool dragging = dragging_ && m.id == selected_;
        const std::vector<glm::dvec3>& points = dragging ? dragPoints_ : m.points;
        MeasureStyle style;
        if (m.id == selected_) style.line = IM_COL32(255, 128, 48, 255), style.thickness = 3.0f;
        drawMeasurement(list, camera, viewport, m.kind, points, {}, style);
    }
    if (!on_) return;
    if (draft_.empty()) {  // Only where the first point would go, and what it would snap to.
        if (hover_) {
            const auto at = render::projectToScreen(hover_->position, camera, viewport);
            if (at)
                list->AddCircle(ImVec2(at->x, at->y), hover_->kind == SnapKind::Surface ? 4.0f : 7.0f,
                                IM_COL32(96, 200, 255, 255), 0, 2.0f);
        }
        return;
    }
    std::vector<glm::dvec3> live = draft_;
    if (hover_) live.push_back(hover_->position);
    MeasureStyle style;
    style.line = IM_COL32(96, 200, 255, 255);
    drawMeasurement(list, camera, viewport, kind_, live, {}, style);
}

void MeasureTool::drawUi(ViewerApp& app, PoiDocument& document) {
    if (!selected_.empty() && !document.file().findMeasurement(selected_)) selected_.clear();  // Undone away.
    if (grabbed_ && selected_.empty()) grabbed_.reset(), dragging_ = false;
    drawPanel(document, app.language());
    drawScene(app, document);
}

}  // namespace axis::viewer
