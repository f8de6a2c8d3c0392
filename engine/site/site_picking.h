#pragma once
// The opened site's geometry on the CPU, for picking, walking and collision, and for the labels a
// video hides behind what stands in front of them: one BVH over every model (scene/bvh.h), built
// from the CPU model where there is one and otherwise straight from the bake cache's mapped
// full-detail triangles, so that no decoded copy of a baked model is needed; a tileset by the
// tiles drawn at the time (rebuild when GpuScene::tileGeneration changes). Hit::model indexes
// the models given.
#include <span>
#include <vector>

#include "scene/bvh.h"
#include "site/gpu_scene.h"
#include "site/scene_loader.h"

namespace axis::site {

/// How `model` enters the BVH (pointing into it: it must outlive the build).
PlacedModel placedForPicking(const LoadedModel& model);

/// The BVH of `models`, each at its placement, and, for the tilesets among them, of the tiles
/// `tiles` drew last (a tile's hits report its tileset's index). Triangles that `siteCuts` with a
/// model's own cuts remove are left out (LoadedScene::clipping).
Bvh buildSiteBvh(std::span<const LoadedModel> models, const GpuScene* tiles = nullptr, const Clipping& siteCuts = {});

}  // namespace axis::site
