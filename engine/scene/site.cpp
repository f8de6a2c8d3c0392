// Site maths and saving; loading lives in site_load.cpp.
#include "scene/site.h"

#include <cmath>
#include <set>

#include <glm/gtc/matrix_transform.hpp>

#include "core/file_io.h"
#include "scene/json_fields.h"
#include "scene/site_credits_json.h"

namespace axis {

using json::Json;

glm::dmat4 ModelPlacement::transform() const {
    const glm::dmat4 t = glm::translate(glm::dmat4(1.0), position);
    // Rz*Ry*Rx: x first, then y, then z, all about the fixed site axes.
    glm::dmat4 r = glm::rotate(glm::dmat4(1.0), glm::radians(rotationDeg.z), glm::dvec3(0, 0, 1));
    r = glm::rotate(r, glm::radians(rotationDeg.y), glm::dvec3(0, 1, 0));
    r = glm::rotate(r, glm::radians(rotationDeg.x), glm::dvec3(1, 0, 0));
    const glm::dmat4 s = glm::scale(glm::dmat4(1.0), scale);
    return t * r * s * upAxisToZUp(up);
}

std::filesystem::path Site::resolve(const std::string& relative) const {
    const std::filesystem::path p(relative);
    if (p.is_absolute()) return p.lexically_normal();
    return (directory() / p).lexically_normal();
}

const ModelPlacement* Site::findModel(const std::string& id) const {
    for (const auto& m : models)
        if (m.id == id) return &m;
    return nullptr;
}

const Tour* Site::findTour(const std::string& id) const {
    for (const auto& t : tours)
        if (t.id == id) return &t;
    return nullptr;
}

Bounds Site::placementBounds() const {
    Bounds b;
    for (const auto& m : models) b.add(m.position);
    return b;
}

namespace {

Json writeModel(const ModelPlacement& m) {
    Json out{{"id", m.id}, {"source", m.source}, {"up", m.up == UpAxis::Y ? "y" : "z"},
             {"position", json::writeVec3(m.position)}, {"rotation", json::writeVec3(m.rotationDeg)}};
    const bool uniform = m.scale.x == m.scale.y && m.scale.y == m.scale.z;
    out["scale"] = uniform ? Json(m.scale.x) : json::writeVec3(m.scale);
    if (!m.crs.empty()) out["crs"] = m.crs;
    out["shading"] = m.shading == Shading::Lit ? "lit" : "unlit";
    out["visible"] = m.visible;
    if (!m.clipping.empty()) out["clipping"] = json::writeClipping(m.clipping);
    json::mergeExtras(out, m.extra);
    return out;
}

Json writeTour(const Tour& t) {
    Json stops = Json::array();
    for (const auto& s : t.stops) stops.push_back({{"poi", s.poi}, {"dwell", s.dwell}});
    Json out{{"id", t.id}, {"name", json::writeLangText(t.name)}, {"stops", stops}};
    if (!t.music.empty()) out["music"] = t.music;
    json::mergeExtras(out, t.extra);
    return out;
}

Json writeKiosk(const KioskSettings& k) {
    Json out{{"idle_seconds", k.idleSeconds}, {"languages", k.languages}, {"attract_tour", k.attractTour},
             {"exit_pin", k.exitPin}};
    if (k.screenInches > 0.0) out["screen_inches"] = k.screenInches;
    json::mergeExtras(out, k.extra);
    return out;
}

// Appends entries that failed validation on load, so a save does not lose them.
void appendRejected(Json& array, const std::vector<RejectedEntry>& rejected, const std::string& name) {
    for (const auto& r : rejected)
        if (r.array == name) array.push_back(Json::parse(r.json, nullptr, false));
}

bool finite(const glm::dvec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

// What saveSite() refuses to write: files it could not read back.
std::string invalidReason(const Site& site) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < site.models.size(); ++i) {
        const auto& m = site.models[i];
        const std::string at = "models[" + std::to_string(i) + "]";
        if (m.id.empty()) return at + ".id: must not be empty";
        if (!ids.insert(m.id).second) return at + ".id: duplicate id \"" + m.id + "\"";
        if (!finite(m.position) || !finite(m.rotationDeg) || !finite(m.scale))
            return at + ": transform is not finite";
    }
    return {};
}

}  // namespace

std::string toJson(const Site& site) {
    // A 1.0 site saved with a 1.1 field (cuts, a time zone, a tour's music) becomes 1.1.
    bool newer = !site.clipping.empty() || !site.timeZone.empty();
    for (const auto& m : site.models) newer = newer || !m.clipping.empty();
    for (const auto& t : site.tours) newer = newer || !t.music.empty();
    std::string version = newer && site.version == "1.0" ? "1.1" : site.version;
    if (!site.credits.empty() && (version == "1.0" || version == "1.1")) version = "1.2";  // 1.2: credits.
    if (site.sun && (version == "1.0" || version == "1.1" || version == "1.2")) version = "1.3";  // 1.3: sun.
    Json root{{"format", "axisview-site"}, {"version", version}, {"name", json::writeLangText(site.name)}};
    if (!site.description.empty()) root["description"] = json::writeLangText(site.description);
    if (!site.credits.empty()) root["credits"] = writeCredits(site.credits);
    if (site.origin)
        root["origin"] = {{"lat", site.origin->lat}, {"lon", site.origin->lon}, {"height", site.origin->height}};
    if (!site.timeZone.empty()) root["time_zone"] = site.timeZone;
    if (site.sun) root["sun"] = {{"time", site.sun->time}, {"shadows", site.sun->shadows}};
    Json models = Json::array();
    for (const auto& m : site.models) models.push_back(writeModel(m));
    appendRejected(models, site.rejected, "models");
    root["models"] = models;
    if (site.start) root["start"] = json::writeViewpoint(*site.start);
    if (site.overview) root["overview"] = json::writeViewpoint(*site.overview);
    if (!site.pois.empty()) root["pois"] = site.pois;
    Json tours = Json::array();
    for (const auto& t : site.tours) tours.push_back(writeTour(t));
    appendRejected(tours, site.rejected, "tours");
    if (!tours.empty()) root["tours"] = tours;
    if (site.kiosk) root["kiosk"] = writeKiosk(*site.kiosk);
    if (!site.clipping.empty()) root["clipping"] = json::writeClipping(site.clipping);
    json::mergeExtras(root, site.extra);
    return root.dump(2) + "\n";
}

Status saveSite(const Site& site, const std::filesystem::path& path) {
    if (std::string why = invalidReason(site); !why.empty()) return makeError(path.string(), why);
    return saveFileAtomic(path, toJson(site));
}

}  // namespace axis
