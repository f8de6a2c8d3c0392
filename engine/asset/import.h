#pragma once
// Model import: any file Assimp reads, plus Draco glTF, PLY triangle strips, LAS and the OGC
// 3D Tiles tile contents (b3dm, pnts, cmpt).
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/progress.h"
#include "scene/model.h"

namespace axis {

struct ImportOptions {
    /// Overrides the up axis. Otherwise glTF/GLB/FBX/DAE/3DS and other Assimp formats are y-up;
    /// PLY, OBJ, OFF (fallback y) and STL (fallback z) are guessed by guessUpAxis (up_axis.h).
    std::optional<UpAxis> up;
    bool loadTextures = true;
    /// Decode only each texture's coarse mip levels (sides up to this many texels) and keep the
    /// image file's bytes for the rest (Texture::encoded): what the bake stores. 0 decodes all.
    std::uint32_t decodedTextureSide = 0;
};

/// Imports a model. Never throws or aborts on bad input: a missing, empty, truncated, corrupt or
/// lying file gives an Error whose message starts with the path. A missing texture is not an
/// error: the material gets a visible fallback texture and one warning naming the file is logged.
/// The node hierarchy is flattened: one Primitive per mesh instance, node transforms baked in.
/// UVs follow glTF: (0,0) is the first (top-left) texel of Texture::levels[0], for every format.
/// Reads PLY itself (all encodings, triangle strips, point clouds) and Draco glTF/GLB with
/// libdraco; everything else through Assimp. 3D Tiles contents (b3dm, pnts, cmpt: by extension
/// or magic) keep their tileset's frame: RTC centres join SourceFrame::origin, b3dm/glTF are
/// y-up, point clouds z-up; i3dm is refused. Safe to call from several threads at once.
Expected<Model> importModel(const std::filesystem::path& path, const ImportOptions& options = {},
                            const Progress& progress = {});

/// The lines `axisview info` prints: format, meshes, triangles, points, vertices, materials,
/// textures, bounds.
std::string describeModel(const Model& model);

}  // namespace axis
