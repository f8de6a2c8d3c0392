#pragma once
// The curator's editing session on one POI file: the PoiFile, its undo history, the dirty flag,
// save and autosave. The editor UI drives everything through this class:
//
//   auto doc = PoiDocument::open(path);                     // or openRecovered() after a crash
//   std::string id = doc->addPoi(Poi{.anchor = hit}, {});  // id made from the English title
//   doc->setTitle(id, "en", text);                          // each keystroke; merged into one step
//   doc->endTyping();                                       // text box lost focus
//   doc->undo(); doc->redo();
//   doc->tick(std::chrono::steady_clock::now());            // once per frame: autosave when due
//   if (doc->dirty()) doc->save();
//
// Edits return false and record nothing when the id names no POI or nothing would change, so
// the UI may call them every frame with the widget's value. Every successful edit sets the POI's
// `modified` (and an add its `created`) from the clock in PoiDocumentOptions; undo restores
// them with the rest of the snapshot. Not thread-safe: call from the UI thread.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "poi/edit_history.h"
#include "poi/poi.h"
#include "poi/poi_import.h"

namespace axis {

struct PoiDocumentOptions {
    std::size_t historyLimit = EditHistory::kDefaultLimit;  ///< Undo steps kept.
    std::chrono::seconds autosaveInterval{30};  ///< Longest time an edit stays only in memory.
    /// ISO-8601 time stamped into created/modified; UTC now ("2024-07-27T10:15:00Z") by default.
    /// Tests replace it to get reproducible files.
    std::function<std::string()> clock;
};

/// The current UTC time as "YYYY-MM-DDThh:mm:ssZ".
std::string utcTimestamp();

class PoiDocument {
public:
    using Clock = std::chrono::steady_clock;

    /// A document for `file` (a new one when default), clean, with an empty history.
    explicit PoiDocument(PoiFile file = {}, PoiDocumentOptions options = {});
    static Expected<PoiDocument> open(const std::filesystem::path& path, PoiDocumentOptions options = {});
    /// The autosaved state of `path` (see recovery.h); dirty, since the disk does not hold it.
    static Expected<PoiDocument> openRecovered(const std::filesystem::path& path, PoiDocumentOptions options = {});

    const PoiFile& file() const { return file_; }
    const Poi* find(const std::string& id) const { return file_.find(id); }
    /// Where save() writes; empty for a new document until saveAs().
    const std::filesystem::path& path() const { return file_.file; }

    // --- Edits (each one undo step) ---
    /// Inserts `poi` at `index` (end when absent or past the end) and returns its id. An empty,
    /// taken or retired id is replaced by makePoiId() from the English (else any) title.
    std::string addPoi(Poi poi, std::optional<std::size_t> index = std::nullopt);
    /// Removes the POI; its id is retired (never handed out again). Undo restores it in place.
    bool deletePoi(const std::string& id);
    /// A new anchor (model, position, normal; the normal is normalised, a zero one refused).
    bool moveAnchor(const std::string& id, const PoiAnchor& anchor);
    /// One language of the title or body; empty text removes that language. Consecutive calls
    /// for the same POI, field and language merge into one undo step until endTyping().
    bool setTitle(const std::string& id, const std::string& lang, const std::string& text);
    bool setBody(const std::string& id, const std::string& lang, const std::string& text);
    bool setTags(const std::string& id, std::vector<std::string> tags);
    bool setViewpoint(const std::string& id, std::optional<Viewpoint> viewpoint);
    bool setMedia(const std::string& id, std::vector<PoiMedia> media);
    /// Moves the POI to `newIndex` in the list (clamped to the last place).
    bool movePoi(const std::string& id, std::size_t newIndex);
    /// Replaces the whole POI with the same id (for edits the setters do not cover).
    bool replacePoi(const Poi& poi);
    /// Imports `incoming`'s POIs as one undo step (modes in poi/poi_import.h). Imported POIs keep
    /// their own created/modified times. Records nothing when nothing would change.
    PoiImportReport importPois(const PoiFile& incoming, PoiImportMode mode);

    // --- Measurements (poi/measurement.h; each edit one undo step in the same history) ---
    /// Appends `m` and returns its id ("measure-1", "measure-2"... when empty or taken). Records
    /// nothing and returns "" when measurementProblem(m) finds fault with it.
    std::string addMeasurement(Measurement m);
    /// New points (a dragged point); refused when the kind cannot take that many.
    bool setMeasurementPoints(const std::string& id, std::vector<glm::dvec3> points);
    /// One language of the title; consecutive calls merge like setTitle's.
    bool setMeasurementTitle(const std::string& id, const std::string& lang, const std::string& text);
    bool deleteMeasurement(const std::string& id);

    // --- History ---
    bool undo() { return history_.undo(file_); }
    bool redo() { return history_.redo(file_); }
    bool canUndo() const { return history_.canUndo(); }
    bool canRedo() const { return history_.canRedo(); }
    std::string undoLabel() const { return history_.undoLabel(); }
    std::string redoLabel() const { return history_.redoLabel(); }
    void endTyping() { history_.endTyping(); }
    const EditHistory& history() const { return history_; }

    // --- Saving ---
    /// Whether the file on disk differs from what is shown.
    bool dirty() const { return recovered_ || history_.dirty(); }
    /// Atomic save to path() (keeps NAME.bak); then clean, and the autosave removed. On failure
    /// the error names the file, and the document (and the old file on disk) are unchanged.
    Status save();
    Status saveAs(const std::filesystem::path& path);

    /// Call regularly (each frame is fine). When there are unsaved edits, the autosave is written
    /// once `autosaveInterval` has passed since the first edit it does not yet hold; when there
    /// are none (saved, or undone back to the saved state) a stale autosave is removed.
    /// Does nothing for a document without a path. Errors are kept in lastAutosaveError().
    void tick(Clock::time_point now);
    /// Writes the autosave now (used by tick and on a graceful but unsaved exit).
    Status autosaveNow();
    const std::string& lastAutosaveError() const { return autosaveError_; }

private:
    bool applyEdit(const std::string& id, const std::string& label, const std::string& mergeKey,
                   const std::function<void(Poi&)>& change);
    bool applyMeasurementEdit(const std::string& id, const std::string& label, const std::string& mergeKey,
                              const std::function<void(Measurement&)>& change);
    void applyMeasurements(const std::string& label, const std::string& mergeKey, std::vector<Measurement> after);
    std::string now() const;

    PoiFile file_;
    PoiDocumentOptions options_;
    EditHistory history_;
    bool recovered_ = false;        ///< Loaded from an autosave: differs from the disk.
    bool autosaveWritten_ = false;
    std::uint64_t autosavedRevision_ = 0;
    std::optional<Clock::time_point> autosaveDue_;
    std::string autosaveError_;
};

}  // namespace axis
