#pragma once
// Guessing which axis is up for formats that carry no convention (PLY, OBJ, STL, OFF).
#include <string>

#include "scene/model.h"

namespace axis {

/// How strongly each candidate axis looks like "up", in [0,1]: the share of surface area lying
/// in a thin slab (1% of the largest extent) at the model's minimum along that axis, counting
/// triangles only when their normal is nearly parallel to the axis (a flat base or the ground);
/// for point-only models, the share of points in a 5% slab. Exposed for tests and reports.
struct UpAxisScores {
    double y = 0;
    double z = 0;
};
UpAxisScores scoreUpAxes(const Model& model);

/// Scans of statues, busts and buildings rest on a flat base or on the ground: the axis whose
/// minimum holds clearly more flat support (see scoreUpAxes; at least 0.5% of the surface or 2%
/// of the points, and three times the other axis) is up. Otherwise clear proportions decide: a model much taller along one candidate than across is
/// up along it (statue, stele, tower), one much lower along a candidate than across is up along
/// that (room, street, terrain). Else returns `fallback`. Only +y and +z are candidates: scans
/// are rarely stored x-up or upside down.
UpAxis guessUpAxis(const Model& model, UpAxis fallback);

/// guessUpAxis with the rule that decided, in words (for `info`).
struct UpGuess {
    UpAxis up = UpAxis::Y;
    std::string rule;
};
UpGuess explainUpAxis(const Model& model, UpAxis fallback);

}  // namespace axis
