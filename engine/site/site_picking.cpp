#include "site/site_picking.h"

namespace axis::site {

PlacedModel placedForPicking(const LoadedModel& model) {
    if (!model.model.primitives.empty() || !model.baked) return {&model.model, model.modelToSite};
    // Level 0 of each triangle primitive: the leaf clusters, which are the source's triangles.
    const BakedModel& baked = *model.baked;
    const std::size_t stride = baked.vertexFormat.stride;
    PlacedModel placed{nullptr, model.modelToSite, {}, baked.bounds};
    for (const LodPrimitive& p : baked.primitives) {
        if (static_cast<Topology>(p.topology) != Topology::Triangles) continue;
        const auto vertices = std::as_bytes(baked.vertexBytes.subspan(std::size_t(p.vertexOffset) * stride,
                                                                      std::size_t(p.vertexCount) * stride));
        placed.meshes.push_back({vertices, std::uint32_t(stride), baked.indices.subspan(p.firstIndex, p.leafIndexCount)});
    }
    return placed;
}

Bvh buildSiteBvh(std::span<const LoadedModel> models, const GpuScene* tiles, const Clipping& siteCuts) {
    std::vector<PlacedModel> placed;
    placed.reserve(models.size());
    for (const LoadedModel& m : models) {
        placed.push_back(placedForPicking(m));
        placed.back().clipping = siteCuts.with(m.clipping);
    }
    for (std::uint32_t i = 0; tiles && i < models.size(); ++i) {
        const TilesetStream* stream = tiles->findTileset(models[i].id);
        if (!stream) continue;
        for (const LoadedModel* tile : stream->drawnModels()) {
            PlacedModel p = placedForPicking(*tile);
            p.modelToSite = models[i].modelToSite * p.modelToSite;  // Tiles are placed in the tileset's frame.
            p.reportAs = i;
            p.clipping = siteCuts.with(models[i].clipping);
            placed.push_back(std::move(p));
        }
    }
    return Bvh::build(placed);
}

}  // namespace axis::site
