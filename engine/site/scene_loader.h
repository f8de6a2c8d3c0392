#pragma once
// What the viewer's commands open: a model file, a 3D Tiles tileset (tileset.json), or a site
// (NAME.site.json) of many models and tilesets with its points of interest, placed in the site frame.
//
// Model files go through the bake cache (asset/bake_cache.h): the first open bakes (progress is
// reported), later opens map the cache. A model that cannot be baked is imported directly, with
// a warning. AXIS_NO_CACHE=1 (or LoadOptions::useCache = false) skips the cache altogether;
// AXIS_CACHE_DIR chooses where caches live.
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "asset/bake_cache.h"
#include "asset/import.h"
#include "core/error.h"
#include "poi/poi.h"
#include "scene/camera.h"
#include "scene/clipping.h"
#include "scene/model.h"
#include "scene/site.h"

namespace axis::tiles {
struct Tileset;
}

namespace axis::site {

struct LoadedModel {
    std::string id;
    /// The CPU model. With LoadOptions::cpuModels false and `baked` set it carries only the
    /// metadata (source, format, up axis, bounds): no primitives, materials or textures.
    Model model;
    /// The bake cache the model was opened from; draw it with SceneRenderer::upload(*baked).
    std::optional<BakedModel> baked;
    glm::dmat4 modelToSite{1.0};
    Shading shading = Shading::Lit;
    /// A 3D Tiles tileset: its tree only (model holds its frame and bounds); the tiles stream in by
    /// need where it is drawn (site/tileset_stream.h). modelToSite places its local frame.
    std::shared_ptr<const tiles::Tileset> tileset;
    Clipping clipping;  ///< The model's own section planes and clip boxes (site frame).
};

/// How a site ties a model to the earth.
struct GeoReference {
    std::string crs;                     ///< Of the model's coordinates (ModelPlacement::crs); empty: none.
    std::optional<GeoOrigin> siteOrigin;  ///< Where the site frame's zero is; none: not georeferenced.
};

/// A site model not opened yet: what loadPendingModel needs (see openSiteDeferred).
struct PendingModel {
    std::string id;
    std::filesystem::path source;  ///< Absolute.
    UpAxis up = UpAxis::Y;
    glm::dmat4 modelToSite{1.0};  ///< The placement (ModelPlacement::transform()).
    Shading shading = Shading::Lit;
    GeoReference geo;
    Clipping clipping;
};

struct LoadedScene {
    std::vector<LoadedModel> models;
    /// Models still to open, in site order: filled by openSiteDeferred (the window streams them),
    /// always empty after loadScene.
    std::vector<PendingModel> pending;
    Bounds bounds;  ///< Site frame.
    /// Section planes and clip boxes of every model: the site's, unless the caller replaced them
    /// (`--clip-plane`, `--clip-box`); each model adds its own (LoadedModel::clipping).
    Clipping clipping;
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

/// A site without its models: site, POIs, viewpoints, and every visible model as `pending`.
/// Cheap (no model file is read), so a window can open at once and stream the models in.
Expected<LoadedScene> openSiteDeferred(const std::filesystem::path& path, const LoadOptions& options);

/// What the window opens: a site with a start view as openSiteDeferred (its models then stream in
/// while the window draws), anything else completely, as loadScene. A site without a start view
/// is framed from its models, so it has to wait for them.
Expected<LoadedScene> openForWindow(const std::filesystem::path& path, const LoadOptions& options,
                                    const Progress& progress);

/// Opens a model file (bake cache first, like loadScene) or a 3D Tiles tileset (its tree only) in
/// its own upright axes (modelAxesToSite); the id is the file's stem. Safe on a worker thread.
Expected<LoadedModel> openModelFile(const std::filesystem::path& path, std::optional<UpAxis> up,
                                    const LoadOptions& options, const Progress& progress);

/// Opens one pending model (bake cache first, like loadScene). Safe to call from a worker
/// thread: it touches nothing shared. The error names the model and its file.
Expected<LoadedModel> loadPendingModel(const PendingModel& pending, const LoadOptions& options,
                                       const Progress& progress);

/// A model's stored coordinates to its upright axes, before any site placement: its source
/// frame's origin added back in double and its up axis turned to +z; earth-centred coordinates
/// were stored east-north-up about their origin already, which then sits at zero.
glm::dmat4 modelAxesToSite(const Model& model);

/// Where a site puts a model: its placement (ModelPlacement::transform(), which turns the up axis
/// the site declares, `placementUp`) over the model's own axes. Those are, in a site with a
/// geographic origin, where the model is on the earth (its declared CRS, or earth-centred
/// coordinates) turned into the site's east-north-up frame through PROJ; otherwise
/// modelAxesToSite. A CRS PROJ does not know is reported (naming the model's file) and the model
/// placed by its own coordinates.
glm::dmat4 placedModelToSite(const glm::dmat4& placement, UpAxis placementUp, const Model& model,
                             const GeoReference& geo = {});

Camera toCamera(const Viewpoint& v);

/// Up to `maxCount` positions spread over the model in the site frame, from the CPU model or,
/// when that holds no geometry, from the baked vertex stream (for framing a view).
std::vector<glm::dvec3> samplePositions(const LoadedModel& model, std::size_t maxCount);

/// Shading for a model without an explicit choice: defaultShading() of its CPU model, or the same
/// rule applied to the baked tables.
Shading defaultShading(const LoadedModel& model);

}  // namespace axis::site
