#pragma once
// A minimal glTF 2.0 binary (GLB) writer for demo meshes: one node, one mesh, one primitive per
// material, uint32 indices, PNG textures embedded in the binary chunk. glTF is y-up, so the
// east-north-up mesh (x, y, z) is written as (x, z, -y); the site file says "up": "y" and
// upAxisToZUp() turns it back.
#include <cstdint>
#include <string>
#include <vector>

#include "mesh.h"

namespace demo {

std::vector<std::uint8_t> writeGlb(const Mesh& mesh, const std::string& name);

}  // namespace demo
