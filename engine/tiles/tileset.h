#pragma once
// A 3D Tiles tileset (1.0 and 1.1) as one flat tree: the tileset.json, every external tileset
// its tiles name as content and the subtree files of implicit tiling, read at open (small files;
// the tile contents are not read here). Tile i's children come after it; tile 0 is the root.
//
// Frames: tile transforms are accumulated in double from the root. 3D Tiles is z-up; glTF contents
// are y-up and turned to z-up by their own axes (scene/model.h UpAxis), as the specification says.
// A tileset placed on the earth (its root more than 1000 km from zero: earth-centred coordinates,
// EPSG:4978, as Cesium and ContextCapture write them) is expressed in the east-north-up frame at
// the root's centre, so that every number the renderer sees is small; `localToSource` takes that
// frame back to earth-centred coordinates. A root more than 10 km from zero otherwise (projected
// coordinates) is moved to zero by a translation; else the local frame is the tileset's own.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/error.h"
#include "geo/geodesy.h"
#include "scene/model.h"

namespace axis::tiles {

enum class Refine : std::uint8_t { Replace, Add };

struct Tile {
    std::string name;             ///< For messages: the tileset file and the path of child indices, "root/0/3".
    glm::dmat4 toLocal{1.0};      ///< The tile's content coordinates to the tileset's local frame.
    glm::dvec4 sphere{0.0};       ///< Bounding sphere in the local frame (xyz centre, w radius).
    double geometricError = 0.0;  ///< Metres of error when this tile is drawn instead of its children.
    Refine refine = Refine::Replace;
    std::filesystem::path content;  ///< A tile content file (glb, gltf, b3dm, pnts...); empty: none.
    std::uint32_t parent = UINT32_MAX;
    std::uint32_t depth = 0;
    std::vector<std::uint32_t> children;

    bool hasContent() const { return !content.empty(); }
};

struct Tileset {
    std::filesystem::path file;           ///< The tileset.json opened.
    std::string version;                  ///< asset.version: "1.0", "1.1".
    std::vector<Tile> tiles;              ///< Never empty: tiles[0] is the root.
    glm::dmat4 localToSource{1.0};        ///< See the header comment.
    bool earthCentred = false;            ///< The source frame is ECEF; localToSource is ENU at `centre`.
    std::optional<geo::Geodetic> centre;  ///< Geographic position of the root's centre, when earth-centred.
    std::vector<std::string> warnings;    ///< Problems that left a tile or an external tileset out.
    Bounds rootBox;                       ///< The root's bounding volume as a box, local frame.

    std::size_t contentCount() const;
    std::uint32_t depth() const;  ///< Deepest tile's depth (root 0).
    Bounds localBounds() const;   ///< rootBox.
};

struct TilesetLimits {
    std::size_t maxTiles = 2'000'000;  ///< Over all external tilesets together.
    std::uint32_t maxDepth = 64;
    std::uintmax_t maxJsonBytes = 256ull << 20;  ///< Per tileset.json.
};

/// True when `path` names a tileset: a .json file whose top level has "asset" and "root".
bool isTilesetFile(const std::filesystem::path& path);

/// Reads `path` and its external tilesets. Fails (message naming the file and the field) only when
/// the root tileset itself is unreadable; a broken external tileset or tile is left out, with a
/// warning in Tileset::warnings naming its file and tile.
Expected<Tileset> loadTileset(const std::filesystem::path& path, const TilesetLimits& limits = {});

/// The lines `axisview info` prints for a tileset.
std::string describeTileset(const Tileset& tileset);

}  // namespace axis::tiles
