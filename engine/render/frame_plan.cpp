#include "render/frame_plan.h"

#include <algorithm>
#include <optional>
#include <tuple>

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

struct Projector {
    const FrameView& view;
    VkExtent2D extent;
    glm::dmat4 viewFromSite, clipFromView;

    std::optional<HizFootprint> footprint(const DrawItem& item, const DrawRange& r) const {
        const glm::dvec4 site = sphereInSite(item.model->lodClusters[r.cluster].cullSphere, item.modelToSite);
        const glm::dvec3 centre = glm::dvec3(viewFromSite * glm::dvec4(glm::dvec3(site) - view.camera.position, 1.0));
        return sphereFootprint(centre, site.w, clipFromView, view.camera.nearPlane, extent);
    }
};

struct Feedback {  // A cluster drawn first, tested only so the history learns about it.
    shader::OcclusionCandidate candidate;
    VkDrawIndexedIndirectCommand command;
    CommandOwner owner;
};

// Splits one item's clusters between the first draw and the test.
void splitItem(FramePlan& plan, std::vector<Feedback>& feedback, PlannedItem& p, std::vector<DrawRange> ranges,
               const DrawItem& item, const Projector& projector, const OcclusionHistory& history, bool drawAllFirst) {
    for (const DrawRange& r : ranges) {
        const auto footprint = testable(*item.model, r) ? projector.footprint(item, r) : std::nullopt;
        if (!footprint) {  // Cannot be tested: drawn first.
            p.first.push_back(r);
            continue;
        }
        const VkDrawIndexedIndirectCommand command{r.indexCount, 1, r.firstIndex, r.vertexOffset, 0};
        const CommandOwner owner{uint32_t(p.item), r.cluster};
        if (drawAllFirst || history.visible(p.item, r.cluster)) {
            p.first.push_back(r);
            feedback.push_back({{footprint->rect, footprint->level, footprint->nearestDepth, 0, 0}, command, owner});
            continue;
        }
        const uint32_t index = uint32_t(plan.commands.size());
        p.tested.push_back(r);
        p.commands.push_back(index);
        plan.commands.push_back(command);
        plan.owners.push_back(owner);
        plan.candidates.push_back({footprint->rect, footprint->level, footprint->nearestDepth, index, 0});
    }
    p.first = mergeAdjacent(p.first);  // Fewer, longer draws.
}

// Cuts an item's tested draws where the pipeline, material or geometry page changes: one draw call
// per run. A run stays within the smallest maxDrawIndirectCount a device with multiDrawIndirect may
// have.
void addBatches(FramePlan& plan, PlannedItem& p, const GpuModel& m) {
    constexpr uint32_t kMaxBatchDraws = 65535;
    auto state = [&](const DrawRange& r) {
        const bool normals = m.primitiveHasNormals.empty() || m.primitiveHasNormals[r.primitive];
        return std::tuple(std::min<uint32_t>(r.material, uint32_t(m.materials.size()) - 1), normals, r.page);
    };
    for (uint32_t i = 0; i < p.tested.size(); ++i) {
        if (i > 0 && state(p.tested[i]) == state(p.tested[i - 1]) && plan.batches.back().count < kMaxBatchDraws) {
            ++plan.batches.back().count;
            continue;
        }
        p.batchStarts.push_back(i);
        p.batches.push_back(uint32_t(plan.batches.size()));
        plan.batches.push_back({p.commands[i], 1});
    }
}

}  // namespace

FramePlan planFrame(const FrameView& view, VkExtent2D extent, std::span<const DrawItem> items,
                    const OcclusionHistory* history, GeometryResidency& geometry) {
    FramePlan plan;
    const Projector projector{view, extent, glm::dmat4(viewRotation(view.camera)),
                              glm::dmat4(projection(view.camera, view.aspect))};
    std::vector<Feedback> feedback;
    for (size_t i : nearToFar(items, view.camera.position)) {
        if (!items[i].model) continue;
        LodRequest request{view.camera, items[i].modelToSite, double(extent.height), view.aspect,
                           view.pixelErrorBound, view.frustumCull, !history};
        // A whole model out of view (most of a street behind the camera) skips its cluster walk.
        if (view.frustumCull && !items[i].model->bounds.empty() &&
            !sphereInFrustum(modelSphere(items[i].model->bounds), request))
            continue;
        // So is one its section planes or clip boxes cut away whole (a roof lifted off a hall).
        if (!items[i].clipping.empty() && !items[i].model->bounds.empty()) {
            const glm::dvec4 s = sphereInSite(modelSphere(items[i].model->bounds), items[i].modelToSite);
            if (items[i].clipping.cutsAway(glm::dvec3(s), s.w)) continue;
        }
        LodStats lodStats;
        std::vector<DrawRange> ranges = items[i].model->pages ? geometry.select(items[i], request, &lodStats)
                                                              : selectLod(items[i].model->lod(), request, &lodStats);
        plan.stats.clusters += lodStats.clustersSelected - lodStats.clustersCulled;
        plan.stats.clustersCulled += lodStats.clustersCulled;
        if (ranges.empty()) continue;
        addTextureNeeds(items[i], ranges, request, plan.textureNeeds);
        PlannedItem& p = plan.items.emplace_back();
        p.item = i;
        if (!history) {
            p.first = std::move(ranges);
            continue;
        }
        // With nothing known yet, the nearest item is the likeliest occluder.
        const bool drawAllFirst = !history->known(i) && plan.items.size() == 1;
        splitItem(plan, feedback, p, std::move(ranges), items[i], projector, *history, drawAllFirst);
        addBatches(plan, p, *items[i].model);
    }
    plan.drawnCommands = uint32_t(plan.commands.size());
    for (Feedback& f : feedback) {
        f.candidate.command = uint32_t(plan.commands.size());
        plan.candidates.push_back(f.candidate);
        plan.commands.push_back(f.command);
        plan.owners.push_back(f.owner);
    }
    return plan;
}

}  // namespace axis::render
