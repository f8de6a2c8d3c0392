#include "viewer/curator/poi_editor.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/log.h"
#include "poi/media.h"
#include "poi/recovery.h"
#include "poi/web_annotation.h"
#include "viewer/app.h"
#include "viewer/curator/focus.h"
#include "viewer/ui/editor_text.h"

namespace axis::viewer {
namespace {
namespace fs = std::filesystem;

std::string joinTags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t;
    return out;
}

std::vector<std::string> splitTags(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string tag; std::getline(ss, tag, ',');) {
        tag.erase(0, tag.find_first_not_of(" \t"));
        tag.erase(tag.find_last_not_of(" \t") + 1);
        if (!tag.empty()) out.push_back(tag);
    }
    return out;
}

std::string field(const LangText& text, const char* lang) {
    auto it = text.find(lang);
    return it == text.end() ? std::string() : it->second;
}

Viewpoint toViewpoint(const Camera& c) {
    Viewpoint v = Viewpoint::lookAt(c.position, c.position + c.forward, glm::degrees(c.fovY));
    return v;
}

void centreNextWindow() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowFocus();
}

}  // namespace

PoiEditorLayer::PoiEditorLayer(std::filesystem::path poiFile) : path_(std::move(poiFile)) {}

bool PoiEditorLayer::active(const ViewerApp& app) const { return app.mode() == AppMode::Curator; }

// Every 30 s by default; AXIS_AUTOSAVE_SECONDS shortens it for tests of crash recovery.
PoiDocumentOptions editorOptions() {
    PoiDocumentOptions options;
    if (const char* s = std::getenv("AXIS_AUTOSAVE_SECONDS"); s && std::atoi(s) > 0)
        options.autosaveInterval = std::chrono::seconds(std::atoi(s));
    return options;
}

void PoiEditorLayer::open(ViewerApp& app) {
    opened_ = true;
    if (std::filesystem::exists(path_)) {
        auto doc = PoiDocument::open(path_, editorOptions());
        if (!doc) {
            status_ = StatusText::raw(doc.error().message);
            logError(doc.error().message);
            return;
        }
        document_ = std::move(*doc);
    } else {
        PoiFile empty;
        empty.file = std::filesystem::absolute(path_);
        document_ = PoiDocument(std::move(empty), editorOptions());
    }
    offerRecovery_ = findRecovery(path_).has_value();
    publish(app);
}

void PoiEditorLayer::publish(ViewerApp& app) {
    app.setPois(document_.file());
    publishedRevision_ = document_.history().revision();
}

void PoiEditorLayer::saveNow() {
    Status s = std::filesystem::exists(path_) ? document_.save() : document_.saveAs(path_);
    status_ = s ? StatusText::of(text::kSaved, path_.filename().string()) : StatusText::raw(s.error().message);
    if (!s) logError(s.error().message);
}

void PoiEditorLayer::placeAt(ViewerApp& app, glm::dvec2 screen) {
    auto hit = app.pick(screen);
    if (!hit) {
        status_ = StatusText::of(text::kNothingUnderCursor);
        return;
    }
    Poi poi;
    poi.anchor.position = hit->position;
    poi.anchor.normal = hit->normal;
    if (hit->model < app.scene().models.size()) poi.anchor.model = app.scene().models[hit->model].id;
    poi.title = {{"zh", "新地点"}, {"en", "New place"}};
    poi.viewpoint = toViewpoint(app.camera());
    selected_ = document_.addPoi(poi);
    placing_ = false;
    publish(app);
}

