#pragma once
// The editing panels' text (curator, sections, sun, measurement, record mode): UiText keys of the
// catalogues (assets/i18n/LANG.json), grouped by prefix, shown in the viewer's current language.
// A translated label that is also an ImGui id goes through idLabel, so that switching language
// keeps each window's place and each widget's state.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "viewer/ui/text.h"

namespace axis::viewer {

/// `t` in `language` as an ImGui label whose id is the key ("保存###curator.save_site").
std::string idLabel(UiText t, const Language& language);

/// `t` in `language` with each "{name}" replaced by its value ("saved {file}" -> "saved a.json").
/// Units and numbers are the caller's, formatted as in every language.
std::string formatText(UiText t, const Language& language,
                       std::initializer_list<std::pair<std::string_view, std::string>> values);
/// The same with the values in a list.
std::string formatText(UiText t, const Language& language,
                       const std::vector<std::pair<std::string, std::string>>& values);

/// A status line kept until it is drawn, then shown in the language of that moment: a catalogue
/// string with its values ("{value}" for one) and terms (catalogue words, such as the kind of a
/// snap, translated as drawn), or (no key) a message as it came, such as an engine error naming a file.
struct StatusText {
    const char* key = nullptr;
    std::vector<std::pair<std::string, std::string>> values;  ///< Placeholder name -> text.
    std::vector<std::pair<std::string, UiText>> terms;        ///< Placeholder name -> word.
    std::string message;                                      ///< Without a key: shown as it is.

