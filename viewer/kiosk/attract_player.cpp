#include "viewer/kiosk/attract_player.h"

#include <cmath>

#include "record/tour_path.h"

namespace axis::viewer::kiosk {
namespace {

constexpr double kStartDwellSeconds = 3.0;  // A moment at the start before setting off.

Viewpoint viewpointOf(const Camera& c) {
    return Viewpoint::lookAt(c.position, c.position + c.forward, glm::degrees(c.fovY));
}

}  // namespace

AttractPlayer::AttractPlayer(const site::LoadedScene& scene, const Camera& start, const std::string& tourId)
    : start_(start) {
    if (!scene.site || !scene.pois) return;
    const Tour* tour = scene.site->findTour(tourId);
    if (!tour) return;
    std::vector<std::pair<Viewpoint, double>> stops{{viewpointOf(start), kStartDwellSeconds}};
    std::vector<size_t> stopPois;  // POI of each stop after the first.
    for (const TourStop& stop : tour->stops) {
        const auto& pois = scene.pois->pois;
        for (size_t i = 0; i < pois.size(); ++i)
            if (pois[i].id == stop.poi && pois[i].viewpoint) {
                // A caption needs time to be read even where the tour itself does not dwell.
                stops.emplace_back(*pois[i].viewpoint, std::max(stop.dwell, 4.0));
                stopPois.push_back(i);
                break;
            }
    }
    if (stopPois.empty()) return;
    stops.emplace_back(viewpointOf(start), 0.0);  // Back home, so the loop joins up smoothly.
    record::PathFile file = record::pathFromStops(stops);
    auto path = record::CameraPath::create(file.keys, file.interpolation);
    if (!path) return;
    path_ = std::move(*path);
    // Holds are pairs of keys at one spot: the first is the start, then one per stop in order.
    const auto& keys = path_->keys();
    size_t hold = 0;
    for (size_t k = 0; k + 1 < keys.size(); ++k) {
        if (glm::length(keys[k + 1].position - keys[k].position) > record::kSamePositionMetres) continue;
        if (hold > 0 && hold <= stopPois.size()) dwells_.push_back({keys[k].time, keys[k + 1].time, stopPois[hold - 1]});
        ++hold;
    }
}

void AttractPlayer::advance(double dt) {
    if (!path_ || path_->endTime() <= 0.0) return;
    time_ = std::fmod(time_ + dt, path_->endTime());
}

Camera AttractPlayer::camera() const { return path_ ? path_->evaluate(time_) : start_; }

std::optional<size_t> AttractPlayer::dwellingPoi() const {
    for (const Dwell& d : dwells_)
        if (time_ >= d.from && time_ <= d.to) return d.poi;
    return std::nullopt;
}

}  // namespace axis::viewer::kiosk
