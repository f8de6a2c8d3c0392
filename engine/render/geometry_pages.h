#pragma once
// A baked model's geometry in pages, for devices that cannot draw from the cache's mapping (GPUs
// with their own memory): each page is a run of consecutive clusters of one primitive and one LOD
// level (about 32k triangles), with its own compact vertex and index buffers, built from the
// mapping and uploaded when a frame needs it (render/geometry_residency.h). Draws of a paged model
// bind the page of each range; DrawRange::page says which, and its firstIndex and vertexOffset are
// then within the page.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "asset/bake_cache.h"
#include "gpu/resources.h"
#include "scene/lod.h"

namespace axis::gpu {
class Context;
}

namespace axis::render {

struct GeometryPage {
    std::uint32_t primitive = 0;
    std::uint32_t firstCluster = 0, clusterCount = 0;
    std::uint32_t firstIndex = 0, indexCount = 0;  ///< The run in the model's index stream.
    std::uint64_t estimatedBytes = 0;  ///< Before it is built: its indices and a vertex per 4 of them.
    gpu::Buffer vertices, indices;     ///< Empty while not resident.
    std::uint32_t vertexCount = 0;     ///< Of the built page.
    std::uint64_t lastUsed = 0;        ///< GeometryResidency's frame count.

    bool resident() const { return bool(vertices); }
    std::uint64_t residentBytes() const { return resident() ? vertices.size() + indices.size() : 0; }
};

struct GeometryPages {
    std::string source;  ///< The model's source file, for messages.
    std::shared_ptr<const MappedFile> cache;  ///< What the spans below point into.
    std::span<const std::uint8_t> vertexBytes;
    std::span<const std::uint32_t> indices;
    std::uint32_t stride = 0;
    std::span<const LodPrimitive> primitives;
    std::span<const LodCluster> clusters;
    std::vector<GeometryPage> pages;
    std::vector<std::uint32_t> pageOfCluster;
    /// Pages holding the roots of the cluster DAG (no parent): loaded first and kept, so that
    /// some cut can always be drawn.
    std::vector<std::uint32_t> rootPages;
    bool overBudgetReported = false;  ///< Said once per model.

    std::uint64_t residentBytes() const;
};

/// The page table of `baked` (nothing resident yet). Pages never span primitives or LOD levels.
std::unique_ptr<GeometryPages> makeGeometryPages(const BakedModel& baked);

/// A page's compact streams, built on the CPU before they go up.
struct PageData {
    std::vector<std::uint8_t> vertices;
    std::vector<std::uint32_t> indices;  ///< Never empty: unindexed pages get one (unused) index.
    std::uint32_t vertexCount = 0;
    std::uint64_t bytes() const { return vertices.size() + indices.size() * sizeof(std::uint32_t); }
};

/// Page `page`'s compact streams from the mapping: its vertices in source order, its indices
/// renumbered. The mapped index pages read are dropped.
PageData buildPage(const GeometryPages& pages, std::uint32_t page);
/// Uploads what buildPage made for `page`; waits for the transfer.
void uploadPage(gpu::Context& context, GeometryPages& pages, std::uint32_t page, const PageData& data);

/// `range` (a cluster of the model's streams, as selectLod gives it) drawn from its page instead.
DrawRange inPage(const GeometryPages& pages, DrawRange range);

}  // namespace axis::render
