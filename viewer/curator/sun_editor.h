#pragma once
// The site's own sun in the curator's "Sections" panel (clip_editor.h): the date and hour the
// site is shown in and whether it casts shadows, which render, record and the window use unless
// told otherwise (scene/site.h "sun"). Edits go through the site editor's undo history and show
// at once in the view.
#include <string>

#include "scene/site.h"
#include "viewer/curator/clip_editor.h"

namespace axis::viewer {

class ViewerApp;

class SunEditor {
public:
    void draw(ViewerApp& app, Site& site, const ClipEditor::Hooks& hooks);

private:
    void drawDate(ViewerApp& app, Site& site, const ClipEditor::Hooks& hooks);
    void drawHour(ViewerApp& app, Site& site, const ClipEditor::Hooks& hooks);

    std::string dateText_;  ///< The date field while typing.
    bool dateEditing_ = false;
    std::string problem_;  ///< Why the last typed date was refused.
};

}  // namespace axis::viewer
