#pragma once
// What the viewer's commands open: a single model file (and later a site of many), imported into
// models placed in the site frame.
#include <filesystem>
#include <optional>
#include <vector>

#include "asset/import.h"
#include "core/error.h"
#include "scene/camera.h"
#include "scene/model.h"

namespace axis::viewer {

struct LoadedModel {
    Model model;
    glm::dmat4 modelToSite{1.0};
    Shading shading = Shading::Lit;
};

struct LoadedScene {
    std::vector<LoadedModel> models;
    Bounds bounds;  ///< Site frame.
    /// Named viewpoints worth showing (a site's start view and tour stops), in order.
    std::vector<std::pair<std::string, Camera>> viewpoints;
};

struct LoadOptions {
    std::optional<UpAxis> up;
    std::optional<Shading> shading;  ///< Overrides each model's own or default shading.
};

Expected<LoadedScene> loadScene(const std::filesystem::path& path, const LoadOptions& options,
                                const Progress& progress);

}  // namespace axis::viewer
