#include "poi/poi.h"

#include <cmath>
#include <regex>
#include <set>

#include "core/file_io.h"
#include "poi/measurement_json.h"
#include "poi/migrate.h"
#include "scene/json_fields.h"

namespace axis {
namespace {

using json::FieldError;
using json::Json;

constexpr std::initializer_list<const char*> kFileKeys = {"format", "version", "pois", "retired_ids",
                                                         "measurements"};
constexpr std::initializer_list<const char*> kPoiKeys = {"id", "anchor", "title", "body", "media",
                                                         "viewpoint", "tags", "created", "modified"};
constexpr std::initializer_list<const char*> kMediaKeys = {"path", "caption", "type", "lang", "src"};

PoiAnchor readAnchor(const Json& v, const std::string& path) {
    PoiAnchor a;
    if (const Json* m = json::find(v, "model", path)) a.model = json::readString(*m, json::child(path, "model"));
    a.position = json::readVec3(json::require(v, "position", path), json::child(path, "position"));
    if (const Json* n = json::find(v, "normal", path)) {
        const glm::dvec3 normal = json::readVec3(*n, json::child(path, "normal"));
        if (glm::length(normal) < 1e-12) throw FieldError{json::child(path, "normal"), "must not be zero"};
        a.normal = glm::normalize(normal);
    }
    return a;
}

std::vector<PoiMedia> readMedia(const Json& v, const std::string& path) {
    if (!v.is_array()) throw FieldError{path, "expected an array"};
    std::vector<PoiMedia> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string p = json::element(path, i);
        PoiMedia m;
        if (const Json* t = json::find(v[i], "type", p)) m.type = json::readString(*t, json::child(p, "type"));
        if (m.type == "audio") {  // Narration: the file in "src" (as HTML's <audio>), its language.
            m.path = json::readNonEmptyString(json::require(v[i], "src", p), json::child(p, "src"));
            m.language = json::readNonEmptyString(json::require(v[i], "lang", p), json::child(p, "lang"));
        } else if (m.type == "image") {
            m.path = json::readNonEmptyString(json::require(v[i], "path", p), json::child(p, "path"));
        } else {
            throw FieldError{json::child(p, "type"), "unknown media type \"" + m.type + "\" (image, audio)"};
        }
        if (const Json* c = json::find(v[i], "caption", p)) m.caption = json::readLangText(*c, json::child(p, "caption"));
        m.extra = json::extrasOf(v[i], kMediaKeys);
        out.push_back(std::move(m));
    }
    return out;
}

std::string readTimestamp(const Json& v, const std::string& path) {
    std::string s = json::readString(v, path);
    if (!s.empty() && !isIsoTimestamp(s)) throw FieldError{path, "expected an ISO-8601 date or date-time, got \"" + s + "\""};
    return s;
}

Poi readPoi(const Json& v, const std::string& path) {
    Poi p;
    p.id = json::readNonEmptyString(json::require(v, "id", path), json::child(path, "id"));
    p.anchor = readAnchor(json::require(v, "anchor", path), json::child(path, "anchor"));
    p.title = json::readLangText(json::require(v, "title", path), json::child(path, "title"));
    if (const Json* b = json::find(v, "body", path)) p.body = json::readLangText(*b, json::child(path, "body"));
    if (const Json* m = json::find(v, "media", path)) p.media = readMedia(*m, json::child(path, "media"));
    if (const Json* vp = json::find(v, "viewpoint", path)) p.viewpoint = json::readViewpoint(*vp, json::child(path, "viewpoint"));
    if (const Json* t = json::find(v, "tags", path)) p.tags = json::readStringList(*t, json::child(path, "tags"));
    if (const Json* c = json::find(v, "created", path)) p.created = readTimestamp(*c, json::child(path, "created"));
    if (const Json* m = json::find(v, "modified", path)) p.modified = readTimestamp(*m, json::child(path, "modified"));
    p.extra = json::extrasOf(v, kPoiKeys);
    return p;
}

void readPoiArray(const Json& root, PoiFile& file, const std::filesystem::path& shown) {
    auto it = root.find("pois");
    if (it == root.end()) return;
    if (!it->is_array()) {
        file.problems.push_back(json::describe(shown, {"pois", "expected an array"}));
        json::keepInExtras(file.extra, "pois", *it);
        return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string path = json::element("pois", i);
        try {
            Poi p = readPoi((*it)[i], path);
            if (!ids.insert(p.id).second) throw FieldError{json::child(path, "id"), "duplicate id \"" + p.id + "\""};
            file.pois.push_back(std::move(p));
        } catch (const FieldError& e) {
            file.problems.push_back(json::describe(shown, e));
            file.rejected.push_back((*it)[i].dump());
        }
    }
}

void readRetired(const Json& root, PoiFile& file, const std::filesystem::path& shown) {
    auto it = root.find("retired_ids");
    if (it == root.end()) return;
    try {
        file.retiredIds = json::readStringList(*it, "retired_ids");
    } catch (const FieldError& e) {
        file.problems.push_back(json::describe(shown, e));
        json::keepInExtras(file.extra, "retired_ids", *it);
    }
}

Json writePoi(const Poi& p) {
    Json anchor{{"model", p.anchor.model}, {"position", json::writeVec3(p.anchor.position)},
                {"normal", json::writeVec3(p.anchor.normal)}};
    Json out{{"id", p.id}, {"anchor", anchor}, {"title", json::writeLangText(p.title)},
             {"body", json::writeLangText(p.body)}};
    if (!p.media.empty()) {
        Json media = Json::array();
        for (const auto& m : p.media) {
            Json entry =
                m.isAudio() ? Json{{"type", "audio"}, {"lang", m.language}, {"src", m.path}} : Json{{"path", m.path}};
            if (!m.isAudio() || !m.caption.empty()) entry["caption"] = json::writeLangText(m.caption);
            json::mergeExtras(entry, m.extra);
            media.push_back(entry);
        }
        out["media"] = media;
    }
    if (p.viewpoint) out["viewpoint"] = json::writeViewpoint(*p.viewpoint);
    out["tags"] = p.tags;
    if (!p.created.empty()) out["created"] = p.created;
    if (!p.modified.empty()) out["modified"] = p.modified;
    json::mergeExtras(out, p.extra);
    return out;
}

bool finite(const glm::dvec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

std::string invalidReason(const PoiFile& file) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < file.pois.size(); ++i) {
        const Poi& p = file.pois[i];
        const std::string at = "pois[" + std::to_string(i) + "]";
        if (p.id.empty()) return at + ".id: must not be empty";
        if (!ids.insert(p.id).second) return at + ".id: duplicate id \"" + p.id + "\"";
        if (!finite(p.anchor.position) || !finite(p.anchor.normal)) return at + ".anchor: not finite";
    }
    std::set<std::string> measurementIds;
    for (std::size_t i = 0; i < file.measurements.size(); ++i) {
        const Measurement& m = file.measurements[i];
        const std::string at = "measurements[" + std::to_string(i) + "]";
        if (std::string why = measurementProblem(m); !why.empty()) return at + "." + why;
        if (!measurementIds.insert(m.id).second) return at + ".id: duplicate id \"" + m.id + "\"";
    }
    return {};
}

}  // namespace

