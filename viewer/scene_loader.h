#pragma once
// What the viewer's commands open: a model file, or a site (NAME.site.json) of many models with
// its points of interest, imported and placed in the site frame.
//
// Model files go through the bake cache (asset/bake_cache.h): the first open bakes (progress is
// reported), later opens map the cache. A model that cannot be baked is imported directly, with
// a warning. AXIS_NO_CACHE=1 (or LoadOptions::useCache = false) skips the cache altogether;
// AXIS_CACHE_DIR chooses where caches live.
#include <filesystem>
#include <optional>
#include <vector>

#include "asset/bake_cache.h"
#include "asset/import.h"
#include "core/error.h"
#include "poi/poi.h"
#include "scene/camera.h"
#include "scene/model.h"
#include "scene/site.h"

namespace axis::viewer {

struct LoadedModel {
    std::string id;
    /// The CPU model. With LoadOptions::cpuModels false and `baked` set it carries only the
    /// metadata (source, format, up axis, bounds): no primitives, materials or textures.
    Model model;
    /// The bake cache the model was opened from; draw it with SceneRenderer::upload(*baked).
    std::optional<BakedModel> baked;
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

/// True when AXIS_NO_CACHE is set to anything but "0" or "".
bool cacheDisabledByEnvironment();

struct LoadOptions {
    std::optional<UpAxis> up;        ///< Overrides a model file's up axis (single models only).
    std::optional<Shading> shading;  ///< Overrides each model's own or default shading.
    bool useCache = !cacheDisabledByEnvironment();  ///< Open model files through the bake cache.
    /// Also decode each baked model into LoadedModel::model (picking, statistics, code that has
    /// not moved to the baked path). Off for rendering only: memory then holds the cache once.
    bool cpuModels = true;
};

bool isSiteFile(const std::filesystem::path& path);

/// Opens a model or a site. A site model that fails to import is reported (error naming the
/// file) and left out; the call fails only when nothing could be opened.
Expected<LoadedScene> loadScene(const std::filesystem::path& path, const LoadOptions& options,
                                const Progress& progress);

Camera toCamera(const Viewpoint& v);

/// Up to `maxCount` positions spread over the model in the site frame, from the CPU model or,
/// when that holds no geometry, from the baked vertex stream (for framing a view).
std::vector<glm::dvec3> samplePositions(const LoadedModel& model, std::size_t maxCount);

/// Shading for a model without an explicit choice: defaultShading() of its CPU model, or the same
/// rule applied to the baked tables.
Shading defaultShading(const LoadedModel& model);

}  // namespace axis::viewer