bool PoiEditorLayer::handleKey(ViewerApp& app, const KeyEvent& key) {
    if (key.key == GLFW_KEY_LEFT_CONTROL || key.key == GLFW_KEY_RIGHT_CONTROL) ctrl_ = key.down;
    if (key.key == GLFW_KEY_LEFT_SHIFT || key.key == GLFW_KEY_RIGHT_SHIFT) shift_ = key.down;
    const bool ctrl = ctrl_ || (key.mods & GLFW_MOD_CONTROL), shift = shift_ || (key.mods & GLFW_MOD_SHIFT);
    if (!key.down || !ctrl) return false;
    if (key.key == GLFW_KEY_S) {  // Saves every editor: the site editor saves too (not consumed).
        document_.endTyping();
        saveNow();
        return false;
    }
    if (lastFocusedCuratorPanel() == CuratorPanel::Site) return false;
    if (key.key == GLFW_KEY_Z) {
        document_.endTyping();
        if (shift ? document_.redo() : document_.undo()) publish(app);
        return true;
    }
    if (key.key == GLFW_KEY_Y) {
        if (document_.redo()) publish(app);
        return true;
    }
    return false;
}

bool PoiEditorLayer::handle(ViewerApp& app, const InputEvent& event, bool uiCaptured) {
    if (!active(app)) return false;
    if (!opened_) open(app);
    if (measure_.handle(app, document_, event, uiCaptured)) return true;
    if (auto* k = std::get_if<KeyEvent>(&event)) return handleKey(app, *k);
    if (auto* m = std::get_if<MouseMoveEvent>(&event)) {
        mouse_ = m->position;
        if (dragging_ && dragAnchor_) {  // Slide along whatever surface lies under the cursor.
            if (auto hit = app.pick(mouse_)) {
                dragAnchor_->position = hit->position;
                dragAnchor_->normal = hit->normal;
                if (hit->model < app.scene().models.size()) dragAnchor_->model = app.scene().models[hit->model].id;
                PoiFile preview = document_.file();
                if (long i = preview.indexOf(selected_); i >= 0) preview.pois[size_t(i)].anchor = *dragAnchor_;
                app.setPois(preview);
            }
            return true;
        }
        return false;
    }
    if (auto* b = std::get_if<MouseButtonEvent>(&event); b && b->button == 0) {
        if (!b->down && dragging_) {
            dragging_ = false;
            if (dragAnchor_) document_.moveAnchor(selected_, *dragAnchor_);  // One undo step per drag.
            dragAnchor_.reset();
            publish(app);
            return true;
        }
        if (b->down && !uiCaptured && placing_) {
            placeAt(app, mouse_);
            return true;
        }
        if (b->down && !uiCaptured && !selected_.empty()) {
            const Poi* poi = document_.find(selected_);
            auto screen = poi ? render::projectToScreen(poi->anchor.position, app.camera(), glm::vec2(app.viewport()))
                              : std::nullopt;
            if (screen && glm::length(glm::dvec2(*screen) - mouse_) < 12.0) {
                dragging_ = true;
                dragAnchor_ = poi->anchor;
                return true;
            }
        }
    }
    return false;
}

void PoiEditorLayer::update(ViewerApp& app, double) {
    if (!opened_) return;
    // The measure tool edits without publishing: the viewer shows its measurements outside curator mode.
    if (document_.history().revision() != publishedRevision_ && !dragging_) publish(app);
    if (!active(app)) return;
    // The app's clock, not the wall's: a scripted session's 30 s are 30 s of script time.
    document_.tick(PoiDocument::Clock::time_point(
        std::chrono::duration_cast<PoiDocument::Clock::duration>(std::chrono::duration<double>(app.clock()))));
    if (auto opened = app.openedPoi(); opened && opened_ && *opened < document_.file().pois.size())
        selected_ = document_.file().pois[*opened].id;  // Clicking a label selects it for editing.
}

bool PoiEditorLayer::allowQuit(ViewerApp& app) {
    if (!opened_ || !document_.dirty() || quitConfirmed_) return true;
    askBeforeQuit_ = true;
    app.setMode(AppMode::Curator);
    return false;
}