bool isIsoTimestamp(const std::string& s) {
    static const std::regex kIso(
        R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)");
    return std::regex_match(s, kIso);
}

const Poi* PoiFile::find(const std::string& id) const {
    const std::ptrdiff_t i = indexOf(id);
    return i < 0 ? nullptr : &pois[static_cast<std::size_t>(i)];
}

std::ptrdiff_t PoiFile::indexOf(const std::string& id) const {
    for (std::size_t i = 0; i < pois.size(); ++i)
        if (pois[i].id == id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

std::filesystem::path PoiFile::resolve(const std::string& relative) const {
    const std::filesystem::path p(relative);
    return p.is_absolute() ? p.lexically_normal() : (file.parent_path() / p).lexically_normal();
}

Expected<PoiFile> loadPois(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    auto root = json::parseDocument(path, *text);
    if (!root) return root.error();
    const std::string migratedFrom = migratePoisDocument(*root);
    auto version = json::checkHeader(path, *root, "axisview-pois");
    if (!version) return version.error();
    PoiFile file;
    file.file = std::filesystem::absolute(path);
    file.version = *version;
    file.migratedFrom = migratedFrom;
    file.extra = json::extrasOf(*root, kFileKeys);
    // 1.1 only added measurements: a reader of 1.1 knows every field of 1.0 and 1.1.
    if (*version != kPoiFormatVersion && *version != kPoiMeasurementsVersion)
        file.problems.push_back(path.string() + ": version " + *version + " is newer than this axisview (" +
                                kPoiMeasurementsVersion + "); fields it does not know are kept unchanged");
    readRetired(*root, file, path);
    readPoiArray(*root, file, path);
    readMeasurementArray(*root, file, path);
    return file;
}

std::string toJson(const PoiFile& file) {
    Json pois = Json::array();
    for (const auto& p : file.pois) pois.push_back(writePoi(p));
    for (const auto& r : file.rejected) pois.push_back(Json::parse(r, nullptr, false));
    const bool measures = !file.measurements.empty() || !file.rejectedMeasurements.empty();
    bool audio = false;
    for (const auto& p : file.pois)
        for (const auto& m : p.media) audio = audio || m.isAudio();
    // A 1.0 file that gains measurements or audio becomes 1.1, so that a 1.0 reader warns it
    // keeps them unread (it would reject a POI whose media has no "path").
    const std::string version =
        (measures || audio) && file.version == kPoiFormatVersion ? kPoiMeasurementsVersion : file.version;
    Json root{{"format", "axisview-pois"}, {"version", version}, {"pois", pois}};
    if (measures) root["measurements"] = writeMeasurementArray(file);
    if (!file.retiredIds.empty()) root["retired_ids"] = file.retiredIds;
    json::mergeExtras(root, file.extra);
    return root.dump(2) + "\n";
}

Status savePois(const PoiFile& file, const std::filesystem::path& path) {
    if (std::string why = invalidReason(file); !why.empty()) return makeError(path.string(), why);
    return saveFileAtomic(path, toJson(file));
}

std::vector<std::string> checkReferences(const Site& site, const PoiFile& pois) {
    std::vector<std::string> out;
    const std::string siteName = site.file.filename().string();
    for (std::size_t t = 0; t < site.tours.size(); ++t)
        for (std::size_t s = 0; s < site.tours[t].stops.size(); ++s)
            if (!pois.find(site.tours[t].stops[s].poi))
                out.push_back(siteName + ": tours[" + std::to_string(t) + "].stops[" + std::to_string(s) +
                              "].poi: no POI \"" + site.tours[t].stops[s].poi + "\"");
    if (site.kiosk && !site.kiosk->attractTour.empty() && !site.findTour(site.kiosk->attractTour))
        out.push_back(siteName + ": kiosk.attract_tour: no tour \"" + site.kiosk->attractTour + "\"");
    const std::string poiName = pois.file.filename().string();
    for (std::size_t i = 0; i < pois.pois.size(); ++i) {
        const std::string& model = pois.pois[i].anchor.model;
        if (!model.empty() && !site.findModel(model))
            out.push_back(poiName + ": pois[" + std::to_string(i) + "].anchor.model: no model \"" + model + "\"");
    }
    return out;
}

}  // namespace axis
