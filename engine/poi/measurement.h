#pragma once
// Measurements saved with a site: in the POI file (format "axisview-pois" 1.1) beside the POIs,
// edited through the same document and undo history (poi/poi_document.h) and exported as Web
// Annotations whose target is the measured 3D polyline (poi/web_annotation.h).
//
//   "measurements": [ {
//     "id": "measure-1",                       unique among measurements and POIs, non-empty
//     "kind": "distance",                      distance | height | horizontal | polyline | area | angle
//     "points": [[x, y, z], [x, y, z]],        site frame, metres; as many as the kind takes
//                                              (scene/measure.h: minPoints, maxPoints)
//     "title": {"en": "Gate width"},           optional language map
//     "created": "...", "modified": "..."      optional ISO-8601
//   } ]
//
// The value is not stored: it is computed from the points (measureValue), so it cannot disagree
// with them. A bad entry is reported as "FILE: measurements[2].points: ..." and kept unchanged for
// saving, like a bad POI; the rest opens.
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/measure.h"
#include "scene/viewpoint.h"

namespace axis {

struct Measurement {
    std::string id;
    MeasureKind kind = MeasureKind::Distance;
    std::vector<glm::dvec3> points;  ///< Site frame, metres.
    LangText title;
    std::string created, modified;  ///< ISO-8601, or empty.
    std::string extra;              ///< Unknown fields as JSON object text; written back on save.
    bool operator==(const Measurement&) const = default;

    double value() const { return measureValue(kind, points); }
};

/// Why `m` cannot be saved ("points: a distance takes 2 points, not 3"), or "" when it can.
std::string measurementProblem(const Measurement& m);

}  // namespace axis
