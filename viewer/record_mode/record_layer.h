#pragma once
// Record mode (`axisview SCENE --record-mode`): build a camera path in the viewer and export it.
//   K or "Add key"        a keyframe from the current view, 3 s after the last one
//   timeline              drag the playhead to scrub (the camera follows the path), drag a
//                         keyframe's marker or type its time to retime it
//   Delete                removes the selected keyframe;  Ctrl+Z undoes a keyframe edit
//   Space                 preview at real speed (play/pause)
//   Ctrl+S / Ctrl+O       save / load the path file named in the panel (engine/record's
//                         path_file: atomic save, NAME.bak kept)
//   Export                runs `axisview record SCENE --path P -o OUT` as a child process and
//                         shows its progress lines
// The path is drawn in the scene: the curve as a polyline, keyframes as dots (the selected one
// larger). The layer uses ViewerApp's public API only.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "record/camera_path.h"
#include "record/path_file.h"
#include "viewer/mode_layer.h"
#include "viewer/record_mode/export_job.h"
#include "viewer/ui/editor_text.h"

namespace axis::viewer {

class RecordLayer final : public ModeLayer {
public:
    /// `scene`: the file the viewer opened (handed to the exporter); `pathFile`: the path file
    /// the panel starts with (loaded when it exists).
    RecordLayer(std::filesystem::path scene, std::filesystem::path pathFile);

    bool handle(ViewerApp& app, const InputEvent& event, bool uiCaptured) override;
    void update(ViewerApp& app, double dt) override;
    void drawUi(ViewerApp& app) override;

    /// Seconds between a new keyframe and the one before it.
    static constexpr double kKeyGapSeconds = 3.0;
    /// Two keyframes never come closer than this when retimed (times must strictly increase).
    static constexpr double kMinKeyGapSeconds = 0.1;

private:
    // Keyframe edits (record_layer.cpp); each takes an undo snapshot first.
    void addKey(ViewerApp& app);
    void deleteSelected();
    void retime(std::size_t key, double time);
    void undo();
    void edited();  ///< Rebuilds path_ after an edit and clamps the playhead and selection.
    void snapshot();
    void scrubTo(ViewerApp& app, double t);
    void togglePlay(ViewerApp& app);
    bool save();  ///< True when the path file was written.
    void load();
    void startExport();
    bool handleKey(ViewerApp& app, const KeyEvent& key);

    // Widgets (record_panel.cpp).
    void drawPanel(ViewerApp& app);
    void drawKeyList(const Language& language);
    void drawTimeline(ViewerApp& app);
    void drawFileRow(const Language& language);
    void drawExportRow(const Language& language);
    void drawPathInScene(ViewerApp& app) const;

    std::filesystem::path scene_;
    char pathText_[512] = {};    ///< The path file's name, edited in the panel.
    char outputText_[512] = {};  ///< Export target: OUT.mp4 or a PNG pattern.
    record::PathFile file_;
    std::optional<record::CameraPath> path_;  ///< Empty without keyframes.
    std::vector<std::vector<record::PathKey>> undo_;
    double playhead_ = 0.0;
    bool playing_ = false;
    int selected_ = -1;
    int draggedKey_ = -1;  ///< A marker being dragged on the timeline.
    bool ctrl_ = false;
    StatusText status_;
    ExportJob export_;
};

}  // namespace axis::viewer
