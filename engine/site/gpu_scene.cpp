#include "site/gpu_scene.h"

namespace axis {

void GpuScene::add(render::SceneRenderer& renderer, const LoadedModel& model) {
    models_[model.id] = model.baked ? renderer.upload(*model.baked) : renderer.upload(model.model);
}

void GpuScene::addAll(render::SceneRenderer& renderer, const LoadedScene& scene) {
    for (const LoadedModel& m : scene.models) add(renderer, m);
}

const render::GpuModel* GpuScene::find(const std::string& id) const {
    auto it = models_.find(id);
    return it == models_.end() ? nullptr : it->second.get();
}

}  // namespace axis
