#include "viewer/curator/clip_editor.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "render/label_layout.h"
#include "scene/utc_offset.h"
#include "viewer/app.h"
#include "viewer/curator/focus.h"
#include "viewer/ui/editor_text.h"

namespace axis::viewer {
namespace {

constexpr float kHandleRadius = 6.0f;
constexpr double kGrabPixels = 12.0;  ///< How near a handle a press must be to take it.
const ImU32 kSelected = IM_COL32(255, 150, 30, 255), kOther = IM_COL32(90, 200, 255, 160);

void line(ImDrawList* list, const Camera& c, glm::vec2 viewport, const glm::dvec3& a, const glm::dvec3& b, ImU32 colour,
          float thickness) {
    auto p = render::projectToScreen(a, c, viewport), q = render::projectToScreen(b, c, viewport);
    if (p && q) list->AddLine(ImVec2(p->x, p->y), ImVec2(q->x, q->y), colour, thickness);
}

void drawPlane(ImDrawList* list, const Camera& c, glm::vec2 viewport, const ClipPlane& plane, const glm::dvec3& anchor,
               double size, ImU32 colour, float thickness) {
    const glm::dvec3 t = planeTangent(plane) * size, b = glm::cross(plane.normal, planeTangent(plane)) * size;
    const glm::dvec3 corners[4] = {anchor + t + b, anchor - t + b, anchor - t - b, anchor + t - b};
    for (int i = 0; i < 4; ++i) line(list, c, viewport, corners[i], corners[(i + 1) % 4], colour, thickness);
    line(list, c, viewport, anchor, anchor + plane.normal * size, colour, thickness);
}

void drawBox(ImDrawList* list, const Camera& c, glm::vec2 viewport, const ClipBox& box, ImU32 colour, float thickness) {
    auto corner = [&](int i) {
        return glm::dvec3(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z);
    };
    for (int i = 0; i < 8; ++i)
        for (int bit = 1; bit < 8; bit <<= 1)
            if (!(i & bit)) line(list, c, viewport, corner(i), corner(i | bit), colour, thickness);
}

std::string describe(const ClipPlane& p, const Language& l) {
    char text[128];
    std::snprintf(text, sizeof text, "%s (%.2f, %.2f, %.2f) %.3f", text::kPlane(l), p.normal.x, p.normal.y, p.normal.z,
                  p.offset);
    return text;
}

std::string describe(const ClipBox& b, const Language& l) {
    char text[160];
    std::snprintf(text, sizeof text, "%s (%.2f, %.2f, %.2f)-(%.2f, %.2f, %.2f)", text::kBox(l), b.min.x, b.min.y,
                  b.min.z, b.max.x, b.max.y, b.max.z);
    return text;
}

}  // namespace

Clipping* ClipEditor::owner(Site& site) const {
    if (ownerId_.empty()) return &site.clipping;
    for (auto& m : site.models)
        if (m.id == ownerId_) return &m.clipping;
    return nullptr;
}

const Clipping* ClipEditor::owner(const Site& site) const { return owner(const_cast<Site&>(site)); }

glm::dvec3 ClipEditor::reference(const ViewerApp& app) const {
    const Bounds b = ownerId_.empty() ? app.scene().bounds : app.modelBounds(ownerId_);
    return b.empty() ? glm::dvec3(0.0) : b.center();
}

double ClipEditor::gizmoSize(const ViewerApp& app, const glm::dvec3& at) const {
    // A fifth of the distance from the eye: the same size on screen wherever it is.
    return std::max(0.05, 0.2 * glm::length(at - app.camera().position));
}

void ClipEditor::drawAddButtons(ViewerApp& app, Clipping& cuts, std::size_t others, const Hooks& hooks) {
    const Bounds bounds = ownerId_.empty() ? app.scene().bounds : app.modelBounds(ownerId_);
    const glm::dvec3 centre = reference(app);
    // A draw takes kMaxClipHalfSpaces at most.
    const std::size_t used = cuts.halfSpaces().size() + others;
    const Language l = app.language();
    ImGui::BeginDisabled(used + 1 > kMaxClipHalfSpaces);
    if (ImGui::Button(idLabel(text::kAddPlane, l).c_str())) {
        hooks.before();
        cuts.planes.push_back({{0.0, 0.0, -1.0}, centre.z});  // Lifts off the upper half.
        selected_ = int(cuts.planes.size()) - 1;
        hooks.done();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(used + 6 > kMaxClipHalfSpaces);
    if (ImGui::Button(idLabel(text::kAddBox, l).c_str())) {
        hooks.before();
        // The middle three quarters of what it cuts, every side in reach of its handle.
        const glm::dvec3 half = bounds.empty() ? glm::dvec3(1.0) : (bounds.max - bounds.min) * 0.375;
        cuts.boxes.push_back({centre - half, centre + half});
        selected_ = int(cuts.planes.size() + cuts.boxes.size()) - 1;
        hooks.done();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(selected_ < 0);
    if (ImGui::Button(idLabel(text::kRemove, l).c_str())) {
        hooks.before();
        if (selected_ < int(cuts.planes.size()))
            cuts.planes.erase(cuts.planes.begin() + selected_);
        else
            cuts.boxes.erase(cuts.boxes.begin() + (selected_ - int(cuts.planes.size())));
        selected_ = -1;
        hooks.done();
    }
    ImGui::EndDisabled();
}

void ClipEditor::drawList(Clipping& cuts, const Language& l) {
    ImGui::BeginChild("cuts", ImVec2(0, 70), true);
    for (std::size_t i = 0; i < cuts.planes.size(); ++i)
        if (ImGui::Selectable((describe(cuts.planes[i], l) + "##p" + std::to_string(i)).c_str(), selected_ == int(i)))
            selected_ = int(i);
    for (std::size_t i = 0; i < cuts.boxes.size(); ++i) {
        const int index = int(cuts.planes.size() + i);
        if (ImGui::Selectable((describe(cuts.boxes[i], l) + "##b" + std::to_string(i)).c_str(), selected_ == index))
            selected_ = index;
    }
    ImGui::EndChild();
}

void ClipEditor::drawNumbers(Clipping& cuts, const Hooks& hooks, const Language& l) {
    // One undo step per field edited: recorded as it is entered, shown as typed, ended on leaving.
    auto track = [&](bool edited, auto apply) {
        if (ImGui::IsItemActivated()) hooks.before();
        if (edited) {
            Status s = apply();
            problem_ = s ? "" : s.error().message;
            if (s) hooks.changed();
        }
        if (ImGui::IsItemDeactivated()) hooks.done();
    };
    if (selected_ < int(cuts.planes.size())) {
        ClipPlane& p = cuts.planes[std::size_t(selected_)];
        double n[3] = {p.normal.x, p.normal.y, p.normal.z}, d = p.offset;
        const bool editedNormal = ImGui::InputScalarN(idLabel(text::kNormal, l).c_str(), ImGuiDataType_Double, n, 3,
                                                      nullptr, nullptr, "%.4f");
        track(editedNormal, [&]() -> Status {
            auto made = makeClipPlane({n[0], n[1], n[2]}, d);
            if (!made) return Error{std::string(text::kNormal(l)) + ": " + made.error().message};
            p = *made;
            return Ok{};
        });
        const bool editedOffset = ImGui::InputDouble(idLabel(text::kOffset, l).c_str(), &d, 0.0, 0.0, "%.3f");
        track(editedOffset, [&]() -> Status {
            p.offset = d;
            return Ok{};
        });
        return;
    }
    ClipBox& b = cuts.boxes[std::size_t(selected_) - cuts.planes.size()];
    double lo[3] = {b.min.x, b.min.y, b.min.z}, hi[3] = {b.max.x, b.max.y, b.max.z};
    const auto applyBox = [&]() -> Status {
        auto made = makeClipBox({lo[0], lo[1], lo[2]}, {hi[0], hi[1], hi[2]});
        if (!made) return made.error();
        b = *made;
        return Ok{};
    };
    const bool editedMin =
        ImGui::InputScalarN(idLabel(text::kBoxMin, l).c_str(), ImGuiDataType_Double, lo, 3, nullptr, nullptr, "%.3f");
    track(editedMin, applyBox);
    const bool editedMax =
        ImGui::InputScalarN(idLabel(text::kBoxMax, l).c_str(), ImGuiDataType_Double, hi, 3, nullptr, nullptr, "%.3f");
    track(editedMax, applyBox);
}

void ClipEditor::drawTimeZone(ViewerApp& app, Site& site, const Hooks& hooks) {
    if (!zoneEditing_) zoneText_ = site.timeZone;
    const Language l = app.language();
    ImGui::SetNextItemWidth(120.0f);
    ImGui::InputTextWithHint(idLabel(text::kTimeZone, l).c_str(), "+08:00", &zoneText_);
    zoneEditing_ = ImGui::IsItemActive();
    if (!ImGui::IsItemDeactivatedAfterEdit() || zoneText_ == site.timeZone) return;
    if (auto offset = zoneText_.empty() ? Expected<double>(0.0) : parseUtcOffset(zoneText_); !offset) {
        problem_ = std::string(text::kTimeZone(l)) + ": " + offset.error().message;
        return;
    }
    problem_.clear();
    hooks.before();
    site.timeZone = zoneText_;
    app.setTimeZone(zoneText_);
    hooks.done();
}

void ClipEditor::drawPanel(ViewerApp& app, Site& site, const std::string& selectedModel, const Hooks& hooks,
                           const std::function<void()>& more) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(10, io.DisplaySize.y - 390), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(400, 380), ImGuiCond_FirstUseEver);
    const Language l = app.language();
    ImGui::Begin((std::string(text::kSections(l)) + "###sections").c_str(), &shown_);
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) lastFocusedCuratorPanel() = CuratorPanel::Site;
    if (ImGui::RadioButton(idLabel(text::kWholeSite, l).c_str(), ownerId_.empty()) && !ownerId_.empty())
        ownerId_.clear(), selected_ = -1;
    ImGui::SameLine();
    ImGui::BeginDisabled(selectedModel.empty());
    // The model radio's id stays "model" whichever model it names, as the panel is redrawn.
    const std::string modelLabel = (selectedModel.empty() ? std::string(text::kModelUnselected(l))
                                                          : formatText(text::kModelNamed, l, {{"id", selectedModel}})) +
                                   "###sections.model";
    if (ImGui::RadioButton(modelLabel.c_str(), !ownerId_.empty() && ownerId_ == selectedModel))
        ownerId_ = selectedModel, selected_ = -1;
    ImGui::EndDisabled();
    Clipping* cuts = owner(site);
    if (!cuts) {  // Its model was removed: back to the site's.
        ownerId_.clear();
        cuts = &site.clipping;
    }
    const int count = int(cuts->planes.size() + cuts->boxes.size());
    if (selected_ >= count) selected_ = -1;
    // Each draw takes the site's cuts and its model's own together: what the others already use.
    std::size_t others = 0;
    if (!ownerId_.empty())
        others = site.clipping.halfSpaces().size();
    else
        for (const auto& m : site.models) others = std::max(others, m.clipping.halfSpaces().size());
    drawAddButtons(app, *cuts, others, hooks);
    drawList(*cuts, l);
    if (selected_ >= 0) drawNumbers(*cuts, hooks, l);
    drawTimeZone(app, site, hooks);
    if (!problem_.empty()) ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", problem_.c_str());
    ImGui::TextDisabled("%s", text::kHandlesHint(l));
    more();
    ImGui::End();
}

