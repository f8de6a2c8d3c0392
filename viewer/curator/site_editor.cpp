#include "viewer/curator/site_editor.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/log.h"
#include "viewer/app.h"
#include "viewer/window_app.h"
#include "viewer/curator/focus.h"
#include "viewer/ui/editor_text.h"
#include "site/scene_loader.h"

namespace axis::viewer {
namespace {

// Where the view ray through `screen` meets the horizontal plane z = height; nullopt when the
// ray runs parallel to it or away from it.
std::optional<glm::dvec3> onPlane(const ViewerApp& app, glm::dvec2 screen, double height) {
    const Camera c = app.camera();
    const glm::dvec3 dir = app.rayThrough(screen);
    if (std::abs(dir.z) < 1e-6) return std::nullopt;
    double s = (height - c.position.z) / dir.z;
    if (s <= 0) return std::nullopt;
    return c.position + dir * s;
}

std::string uniqueId(const Site& site, std::string base) {
    if (base.empty()) base = "scan";
    std::string id = base;
    for (int n = 2; site.findModel(id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

}  // namespace

bool SiteEditorLayer::active(const ViewerApp& app) const {
    return app.mode() == AppMode::Curator && app.scene().site.has_value();
}

void SiteEditorLayer::ensureOpen(ViewerApp& app) {
    if (opened_) return;
    opened_ = true;
    site_ = *app.scene().site;
    saved_ = snapshot();
}

ModelPlacement* SiteEditorLayer::placementFor(const std::string& id) {
    for (auto& p : site_.models)
        if (p.id == id) return &p;
    return nullptr;
}

void SiteEditorLayer::apply(ViewerApp& app) {
    for (const auto& p : site_.models) app.setModelPlacement(p, site_.origin);
    app.setSiteClipping(site_.clipping);
    app.setTimeZone(site_.timeZone);
}

void SiteEditorLayer::restore(ViewerApp& app, Edit edit) {
    site_.models = std::move(edit.models);
    site_.clipping = std::move(edit.clipping);
    site_.timeZone = std::move(edit.timeZone);
    if (site_.sun != edit.sun) app.setSun(edit.sun);  // Else the light stays as it is (--sun).
    site_.sun = std::move(edit.sun);
    apply(app);
    app.rebuildPicking();
}

void SiteEditorLayer::undo(ViewerApp& app) {
    if (undo_.empty()) return;
    redo_.push_back(snapshot());
    Edit previous = std::move(undo_.back());
    undo_.pop_back();
    restore(app, std::move(previous));
}

void SiteEditorLayer::redo(ViewerApp& app) {
    if (redo_.empty()) return;
    undo_.push_back(snapshot());
    Edit next = std::move(redo_.back());
    redo_.pop_back();
    restore(app, std::move(next));
}

ClipEditor::Hooks SiteEditorLayer::clipHooks(ViewerApp& app) {
    return {[this] { undo_.push_back(snapshot()); }, [this, &app] { apply(app); }, [this, &app] { commit(app); }};
}

void SiteEditorLayer::commit(ViewerApp& app) {
    apply(app);
    app.rebuildPicking();
    redo_.clear();
}

void SiteEditorLayer::save() {
    Status s = saveSite(site_, site_.file);
    status_ = s ? StatusText::of(text::kSaved, site_.file.filename().string()) : StatusText::raw(s.error().message);
    if (s) saved_ = snapshot();
    else
        logError(s.error().message);
}

bool SiteEditorLayer::allowQuit(ViewerApp&) {
    // The POI editor's prompt covers unsaved POIs; placements are saved with Ctrl+S or the button.
    return true;
}

void SiteEditorLayer::addScan(ViewerApp& app) {
    std::filesystem::path source = scanPath_;
    auto loaded = site::loadScene(source, windowLoadOptions(), Progress::toStderr());
    if (!loaded || loaded->models.empty()) {
        status_ = loaded ? StatusText::of(text::kNoModelIn, scanPath_) : StatusText::raw(loaded.error().message);
        return;
    }
    undo_.push_back(snapshot());
    site::LoadedModel model = std::move(loaded->models.front());
    ModelPlacement p;
    p.id = uniqueId(site_, source.stem().string());
    std::error_code ec;
    auto relative = std::filesystem::relative(std::filesystem::absolute(source), site_.directory(), ec);
    p.source = ec || relative.empty() ? std::filesystem::absolute(source).string() : relative.string();
    p.resolvedSource = std::filesystem::absolute(source);
    p.up = model.model.up;
    p.shading = model.shading;
    // In front of the viewer, on whatever surface lies in the middle of the view.
    auto hit = app.pick(app.viewport() * 0.5);
    Camera c = app.camera();
    p.position = hit ? hit->position : c.position + c.forward * 10.0;
    model.id = p.id;
    model.modelToSite = site::placedModelToSite(p.transform(), p.up, model.model, {p.crs, site_.origin});
    site_.models.push_back(p);
    selected_ = p.id;
    app.requestAddModel(std::move(model));
    snapToGround(app, p.id);
    status_ = StatusText::of(text::kAdded, p.id);
}

void SiteEditorLayer::snapToGround(ViewerApp& app, const std::string& id) {
    ModelPlacement* p = placementFor(id);
    if (!p) return;
    Bounds b = app.modelBounds(id);
    if (b.empty()) return;
    // Down from just above the model's base: the first surface below it is the ground.
    glm::dvec3 from(b.center().x, b.center().y, b.min.z + 0.01);
    auto below = app.bvh().raycast(from, glm::dvec3(0, 0, -1), 1e5);
    if (!below) return;
    p->position.z += below->position.z - b.min.z;
    commit(app);
}

void SiteEditorLayer::drawPlacement(ViewerApp& app, ModelPlacement& p) {
    const Language l = app.language();
    bool changed = false, done = false;
    double pos[3] = {p.position.x, p.position.y, p.position.z};
    if (ImGui::InputScalarN(idLabel(text::kPosition, l).c_str(), ImGuiDataType_Double, pos, 3, nullptr, nullptr,
                            "%.3f"))
        changed = true;
    done |= ImGui::IsItemDeactivatedAfterEdit();
    double rot[3] = {p.rotationDeg.x, p.rotationDeg.y, p.rotationDeg.z};
    if (ImGui::InputScalarN(idLabel(text::kRotation, l).c_str(), ImGuiDataType_Double, rot, 3, nullptr, nullptr,
                            "%.2f"))
        changed = true;
    done |= ImGui::IsItemDeactivatedAfterEdit();
    double scale = p.scale.x;
    if (ImGui::InputDouble(idLabel(text::kScale, l).c_str(), &scale, 0.0, 0.0, "%.4f") && scale > 0) changed = true;
    done |= ImGui::IsItemDeactivatedAfterEdit();
    if (ImGui::IsItemActivated()) undo_.push_back(snapshot());
    if (changed) {
        p.position = {pos[0], pos[1], pos[2]};
        p.rotationDeg = {rot[0], rot[1], rot[2]};
        if (scale > 0) p.scale = glm::dvec3(scale);
        apply(app);
    }
    if (done) commit(app);
    if (ImGui::Button(idLabel(text::kSnapToGround, l).c_str())) {
        undo_.push_back(snapshot());
        snapToGround(app, p.id);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", text::kModelDragHint(l));
}

bool SiteEditorLayer::handle(ViewerApp& app, const InputEvent& event, bool uiCaptured) {
    if (!active(app)) return false;
    ensureOpen(app);
    if (auto* k = std::get_if<KeyEvent>(&event)) {
        if (k->key == GLFW_KEY_LEFT_SHIFT || k->key == GLFW_KEY_RIGHT_SHIFT) shift_ = k->down;
        if (k->key == GLFW_KEY_LEFT_CONTROL || k->key == GLFW_KEY_RIGHT_CONTROL) ctrl_ = k->down;
        if (!k->down || !(ctrl_ || (k->mods & GLFW_MOD_CONTROL))) return false;
        if (k->key == GLFW_KEY_S) {
            save();
            return true;
        }
        if (lastFocusedCuratorPanel() != CuratorPanel::Site) return false;
        const bool shift = shift_ || (k->mods & GLFW_MOD_SHIFT);
        if (k->key == GLFW_KEY_Z && !shift) undo(app);
        else if (k->key == GLFW_KEY_Y || k->key == GLFW_KEY_Z) redo(app);
        return k->key == GLFW_KEY_Z || k->key == GLFW_KEY_Y;
    }
    if (clips_.handle(app, site_, event, uiCaptured, clipHooks(app))) return true;
    if (auto* m = std::get_if<MouseMoveEvent>(&event)) {
        mouse_ = m->position;
        ModelPlacement* p = placementFor(selected_);
        if (!(dragging_ || turning_) || !p) return false;
        if (turning_) {
            p->rotationDeg.z += (m->position.x - dragStart_.x) * 0.5;  // Half a degree per point.
            dragStart_ = m->position;
        } else if (auto q = onPlane(app, mouse_, p->position.z)) {
            p->position.x = q->x + grabOffset_.x;
            p->position.y = q->y + grabOffset_.y;
        }
        apply(app);
        return true;
    }
    if (auto* b = std::get_if<MouseButtonEvent>(&event); b && b->button == 0) {
        if (!b->down && (dragging_ || turning_)) {
            dragging_ = turning_ = false;
            commit(app);
            return true;
        }
        ModelPlacement* p = placementFor(selected_);
        if (!b->down || uiCaptured || !p) return false;
        auto hit = app.pick(mouse_);
        if (!hit || hit->model >= app.scene().models.size() || app.scene().models[hit->model].id != selected_) return false;
        undo_.push_back(snapshot());
        turning_ = shift_;
        dragging_ = !shift_;
        dragStart_ = mouse_;
        if (auto q = onPlane(app, mouse_, p->position.z)) grabOffset_ = p->position - *q;
        return true;
    }
    return false;
}

void SiteEditorLayer::drawUi(ViewerApp& app) {
    if (!active(app)) return;
    ensureOpen(app);
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 430, io.DisplaySize.y - 330), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(420, 320), ImGuiCond_FirstUseEver);
    const bool dirty = snapshot() != saved_;
    const Language l = app.language();
    ImGui::Begin((std::string(text::kSiteModels(l)) + (dirty ? " *" : "") + "###siteeditor").c_str());
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) lastFocusedCuratorPanel() = CuratorPanel::Site;
    if (ImGui::Button(idLabel(text::kSaveSite, l).c_str())) save();
    ImGui::SameLine();
    ImGui::BeginDisabled(undo_.empty());
    if (ImGui::Button(idLabel(text::kUndo, l).c_str())) undo(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(redo_.empty());
    if (ImGui::Button(idLabel(text::kRedo, l).c_str())) redo(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kSectionsButton, l).c_str())) clips_.toggle();
    if (!status_.empty()) ImGui::TextDisabled("%s", status_(l).c_str());
    ImGui::InputTextWithHint("##scan", text::kScanHint(l), &scanPath_);
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kAddScan, l).c_str()) && !scanPath_.empty()) addScan(app);
    ImGui::BeginChild("models", ImVec2(0, 100), true);
    for (const auto& p : site_.models)
        if (ImGui::Selectable(p.id.c_str(), p.id == selected_)) selected_ = p.id;
    ImGui::EndChild();
    if (ModelPlacement* p = placementFor(selected_)) drawPlacement(app, *p);
    ImGui::End();
    if (!clips_.shown()) return;
    const auto hooks = clipHooks(app);
    clips_.drawPanel(app, site_, selected_, hooks, [&] { sun_.draw(app, site_, hooks); });
    clips_.drawGizmos(app, site_);
}

}  // namespace axis::viewer
