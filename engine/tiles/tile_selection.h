#pragma once
// Which tiles of a tileset one view draws and needs. A tile is refined into its children while its
// geometric error, seen from the camera, is more pixels than LodRequest::pixelErrorBound (the same
// threshold, and the same projection, as the cluster LOD: scene/lod.h projectedErrorPx). REPLACE
// refinement draws the children instead of the tile only once every child in view is resident (or
// covered by its own resident children), and the tile meanwhile (no holes while finer tiles load);
// ADD draws the tile and its children. A tile
// the view needs that is not resident yet is stood in for by the resident tiles below it.
#include <cstdint>
#include <functional>
#include <vector>

#include "scene/lod.h"
#include "tiles/tileset.h"

namespace axis::tiles {

enum class ContentState : std::uint8_t {
    Missing,   ///< Not loaded (or loading).
    Resident,  ///< Loaded and drawable.
    Failed,    ///< Cannot be loaded: counts as resident with nothing to draw, so refinement goes on.
};

struct TileSelection {
    std::vector<std::uint32_t> draw;    ///< Resident tiles to draw (stand-ins included), in tree order.
    std::vector<std::uint32_t> wanted;  ///< Tiles whose content the view uses, most urgent first.
    std::uint32_t missing = 0;          ///< Of `wanted`, not resident yet.
};

/// `request.modelToSite` places the tileset's local frame in the site. `state` tells what each
/// tile's content is (it is asked only about tiles with content).
TileSelection selectTiles(const Tileset& tileset, const LodRequest& request,
                          const std::function<ContentState(std::uint32_t)>& state);

}  // namespace axis::tiles