void ClipEditor::drawGizmos(ViewerApp& app, const Site& site) const {
    const Clipping* cuts = owner(site);
    if (!cuts) return;
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const Camera c = app.camera();
    const glm::vec2 viewport(app.viewport());
    const glm::dvec3 ref = reference(app);
    for (std::size_t i = 0; i < cuts->planes.size(); ++i) {
        const ClipPlane& p = cuts->planes[i];
        const glm::dvec3 anchor = planeAnchor(p, ref);
        const bool chosen = selected_ == int(i);
        drawPlane(list, c, viewport, p, anchor, gizmoSize(app, anchor), chosen ? kSelected : kOther,
                  chosen ? 2.5f : 1.5f);
        if (chosen)
            for (const auto& h : planeHandles(p, ref, gizmoSize(app, anchor)))
                if (auto s = render::projectToScreen(h.position, c, viewport)) {
                    if (h.kind == ClipHandle::PlaneMove)
                        list->AddCircleFilled(ImVec2(s->x, s->y), kHandleRadius, kSelected);
                    else
                        list->AddRectFilled(ImVec2(s->x - kHandleRadius, s->y - kHandleRadius),
                                            ImVec2(s->x + kHandleRadius, s->y + kHandleRadius), kSelected);
                }
    }
    for (std::size_t i = 0; i < cuts->boxes.size(); ++i) {
        const bool chosen = selected_ == int(cuts->planes.size() + i);
        drawBox(list, c, viewport, cuts->boxes[i], chosen ? kSelected : kOther, chosen ? 2.5f : 1.5f);
        if (chosen)
            for (const auto& h : boxHandles(cuts->boxes[i]))
                if (auto s = render::projectToScreen(h.position, c, viewport))
                    list->AddCircleFilled(ImVec2(s->x, s->y), kHandleRadius, kSelected);
    }
}

