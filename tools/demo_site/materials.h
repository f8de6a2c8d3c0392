#pragma once
// The demo's material catalogue: what each part name in a Mesh means in glTF. Meshes carry UVs
// in metres; the GLB writer divides them by `repeatMetres` so that a texture keeps its real size
// (a brick is a brick on every wall).
#include <string>

#include <glm/glm.hpp>

namespace demo {

struct MaterialDef {
    std::string texture;     ///< Name for makeTexture(), or empty for a plain colour.
    glm::vec4 color{1.0f};   ///< Linear base colour factor (multiplies the texture).
    float roughness = 0.9f;
    float metallic = 0.0f;
    double repeatMetres = 4.0;  ///< Metres covered by one copy of the texture.
};

/// The definition of a part name; throws std::out_of_range for a name not in the catalogue.
const MaterialDef& materialDef(const std::string& name);

}  // namespace demo
