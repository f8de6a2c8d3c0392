#include "poi/poi_import.h"

#include <algorithm>
#include <set>

namespace axis {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

PoiImportResult merge(const PoiFile& current, const PoiFile& incoming) {
    PoiImportResult out{current.pois, current.retiredIds, {}};
    std::set<std::string> seen;
    for (const Poi& poi : incoming.pois) {
        const std::string quoted = "\"" + poi.id + "\"";
        if (!seen.insert(poi.id).second) {
            out.report.conflicts.push_back(quoted + ": appears twice in the import; only the first counts");
        } else if (const Poi* existing = current.find(poi.id)) {
            if (*existing == poi)
                ++out.report.unchanged;
            else
                out.report.conflicts.push_back(quoted + ": the file has a different POI with this id; kept the file's");
        } else if (contains(current.retiredIds, poi.id)) {
            // A retired id must not come back by accident: a tour stop naming it would change meaning.
            out.report.conflicts.push_back(quoted + ": this id was deleted from the file (retired); not re-added");
        } else {
            out.pois.push_back(poi);
            ++out.report.added;
        }
    }
    return out;
}

PoiImportResult replace(const PoiFile& current, const PoiFile& incoming) {
    PoiImportResult out;
    std::set<std::string> live;
    for (const Poi& poi : incoming.pois) {
        if (!live.insert(poi.id).second) {
            out.report.conflicts.push_back("\"" + poi.id + "\": appears twice in the import; only the first counts");
            continue;
        }
        const Poi* existing = current.find(poi.id);
        if (!existing)
            ++out.report.added;
        else if (*existing == poi)
            ++out.report.unchanged;
        else
            ++out.report.replaced;
        out.pois.push_back(poi);
    }
    auto retire = [&](const std::string& id) {
        if (!live.count(id) && !contains(out.retiredIds, id)) out.retiredIds.push_back(id);
    };
    for (const std::string& id : current.retiredIds) retire(id);
    for (const Poi& poi : current.pois) {
        if (live.count(poi.id)) continue;
        ++out.report.removed;
        retire(poi.id);
    }
    for (const std::string& id : incoming.retiredIds) retire(id);
    return out;
}

std::vector<Measurement> mergeMeasurements(const PoiFile& current, const PoiFile& incoming, PoiImportReport& report) {
    std::vector<Measurement> out = current.measurements;
    for (const Measurement& m : incoming.measurements) {
        const Measurement* existing = current.findMeasurement(m.id);
        if (existing && *existing == m) continue;
        if (existing || current.find(m.id) || contains(current.retiredIds, m.id) ||
            std::any_of(out.begin(), out.end(), [&](const Measurement& o) { return o.id == m.id; })) {
            report.conflicts.push_back("\"" + m.id + "\": the file has something else with this id; measurement left out");
            continue;
        }
        out.push_back(m);
    }
    return out;
}

}  // namespace

std::string PoiImportReport::summary() const {
    return "added " + std::to_string(added) + ", replaced " + std::to_string(replaced) + ", unchanged " +
           std::to_string(unchanged) + ", removed " + std::to_string(removed) + ", conflicts " +
           std::to_string(conflicts.size()) +
           (measurementsChanged ? ", measurements changed" : "");
}

PoiImportResult importPois(const PoiFile& current, const PoiFile& incoming, PoiImportMode mode) {
    PoiImportResult out = mode == PoiImportMode::Merge ? merge(current, incoming) : replace(current, incoming);
    out.measurements = mode == PoiImportMode::Merge ? mergeMeasurements(current, incoming, out.report) : incoming.measurements;
    out.report.measurementsChanged = out.measurements != current.measurements;
    return out;
}

}  // namespace axis
