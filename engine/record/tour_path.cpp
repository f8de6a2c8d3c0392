#include "record/tour_path.h"

#include <algorithm>
#include <cmath>

namespace axis::record {
namespace {

PathKey keyAt(double time, const Viewpoint& v) {
    PathKey k;
    k.time = time;
    k.position = v.position;
    k.angles = {v.yaw, v.pitch, 0.0};
    k.fov = v.fov;
    return k;
}

double viewChangeDegrees(const Viewpoint& a, const Viewpoint& b) {
    const double c = glm::dot(glm::dquat(orientationFromAngles({a.yaw, a.pitch, 0})),
                              glm::dquat(orientationFromAngles({b.yaw, b.pitch, 0})));
    return glm::degrees(2.0 * std::acos(std::min(1.0, std::abs(c))));
}

double moveSeconds(const Viewpoint& a, const Viewpoint& b, const TourPathOptions& o) {
    const double distance = glm::length(b.position - a.position);
    const double travel = o.moveBaseSeconds + o.moveSecondsPerSqrtMetre * std::sqrt(distance);
    return std::max(travel, viewChangeDegrees(a, b) / o.turnDegreesPerSecond);
}

// Keys strictly between a and b: lifted on a parabola 4u(1-u) * lift, orientation slerped so
// the view turns steadily from one viewpoint to the other.
void addLiftedKeys(std::vector<PathKey>& keys, const Viewpoint& a, const Viewpoint& b, double t0, double duration,
                   const TourPathOptions& o) {
    const double distance = glm::length(b.position - a.position);
    if (distance < o.liftMinDistance) return;
    const double lift = std::min(o.maxLift, o.liftPerMetre * distance);
    const glm::dquat qa = orientationFromAngles({a.yaw, a.pitch, 0}), qb = orientationFromAngles({b.yaw, b.pitch, 0});
    for (double u : {0.25, 0.5, 0.75}) {
        PathKey k;
        k.time = t0 + u * duration;
        k.position = glm::mix(a.position, b.position, u) + glm::dvec3(0, 0, 4.0 * u * (1.0 - u) * lift);
        k.angles = anglesFromOrientation(slerpShortest(qa, qb, u));
        k.fov = a.fov + (b.fov - a.fov) * u;
        keys.push_back(k);
    }
}

double minDwellOf(const TourPathOptions& options, const std::string& poi) {
    const auto it = options.minDwellSeconds.find(poi);
    return it == options.minDwellSeconds.end() ? 0.0 : it->second;
}

}  // namespace

PathFile pathFromStops(const std::vector<std::pair<Viewpoint, double>>& stops, const TourPathOptions& options) {
    PathFile file;
    double t = options.startSeconds;
    for (std::size_t i = 0; i < stops.size(); ++i) {
        const auto& [view, dwell] = stops[i];
        if (i > 0) {
            const Viewpoint& prev = stops[i - 1].first;
            const double duration = moveSeconds(prev, view, options);
            // Two stops at one spot: a turn in place (a hold), no lift.
            addLiftedKeys(file.keys, prev, view, t, duration, options);
            t += duration;
        }
        file.keys.push_back(keyAt(t, view));
        if (dwell > 0.0) {
            t += dwell;
            file.keys.push_back(keyAt(t, view));
        }
    }
    return file;
}

Expected<TourPath> pathFromTour(const Site& site, const PoiFile& pois, const std::string& tourId,
                                const TourPathOptions& options) {
    const Tour* tour = site.findTour(tourId);
    if (!tour) {
        std::string known;
        for (const Tour& t : site.tours) known += (known.empty() ? "" : ", ") + t.id;
        return makeError(site.file.string(), "no tour '" + tourId + "'" +
                                                 (known.empty() ? " (the site has no tours)" : " (tours: " + known + ")"));
    }
    TourPath out;
    std::vector<std::pair<Viewpoint, double>> stops;
    for (std::size_t i = 0; i < tour->stops.size(); ++i) {
        const TourStop& stop = tour->stops[i];
        const Poi* poi = pois.find(stop.poi);
        const std::string where = "tour '" + tourId + "' stop " + std::to_string(i + 1) + ": POI '" + stop.poi + "'";
        if (!poi) out.problems.push_back(where + " does not exist; left out");
        else if (!poi->viewpoint) out.problems.push_back(where + " has no saved viewpoint; left out");
        else stops.emplace_back(*poi->viewpoint, std::max(0.0, std::max(stop.dwell, minDwellOf(options, stop.poi))));
    }
    if (stops.empty()) return makeError(site.file.string(), "tour '" + tourId + "' has no stop with a viewpoint");
    out.file = pathFromStops(stops, options);
    out.file.name = tourId;
    // A single stop with no dwell would be a path of one key: keep it, it renders one still.
    return out;
}

}  // namespace axis::record
