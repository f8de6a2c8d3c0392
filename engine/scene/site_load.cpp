// loadSite(): reading NAME.site.json entry by entry, so one broken model does not lose the rest.
#include <functional>
#include <set>

#include "core/file_io.h"
#include "core/local_time.h"
#include "scene/json_fields.h"
#include "scene/site.h"
#include "scene/site_credits_json.h"
#include "scene/utc_offset.h"

namespace axis {
namespace {

using json::FieldError;
using json::Json;

// The fields this version knows; anything else is kept in `extra`.
constexpr std::initializer_list<const char*> kSiteKeys = {"format", "version", "name", "description",
                                                          "origin", "models", "start", "overview",
                                                          "pois", "tours", "kiosk", "clipping", "credits",
                                                          "time_zone", "sun"};
constexpr std::initializer_list<const char*> kModelKeys = {"id", "source", "up", "crs", "position", "rotation",
                                                           "scale", "shading", "visible", "clipping"};
constexpr std::initializer_list<const char*> kTourKeys = {"id", "name", "stops", "music"};
constexpr std::initializer_list<const char*> kKioskKeys = {"idle_seconds", "languages", "attract_tour",
                                                           "exit_pin", "screen_inches"};

glm::dvec3 readScale(const Json& v, const std::string& path) {
    glm::dvec3 s = v.is_array() ? json::readVec3(v, path) : glm::dvec3(json::readNumber(v, path));
    if (s.x <= 0.0 || s.y <= 0.0 || s.z <= 0.0) throw FieldError{path, "scale must be positive"};
    return s;
}

// A model's bad "clipping" does not lose the model: it loads uncut, with the problem reported
// (through `problem`) and the entry kept for saving.
ModelPlacement readModel(const Json& v, const std::string& path, const Site& site,
                         const std::function<void(const FieldError&)>& problem) {
    ModelPlacement m;
    m.id = json::readNonEmptyString(json::require(v, "id", path), json::child(path, "id"));
    m.source = json::readNonEmptyString(json::require(v, "source", path), json::child(path, "source"));
    if (const Json* up = json::find(v, "up", path)) {
        const std::string s = json::readString(*up, json::child(path, "up"));
        if (s != "y" && s != "z") throw FieldError{json::child(path, "up"), "expected \"y\" or \"z\", got \"" + s + "\""};
        m.up = s == "y" ? UpAxis::Y : UpAxis::Z;
    }
    if (const Json* crs = json::find(v, "crs", path)) m.crs = json::readNonEmptyString(*crs, json::child(path, "crs"));
    if (const Json* p = json::find(v, "position", path)) m.position = json::readVec3(*p, json::child(path, "position"));
    if (const Json* r = json::find(v, "rotation", path)) m.rotationDeg = json::readVec3(*r, json::child(path, "rotation"));
    if (const Json* s = json::find(v, "scale", path)) m.scale = readScale(*s, json::child(path, "scale"));
    if (const Json* sh = json::find(v, "shading", path)) {
        const std::string s = json::readString(*sh, json::child(path, "shading"));
        if (s != "lit" && s != "unlit") throw FieldError{json::child(path, "shading"), "expected \"lit\" or \"unlit\""};
        m.shading = s == "lit" ? Shading::Lit : Shading::Unlit;
    }
    if (const Json* vis = json::find(v, "visible", path)) m.visible = json::readBool(*vis, json::child(path, "visible"));
    m.extra = json::extrasOf(v, kModelKeys);
    if (const Json* c = json::find(v, "clipping", path)) {
        try {
            m.clipping = json::readClipping(*c, json::child(path, "clipping"));
        } catch (const FieldError& e) {
            problem(e);
            json::keepInExtras(m.extra, "clipping", *c);
        }
    }
    m.resolvedSource = site.resolve(m.source);
    // Checked last, so that the message about a bad transform wins over a missing file.
    if (!std::filesystem::is_regular_file(m.resolvedSource))
        throw FieldError{json::child(path, "source"), "file not found: " + m.source};
    return m;
}

Tour readTour(const Json& v, const std::string& path) {
    Tour t;
    t.id = json::readNonEmptyString(json::require(v, "id", path), json::child(path, "id"));
    if (const Json* n = json::find(v, "name", path)) t.name = json::readLangText(*n, json::child(path, "name"));
    if (const Json* m = json::find(v, "music", path)) t.music = json::readNonEmptyString(*m, json::child(path, "music"));
    const std::string stopsPath = json::child(path, "stops");
    const Json& stops = json::require(v, "stops", path);
    if (!stops.is_array()) throw FieldError{stopsPath, "expected an array"};
    for (std::size_t i = 0; i < stops.size(); ++i) {
        const std::string sp = json::element(stopsPath, i);
        TourStop stop;
        stop.poi = json::readNonEmptyString(json::require(stops[i], "poi", sp), json::child(sp, "poi"));
        if (const Json* d = json::find(stops[i], "dwell", sp)) stop.dwell = json::readNumber(*d, json::child(sp, "dwell"));
        if (stop.dwell < 0.0) throw FieldError{json::child(sp, "dwell"), "must not be negative"};
        t.stops.push_back(stop);
    }
    t.extra = json::extrasOf(v, kTourKeys);
    return t;
}

KioskSettings readKiosk(const Json& v, const std::string& path) {
    KioskSettings k;
    if (const Json* i = json::find(v, "idle_seconds", path)) k.idleSeconds = json::readNumber(*i, json::child(path, "idle_seconds"));
    if (k.idleSeconds <= 0.0) throw FieldError{json::child(path, "idle_seconds"), "must be positive"};
    if (const Json* l = json::find(v, "languages", path)) k.languages = json::readStringList(*l, json::child(path, "languages"));
    if (const Json* a = json::find(v, "attract_tour", path)) k.attractTour = json::readString(*a, json::child(path, "attract_tour"));
    if (const Json* p = json::find(v, "exit_pin", path)) k.exitPin = json::readString(*p, json::child(path, "exit_pin"));
    if (const Json* s = json::find(v, "screen_inches", path)) {
        k.screenInches = json::readNumber(*s, json::child(path, "screen_inches"));
        // From a tablet to a video wall; anything else is a typo (centimetres, a DPI).
        if (k.screenInches < 5.0 || k.screenInches > 500.0)
            throw FieldError{json::child(path, "screen_inches"), "must be the screen's diagonal in inches, 5 to 500"};
    }
    k.extra = json::extrasOf(v, kKioskKeys);
    return k;
}

SiteSun readSun(const Json& v, const std::string& path) {
    SiteSun sun;
    const std::string timePath = json::child(path, "time");
    sun.time = json::readString(json::require(v, "time", path), timePath);
    if (auto when = parseLocalDateTime(sun.time); !when) throw FieldError{timePath, when.error().message};
    if (const Json* s = json::find(v, "shadows", path)) sun.shadows = json::readBool(*s, json::child(path, "shadows"));
    return sun;
}

GeoOrigin readOrigin(const Json& v, const std::string& path) {
    GeoOrigin o;
    o.lat = json::readNumber(json::require(v, "lat", path), json::child(path, "lat"));
    o.lon = json::readNumber(json::require(v, "lon", path), json::child(path, "lon"));
    if (const Json* h = json::find(v, "height", path)) o.height = json::readNumber(*h, json::child(path, "height"));
    if (o.lat < -90.0 || o.lat > 90.0) throw FieldError{json::child(path, "lat"), "must be within [-90, 90]"};
    if (o.lon < -180.0 || o.lon > 180.0) throw FieldError{json::child(path, "lon"), "must be within [-180, 180]"};
    return o;
}

// Reads one optional top-level field; a bad one becomes a problem and is kept for saving.
template <class Read>
void readOptional(const Json& root, const char* key, Site& site, const std::filesystem::path& shown, Read read) {
    auto it = root.find(key);
    if (it == root.end()) return;
    try {
        read(*it, std::string(key));
    } catch (const FieldError& e) {
        site.problems.push_back(json::describe(shown, e));
        json::keepInExtras(site.extra, key, *it);
    }
}

// Reads an array field entry by entry; bad entries become problems and RejectedEntry.
template <class Read>
void readArray(const Json& root, const char* key, Site& site, const std::filesystem::path& shown, Read read) {
    auto it = root.find(key);
    if (it == root.end()) return;
    if (!it->is_array()) {
        site.problems.push_back(json::describe(shown, {key, "expected an array"}));
        json::keepInExtras(site.extra, key, *it);
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        try {
            read((*it)[i], json::element(key, i));
        } catch (const FieldError& e) {
            site.problems.push_back(json::describe(shown, e));
            site.rejected.push_back({key, (*it)[i].dump()});
        }
    }
}

// `shown` is the path as the caller gave it, for messages.
void readFields(const Json& root, Site& site, const std::filesystem::path& shown) {
    readOptional(root, "name", site, shown, [&](const Json& v, const std::string& p) { site.name = json::readLangText(v, p); });
    readOptional(root, "description", site, shown,
                 [&](const Json& v, const std::string& p) { site.description = json::readLangText(v, p); });
    readOptional(root, "credits", site, shown,
                 [&](const Json& v, const std::string& p) { site.credits = readCredits(v, p); });
    readOptional(root, "origin", site, shown, [&](const Json& v, const std::string& p) { site.origin = readOrigin(v, p); });
    readOptional(root, "start", site, shown, [&](const Json& v, const std::string& p) { site.start = json::readViewpoint(v, p); });
    readOptional(root, "overview", site, shown,
                 [&](const Json& v, const std::string& p) { site.overview = json::readViewpoint(v, p); });
    readOptional(root, "pois", site, shown, [&](const Json& v, const std::string& p) { site.pois = json::readString(v, p); });
    readOptional(root, "kiosk", site, shown, [&](const Json& v, const std::string& p) { site.kiosk = readKiosk(v, p); });
    readOptional(root, "time_zone", site, shown, [&](const Json& v, const std::string& p) {
        const std::string text = json::readString(v, p);
        if (auto offset = parseUtcOffset(text); !offset) throw FieldError{p, offset.error().message};
        site.timeZone = text;
    });
    readOptional(root, "sun", site, shown, [&](const Json& v, const std::string& p) { site.sun = readSun(v, p); });
    readOptional(root, "clipping", site, shown,
                 [&](const Json& v, const std::string& p) { site.clipping = json::readClipping(v, p); });

    std::set<std::string> modelIds, tourIds;
    readArray(root, "models", site, shown, [&](const Json& v, const std::string& p) {
        ModelPlacement m =
            readModel(v, p, site, [&](const FieldError& e) { site.problems.push_back(json::describe(shown, e)); });
        if (!modelIds.insert(m.id).second) throw FieldError{json::child(p, "id"), "duplicate id \"" + m.id + "\""};
        site.models.push_back(std::move(m));
    });
    readArray(root, "tours", site, shown, [&](const Json& v, const std::string& p) {
        Tour t = readTour(v, p);
        if (!tourIds.insert(t.id).second) throw FieldError{json::child(p, "id"), "duplicate id \"" + t.id + "\""};
        site.tours.push_back(std::move(t));
    });
}

}  // namespace

Expected<Site> loadSite(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    auto root = json::parseDocument(path, *text);
    if (!root) return root.error();
    auto version = json::checkHeader(path, *root, "axisview-site");
    if (!version) return version.error();

    Site site;
    site.file = std::filesystem::absolute(path);
    site.version = *version;
    site.extra = json::extrasOf(*root, kSiteKeys);
    readFields(*root, site, path);
    return site;
}

}  // namespace axis
