#pragma once
// A site: the models of one heritage place, where each sits in the site frame, where the camera
// starts, which POI file and tours belong to it, and how a kiosk runs it. Read from and written to
// NAME.site.json. The site frame is local east-north-up in metres (x east, y north, z up); the
// Beijing Central Axis runs along +y.
//
// File format "axisview-site", version "1.3" (readers accept 1.x, reject other majors; 1.1 added
// "clipping" and "time_zone", 1.2 "credits", 1.3 "sun", which an older file simply lacks, and an
// older reader keeps as an unknown field):
//
//   {
//     "format": "axisview-site", "version": "1.1",
//     "name":        {"zh": "北京中轴线", "en": "Beijing Central Axis"},      language map
//     "description": {"zh": "...", "en": "..."},                             optional
//     "origin": {"lat": 39.868, "lon": 116.3975, "height": 44.0},            optional; WGS84 degrees
//                                                                           and metres of the site
//                                                                           frame's (0,0,0)
//     "time_zone": "+08:00",                                                optional (1.1): local
//                                                                           time's offset from UTC,
//                                                                           for `--sun`; default
//                                                                           from the longitude
//     "sun": {"time": "2024-06-21T09:30", "shadows": true},                optional (1.3): the
//                                                                           light the site is
//                                                                           shown in (local time)
//                                                                           unless --sun says
//                                                                           otherwise; shadows
//                                                                           default true
//     "models": [ {
//         "id": "wumen",                  unique, non-empty
//         "source": "models/wumen.glb",   relative to the site file (or absolute); must exist
//         "up": "y" | "z",                the model file's up axis; default "y" (glTF)
//         "crs": "EPSG:32650",            optional: the coordinate reference system of the model's
//                                         coordinates (an EPSG code or a PROJ string); with the
//                                         site's "origin" the model is placed where it is on the
//                                         earth (through PROJ), x east, y north, z up
//         "position": [x, y, z],          metres, site frame; double precision, so projected
//                                         coordinates of ~1e6 keep millimetres; default [0,0,0]
//         "rotation": [rx, ry, rz],       degrees about the site x, y, z axes, applied as
//                                         Rz*Ry*Rx after the up-axis fix; default [0,0,0]
//         "scale": 1.0 | [sx, sy, sz],    positive; default 1
//         "shading": "lit" | "unlit",     unlit for photogrammetry with baked light; default "lit"
//         "visible": true,                default true
//         "clipping": { see below }       optional: cuts of this model only, with the site's
//     } ],
//     "clipping": {                                                        optional (1.1): cuts of
//         "planes": [ {"normal": [nx, ny, nz], "offset": d} ],              every model; a plane
//         "boxes":  [ {"min": [x, y, z], "max": [x, y, z]} ] },             keeps n.p + d >= 0, a
//                                                                           box its inside (site
//                                                                           frame, metres)
//     "start":    {"position": [x,y,z], "yaw": 0, "pitch": -5, "fov": 60},  optional; yaw is a
//                 compass heading (0 north = +y, 90 east = +x), pitch + looks up, fov vertical,
//                 all degrees
//     "overview": { same shape as "start" },                                 optional
//     "pois": "central-axis.pois.json",                                      optional, relative
//     "tours": [ {"id": "attract", "name": {"zh": ..., "en": ...},
//                 "music": "audio/bed.ogg",                                  optional (1.1): a bed
//                 looped under the tour's videos, relative to the site file; each stop's narration
//                 is its POI's audio media (poi.h)
//                 "stops": [ {"poi": "yongdingmen", "dwell": 6.0} ] } ],     dwell: seconds >= 0
//     "credits": {"institution": {...}, "authors": [...], "licence": "CC BY 4.0",
//                 "licence_url": "...", "year": 2024}                         optional (1.2); see
//                                                                           site_credits.h
//     "kiosk": {"idle_seconds": 90, "languages": ["zh", "en"], "attract_tour": "attract",
//               "exit_pin": "2024", "screen_inches": 55}                     optional; screen_inches:
//               the exhibit screen's diagonal, for the kiosk's 9 mm touch targets (else the
//               monitor's reported size, else 96 dpi)
//   }
//
// Loading is forgiving per entry: a broken model or tour, or a bad optional field, is reported in
// Site::problems as "FILE: JSON.PATH: problem" and the rest loads. Only a file that is not a site
// at all (unreadable, malformed JSON, wrong format, unsupported version) fails. Unknown fields and
// entries that failed validation are kept and written back unchanged by saveSite().
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/error.h"
#include "scene/clipping.h"
#include "scene/model.h"
#include "scene/site_credits.h"
#include "scene/viewpoint.h"

