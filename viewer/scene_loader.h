#pragma once
// What the viewer's commands open: a model file, or a site (NAME.site.json) of many models with
// its points of interest, imported and placed in the site frame.
#include <filesystem>
#include <optional>
#include <vector>

#include "asset/import.h"
#include "core/error.h"
#include "poi/poi.h"
#include "scene/camera.h"
#include "scene/model.h"
#include "scene/site.h"

namespace axis::viewer {

struct LoadedModel {
    std::string id;
    Model model;
    glm::dmat4 modelToSite{1.0};
    Shading shading = Shading::Lit;
};

struct LoadedScene {
    std::vector<LoadedModel> models;
    Bounds bounds;  ///< Site frame.
    std::optional<Site> site;     ///< Set when a site file was opened.
    std::optional<PoiFile> pois;  ///< The site's points of interest, when it names a readable file.
    /// Named viewpoints worth showing (a site's start, overview and attract-tour stops), in order.
    std::vector<std::pair<std::string, Camera>> viewpoints;

    /// A named view: "start", "overview", or a POI id; nullopt when the scene has no such view.
    std::optional<Camera> namedView(const std::string& name) const;
};

struct LoadOptions {
    std::optional<UpAxis> up;        ///< Overrides a model file's up axis (single models only).
    std::optional<Shading> shading;  ///< Overrides each model's own or default shading.
};

bool isSiteFile(const std::filesystem::path& path);

/// Opens a model or a site. A site model that fails to import is reported (error naming the
/// file) and left out; the call fails only when nothing could be opened.
Expected<LoadedScene> loadScene(const std::filesystem::path& path, const LoadOptions& options,
                                const Progress& progress);

Camera toCamera(const Viewpoint& v);

}  // namespace axis::viewer
