#pragma once
// Where POI labels go on screen: each anchored at a point in the site, projected through the
// camera, placed beside its marker at one of a few offsets so that no two labels overlap
// (declutter by priority, then distance), dimmed when the anchor is hidden behind geometry, and
// faded out with distance. Pure geometry: no GPU, no ImGui; the caller measures text.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/camera.h"

namespace axis::render {

struct LabelInput {
    std::string id;
    glm::dvec3 anchor{0.0};    ///< Site frame, metres.
    glm::dvec3 normal{0, 0, 1};
    glm::vec2 size{0.0f};      ///< The label box in screen points (text plus padding), from the caller.
    int priority = 0;          ///< Higher wins a contested spot.
};

struct LabelSettings {
    double fadeStart = 150.0;   ///< Metres: fully opaque up to here...
    double fadeEnd = 600.0;     ///< ...invisible from here on.
    float occludedAlpha = 0.3f; ///< A label whose anchor is hidden is dimmed to this, not removed.
    float leader = 28.0f;       ///< Screen points from the marker to the label box.
    float margin = 4.0f;        ///< Minimum gap between label boxes.
};

struct PlacedLabel {
    size_t input = 0;          ///< Index into the inputs.
    glm::vec2 marker{0.0f};    ///< Anchor on screen, points, y down.
    glm::vec2 boxMin{0.0f}, boxMax{0.0f};
    glm::vec2 leaderEnd{0.0f}; ///< Where the leader line meets the box.
    float alpha = 1.0f;
    bool occluded = false;
};

/// `occluded(from, to)`: true when geometry lies between the camera and the anchor (a BVH
/// any-hit query); may be empty (nothing is occluded). Labels behind the camera, outside the
/// view or beyond fadeEnd are left out; those that find no free spot are left out too (their
/// markers still show: see `markers`).
struct LabelLayout {
    std::vector<PlacedLabel> labels;
    std::vector<PlacedLabel> markers;  ///< Every anchor in view, label box empty.
};

LabelLayout layoutLabels(const std::vector<LabelInput>& inputs, const Camera& camera, glm::vec2 viewport,
                         const std::function<bool(const glm::dvec3&, const glm::dvec3&)>& occluded,
                         const LabelSettings& settings = {});

/// Projects a site point to screen points (y down); nullopt behind the camera.
std::optional<glm::vec2> projectToScreen(const glm::dvec3& p, const Camera& camera, glm::vec2 viewport);

}  // namespace axis::render
