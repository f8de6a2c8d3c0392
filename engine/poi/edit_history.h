#pragma once
// Undo and redo for POI edits, as value snapshots: each step stores the affected POI as it was
// and as it became (with its index), so every kind of edit (add, delete, edit a field, move an
// anchor, reorder) is undone by the same few lines; measurements are snapshotted as a whole list. POIs are small, so snapshots cost little and
// cannot go stale the way clever diffs can. The editor's ordinary entry point is PoiDocument
// (poi/poi_document.h); this class is its engine and is usable alone.
//
// Not thread-safe; call from the thread that owns the PoiFile (the UI thread).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "poi/poi.h"

namespace axis {

/// One POI at one place in PoiFile::pois, or its absence (before an add, after a delete).
struct PoiSlot {
    std::optional<Poi> poi;
    std::size_t index = 0;
};

/// The whole list at once, for a step that touches many POIs (an import).
struct PoiListState {
    std::vector<Poi> pois;
    std::vector<std::string> retiredIds;
};

struct EditStep {
    std::string label;     ///< For "Undo <label>" in a menu, e.g. "edit title (en)".
    std::string mergeKey;  ///< Non-empty for typing: consecutive steps with one key merge.
    PoiSlot before, after;
    bool retires = false;  ///< A delete: applying it adds the id to PoiFile::retiredIds.
    /// When set (both), the step swaps PoiFile::pois and retiredIds wholesale and the slots are
    /// unused: one undo step for an edit of many POIs.
    std::optional<PoiListState> listBefore, listAfter;
    /// When set (both), the step also swaps PoiFile::measurements wholesale: measurements are a
    /// few points each, so a whole-list snapshot is the simplest exact undo.
    std::optional<std::vector<Measurement>> measurementsBefore, measurementsAfter;
};

class EditHistory {
public:
    static constexpr std::size_t kDefaultLimit = 500;

    /// Keeps at most `limit` undo steps (>= 1); the oldest are forgotten.
    explicit EditHistory(std::size_t limit = kDefaultLimit);

    /// Applies `step` to `file` (before -> after) and records it, dropping any redo steps.
    /// Merges into the previous step instead when both carry the same non-empty mergeKey and
    /// nothing (undo, redo, save, endTyping, another edit) came in between.
    void apply(PoiFile& file, EditStep step);
    bool undo(PoiFile& file);  ///< False when there is nothing to undo.
    bool redo(PoiFile& file);

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    std::string undoLabel() const { return undo_.empty() ? std::string() : undo_.back().step.label; }
    std::string redoLabel() const { return redo_.empty() ? std::string() : redo_.back().step.label; }
    std::size_t undoCount() const { return undo_.size(); }
    std::size_t redoCount() const { return redo_.size(); }

    /// Ends the current typing run: the next edit of the same field is its own undo step. The UI
    /// calls this when a text box loses focus or on Enter.
    void endTyping() { mergeOpen_ = false; }

    /// Marks the current state as the one on disk.
    void markSaved();
    /// Whether the state differs from the last markSaved() (or the start). Undoing back to the
    /// saved state makes it clean again; a save point dropped by the limit stays unreachable.
    bool dirty() const { return topSerial() != savedSerial_; }
    /// Changes on every apply, merge, undo and redo: autosave compares it.
    std::uint64_t revision() const { return revision_; }
    /// Forgets all steps; the dirty flag stays as it was.
    void clear();

private:
    struct Entry {
        EditStep step;
        std::uint64_t serial = 0;  ///< Identifies the state this step leads to.
    };
    std::uint64_t topSerial() const { return undo_.empty() ? baseSerial_ : undo_.back().serial; }

    std::vector<Entry> undo_, redo_;
    std::size_t limit_;
    std::uint64_t nextSerial_ = 1, baseSerial_ = 0, savedSerial_ = 0, revision_ = 0;
    bool mergeOpen_ = false;
};

}  // namespace axis
