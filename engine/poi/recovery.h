#pragma once
// Crash recovery for the POI editor. While a POI file has unsaved edits, PoiDocument::tick()
// writes them every 30 s to NAME.pois.json.autosave beside it (atomically, no .bak); a real save
// removes that file. After a crash the autosave is left behind and newer than the file, which
// is what findRecovery() reports so that the UI can offer "Recover unsaved changes?".
#include <filesystem>
#include <optional>

#include "core/error.h"
#include "poi/poi.h"

namespace axis {

/// "DIR/NAME.pois.json" -> "DIR/NAME.pois.json.autosave".
std::filesystem::path autosavePathFor(const std::filesystem::path& poiFile);

struct Recovery {
    std::filesystem::path autosave;             ///< The file to recover from.
    std::filesystem::file_time_type written;    ///< When it was written.
};

/// An autosave for `poiFile` that is newer than it (or whose POI file no longer exists); nullopt
/// when there is none or it is older, i.e. the file was saved since (a stale one is left alone).
std::optional<Recovery> findRecovery(const std::filesystem::path& poiFile);

/// The autosaved state, with PoiFile::file set to `poiFile` so that saving writes the real file.
Expected<PoiFile> loadRecovery(const std::filesystem::path& poiFile);

/// Removes the autosave (the user declined recovery, or saved). Missing is not an error.
Status discardRecovery(const std::filesystem::path& poiFile);

}  // namespace axis