namespace axis {

/// Where one model file sits in the site.
struct ModelPlacement {
    std::string id;
    std::string source;                    ///< As written in the file.
    std::filesystem::path resolvedSource;  ///< Absolute; set by loadSite() (and resolveSources()).
    UpAxis up = UpAxis::Y;
    std::string crs;              ///< Of the model's coordinates; empty: none declared.
    glm::dvec3 position{0.0};     ///< Metres, site frame.
    glm::dvec3 rotationDeg{0.0};  ///< Degrees about x, y, z; applied as Rz*Ry*Rx.
    glm::dvec3 scale{1.0};
    Shading shading = Shading::Lit;
    bool visible = true;
    Clipping clipping;  ///< This model's own cuts, with the site's.
    std::string extra;  ///< Unknown fields, as JSON object text; written back on save.

    /// Model coordinates to site frame: T * Rz*Ry*Rx * S * upAxisToZUp(up).
    glm::dmat4 transform() const;
    bool operator==(const ModelPlacement&) const = default;
};

struct GeoOrigin {
    double lat = 0.0, lon = 0.0;  ///< WGS84 degrees.
    double height = 0.0;          ///< Metres above the ellipsoid.
    bool operator==(const GeoOrigin&) const = default;
};

struct TourStop {
    std::string poi;     ///< POI id in the site's POI file.
    double dwell = 6.0;  ///< Seconds to stay once arrived.
    bool operator==(const TourStop&) const = default;
};

struct Tour {
    std::string id;
    LangText name;
    std::vector<TourStop> stops;
    std::string extra;
    std::string music;  ///< Sound file relative to the site file (Site::resolve); empty: none.
    bool operator==(const Tour&) const = default;
};

/// The sun a site is shown in by default: a local date and time at its origin (parsed by
/// core/local_time.h; checked at load) and whether it casts shadows.
struct SiteSun {
    std::string time;  ///< "2024-06-21T09:30", as written.
    bool shadows = true;
    bool operator==(const SiteSun&) const = default;
};

struct KioskSettings {
    double idleSeconds = 90.0;  ///< With no input for this long, the attract tour starts.
    std::vector<std::string> languages{"zh", "en"};  ///< Offered in this order; first is default.
    std::string attractTour;  ///< Tour id; empty = none.
    std::string exitPin;      ///< Digits a curator types to leave kiosk mode; empty = no exit.
    double screenInches = 0.0;  ///< The screen's diagonal; 0 = unknown (not written).
    std::string extra;
    bool operator==(const KioskSettings&) const = default;
};

/// An array entry that failed validation, kept verbatim so that saving does not lose it.
struct RejectedEntry {
    std::string array;  ///< "models" or "tours".
    std::string json;   ///< The entry as compact JSON text.
    bool operator==(const RejectedEntry&) const = default;
};

struct Site {
    std::filesystem::path file;  ///< Absolute path it was loaded from; empty for a new site.
    std::string version = "1.1";
    LangText name;
    LangText description;
    SiteCredits credits;
    std::optional<GeoOrigin> origin;
    std::string timeZone;  ///< As written ("+08:00"); empty: none stated.
    std::optional<SiteSun> sun;  ///< Empty: the default light.
    std::vector<ModelPlacement> models;
    std::optional<Viewpoint> start;
    std::optional<Viewpoint> overview;
    std::string pois;  ///< POI file as written, relative to the site file; empty = none.
    std::vector<Tour> tours;
    std::optional<KioskSettings> kiosk;
    Clipping clipping;  ///< Cuts of every model.

    std::vector<std::string> problems;  ///< Load problems, one line each; not saved.
    std::vector<RejectedEntry> rejected;
    std::string extra;  ///< Unknown top-level fields (and invalid optional ones), as JSON text.

    std::filesystem::path directory() const { return file.parent_path(); }
    /// `relative` against the site's folder; absolute paths stay as they are.
    std::filesystem::path resolve(const std::string& relative) const;
    std::filesystem::path poisPath() const { return pois.empty() ? std::filesystem::path() : resolve(pois); }
    const ModelPlacement* findModel(const std::string& id) const;
    const Tour* findTour(const std::string& id) const;
    /// Bounds of the model origins, a cheap extent before any model is imported.
    Bounds placementBounds() const;
};

/// Reads a site file. See the top of this header for what fails and what is only a problem.
Expected<Site> loadSite(const std::filesystem::path& path);

/// The file text saveSite() writes (pretty-printed, 2-space indent, trailing newline).
std::string toJson(const Site& site);

/// Writes atomically and keeps the previous file as PATH.bak. Refuses (and writes nothing) when
/// a model has a non-finite transform or a duplicate or empty id. Sources are written as stored.
Status saveSite(const Site& site, const std::filesystem::path& path);

}  // namespace axis