void PoiEditorLayer::drawRecoveryPrompt(ViewerApp& app) {
    // A plain window rather than a modal popup: Debian's ImGui 1.86 asserts when a modal opens
    // while other windows are being activated in the same frame.
    centreNextWindow();
    const Language l = app.language();
    if (ImGui::Begin(idLabel(text::kRecoverTitle, l).c_str(), nullptr,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted(text::kRecoverText(l));
        if (ImGui::Button(idLabel(text::kRecover, l).c_str())) {
            if (auto doc = PoiDocument::openRecovered(path_, editorOptions())) {
                document_ = std::move(*doc);
                publish(app);
            }
            offerRecovery_ = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(idLabel(text::kDiscard, l).c_str())) {
            (void)discardRecovery(path_);
            offerRecovery_ = false;
        }
    }
    ImGui::End();
}

void PoiEditorLayer::drawQuitPrompt(ViewerApp& app) {
    centreNextWindow();
    const Language l = app.language();
    if (ImGui::Begin(idLabel(text::kUnsavedTitle, l).c_str(), nullptr,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted(text::kUnsavedText(l));
        if (ImGui::Button(idLabel(text::kSaveAndQuit, l).c_str())) {
            saveNow();
            if (!document_.dirty()) {
                quitConfirmed_ = true;
                app.requestQuit();
            }
            askBeforeQuit_ = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(idLabel(text::kQuitWithoutSaving, l).c_str())) {
            (void)discardRecovery(path_);
            quitConfirmed_ = true;
            app.requestQuit();
            askBeforeQuit_ = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(idLabel(text::kCancelQuit, l).c_str())) askBeforeQuit_ = false;
    }
    ImGui::End();
}

void PoiEditorLayer::importWebAnnotationFile(ViewerApp& app) {
    annotationNotes_.clear();
    auto incoming = importWebAnnotation(annotationPath_);
    if (!incoming) {
        annotationNotes_.push_back(incoming.error().message);
        logError(incoming.error().message);
        return;
    }
    document_.endTyping();
    const PoiImportReport report =
        document_.importPois(*incoming, importReplaces_ ? PoiImportMode::Replace : PoiImportMode::Merge);
    if (!document_.find(selected_)) selected_.clear();
    publish(app);
    const std::string name = fs::path(annotationPath_).filename().string();
    // The report's counts are the engine's words, as `poi import` prints them.
    annotationNotes_.push_back(formatText(report.changed() ? text::kImportedUndoable : text::kImported, app.language(),
                                          {{"file", name}, {"summary", report.summary()}}));
    for (const auto& conflict : report.conflicts) annotationNotes_.push_back(conflict);
    for (const auto& problem : incoming->problems) annotationNotes_.push_back(problem);
}

void PoiEditorLayer::exportWebAnnotationFile(const Language& l) {
    annotationNotes_.clear();
    // The document as shown, unsaved edits included: exporting is not saving.
    Status s = exportWebAnnotation(document_.file(), annotationPath_, {});
    annotationNotes_.push_back(
        s ? formatText(text::kExported, l,
                       {{"count", std::to_string(document_.file().pois.size())}, {"file", annotationPath_}})
          : s.error().message);
    if (!s) logError(s.error().message);
}

void PoiEditorLayer::drawWebAnnotation(ViewerApp& app) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 60), ImGuiCond_FirstUseEver, ImVec2(1, 0));
    const Language l = app.language();
    if (ImGui::Begin(idLabel(text::kAnnotationTitle, l).c_str(), &showWebAnnotation_,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        // Ctrl+Z here undoes POI edits, an import included.
        if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
            lastFocusedCuratorPanel() = CuratorPanel::Pois;
        ImGui::SetNextItemWidth(std::min(380.0f, io.DisplaySize.x * 0.4f));
        ImGui::InputTextWithHint(idLabel(text::kAnnotationFile, l).c_str(), "path/to/FILE.jsonld", &annotationPath_);
        if (ImGui::RadioButton(idLabel(text::kMerge, l).c_str(), !importReplaces_)) importReplaces_ = false;
        if (ImGui::RadioButton(idLabel(text::kReplace, l).c_str(), importReplaces_)) importReplaces_ = true;
        ImGui::BeginDisabled(annotationPath_.empty());
        if (ImGui::Button(idLabel(text::kImport, l).c_str())) importWebAnnotationFile(app);
        ImGui::SameLine();
        if (ImGui::Button(idLabel(text::kExport, l).c_str())) exportWebAnnotationFile(l);
        ImGui::EndDisabled();
        // Conflicts can run long: the first few, then a count.
        constexpr size_t kShownNotes = 8;
        for (size_t i = 0; i < annotationNotes_.size() && i < kShownNotes; ++i)
            ImGui::TextUnformatted(annotationNotes_[i].c_str());
        if (annotationNotes_.size() > kShownNotes)
            ImGui::TextDisabled("%s", formatText(text::kMoreNotes, l,
                                                 {{"count", std::to_string(annotationNotes_.size() - kShownNotes)}})
                                          .c_str());
    }
    ImGui::End();
}

