#pragma once
// 3D Tiles 1.1 implicit tiling, internal to engine/tiles: a tile that declares `implicitTiling`
// is the root of a quadtree or octree whose tiles are not listed but found in subtree files
// (availability bitstreams in Morton order), with volumes that subdivide the root's and geometric
// errors that halve per level. They are expanded into the same flat tree as explicit tiles.
#include <filesystem>
#include <string>

#include <glm/glm.hpp>
#include <nlohmann/json_fwd.hpp>

#include "tiles/tileset.h"

namespace axis::tiles::detail {

struct ImplicitRoot {
    std::uint32_t tile = 0;      ///< The tile declaring implicitTiling, already in the set: level 0.
    std::filesystem::path file;  ///< The tileset file that holds it (URIs are relative to it).
    glm::dmat4 toSource{1.0};    ///< The root's transform, accumulated.
    std::string name;            ///< The root's path, for messages and tile names.
};

/// Adds the implicit tree below `root.tile` (`node` is its JSON) to `set`, reading subtree files
/// as it goes down. A subtree that cannot be read, or that lies, is left out with a warning in
/// Tileset::warnings naming its file; the expansion stops at the limits' tile count and depth.
void expandImplicit(Tileset& set, const nlohmann::json& node, const ImplicitRoot& root, const TilesetLimits& limits);

}  // namespace axis::tiles::detail
