#pragma once
// Points of interest: the stories told about a site, each anchored to a spot on a model, read from
// and written to NAME.pois.json. Positions and normals are in the site frame (east-north-up
// metres), the same frame as the site's model placements.
//
// File format "axisview-pois", version "1.0", or "1.1" when it holds measurements or audio
// (readers accept 1.x and migrate 0.9, reject others):
//
//   {
//     "format": "axisview-pois", "version": "1.0",
//     "pois": [ {
//       "id": "wumen",                                  unique, non-empty, stable across edits
//       "anchor": {"model": "wumen",                    a model id of the site (may be "")
//                  "position": [x, y, z],               site frame, metres
//                  "normal": [nx, ny, nz]},             non-zero; stored normalised; default +z
//       "title": {"zh": "午门", "en": "Meridian Gate"},  language map
//       "body":  {"zh": "...", "en": "..."},            language map; markdown subset (markdown.h)
//       "media": [ {"path": "media/wumen.jpg",          relative to the POI file
//                   "caption": {"zh": ..., "en": ...}},
//                  {"type": "audio", "lang": "zh",      narration in one language (1.1); any
//                   "src": "narration/wumen.zh.ogg"} ],  file FFmpeg reads, relative to the file
//       "viewpoint": {"position": [x,y,z], "yaw": 0, "pitch": 0, "fov": 60},  optional
//       "tags": ["gate", "palace"],
//       "created": "2024-07-27T00:00:00Z",              ISO-8601 date or date-time, optional
//       "modified": "2024-07-27T00:00:00Z"
//     } ],
//     "measurements": [...]              optional (1.1): see poi/measurement.h
//     "retired_ids": ["old-gate"]        optional: ids of deleted POIs, never handed out again,
//                                        so a tour stop naming one cannot silently change meaning
//   }
//
// Older and newer versions (0.9 is migrated, 1.N is read and kept): see poi/migrate.h.
//
// As with sites, a broken POI is reported in PoiFile::problems ("FILE: pois[2].title: ...") and
// the others load; unknown fields and rejected entries are written back unchanged on save.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/error.h"
#include "poi/measurement.h"
#include "scene/site.h"
#include "scene/viewpoint.h"

namespace axis {

struct PoiAnchor {
    std::string model;            ///< Model id in the site; empty when anchored to no model.
    glm::dvec3 position{0.0};     ///< Site frame, metres.
    glm::dvec3 normal{0, 0, 1};   ///< Unit surface normal, site frame.
    bool operator==(const PoiAnchor&) const = default;
};

struct PoiMedia {
    std::string path;  ///< As written, relative to the POI file ("src" in the file for audio).
    LangText caption;
    std::string extra;
    std::string type = "image";  ///< "image" or "audio".
    std::string language;        ///< Audio: the language spoken (BCP 47, e.g. "zh"); empty for images.
    bool operator==(const PoiMedia&) const = default;
    bool isAudio() const { return type == "audio"; }
};

struct Poi {
    std::string id;
    PoiAnchor anchor;
    LangText title;
    LangText body;
    std::vector<PoiMedia> media;
    std::optional<Viewpoint> viewpoint;
    std::vector<std::string> tags;
    std::string created, modified;  ///< ISO-8601, or empty.
    std::string extra;  ///< Unknown fields as JSON object text; written back on save.
    bool operator==(const Poi&) const = default;
};

struct PoiFile {
    std::filesystem::path file;  ///< Absolute path it was loaded from; empty for a new file.
    std::string version = "1.0";
    std::vector<Poi> pois;
    std::vector<std::string> problems;   ///< Load problems, one line each; not saved.
    std::vector<std::string> rejected;   ///< "pois" entries that failed validation, as JSON text.
    std::vector<Measurement> measurements;          ///< See poi/measurement.h.
    std::vector<std::string> rejectedMeasurements;  ///< "measurements" entries that failed, as JSON text.
    std::string extra;                   ///< Unknown top-level fields, as JSON text.
    std::vector<std::string> retiredIds; ///< Ids of deleted POIs; see makePoiId() (poi/poi_ids.h).
    std::string migratedFrom;            ///< "0.9" when loaded from an older layout; not saved.

    const Poi* find(const std::string& id) const;
    const Measurement* findMeasurement(const std::string& id) const;
    /// Index of the POI with this id in `pois`, or -1.
    std::ptrdiff_t indexOf(const std::string& id) const;
    /// A media path against the POI file's folder; absolute paths stay as they are.
    std::filesystem::path resolve(const std::string& relative) const;
};

Expected<PoiFile> loadPois(const std::filesystem::path& path);
std::string toJson(const PoiFile& pois);
/// Atomic, keeps PATH.bak. Refuses duplicate or empty ids and non-finite anchors.
Status savePois(const PoiFile& pois, const std::filesystem::path& path);

/// Cross-file checks a loader cannot do alone: tour stops and the kiosk's attract tour must name
/// existing POIs and tours, anchors must name existing models. One line per problem.
std::vector<std::string> checkReferences(const Site& site, const PoiFile& pois);

/// True for "YYYY-MM-DD" and "YYYY-MM-DDThh:mm[:ss[.fff]][Z|+hh:mm|-hh:mm]".
bool isIsoTimestamp(const std::string& s);

}  // namespace axis
