#pragma once
// Bringing POIs from another file (a Web Annotation export, another site's POI file) into a POI
// file, shared by `axisview poi import` and the curator's import so that both mean the same:
//
//   merge    (the default) keeps every POI of the file as it is and adds the imported POIs whose
//            ids are new. An imported POI whose id the file already has with other content, or
//            whose id the file retired (deleted earlier), is left out and reported as a conflict;
//            one identical to the file's counts as unchanged. Retired ids stay as they were.
//   replace  makes the imported POIs the file's POIs, in the imported order. POIs of the file that
//            the import lacks are removed and their ids retired (as a delete would); an imported
//            POI revives a retired id. The import's own retired ids are added.
//
// Measurements (poi/measurement.h) follow the same rules: merge adds those with new ids (a taken
// id with other content is a conflict), replace makes the import's the file's.
//
// Imported POIs keep their own created/modified times: an import copies, it does not edit.
// Entries the file's loader rejected (PoiFile::rejected) and its unknown fields are kept.
#include <cstddef>
#include <string>
#include <vector>

#include "poi/poi.h"

namespace axis {

enum class PoiImportMode { Merge, Replace };

struct PoiImportReport {
    std::size_t added = 0;               ///< Imported POIs whose ids were new to the file.
    std::size_t replaced = 0;            ///< Replace: imported POIs that took the place of different ones.
    std::size_t unchanged = 0;           ///< Imported POIs identical to the file's.
    std::size_t removed = 0;             ///< Replace: POIs of the file the import lacked (ids retired).
    std::vector<std::string> conflicts;  ///< Merge: one line per imported POI left out, saying why.
    bool measurementsChanged = false;    ///< The file's measurements differ after the import.

    bool changed() const { return added + replaced + removed > 0 || measurementsChanged; }
    /// "added 2, replaced 0, unchanged 1, removed 0, conflicts 1" (", measurements changed" when they did).
    std::string summary() const;
};

/// The POI list and retired ids of `current` once `incoming` is imported into it.
struct PoiImportResult {
    std::vector<Poi> pois;
    std::vector<std::string> retiredIds;
    std::vector<Measurement> measurements;
    PoiImportReport report;
};

PoiImportResult importPois(const PoiFile& current, const PoiFile& incoming, PoiImportMode mode);

}  // namespace axis