void PoiEditorLayer::drawList(ViewerApp& app) {
    const auto& pois = document_.file().pois;
    ImGui::BeginChild("pois", ImVec2(0, 110), true);
    for (size_t i = 0; i < pois.size(); ++i) {
        ImGui::PushID(int(i));
        const std::string label = app.poiText(pois[i].title) + "  (" + pois[i].id + ")";
        if (ImGui::Selectable(label.c_str(), pois[i].id == selected_)) {
            document_.endTyping();
            selected_ = pois[i].id;
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    const Language l = app.language();
    // One id for both faces of the button: it stays the same widget while placing.
    if (ImGui::Button(((placing_ ? text::kClickSurface : text::kAddPoi)(l) + std::string("###poi_editor.add")).c_str()))
        placing_ = !placing_;
    const Poi* poi = document_.find(selected_);
    if (!poi) return;
    const long index = document_.file().indexOf(selected_);
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kUp, l).c_str()) && index > 0 && document_.movePoi(selected_, size_t(index - 1)))
        publish(app);
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kDown, l).c_str()) && index >= 0 && document_.movePoi(selected_, size_t(index + 1)))
        publish(app);
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kDeletePoi, l).c_str()) && document_.deletePoi(selected_)) {
        selected_.clear();
        publish(app);
    }
}

void PoiEditorLayer::drawMedia(const Poi& poi, const Language& l) {
    std::vector<PoiMedia> media = poi.media;
    bool changed = false;
    for (size_t i = 0; i < media.size(); ++i) {
        ImGui::PushID(int(i) + 1000);
        if (media[i].isAudio()) {  // Narration: a language and a file; no caption to edit.
            ImGui::TextUnformatted(
                formatText(text::kNarration, l, {{"language", media[i].language}, {"file", media[i].path}}).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(idLabel(text::kRemoveMedia, l).c_str()))
                media.erase(media.begin() + long(i)), changed = true, i = media.size();
            ImGui::PopID();
            continue;
        }
        ImGui::TextUnformatted(media[i].path.c_str());
        std::string zh = field(media[i].caption, "zh"), en = field(media[i].caption, "en");
        ImGui::SetNextItemWidth(200);
        if (ImGui::InputText("##capzh", &zh)) media[i].caption["zh"] = zh, changed = true;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(200);
        if (ImGui::InputText("##capen", &en)) media[i].caption["en"] = en, changed = true;
        ImGui::SameLine();
        if (ImGui::SmallButton(idLabel(text::kRemoveMedia, l).c_str()))
            media.erase(media.begin() + long(i)), changed = true, i = media.size();
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(300);
    ImGui::InputTextWithHint("##media", text::kImageHint(l), &mediaPath_);
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kAddImage, l).c_str()) && !mediaPath_.empty()) {
        auto rel = importMedia(document_.file(), mediaPath_);
        if (rel) {
            media.push_back({*rel, {}, {}});
            changed = true;
            mediaPath_.clear();
        } else {
            status_ = StatusText::raw(rel.error().message);
        }
    }
    changed = drawAddNarration(media, l) || changed;
    if (changed) document_.setMedia(poi.id, media);
}

