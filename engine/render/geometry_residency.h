#pragma once
// Geometry resident by need on GPUs (DESIGN.md, "Residency"): the pages of paged models
// (render/geometry_pages.h) that a frame's cut needs are uploaded nearest first within a byte
// budget; pages no frame used lately are evicted, least recently used first. A model whose cut
// does not fit what the budget has left is drawn at the finest coarser cut that does (nearest
// models are planned first, so they get the budget first); one whose cut is not loaded yet, at
// the finest coarser cut that is. The roots of every primitive are loaded first, so something is
// always there. Stills and video frames load everything
// their cut needs before drawing (within the budget); the window loads a few megabytes a frame.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "scene/lod.h"

namespace axis::gpu {
class Context;
class FrameRing;
}

namespace axis::render {

struct DrawItem;
struct GeometryPages;

/// $AXIS_GEOMETRY_BUDGET_MB when set; 512 MiB on a CPU device; else a third of the largest
/// device-local heap, from 256 MiB to 8 GiB.
std::uint64_t defaultGeometryBudget(const gpu::Context& context);

class GeometryResidency {
public:
    GeometryResidency(gpu::Context& context, std::uint64_t budgetBytes) : context_(context), budget_(budgetBytes) {}

    /// Starts a frame drawing `items`: evictions retire buffers through `frames`. `wait`: load
    /// every page the frame needs (stills, video); else at most a frame's allowance (window).
    void beginFrame(gpu::FrameRing& frames, std::span<const DrawItem> items, bool wait);
    /// The ranges to draw for `item` (a paged model), in its pages: the cut `request` asks for when
    /// its pages are resident (after loading what this frame may), else the finest coarser one.
    std::vector<DrawRange> select(const DrawItem& item, LodRequest request, LodStats* stats);

    std::uint64_t budget() const { return budget_; }
    void setBudget(std::uint64_t bytes) { budget_ = bytes; }
    std::uint64_t residentBytes() const { return resident_; }
    /// Paged models drawn coarser than asked in the last frame, for tests and the stats panel.
    std::uint32_t coarserThanAsked() const { return coarser_; }
    /// Seconds this frame spent building and uploading pages, for the window's frame log.
    double loadSeconds() const { return loadSeconds_; }

private:
    std::vector<std::uint32_t> missing(const GeometryPages& g, std::span<const DrawRange> ranges) const;
    void markUsed(GeometryPages& g, std::span<const DrawRange> ranges);
    std::uint64_t addedBytes(const GeometryPages& g, std::span<const DrawRange> ranges) const;
    void load(GeometryPages& g, std::vector<std::uint32_t> pages, const DrawItem& item, const LodRequest& request);
    bool makeRoom(std::uint64_t bytes);
    std::string overBudget(const GeometryPages& g, std::uint64_t bytes) const;

    gpu::Context& context_;
    std::uint64_t budget_;
    gpu::FrameRing* frames_ = nullptr;
    std::vector<GeometryPages*> models_;  ///< Of this frame's items.
    std::uint64_t frame_ = 0, resident_ = 0, allowance_ = 0;
    std::uint64_t usedThisFrame_ = 0;    ///< Bytes of the pages this frame's cuts use so far.
    std::uint64_t loadedThisFrame_ = 0;  ///< Bytes uploaded this frame.
    bool wait_ = false;
    std::uint32_t coarser_ = 0;
    double loadSeconds_ = 0.0;
};

}  // namespace axis::render