    static StatusText of(UiText t, std::vector<std::pair<std::string, std::string>> values = {},
                         std::vector<std::pair<std::string, UiText>> terms = {}) {
        return {t.key, std::move(values), std::move(terms), {}};
    }
    static StatusText of(UiText t, std::string value) { return {t.key, {{"value", std::move(value)}}, {}, {}}; }
    static StatusText raw(std::string message) { return {nullptr, {}, {}, std::move(message)}; }
    bool empty() const { return !key && message.empty(); }
    std::string operator()(const Language& language) const;
};

namespace text {
// The site editor.
inline constexpr UiText kSiteModels{"curator.site_models"};
inline constexpr UiText kSaveSite{"curator.save_site"};
inline constexpr UiText kUndo{"curator.undo"};
inline constexpr UiText kRedo{"curator.redo"};
inline constexpr UiText kSectionsButton{"curator.sections"};
inline constexpr UiText kScanHint{"curator.scan_hint"};
inline constexpr UiText kAddScan{"curator.add_scan"};
inline constexpr UiText kPosition{"curator.position"};
inline constexpr UiText kRotation{"curator.rotation"};
inline constexpr UiText kScale{"curator.scale"};
inline constexpr UiText kSnapToGround{"curator.snap_to_ground"};
inline constexpr UiText kModelDragHint{"curator.drag_hint"};
inline constexpr UiText kSaved{"curator.saved"};            ///< {value}
inline constexpr UiText kNoModelIn{"curator.no_model_in"};  ///< {value}
inline constexpr UiText kAdded{"curator.added"};            ///< {value}
// The Sections panel: section planes and clip boxes.
inline constexpr UiText kSections{"sections.title"};
inline constexpr UiText kWholeSite{"sections.whole_site"};
inline constexpr UiText kModelNamed{"sections.model"};  ///< {id}
inline constexpr UiText kModelUnselected{"sections.model_unselected"};
inline constexpr UiText kAddPlane{"sections.add_plane"};
inline constexpr UiText kAddBox{"sections.add_box"};
inline constexpr UiText kRemove{"sections.remove"};
inline constexpr UiText kPlane{"sections.plane"};
inline constexpr UiText kBox{"sections.box"};
inline constexpr UiText kNormal{"sections.normal"};
inline constexpr UiText kOffset{"sections.offset"};
inline constexpr UiText kBoxMin{"sections.min"};
inline constexpr UiText kBoxMax{"sections.max"};
inline constexpr UiText kTimeZone{"sections.time_zone"};
inline constexpr UiText kHandlesHint{"sections.drag_hint"};
// The site's sun (in the Sections panel).
inline constexpr UiText kGiveSun{"sun.give_sun"};
inline constexpr UiText kDefaultLight{"sun.default_light"};
inline constexpr UiText kNoSun{"sun.no_sun"};
inline constexpr UiText kDate{"sun.date"};
inline constexpr UiText kHour{"sun.hour"};
// The measurement tool.
inline constexpr UiText kMeasure{"measure.title"};
inline constexpr UiText kMeasureOn{"measure.on"};
inline constexpr UiText kDistance{"measure.distance"};
inline constexpr UiText kHeightDifference{"measure.height_difference"};
inline constexpr UiText kHorizontalDistance{"measure.horizontal_distance"};
inline constexpr UiText kPolyline{"measure.polyline"};
inline constexpr UiText kArea{"measure.area"};
inline constexpr UiText kAngle{"measure.angle"};
inline constexpr UiText kSnapVertex{"measure.snap_vertex"};
inline constexpr UiText kSnapEdge{"measure.snap_edge"};
inline constexpr UiText kSnapSurface{"measure.snap_surface"};
inline constexpr UiText kMeasurePoints{"measure.points"};  ///< {count}
inline constexpr UiText kSnapsTo{"measure.snaps_to"};      ///< {what}
inline constexpr UiText kMeasureHint{"measure.hint"};
inline constexpr UiText kDeleteMeasurement{"measure.delete"};
inline constexpr UiText kCouldNotMeasure{"measure.could_not_add"};
inline constexpr UiText kMeasureDeleted{"measure.deleted"};  ///< {value}: its id
inline constexpr UiText kMeasureMoved{"measure.moved"};      ///< {value}: its id
inline constexpr UiText kNothingUnderCursor{"measure.nothing_under_cursor"};
inline constexpr UiText kPointSnapped{"measure.point_snapped"};   ///< {count}, {what}
inline constexpr UiText kTooFewPoints{"measure.too_few_points"};  ///< {kind}, {count}
// The POI editor and its prompts.
inline constexpr UiText kPoiEditor{"poi_editor.title"};
inline constexpr UiText kSavePois{"poi_editor.save"};
inline constexpr UiText kAnnotationButton{"poi_editor.web_annotation"};
inline constexpr UiText kAddPoi{"poi_editor.add"};
inline constexpr UiText kClickSurface{"poi_editor.click_surface"};
inline constexpr UiText kUp{"poi_editor.up"};
inline constexpr UiText kDown{"poi_editor.down"};
inline constexpr UiText kDeletePoi{"poi_editor.delete"};
inline constexpr UiText kNarration{"poi_editor.narration"};  ///< {language}, {file}
inline constexpr UiText kRemoveMedia{"poi_editor.remove"};
inline constexpr UiText kImageHint{"poi_editor.image_hint"};
inline constexpr UiText kAddImage{"poi_editor.add_image"};
inline constexpr UiText kAudioHint{"poi_editor.audio_hint"};
inline constexpr UiText kAttachNarration{"poi_editor.attach_narration"};
inline constexpr UiText kPoiTags{"poi_editor.tags"};
inline constexpr UiText kCaptureView{"poi_editor.capture_view"};
inline constexpr UiText kGoToView{"poi_editor.go_to_view"};
inline constexpr UiText kMarkerHint{"poi_editor.drag_hint"};
inline constexpr UiText kRecoverTitle{"poi_editor.recover_title"};
inline constexpr UiText kRecoverText{"poi_editor.recover_text"};
inline constexpr UiText kRecover{"poi_editor.recover"};
inline constexpr UiText kDiscard{"poi_editor.discard"};
inline constexpr UiText kUnsavedTitle{"poi_editor.unsaved_title"};
inline constexpr UiText kUnsavedText{"poi_editor.unsaved_text"};
inline constexpr UiText kSaveAndQuit{"poi_editor.save_and_quit"};
inline constexpr UiText kQuitWithoutSaving{"poi_editor.quit_without_saving"};
inline constexpr UiText kCancelQuit{"poi_editor.cancel"};
// The Web Annotation window.
inline constexpr UiText kAnnotationTitle{"annotation.title"};
inline constexpr UiText kAnnotationFile{"annotation.file"};
inline constexpr UiText kMerge{"annotation.merge"};
inline constexpr UiText kReplace{"annotation.replace"};
inline constexpr UiText kImport{"annotation.import"};
inline constexpr UiText kExport{"annotation.export"};
inline constexpr UiText kImported{"annotation.imported"};                   ///< {file}, {summary}
inline constexpr UiText kImportedUndoable{"annotation.imported_undoable"};  ///< {file}, {summary}
inline constexpr UiText kExported{"annotation.exported"};                   ///< {count}, {file}
inline constexpr UiText kMoreNotes{"annotation.more"};                      ///< {count}
// Record mode: the camera path's keys and its video.
inline constexpr UiText kRecord{"record.title"};
inline constexpr UiText kAddKey{"record.add_key"};
inline constexpr UiText kDeleteKey{"record.delete_key"};
inline constexpr UiText kUndoKey{"record.undo"};
inline constexpr UiText kPlay{"record.play"};
inline constexpr UiText kPause{"record.pause"};
inline constexpr UiText kKeyframes{"record.keyframes"};  ///< {count}
inline constexpr UiText kKeyTime{"record.key_time"};
inline constexpr UiText kSavePath{"record.save"};
inline constexpr UiText kLoadPath{"record.load"};
inline constexpr UiText kExportVideo{"record.export"};
inline constexpr UiText kExporting{"record.exporting"};
inline constexpr UiText kExportDone{"record.export_done"};
inline constexpr UiText kExportFailed{"record.export_failed"};  ///< {code}
inline constexpr UiText kKeyAdded{"record.key_added"};          ///< {value}: its number
inline constexpr UiText kUndone{"record.undone"};
inline constexpr UiText kNothingToSave{"record.nothing_to_save"};
inline constexpr UiText kPathSaved{"record.saved"};           ///< {value}: the file
inline constexpr UiText kPathLoaded{"record.loaded"};         ///< {value}: the file
inline constexpr UiText kExportingTo{"record.exporting_to"};  ///< {value}: the video
inline constexpr UiText kExportRunning{"record.export_running"};
inline constexpr UiText kExportNotStarted{"record.export_not_started"};  ///< {value}: the system's reason
}  // namespace text

}  // namespace axis::viewer
