#include "viewer/scene_loader.h"

namespace axis::viewer {

Expected<LoadedScene> loadScene(const std::filesystem::path& path, const LoadOptions& options,
                                const Progress& progress) {
    ImportOptions importOptions;
    importOptions.up = options.up;
    auto model = importModel(path, importOptions, progress);
    if (!model) return model.error();
    LoadedScene scene;
    LoadedModel loaded;
    loaded.modelToSite = upAxisToZUp(model->up);
    loaded.shading = options.shading.value_or(defaultShading(*model));
    loaded.model = std::move(*model);
    scene.bounds.add(loaded.model.bounds.transformed(loaded.modelToSite));
    scene.models.push_back(std::move(loaded));
    return scene;
}

}  // namespace axis::viewer
