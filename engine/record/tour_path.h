#pragma once
// Turning a tour (POIs in order, each with a dwell time) into a camera path: the camera rests at
// each stop's saved viewpoint for its dwell, then moves to the next one, easing out and in.
//
// Moves take longer the farther they go, but less than proportionally, so short hops are not
// sluggish and long flights not endless: duration = base + k * sqrt(distance), and at least
// enough to turn the view comfortably. Moves longer than `liftMinDistance` rise in an arc whose
// top sits `liftPerMetre` * distance above the straight line (capped at `maxLift`), so that a
// camera walking at eye height between two gates flies over the buildings between them rather
// than through them. There is no collision test: the arc is a heuristic sized for the skyline of
// a historic city, where buildings are low compared with the distances between landmarks.
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "poi/poi.h"
#include "record/path_file.h"
#include "scene/site.h"

namespace axis::record {

struct TourPathOptions {
    double moveBaseSeconds = 2.0;       ///< Fixed part of every move.
    double moveSecondsPerSqrtMetre = 0.27;  ///< 100 m: 4.7 s, 1 km: 10.5 s, 4 km: 19 s.
    double turnDegreesPerSecond = 45.0; ///< A move lasts at least its view change at this rate.
    double liftMinDistance = 40.0;      ///< Metres; shorter moves stay on the straight line.
    double liftPerMetre = 0.12;         ///< Arc height as a share of the move's length.
    double maxLift = 300.0;             ///< Metres.
    double startSeconds = 0.0;          ///< Time of the first arrival.
    /// Per POI id, the least a stop at it lasts, whatever its dwell says: a recording with
    /// narration holds each stop until its narration has been spoken, rather than moving on
    /// (and talking over the next stop) mid-sentence.
    std::map<std::string, double> minDwellSeconds;
};

struct TourPath {
    PathFile file;
    std::vector<std::string> problems;  ///< Stops left out (unknown POI, no viewpoint), one line each.
};

/// Fails when the site has no such tour or none of its stops has a viewpoint.
Expected<TourPath> pathFromTour(const Site& site, const PoiFile& pois, const std::string& tourId,
                                const TourPathOptions& options = {});

/// The path for a list of viewpoints and dwell times (seconds); the core of pathFromTour.
PathFile pathFromStops(const std::vector<std::pair<Viewpoint, double>>& stops, const TourPathOptions& options = {});

}  // namespace axis::record