bool ClipEditor::handle(ViewerApp& app, Site& site, const InputEvent& event, bool uiCaptured, const Hooks& hooks) {
    if (!shown_ && !drag_) return false;
    Clipping* cuts = owner(site);
    const Camera c = app.camera();
    if (auto* m = std::get_if<MouseMoveEvent>(&event)) {
        mouse_ = m->position;
        if (!drag_ || !cuts) return false;
        const Ray ray{c.position, app.rayThrough(mouse_)};
        if (selected_ < int(cuts->planes.size()))
            cuts->planes[std::size_t(selected_)] = drag_->updatePlane(ray);
        else
            cuts->boxes[std::size_t(selected_) - cuts->planes.size()] = drag_->updateBox(ray);
        hooks.changed();
        return true;
    }
    auto* b = std::get_if<MouseButtonEvent>(&event);
    if (!b || b->button != 0) return false;
    if (!b->down) {
        if (!drag_) return false;
        drag_.reset();
        hooks.done();
        return true;
    }
    if (uiCaptured || !cuts || selected_ < 0 || selected_ >= int(cuts->planes.size() + cuts->boxes.size()))
        return false;
    // The handle nearest the pointer on screen, if near enough.
    const glm::vec2 viewport(app.viewport());
    const glm::dvec3 ref = reference(app);
    const bool isPlane = selected_ < int(cuts->planes.size());
    double size = 0.0;
    std::vector<ClipHandlePoint> handles;
    if (isPlane) {
        const ClipPlane& p = cuts->planes[std::size_t(selected_)];
        size = gizmoSize(app, planeAnchor(p, ref));
        handles = planeHandles(p, ref, size);
    } else {
        handles = boxHandles(cuts->boxes[std::size_t(selected_) - cuts->planes.size()]);
    }
    const ClipHandlePoint* nearest = nullptr;
    double best = kGrabPixels;
    for (const auto& h : handles)
        if (auto s = render::projectToScreen(h.position, c, viewport)) {
            const double d = glm::length(glm::dvec2(*s) - mouse_);
            if (d < best) best = d, nearest = &h;
        }
    if (!nearest) return false;
    const Ray grab{c.position, app.rayThrough(mouse_)};
    hooks.before();
    lastFocusedCuratorPanel() = CuratorPanel::Site;  // Ctrl+Z now undoes this drag.
    if (isPlane)
        drag_ = ClipDrag::plane(cuts->planes[std::size_t(selected_)], nearest->kind, ref, size, grab, c.forward);
    else
        drag_ = ClipDrag::box(cuts->boxes[std::size_t(selected_) - cuts->planes.size()], nearest->kind, nearest->face,
                              grab, c.forward);
    return true;
}

}  // namespace axis::viewer
