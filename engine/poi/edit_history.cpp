#include "poi/edit_history.h"

#include <algorithm>

namespace axis {
namespace {

void removeSlot(PoiFile& file, const PoiSlot& slot) {
    if (!slot.poi) return;
    auto& pois = file.pois;
    std::size_t i = slot.index;
    // The index is exact when every edit went through the history; the id is the fallback.
    if (i >= pois.size() || pois[i].id != slot.poi->id) {
        const std::ptrdiff_t found = file.indexOf(slot.poi->id);
        if (found < 0) return;
        i = static_cast<std::size_t>(found);
    }
    pois.erase(pois.begin() + static_cast<std::ptrdiff_t>(i));
}

void insertSlot(PoiFile& file, const PoiSlot& slot) {
    if (!slot.poi) return;
    const std::size_t i = std::min(slot.index, file.pois.size());
    file.pois.insert(file.pois.begin() + static_cast<std::ptrdiff_t>(i), *slot.poi);
}

void setRetired(PoiFile& file, const std::string& id, bool retired) {
    auto& ids = file.retiredIds;
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    if (retired) ids.push_back(id);
}

// Moves `file` from the state of one side of `step` to the other.
void transition(PoiFile& file, const EditStep& step, bool forward) {
    if (step.measurementsBefore && step.measurementsAfter)
        file.measurements = forward ? *step.measurementsAfter : *step.measurementsBefore;
    if (step.listBefore && step.listAfter) {
        const PoiListState& to = forward ? *step.listAfter : *step.listBefore;
        file.pois = to.pois;
        file.retiredIds = to.retiredIds;
        return;
    }
    const PoiSlot& from = forward ? step.before : step.after;
    const PoiSlot& to = forward ? step.after : step.before;
    removeSlot(file, from);
    insertSlot(file, to);
    if (step.retires && step.before.poi) setRetired(file, step.before.poi->id, forward);
}

}  // namespace

EditHistory::EditHistory(std::size_t limit) : limit_(std::max<std::size_t>(limit, 1)) {}

void EditHistory::apply(PoiFile& file, EditStep step) {
    transition(file, step, true);
    ++revision_;
    redo_.clear();
    const bool merge = mergeOpen_ && !step.mergeKey.empty() && !undo_.empty() &&
                       undo_.back().step.mergeKey == step.mergeKey;
    mergeOpen_ = !step.mergeKey.empty();
    if (merge) {
        undo_.back().step.after = std::move(step.after);
        if (step.measurementsAfter) undo_.back().step.measurementsAfter = std::move(step.measurementsAfter);
        return;
    }
    undo_.push_back(Entry{std::move(step), nextSerial_++});
    if (undo_.size() > limit_) {
        baseSerial_ = undo_.front().serial;
        undo_.erase(undo_.begin());
    }
}

bool EditHistory::undo(PoiFile& file) {
    if (undo_.empty()) return false;
    mergeOpen_ = false;
    transition(file, undo_.back().step, false);
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    ++revision_;
    return true;
}

bool EditHistory::redo(PoiFile& file) {
    if (redo_.empty()) return false;
    mergeOpen_ = false;
    transition(file, redo_.back().step, true);
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    ++revision_;
    return true;
}

void EditHistory::markSaved() {
    savedSerial_ = topSerial();
    mergeOpen_ = false;  // Typing after a save must make the file dirty again.
}

void EditHistory::clear() {
    const bool wasDirty = dirty();
    undo_.clear();
    redo_.clear();
    baseSerial_ = nextSerial_++;
    savedSerial_ = wasDirty ? 0 : baseSerial_;  // Forgetting the steps does not save them.
    mergeOpen_ = false;
    ++revision_;
}

}  // namespace axis
