#pragma once
// Model import: any file Assimp reads, plus Draco glTF and PLY triangle strips.
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/progress.h"
#include "scene/model.h"

namespace axis {

struct ImportOptions {
    /// Overrides the up axis guessed from the format (glTF/FBX/DAE: y; PLY/STL/OBJ: see import.cpp).
    std::optional<UpAxis> up;
    bool loadTextures = true;
};

/// Imports a model. Never throws or aborts on bad input: an empty, truncated, corrupt or lying
/// file gives an Error whose message starts with the path. A missing texture is not an error:
/// the material gets a visible fallback texture and a warning naming the file is logged.
Expected<Model> importModel(const std::filesystem::path& path, const ImportOptions& options = {},
                            const Progress& progress = {});

/// The lines `axisview info` prints: format, meshes, triangles, points, vertices, materials,
/// textures, bounds.
std::string describeModel(const Model& model);

}  // namespace axis
