#include "render/geometry_residency.h"

#include <algorithm>
#include <limits>

#include "core/log.h"
#include "core/stopwatch.h"
#include "gpu/context.h"
#include "gpu/frames.h"
#include "render/geometry_pages.h"
#include "render/scene_renderer.h"
#include "render/streaming_budget.h"

namespace axis::render {
namespace {

// What the window uploads in one frame at most: a few milliseconds of copying on any device.
constexpr std::uint64_t kWindowAllowance = 32 * kMiB;
// A bound no projected error reaches but +infinity (a root's parent): the cut is the roots.
constexpr double kRootsBound = 1e30;

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + kMiB - 1) / kMiB) + " MiB"; }

}  // namespace

std::string GeometryResidency::overBudget(const GeometryPages& g, std::uint64_t bytes) const {
    return g.source + ": the geometry budget of " + megabytes(budget_) + " is full (" +
           megabytes(resident_) + " in use, a page of " + megabytes(bytes) +
           " more wanted): drawing coarser (--gpu-budget sets it)";
}

std::uint64_t defaultGeometryBudget(const gpu::Context& context) {
    return streamingBudget(context, {"AXIS_GEOMETRY_BUDGET_MB", 512 * kMiB, 3, 256 * kMiB, 8192 * kMiB});
}

void GeometryResidency::beginFrame(gpu::FrameRing& frames, std::span<const DrawItem> items, bool wait) {
    ++frame_;
    frames_ = &frames;
    wait_ = wait;
    allowance_ = wait ? std::numeric_limits<std::uint64_t>::max() : kWindowAllowance;
    coarser_ = 0;
    usedThisFrame_ = 0;
    loadedThisFrame_ = 0;
    loadSeconds_ = 0.0;
    models_.clear();
    resident_ = 0;
    for (const DrawItem& item : items) {
        if (!item.model || !item.model->pages) continue;
        GeometryPages* g = item.model->pages.get();
        if (std::find(models_.begin(), models_.end(), g) != models_.end()) continue;
        models_.push_back(g);
        resident_ += g->residentBytes();
    }
}

