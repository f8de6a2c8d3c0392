#include "render/geometry_pages.h"

#include <algorithm>
#include <cmath>

#include "gpu/upload.h"

namespace axis::render {
namespace {

// 32k triangles: small enough that a view loads little it does not show, large enough that a
// 20M-triangle scan is a few hundred pages and as many buffer binds at most.
constexpr std::uint32_t kPageIndices = 3 * 32768;

bool unclustered(const LodPrimitive& p) { return p.clusterCount == 1 && p.indexCount == p.leafIndexCount; }

}  // namespace

std::uint64_t GeometryPages::residentBytes() const {
    std::uint64_t bytes = 0;
    for (const GeometryPage& p : pages) bytes += p.residentBytes();
    return bytes;
}

std::unique_ptr<GeometryPages> makeGeometryPages(const BakedModel& baked) {
    auto g = std::make_unique<GeometryPages>();
    g->source = baked.sourcePath;
    g->cache = baked.file;
    g->vertexBytes = baked.vertexBytes;
    g->indices = baked.indices;
    g->stride = baked.vertexFormat.stride;
    g->primitives = baked.primitives;
    g->clusters = baked.clusters;
    g->pageOfCluster.assign(baked.clusters.size(), 0);
    for (std::uint32_t pi = 0; pi < baked.primitives.size(); ++pi) {
        const LodPrimitive& p = baked.primitives[pi];
        for (std::uint32_t c = p.firstCluster; c < p.firstCluster + p.clusterCount; ++c) {
            const LodCluster& cluster = baked.clusters[c];
            GeometryPage* page = g->pages.empty() ? nullptr : &g->pages.back();
            const bool startNew = !page || page->primitive != pi || unclustered(p) ||
                                  baked.clusters[page->firstCluster].level != cluster.level ||
                                  page->indexCount + cluster.indexCount > kPageIndices;
            if (startNew) {
                page = &g->pages.emplace_back();
                page->primitive = pi;
                page->firstCluster = c;
                page->firstIndex = cluster.firstIndex;
            }
            page->clusterCount++;
            page->indexCount = cluster.firstIndex + cluster.indexCount - page->firstIndex;
            g->pageOfCluster[c] = std::uint32_t(g->pages.size() - 1);
        }
    }
    for (std::uint32_t c = 0; c < baked.clusters.size(); ++c)
        if (std::isinf(baked.clusters[c].parent.error) &&
            (g->rootPages.empty() || g->rootPages.back() != g->pageOfCluster[c]))
            g->rootPages.push_back(g->pageOfCluster[c]);
    for (GeometryPage& page : g->pages) {
        const LodPrimitive& p = baked.primitives[page.primitive];
        // A closed mesh has a vertex per 2 triangles (6 indices); seams and borders add some.
        const std::uint64_t vertices = page.indexCount == 0 ? p.vertexCount : std::min<std::uint64_t>(p.vertexCount, page.indexCount / 4);
        page.estimatedBytes = std::uint64_t(page.indexCount) * 4 + vertices * g->stride;
    }
    return g;
}

PageData buildPage(const GeometryPages& g, std::uint32_t index) {
    const GeometryPage& page = g.pages[index];
    const LodPrimitive& p = g.primitives[page.primitive];
    const std::size_t stride = g.stride;
    PageData d;
    if (page.indexCount == 0) {  // Points or unindexed triangles: every vertex of the primitive.
        const auto all = g.vertexBytes.subspan(std::size_t(p.vertexOffset) * stride, std::size_t(p.vertexCount) * stride);
        d.vertices.assign(all.begin(), all.end());
        d.vertexCount = p.vertexCount;
        d.indices.push_back(0);
        return d;
    }
    const auto run = g.indices.subspan(page.firstIndex, page.indexCount);
    std::vector<std::uint32_t> used(run.begin(), run.end());
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    d.vertices.resize(used.size() * stride);
    for (std::size_t i = 0; i < used.size(); ++i)
        std::copy_n(g.vertexBytes.data() + (std::size_t(p.vertexOffset) + used[i]) * stride, stride,
                    d.vertices.data() + i * stride);
    d.indices.reserve(run.size());
    for (std::uint32_t v : run) d.indices.push_back(std::uint32_t(std::lower_bound(used.begin(), used.end(), v) - used.begin()));
    d.vertexCount = std::uint32_t(used.size());
    g.cache->evict({reinterpret_cast<const std::uint8_t*>(run.data()), run.size_bytes()});
    return d;
}

void uploadPage(gpu::Context& context, GeometryPages& g, std::uint32_t index, const PageData& data) {
    GeometryPage& page = g.pages[index];
    gpu::UploadBatch batch(context);
    page.vertices = batch.createBuffer(std::as_bytes(std::span(data.vertices)), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
    page.indices = batch.createBuffer(std::as_bytes(std::span(data.indices)), VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
    page.vertexCount = data.vertexCount;
    batch.flush();
}

DrawRange inPage(const GeometryPages& g, DrawRange range) {
    const std::uint32_t index = g.pageOfCluster[range.cluster];
    const GeometryPage& page = g.pages[index];
    range.page = index;
    range.firstIndex -= page.firstIndex;
    range.vertexOffset = 0;
    range.vertexCount = page.vertexCount;
    return range;
}

}  // namespace axis::render
