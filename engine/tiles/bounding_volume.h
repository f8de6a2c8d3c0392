#pragma once
// 3D Tiles bounding volumes (box, region, sphere) as bounding spheres in the tileset's source
// frame: a sphere is enough to cull a tile and to turn its geometric error into pixels.
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json_fwd.hpp>

#include "core/error.h"

namespace axis::tiles {

struct Volume {
    glm::dvec4 sphere{0.0};  ///< xyz centre, w radius.
    /// Points whose hull holds the volume (a box's corners, a grid over a region): a box around
    /// them in another frame is tighter than the sphere's.
    std::vector<glm::dvec3> hull;
};

/// The sphere (xyz centre, w radius) and box around `volume` (a tile's boundingVolume object). A box or a
/// sphere is in the tile's coordinates, moved by `tileToSource`; a region (radians and metres on
/// WGS84) is earth-centred already, which the specification says transforms do not move. The error
/// names the field; `where` prefixes it (file and tile).
Expected<Volume> boundingVolume(const nlohmann::json& volume, const glm::dmat4& tileToSource, const std::string& where);

/// Largest factor by which `m` scales a length.
double largestScale(const glm::dmat4& m);

}  // namespace axis::tiles
