#pragma once
// The curator's section planes and clip boxes (part of the site editor, whose undo history and
// save they share): the "Sections" panel lists, adds and removes the cuts of the whole site or of
// one model and edits them by numbers; the selected cut is drawn in the view with handles to drag
// (scene/clip_edit.h): a plane's arrow moves it along its normal, the middle of its square's side
// turns it, a box's face centres move its faces and its centre moves it whole.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "scene/clip_edit.h"
#include "scene/site.h"
#include "viewer/input.h"
#include "viewer/ui/text.h"

namespace axis::viewer {

class ViewerApp;

class ClipEditor {
public:
    /// How edits reach the site editor: before() records an undo step, changed() shows the site's
    /// cuts (live, during a drag or while typing), done() ends the change (picking rebuilt).
    struct Hooks {
        std::function<void()> before, changed, done;
    };

    /// The panel, its own window. `selectedModel`: the site editor's selection, offered as the
    /// owner of new cuts.
    /// `more` draws at its foot, in the same window (the site's sun, sun_editor.h).
    void drawPanel(ViewerApp& app, Site& site, const std::string& selectedModel, const Hooks& hooks,
                   const std::function<void()>& more);
    /// Every cut of the owner shown in the panel, outlined; the selected one with its handles.
    void drawGizmos(ViewerApp& app, const Site& site) const;
    /// Pointer events on the selected cut's handles; true when consumed (a drag in progress).
    bool handle(ViewerApp& app, Site& site, const InputEvent& event, bool uiCaptured, const Hooks& hooks);
    bool dragging() const { return drag_.has_value(); }
    /// The panel and the gizmos show once opened (the site editor's "Sections" button).
    bool shown() const { return shown_; }
    void toggle() { shown_ = !shown_; }

private:
    Clipping* owner(Site& site) const;
    const Clipping* owner(const Site& site) const;
    /// The point planes are anchored nearest: the centre of the owner's bounds.
    glm::dvec3 reference(const ViewerApp& app) const;
    double gizmoSize(const ViewerApp& app, const glm::dvec3& at) const;
    void drawList(Clipping& cuts, const Language& language);
    void drawAddButtons(ViewerApp& app, Clipping& cuts, std::size_t others, const Hooks& hooks);
    void drawNumbers(Clipping& cuts, const Hooks& hooks, const Language& language);
    void drawTimeZone(ViewerApp& app, Site& site, const Hooks& hooks);

    bool shown_ = false;
    std::string ownerId_;  ///< Empty: the whole site; else a model id.
    int selected_ = -1;    ///< Planes first, then boxes; -1: none.
    std::optional<ClipDrag> drag_;
    std::string problem_;   ///< Why the last typed value was refused.
    std::string zoneText_;  ///< The time zone field while typing.
    bool zoneEditing_ = false;
    glm::dvec2 mouse_{0.0};
};

}  // namespace axis::viewer