std::vector<std::uint32_t> GeometryResidency::missing(const GeometryPages& g, std::span<const DrawRange> ranges) const {
    std::vector<std::uint32_t> out;
    for (const DrawRange& r : ranges)
        if (const std::uint32_t page = g.pageOfCluster[r.cluster]; !g.pages[page].resident()) out.push_back(page);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Evicts pages no cut of this frame uses, least recently used first, until `bytes` more fit.
bool GeometryResidency::makeRoom(std::uint64_t bytes) {
    if (resident_ + bytes <= budget_) return true;
    std::vector<GeometryPage*> idle;
    for (GeometryPages* g : models_)
        for (GeometryPage& p : g->pages)
            if (p.resident() && p.lastUsed != frame_) idle.push_back(&p);
    std::sort(idle.begin(), idle.end(), [](auto* a, auto* b) { return a->lastUsed < b->lastUsed; });
    for (GeometryPage* p : idle) {
        if (resident_ + bytes <= budget_) break;
        resident_ -= p->residentBytes();
        frames_->retire(std::move(p->vertices));  // Earlier frames in flight may still draw them.
        frames_->retire(std::move(p->indices));
        p->vertices = {};
        p->indices = {};
    }
    return resident_ + bytes <= budget_;
}

// Nearest pages first: what the viewer looks at sharpens before what lies beyond.
void GeometryResidency::load(GeometryPages& g, std::vector<std::uint32_t> pages, const DrawItem& item,
                             const LodRequest& request) {
    const ScopedSeconds timing(loadSeconds_);
    auto distance = [&](std::uint32_t page) {
        const glm::dvec4 s = sphereInSite(g.clusters[g.pages[page].firstCluster].cullSphere, item.modelToSite);
        return glm::length(glm::dvec3(s) - request.camera.position) - s.w;
    };
    std::sort(pages.begin(), pages.end(), [&](auto a, auto b) { return distance(a) < distance(b); });
    for (std::uint32_t index : pages) {
        GeometryPage& page = g.pages[index];
        // The window's share of this frame is spent; a page larger than the share still loads
        // alone (a point cloud is one page), or it never would.
        if (page.estimatedBytes > allowance_ && loadedThisFrame_ > 0) return;
        const PageData data = buildPage(g, index);
        if (!makeRoom(data.bytes())) {
            if (!g.overBudgetReported) logWarn(overBudget(g, data.bytes()));
            g.overBudgetReported = true;
            return;
        }
        uploadPage(context_, g, index, data);
        resident_ += page.residentBytes();
        loadedThisFrame_ += page.residentBytes();
        allowance_ -= std::min(allowance_, page.residentBytes());
    }
}

// The bytes of the pages `ranges` would add to what this frame already uses.
std::uint64_t GeometryResidency::addedBytes(const GeometryPages& g, std::span<const DrawRange> ranges) const {
    std::vector<std::uint32_t> pages;
    for (const DrawRange& r : ranges) pages.push_back(g.pageOfCluster[r.cluster]);
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    std::uint64_t bytes = 0;
    for (std::uint32_t p : pages)
        if (g.pages[p].lastUsed != frame_) bytes += g.pages[p].resident() ? g.pages[p].residentBytes() : g.pages[p].estimatedBytes;
    return bytes;
}

void GeometryResidency::markUsed(GeometryPages& g, std::span<const DrawRange> ranges) {
    for (const DrawRange& r : ranges) {
        GeometryPage& page = g.pages[g.pageOfCluster[r.cluster]];
        if (page.lastUsed == frame_) continue;
        page.lastUsed = frame_;
        usedThisFrame_ += page.resident() ? page.residentBytes() : page.estimatedBytes;
    }
}

std::vector<DrawRange> GeometryResidency::select(const DrawItem& item, LodRequest request, LodStats* stats) {
    GeometryPages& g = *item.model->pages;
    const bool merge = request.mergeRanges;
    request.mergeRanges = false;  // One cluster a range, so that each finds its page.
    // The roots first: with them resident, some cut can always be drawn.
    // (Another item of this model may have counted them already this frame.)
    std::vector<std::uint32_t> missingRoots, newlyUsed;
    for (std::uint32_t page : g.rootPages) {
        if (!g.pages[page].resident()) missingRoots.push_back(page);
        if (g.pages[page].lastUsed != frame_) newlyUsed.push_back(page);
        g.pages[page].lastUsed = frame_;  // Not evicted for one another.
    }
    load(g, std::move(missingRoots), item, request);
    for (std::uint32_t page : newlyUsed) usedThisFrame_ += g.pages[page].residentBytes();

    // Coarsens the cut, 4x the pixel error a step, until `enough` accepts it; the roots at last.
    std::vector<DrawRange> ranges = selectLod(item.model->lod(), request, stats);
    bool coarser = false;
    auto coarsen = [&](auto enough) {
        for (double bound = request.pixelErrorBound; !enough(ranges);) {
            coarser = true;
            bound = bound > 0.0 ? bound * 4.0 : 0.25;
            request.pixelErrorBound = bound > 1e12 ? kRootsBound : bound;
            ranges = selectLod(item.model->lod(), request, stats);
            if (bound > 1e12) return;
        }
    };
    // The finest cut, from the one asked for, whose pages fit in what the budget has left...
    coarsen([&](const auto& r) { return usedThisFrame_ + addedBytes(g, r) <= budget_; });
    markUsed(g, ranges);
    load(g, missing(g, ranges), item, request);
    // ...then, for what could not be loaded this frame (the window's allowance, a page larger than
    // estimated), the finest coarser cut that is resident; at worst what of the roots fits.
    coarsen([&](const auto& r) { return missing(g, r).empty(); });
    std::erase_if(ranges, [&](const DrawRange& r) { return !g.pages[g.pageOfCluster[r.cluster]].resident(); });
    if (coarser) ++coarser_;
    for (DrawRange& r : ranges) r = inPage(g, r);
    return merge ? mergeAdjacent(ranges) : ranges;
}

}  // namespace axis::render
