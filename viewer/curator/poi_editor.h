#pragma once
// The curator's POI editor (curator mode only): place a POI by clicking the surface, drag it
// along the surface, edit title and body in both languages side by side, media, tags, the saved
// view, order and deletion; every edit undoable (Ctrl+Z / Ctrl+Shift+Z); Ctrl+S saves atomically;
// autosave every 30 s to a side file offered back after a crash; unsaved work guards quitting;
// Web Annotation (JSON-LD) import, one undo step, and export, from a path typed in. Its measure
// tool (measure_tool.h) edits the same document.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "poi/poi_document.h"
#include "viewer/curator/measure_tool.h"
#include "viewer/mode_layer.h"

namespace axis::viewer {

class PoiEditorLayer : public ModeLayer {
public:
    /// Edits `poiFile` (created on first save when it does not exist yet).
    explicit PoiEditorLayer(std::filesystem::path poiFile);

    bool handle(ViewerApp& app, const InputEvent& event, bool uiCaptured) override;
    void update(ViewerApp& app, double dt) override;
    void drawUi(ViewerApp& app) override;
    bool allowQuit(ViewerApp& app) override;

    const PoiDocument& document() const { return document_; }

private:
    bool active(const ViewerApp& app) const;
    void open(ViewerApp& app);
    void publish(ViewerApp& app);  // Shows the document's POIs in the scene.
    void placeAt(ViewerApp& app, glm::dvec2 screen);
    void drawList(ViewerApp& app);
    void drawFields(ViewerApp& app, const Poi& poi);
    void drawMedia(const Poi& poi, const Language& language);
    /// The "attach narration" row; true when it changed `media`.
    bool drawAddNarration(std::vector<PoiMedia>& media, const Language& language);
    void drawRecoveryPrompt(ViewerApp& app);
    void drawQuitPrompt(ViewerApp& app);
    void drawWebAnnotation(ViewerApp& app);  // The import/export window (a path field, no file dialog).
    void importWebAnnotationFile(ViewerApp& app);
    void exportWebAnnotationFile(const Language& language);
    void saveNow();
    bool handleKey(ViewerApp& app, const KeyEvent& key);

    std::filesystem::path path_;
    PoiDocument document_;
    bool opened_ = false;
    std::string selected_;        ///< Id of the POI being edited.
    bool placing_ = false;        ///< The next click on the surface places a new POI.
    bool dragging_ = false;       ///< Moving the selected POI's anchor with the mouse.
    std::optional<PoiAnchor> dragAnchor_;
    bool offerRecovery_ = false;
    bool askBeforeQuit_ = false;
    bool quitConfirmed_ = false;
    StatusText status_;           ///< Last save result, shown in the panel.
    std::string mediaPath_;       ///< The "add image" field.
    std::string audioPath_;       ///< The "attach narration" field.
    std::string audioLang_ = "zh";  ///< The language it speaks.
    // The Web Annotation window: its file field, the import mode (replace rather than merge), and
    // the last import's or export's result followed by its conflicts and problems.
    bool showWebAnnotation_ = false;
    std::string annotationPath_;
    bool importReplaces_ = false;
    std::vector<std::string> annotationNotes_;
    glm::dvec2 mouse_{0.0};
    bool ctrl_ = false, shift_ = false;
    MeasureTool measure_;
    std::uint64_t publishedRevision_ = 0;  ///< The history's revision the viewer last got.
};

}  // namespace axis::viewer
