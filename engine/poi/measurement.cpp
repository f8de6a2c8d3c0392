#include "poi/measurement.h"

#include <cmath>
#include <set>

#include "poi/measurement_json.h"

namespace axis {
namespace {

using json::FieldError;
using json::Json;

constexpr std::initializer_list<const char*> kMeasurementKeys = {"id",    "kind",    "points",
                                                                 "title", "created", "modified"};

std::string pointCountProblem(MeasureKind kind, std::size_t count) {
    const std::size_t lo = minPoints(kind), hi = maxPoints(kind);
    const std::string name = measureKindWithArticle(kind);
    if (lo == hi && count != lo) return name + " takes " + std::to_string(lo) + " points, not " + std::to_string(count);
    if (count < lo) return name + " takes at least " + std::to_string(lo) + " points, not " + std::to_string(count);
    return {};
}

std::string readTime(const Json& v, const std::string& path) {
    std::string s = json::readString(v, path);
    if (!s.empty() && !isIsoTimestamp(s))
        throw FieldError{path, "expected an ISO-8601 date or date-time, got \"" + s + "\""};
    return s;
}

Measurement readMeasurement(const Json& v, const std::string& path) {
    Measurement m;
    m.id = json::readNonEmptyString(json::require(v, "id", path), json::child(path, "id"));
    const std::string kindPath = json::child(path, "kind");
    const std::string kind = json::readString(json::require(v, "kind", path), kindPath);
    const auto parsed = measureKindFromName(kind);
    if (!parsed)
        throw FieldError{kindPath,
                         "unknown kind \"" + kind + "\" (distance, height, horizontal, polyline, area, angle)"};
    m.kind = *parsed;
    const std::string pointsPath = json::child(path, "points");
    const Json& points = json::require(v, "points", path);
    if (!points.is_array()) throw FieldError{pointsPath, "expected an array of [x, y, z]"};
    for (std::size_t i = 0; i < points.size(); ++i)
        m.points.push_back(json::readVec3(points[i], json::element(pointsPath, i)));
    if (std::string why = pointCountProblem(m.kind, m.points.size()); !why.empty()) throw FieldError{pointsPath, why};
    if (const Json* t = json::find(v, "title", path)) m.title = json::readLangText(*t, json::child(path, "title"));
    if (const Json* c = json::find(v, "created", path)) m.created = readTime(*c, json::child(path, "created"));
    if (const Json* c = json::find(v, "modified", path)) m.modified = readTime(*c, json::child(path, "modified"));
    m.extra = json::extrasOf(v, kMeasurementKeys);
    return m;
}

bool finite(const glm::dvec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

}  // namespace

std::string measurementProblem(const Measurement& m) {
    if (m.id.empty()) return "id: must not be empty";
    if (std::string why = pointCountProblem(m.kind, m.points.size()); !why.empty()) return "points: " + why;
    for (const glm::dvec3& p : m.points)
        if (!finite(p)) return "points: not finite";
    return {};
}

const Measurement* PoiFile::findMeasurement(const std::string& id) const {
    for (const Measurement& m : measurements)
        if (m.id == id) return &m;
    return nullptr;
}

void readMeasurementArray(const Json& root, PoiFile& file, const std::filesystem::path& shown) {
    const auto it = root.find("measurements");
    if (it == root.end()) return;
    if (!it->is_array()) {
        file.problems.push_back(json::describe(shown, {"measurements", "expected an array"}));
        json::keepInExtras(file.extra, "measurements", *it);
        return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string path = json::element("measurements", i);
        try {
            Measurement m = readMeasurement((*it)[i], path);
            if (!ids.insert(m.id).second) throw FieldError{json::child(path, "id"), "duplicate id \"" + m.id + "\""};
            file.measurements.push_back(std::move(m));
        } catch (const FieldError& e) {
            file.problems.push_back(json::describe(shown, e));
            file.rejectedMeasurements.push_back((*it)[i].dump());
        }
    }
}

Json writeMeasurementPoints(const Measurement& m) {
    Json points = Json::array();
    for (const glm::dvec3& p : m.points) points.push_back(json::writeVec3(p));
    return Json{{"kind", measureKindName(m.kind)}, {"points", points}};
}

Json writeMeasurementArray(const PoiFile& file) {
    Json out = Json::array();
    for (const Measurement& m : file.measurements) {
        Json entry{{"id", m.id}};
        entry.update(writeMeasurementPoints(m));
        if (!m.title.empty()) entry["title"] = json::writeLangText(m.title);
        if (!m.created.empty()) entry["created"] = m.created;
        if (!m.modified.empty()) entry["modified"] = m.modified;
        json::mergeExtras(entry, m.extra);
        out.push_back(std::move(entry));
    }
    for (const auto& r : file.rejectedMeasurements) out.push_back(Json::parse(r, nullptr, false));
    return out;
}

}  // namespace axis
