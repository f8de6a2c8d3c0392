#include "viewer/scene_loader.h"

#include "core/file_io.h"
#include "core/log.h"

namespace axis::viewer {
namespace {

void addModel(LoadedScene& scene, LoadedModel loaded) {
    scene.bounds.add(loaded.model.bounds.transformed(loaded.modelToSite));
    scene.models.push_back(std::move(loaded));
}

Expected<LoadedScene> loadModelFile(const std::filesystem::path& path, const LoadOptions& options,
                                    const Progress& progress) {
    ImportOptions importOptions;
    importOptions.up = options.up;
    auto model = importModel(path, importOptions, progress);
    if (!model) return model.error();
    LoadedScene scene;
    LoadedModel loaded;
    loaded.id = path.stem().string();
    loaded.modelToSite = upAxisToZUp(model->up);
    loaded.shading = options.shading.value_or(defaultShading(*model));
    loaded.model = std::move(*model);
    addModel(scene, std::move(loaded));
    return scene;
}

void addSiteViewpoints(LoadedScene& scene) {
    const Site& site = *scene.site;
    if (site.start) scene.viewpoints.emplace_back("start", toCamera(*site.start));
    if (site.overview) scene.viewpoints.emplace_back("overview", toCamera(*site.overview));
    if (!scene.pois) return;
    const Tour* tour = site.kiosk ? site.findTour(site.kiosk->attractTour) : nullptr;
    if (!tour && !site.tours.empty()) tour = &site.tours.front();
    if (!tour) return;
    for (const auto& stop : tour->stops)
        if (const Poi* poi = scene.pois->find(stop.poi); poi && poi->viewpoint)
            scene.viewpoints.emplace_back(poi->id, toCamera(*poi->viewpoint));
}

Expected<LoadedScene> loadSiteFile(const std::filesystem::path& path, const LoadOptions& options,
                                   const Progress& progress) {
    auto site = loadSite(path);
    if (!site) return site.error();
    for (const auto& problem : site->problems) logWarn(problem);
    LoadedScene scene;
    const size_t count = site->models.size();
    for (size_t i = 0; i < count; ++i) {
        const ModelPlacement& placement = site->models[i];
        if (!placement.visible) continue;
        progress.report("loading " + placement.id, double(i) / double(count));
        ImportOptions importOptions;
        importOptions.up = placement.up;
        auto model = importModel(placement.resolvedSource, importOptions);
        if (!model) {
            logError(path.filename().string() + ": model '" + placement.id + "': " + model.error().message);
            continue;
        }
        addModel(scene, {placement.id, std::move(*model), placement.transform(),
                         options.shading.value_or(placement.shading)});
    }
    progress.report("loading models", 1.0);
    if (scene.models.empty() && count > 0) return makeError(path.string(), "none of the site's models could be opened");
    if (!site->pois.empty()) {
        auto pois = loadPois(site->poisPath());
        if (pois) {
            for (const auto& problem : pois->problems) logWarn(problem);
            scene.pois = std::move(*pois);
        } else {
            logError(pois.error().message);
        }
    }
    scene.site = std::move(*site);
    addSiteViewpoints(scene);
    return scene;
}

}  // namespace

Camera toCamera(const Viewpoint& v) { return Camera::fromHeading(v.position, v.yaw, v.pitch, v.fov); }

bool isSiteFile(const std::filesystem::path& path) { return lowerExtension(path) == "json"; }

std::optional<Camera> LoadedScene::namedView(const std::string& name) const {
    if (site && name == "start" && site->start) return toCamera(*site->start);
    if (site && name == "overview" && site->overview) return toCamera(*site->overview);
    if (pois)
        if (const Poi* poi = pois->find(name); poi && poi->viewpoint) return toCamera(*poi->viewpoint);
    return std::nullopt;
}

Expected<LoadedScene> loadScene(const std::filesystem::path& path, const LoadOptions& options,
                                const Progress& progress) {
    return isSiteFile(path) ? loadSiteFile(path, options, progress) : loadModelFile(path, options, progress);
}

}  // namespace axis::viewer