// One narration per language: attaching a file for a language that has one replaces it.
bool PoiEditorLayer::drawAddNarration(std::vector<PoiMedia>& media, const Language& l) {
    ImGui::SetNextItemWidth(300);
    ImGui::InputTextWithHint("##audio", text::kAudioHint(l), &audioPath_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(60);
    ImGui::InputText("##audiolang", &audioLang_);
    ImGui::SameLine();
    if (!ImGui::Button(idLabel(text::kAttachNarration, l).c_str()) || audioPath_.empty() || audioLang_.empty())
        return false;
    auto rel = importAudio(document_.file(), audioPath_);
    if (!rel) {
        status_ = StatusText::raw(rel.error().message);
        return false;
    }
    media = withNarration(std::move(media), audioLang_, *rel);
    audioPath_.clear();
    return true;
}

void PoiEditorLayer::drawFields(ViewerApp& app, const Poi& poi) {
    bool changed = false;
    const float half = (ImGui::GetContentRegionAvail().x - 8) * 0.5f;
    const Language l = app.language();
    // The two columns are the content's languages, each named in itself.
    ImGui::TextUnformatted("中文");
    ImGui::SameLine(half + 8);
    ImGui::TextUnformatted("English");
    std::string titleZh = field(poi.title, "zh"), titleEn = field(poi.title, "en");
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputText("##titlezh", &titleZh)) changed |= document_.setTitle(poi.id, "zh", titleZh);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputText("##titleen", &titleEn)) changed |= document_.setTitle(poi.id, "en", titleEn);
    std::string bodyZh = field(poi.body, "zh"), bodyEn = field(poi.body, "en");
    if (ImGui::InputTextMultiline("##bodyzh", &bodyZh, ImVec2(half, 160))) changed |= document_.setBody(poi.id, "zh", bodyZh);
    ImGui::SameLine();
    if (ImGui::InputTextMultiline("##bodyen", &bodyEn, ImVec2(half, 160))) changed |= document_.setBody(poi.id, "en", bodyEn);
    if (ImGui::IsItemDeactivated()) document_.endTyping();
    std::string tags = joinTags(poi.tags);
    if (ImGui::InputText(idLabel(text::kPoiTags, l).c_str(), &tags, ImGuiInputTextFlags_EnterReturnsTrue))
        changed |= document_.setTags(poi.id, splitTags(tags));
    if (ImGui::Button(idLabel(text::kCaptureView, l).c_str()))
        changed |= document_.setViewpoint(poi.id, toViewpoint(app.camera()));
    ImGui::SameLine();
    if (poi.viewpoint && ImGui::Button(idLabel(text::kGoToView, l).c_str()))
        app.goToCamera(site::toCamera(*poi.viewpoint));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", text::kMarkerHint(l));
    drawMedia(poi, l);
    if (changed) publish(app);
}

void PoiEditorLayer::drawUi(ViewerApp& app) {
    if (!active(app)) return;
    if (!opened_) open(app);
    if (offerRecovery_) drawRecoveryPrompt(app);
    if (askBeforeQuit_) drawQuitPrompt(app);
    if (showWebAnnotation_) drawWebAnnotation(app);
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(10, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, io.DisplaySize.x * 0.5f), std::min(560.0f, io.DisplaySize.y * 0.55f)),
                             ImGuiCond_FirstUseEver);
    const Language l = app.language();
    std::string title = std::string(text::kPoiEditor(l)) + (document_.dirty() ? " *" : "") + "###poieditor";
    ImGui::Begin(title.c_str());
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) lastFocusedCuratorPanel() = CuratorPanel::Pois;
    ImGui::BeginDisabled(!document_.canUndo());
    if (ImGui::Button(idLabel(text::kUndo, l).c_str()) && document_.undo()) publish(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!document_.canRedo());
    if (ImGui::Button(idLabel(text::kRedo, l).c_str()) && document_.redo()) publish(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kSavePois, l).c_str())) saveNow();
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kAnnotationButton, l).c_str())) {
        showWebAnnotation_ = !showWebAnnotation_;
        if (annotationPath_.empty()) annotationPath_ = fs::path(path_).replace_extension(".jsonld").string();
    }
    if (!status_.empty()) ImGui::TextDisabled("%s", status_(l).c_str());
    drawList(app);
    if (const Poi* poi = document_.find(selected_)) {
        ImGui::Separator();
        drawFields(app, *poi);
    }
    ImGui::End();
    measure_.drawUi(app, document_);
}

}  // namespace axis::viewer
