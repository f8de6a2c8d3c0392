#include "viewer/curator/sun_editor.h"

#include <cstdio>
#include <ctime>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/local_time.h"
#include "viewer/app.h"
#include "viewer/ui/editor_text.h"

namespace axis::viewer {
namespace {

// A new sun: the one on screen (--sun), else today at noon.
SiteSun firstSun(const ViewerApp& app) {
    if (app.sun()) return *app.sun();
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    LocalDateTime noon;
    noon.year = local.tm_year + 1900;
    noon.month = local.tm_mon + 1;
    noon.day = local.tm_mday;
    return SiteSun{formatLocalDateTime(noon), true};
}

// One undoable change of the site's sun, shown at once.
template <class Change>
void edit(ViewerApp& app, Site& site, const ClipEditor::Hooks& hooks, Change change) {
    hooks.before();
    change(site.sun);
    app.setSun(site.sun);
    hooks.done();
}

}  // namespace

void SunEditor::draw(ViewerApp& app, Site& site, const ClipEditor::Hooks& hooks) {
    ImGui::Separator();
    const Language l = app.language();
    if (!site.sun) {
        if (ImGui::Button(idLabel(text::kGiveSun, l).c_str()))
            edit(app, site, hooks, [&](std::optional<SiteSun>& sun) { sun = firstSun(app); });
        ImGui::SameLine();
        ImGui::TextDisabled("%s", text::kDefaultLight(l));
        return;
    }
    ImGui::TextUnformatted(text::kSun(l));
    drawDate(app, site, hooks);
    drawHour(app, site, hooks);
    bool shadows = site.sun->shadows;
    if (ImGui::Checkbox(idLabel(text::kShadows, l).c_str(), &shadows))
        edit(app, site, hooks, [&](std::optional<SiteSun>& sun) { sun->shadows = shadows; });
    ImGui::SameLine();
    if (ImGui::Button(idLabel(text::kNoSun, l).c_str()))
        edit(app, site, hooks, [](std::optional<SiteSun>& sun) { sun.reset(); });
    if (!problem_.empty()) ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", problem_.c_str());
}

void SunEditor::drawDate(ViewerApp& app, Site& site, const ClipEditor::Hooks& hooks) {
    const LocalDateTime time = *parseLocalDateTime(site.sun->time);  // Checked at load and here.
    if (!dateEditing_) dateText_ = site.sun->time.substr(0, 10);
    const Language l = app.language();
    ImGui::SetNextItemWidth(120.0f);
    ImGui::InputTextWithHint(idLabel(text::kDate, l).c_str(), "2024-06-21", &dateText_);
    dateEditing_ = ImGui::IsItemActive();
    if (!ImGui::IsItemDeactivatedAfterEdit()) return;
    char hourMinute[8];
    std::snprintf(hourMinute, sizeof hourMinute, "T%02d:%02d", time.hour, time.minute);
    const std::string text = dateText_ + hourMinute;
    if (auto parsed = parseLocalDateTime(text); !parsed) {
        problem_ = std::string(text::kDate(l)) + ": " + parsed.error().message;
        return;
    }
    problem_.clear();
    if (text != site.sun->time) edit(app, site, hooks, [&](std::optional<SiteSun>& sun) { sun->time = text; });
}

void SunEditor::drawHour(ViewerApp& app, Site& site, const ClipEditor::Hooks& hooks) {
    const LocalDateTime time = *parseLocalDateTime(site.sun->time);
    float hour = float(time.hour + time.minute / 60.0);
    // One undo step per drag: recorded as it starts, shown while it moves, ended on release.
    const bool moved = ImGui::SliderFloat(idLabel(text::kHour, app.language()).c_str(), &hour, 0.0f, 23.99f, "%.2f h");
    if (ImGui::IsItemActivated()) hooks.before();
    if (moved) {
        site.sun->time = formatLocalDateTime(atHour(time, hour));
        app.setSun(site.sun);
    }
    if (ImGui::IsItemDeactivated()) hooks.done();
}

}  // namespace axis::viewer
