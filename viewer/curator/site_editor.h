#pragma once
// The curator's site editor (curator mode, sites only): add a scan to the site, place it by
// numeric position, rotation and scale or by dragging it in the view (Shift+drag turns it),
// snap it to the ground; cut the site or a model with section planes and clip boxes, set the
// site's time zone (clip_editor.h) and its sun (sun_editor.h); save the site file atomically. Every change is undoable
// (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z while a site panel was the last one used).
#include <filesystem>
#include <string>
#include <vector>

#include "scene/site.h"
#include "viewer/curator/clip_editor.h"
#include "viewer/curator/sun_editor.h"
#include "viewer/mode_layer.h"
#include "viewer/ui/editor_text.h"

namespace axis::viewer {

class SiteEditorLayer : public ModeLayer {
public:
    bool handle(ViewerApp& app, const InputEvent& event, bool uiCaptured) override;
    void drawUi(ViewerApp& app) override;
    bool allowQuit(ViewerApp& app) override;

private:
    /// What an undo step restores: everything this editor changes in the site.
    struct Edit {
        std::vector<ModelPlacement> models;
        Clipping clipping;
        std::string timeZone;
        std::optional<SiteSun> sun;
        bool operator==(const Edit&) const = default;
    };
    Edit snapshot() const { return {site_.models, site_.clipping, site_.timeZone, site_.sun}; }
    void restore(ViewerApp& app, Edit edit);
    void undo(ViewerApp& app);
    void redo(ViewerApp& app);
    ClipEditor::Hooks clipHooks(ViewerApp& app);

    bool active(const ViewerApp& app) const;
    void ensureOpen(ViewerApp& app);
    ModelPlacement* placementFor(const std::string& id);
    /// Applies the site's placements to the app's models and records an undo step.
    void commit(ViewerApp& app);
    void apply(ViewerApp& app);
    void addScan(ViewerApp& app);
    void snapToGround(ViewerApp& app, const std::string& id);
    void drawPlacement(ViewerApp& app, ModelPlacement& p);
    void save();

    bool opened_ = false;
    Site site_;
    std::vector<Edit> undo_, redo_;
    Edit saved_;  ///< As on disk, for the dirty mark.
    ClipEditor clips_;
    SunEditor sun_;
    std::string selected_;
    std::string scanPath_;
    StatusText status_;
    bool dragging_ = false, turning_ = false;
    glm::dvec2 mouse_{0.0}, dragStart_{0.0};
    glm::dvec3 grabOffset_{0.0};
    bool shift_ = false, ctrl_ = false;
};

}  // namespace axis::viewer
