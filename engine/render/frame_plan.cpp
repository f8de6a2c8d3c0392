#include "render/frame_plan.h"

#include <algorithm>
#include <bit>

#include "render/hiz_footprint.h"
#include "render/view_math.h"

namespace axis::render {
namespace {

// The sphere around a model's box, model space, for the per-item frustum test.
glm::vec4 modelSphere(const Bounds& b) {
    return glm::vec4(glm::vec3(b.center()), float(b.radius()) * (1.0f + 1e-5f));
}

// Item indices by the distance from `eye` to the centre of each item's bounds (site frame).
std::vector<size_t> nearToFar(std::span<const DrawItem> items, const glm::dvec3& eye) {
    std::vector<double> distance(items.size(), 0.0);
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].model && !items[i].model->bounds.empty())
            distance[i] = glm::length(glm::dvec3(items[i].modelToSite * glm::dvec4(items[i].model->bounds.center(), 1.0)) - eye);
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return distance[a] < distance[b]; });
    return order;
}

// Opaque or masked indexed triangles: what an indirect draw and the depth test can stand for.
bool testable(const GpuModel& m, const DrawRange& r) {
    if (r.indexCount == 0 || r.topology != Topology::Triangles) return false;
    const uint32_t material = std::min<uint32_t>(r.material, uint32_t(m.materials.size()) - 1);
    return m.materials[material].alphaMode != AlphaMode::Blend;
}

uint64_t testableTriangles(const PlannedItem& p, std::span<const DrawItem> items) {
    uint64_t n = 0;
    for (const DrawRange& r : p.ranges)
        if (testable(*items[p.item].model, r)) n += r.indexCount / 3;
    return n;
}

// Wave k holds the items at near-to-far positions [2^k - 1, 2^(k+1) - 1); small waves join the
// one before.
void assignWaves(FramePlan& plan, std::span<const DrawItem> items) {
    std::vector<uint64_t> triangles;
    for (size_t pos = 0; pos < plan.items.size(); ++pos) {
        const uint32_t wave = uint32_t(std::bit_width(pos + 1)) - 1;
        plan.items[pos].wave = wave;
        triangles.resize(wave + 1, 0);
        triangles[wave] += testableTriangles(plan.items[pos], items);
    }
    std::vector<uint32_t> merged(triangles.size(), 0);
    uint32_t wave = 0;
    for (uint32_t k = 1; k < triangles.size(); ++k) {
        if (triangles[k] >= kMinTrianglesPerWave) ++wave;
        merged[k] = wave;
    }
    for (PlannedItem& p : plan.items) p.wave = merged.empty() ? 0 : merged[p.wave];
    plan.waveCount = wave + 1;
}

void addCandidates(FramePlan& plan, PlannedItem& p, const DrawItem& item, const FrameView& view, VkExtent2D extent,
                   const glm::dmat4& viewFromSite, const glm::dmat4& clipFromView) {
    const GpuModel& m = *item.model;
    p.commands.assign(p.ranges.size(), kDirectDraw);
    for (size_t i = 0; i < p.ranges.size(); ++i) {
        const DrawRange& r = p.ranges[i];
        if (!testable(m, r)) continue;
        const glm::dvec4 site = sphereInSite(m.lodClusters[r.cluster].cullSphere, item.modelToSite);
        const glm::dvec3 centreView = glm::dvec3(viewFromSite * glm::dvec4(glm::dvec3(site) - view.camera.position, 1.0));
        auto footprint = sphereFootprint(centreView, site.w, clipFromView, view.camera.nearPlane, extent);
        if (!footprint) continue;  // Reaches the near plane: draw it.
        p.commands[i] = uint32_t(plan.commands.size());
        plan.commands.push_back({r.indexCount, 1, r.firstIndex, r.vertexOffset, 0});
        plan.candidates.push_back({footprint->rect, footprint->level, footprint->nearestDepth, p.commands[i], 0});
    }
}

}  // namespace

FramePlan planFrame(const FrameView& view, VkExtent2D extent, std::span<const DrawItem> items, bool occlusion) {
    FramePlan plan;
    for (size_t i : nearToFar(items, view.camera.position)) {
        if (!items[i].model) continue;
        LodRequest request{view.camera, items[i].modelToSite, double(extent.height), view.aspect,
                           view.pixelErrorBound, view.frustumCull, !occlusion};
        // A whole model out of view (most of a street behind the camera) skips its cluster walk.
        if (view.frustumCull && !items[i].model->bounds.empty() &&
            !sphereInFrustum(modelSphere(items[i].model->bounds), request))
            continue;
        LodStats lodStats;
        PlannedItem p;
        p.item = i;
        p.ranges = selectLod(items[i].model->lod(), request, &lodStats);
        plan.stats.clusters += lodStats.clustersSelected - lodStats.clustersCulled;
        plan.stats.clustersCulled += lodStats.clustersCulled;
        if (!p.ranges.empty()) plan.items.push_back(std::move(p));
    }
    if (occlusion) assignWaves(plan, items);

    const glm::dmat4 viewFromSite(viewRotation(view.camera));
    const glm::dmat4 clipFromView(projection(view.camera, view.aspect));
    plan.waveFirst.assign(plan.waveCount, 0);
    plan.waveCandidates.assign(plan.waveCount, 0);
    for (PlannedItem& p : plan.items) {
        if (p.wave == 0) {
            if (occlusion) p.ranges = mergeAdjacent(p.ranges);  // Drawn directly: fewer, longer draws.
            p.commands.assign(p.ranges.size(), kDirectDraw);
            continue;
        }
        if (plan.waveCandidates[p.wave] == 0) plan.waveFirst[p.wave] = uint32_t(plan.candidates.size());
        const size_t before = plan.candidates.size();
        addCandidates(plan, p, items[p.item], view, extent, viewFromSite, clipFromView);
        plan.waveCandidates[p.wave] += uint32_t(plan.candidates.size() - before);
    }
    return plan;
}

}  // namespace axis::render
