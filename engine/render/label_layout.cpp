#include "render/label_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace axis::render {
namespace {

bool overlaps(const PlacedLabel& a, const PlacedLabel& b, float margin) {
    return a.boxMin.x < b.boxMax.x + margin && b.boxMin.x < a.boxMax.x + margin && a.boxMin.y < b.boxMax.y + margin &&
           b.boxMin.y < a.boxMax.y + margin;
}

float fade(double distance, const LabelSettings& s) {
    if (distance <= s.fadeStart) return 1.0f;
    if (distance >= s.fadeEnd) return 0.0f;
    return float(1.0 - (distance - s.fadeStart) / (s.fadeEnd - s.fadeStart));
}

// Candidate boxes around a marker, most natural first: up-right, up-left, down-right, down-left.
std::vector<PlacedLabel> candidates(glm::vec2 marker, glm::vec2 size, float leader) {
    const glm::vec2 dirs[] = {{1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
    std::vector<PlacedLabel> out;
    for (auto d : dirs) {
        PlacedLabel p;
        p.marker = marker;
        p.leaderEnd = marker + d * (leader * 0.7071f);
        glm::vec2 corner = p.leaderEnd;
        p.boxMin = {d.x > 0 ? corner.x : corner.x - size.x, d.y > 0 ? corner.y : corner.y - size.y};
        p.boxMax = p.boxMin + size;
        out.push_back(p);
    }
    return out;
}

bool insideView(const PlacedLabel& p, glm::vec2 viewport) {
    return p.boxMin.x >= 0 && p.boxMin.y >= 0 && p.boxMax.x <= viewport.x && p.boxMax.y <= viewport.y;
}

}  // namespace

std::optional<glm::vec2> projectToScreen(const glm::dvec3& p, const Camera& camera, glm::vec2 viewport) {
    glm::dvec3 f = glm::normalize(camera.forward);
    glm::dvec3 r = glm::normalize(glm::cross(f, camera.up));
    glm::dvec3 u = glm::cross(r, f);
    glm::dvec3 d = p - camera.position;
    double depth = glm::dot(d, f);
    if (depth <= camera.nearPlane) return std::nullopt;
    double t = std::tan(camera.fovY / 2), aspect = double(viewport.x) / std::max(double(viewport.y), 1.0);
    double x = glm::dot(d, r) / (depth * t * aspect), y = glm::dot(d, u) / (depth * t);
    return glm::vec2(float((x + 1.0) * 0.5 * viewport.x), float((1.0 - y) * 0.5 * viewport.y));
}

LabelLayout layoutLabels(const std::vector<LabelInput>& inputs, const Camera& camera, glm::vec2 viewport,
                         const std::function<bool(const glm::dvec3&, const glm::dvec3&)>& occluded,
                         const LabelSettings& settings) {
    LabelLayout layout;
    struct Visible {
        size_t index;
        glm::vec2 screen;
        double distance;
        float alpha;
        bool occluded;
    };
    std::vector<Visible> visible;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const LabelInput& in = inputs[i];
        auto screen = projectToScreen(in.anchor, camera, viewport);
        if (!screen || screen->x < 0 || screen->y < 0 || screen->x > viewport.x || screen->y > viewport.y) continue;
        double distance = glm::length(in.anchor - camera.position);
        float alpha = fade(distance, settings);
        if (alpha <= 0.0f) continue;
        // Test slightly in front of the surface, so the anchor's own triangle does not hide it.
        glm::dvec3 lifted = in.anchor + in.normal * std::max(0.05, distance * 1e-3);
        bool hidden = occluded && occluded(camera.position, lifted);
        if (hidden) alpha *= settings.occludedAlpha;
        visible.push_back({i, *screen, distance, alpha, hidden});
    }
    // Unoccluded first, then by priority, then nearest: they claim space before the rest.
    std::sort(visible.begin(), visible.end(), [&](const Visible& a, const Visible& b) {
        if (a.occluded != b.occluded) return !a.occluded;
        if (inputs[a.index].priority != inputs[b.index].priority) return inputs[a.index].priority > inputs[b.index].priority;
        return a.distance < b.distance;
    });
    for (const auto& v : visible) {
        PlacedLabel marker;
        marker.input = v.index;
        marker.marker = v.screen;
        marker.alpha = v.alpha;
        marker.occluded = v.occluded;
        layout.markers.push_back(marker);
        for (PlacedLabel c : candidates(v.screen, inputs[v.index].size, settings.leader)) {
            if (!insideView(c, viewport)) continue;
            bool free = std::none_of(layout.labels.begin(), layout.labels.end(),
                                     [&](const PlacedLabel& o) { return overlaps(c, o, settings.margin); });
            if (!free) continue;
            c.input = v.index;
            c.alpha = v.alpha;
            c.occluded = v.occluded;
            layout.labels.push_back(c);
            break;
        }
    }
    return layout;
}

}  // namespace axis::render
