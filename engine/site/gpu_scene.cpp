#include "site/gpu_scene.h"

namespace axis::site {

void GpuScene::add(render::SceneRenderer& renderer, const LoadedModel& model) {
    if (model.tileset) {
        models_.erase(model.id);
        tilesets_[model.id] = std::make_unique<TilesetStream>(model.tileset, model.id, LoadOptions{});
        return;
    }
    tilesets_.erase(model.id);
    models_[model.id] = model.baked ? renderer.upload(*model.baked) : renderer.upload(model.model);
}

void GpuScene::addAll(render::SceneRenderer& renderer, const LoadedScene& scene) {
    for (const LoadedModel& m : scene.models) add(renderer, m);
}

void GpuScene::update(render::SceneRenderer& renderer, const LoadedScene& scene, const View& view) {
    for (const LoadedModel& m : scene.models) {
        auto it = tilesets_.find(m.id);
        if (it == tilesets_.end()) continue;
        TilesetStream::Frame frame;
        frame.request.camera = view.view.camera;
        frame.request.modelToSite = m.modelToSite;
        frame.request.viewportHeightPx = view.heightPx;
        frame.request.aspect = view.view.aspect;
        frame.request.pixelErrorBound = view.view.pixelErrorBound;
        frame.request.frustumCull = view.view.frustumCull;
        frame.frames = view.frames;
        frame.wait = view.wait;
        it->second->update(renderer, frame);
    }
}

std::vector<render::DrawItem> GpuScene::itemsForStill(render::SceneRenderer& renderer, const LoadedScene& scene,
                                                     const render::FrameView& view, double heightPx) {
    update(renderer, scene, {view, heightPx, nullptr, true});
    return items(scene);
}

std::uint64_t GpuScene::tileGeneration() const {
    std::uint64_t sum = 0;
    for (const auto& [id, stream] : tilesets_) sum += stream->generation();
    return sum;
}

const render::GpuModel* GpuScene::find(const std::string& id) const {
    auto it = models_.find(id);
    return it == models_.end() ? nullptr : it->second.get();
}

const TilesetStream* GpuScene::findTileset(const std::string& id) const {
    auto it = tilesets_.find(id);
    return it == tilesets_.end() ? nullptr : it->second.get();
}

}  // namespace axis::site
