#pragma once
// A scene's models resident on one renderer's device, found by model id: what every path that
// draws (`render`, `record`, the stills, the window, the kiosk, the benchmarks) uploads and draws
// through, so that none re-implements it and no list of GPU models runs parallel to another.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "site/scene_loader.h"

namespace axis {

class GpuScene {
public:
    /// Uploads `model` to `renderer`'s device: its bake cache's streams when it was opened through
    /// the cache (cluster LOD, culling, texture levels by need), else its CPU model whole. A model
    /// of the same id is replaced. Render thread.
    void add(render::SceneRenderer& renderer, const LoadedModel& model);
    /// add() for every model of `scene`.
    void addAll(render::SceneRenderer& renderer, const LoadedScene& scene);

    /// The draw list: each model of `scene` that is resident here and `visible` says to draw, at its
    /// placement, with `shading` deciding its shading (default: the model's own).
    template <class Visible, class ShadingOf>
    std::vector<render::DrawItem> items(const LoadedScene& scene, Visible visible, ShadingOf shading) const {
        std::vector<render::DrawItem> out;
        for (std::size_t i = 0; i < scene.models.size(); ++i)
            if (const render::GpuModel* gm = find(scene.models[i].id); gm && visible(i))
                out.push_back({gm, scene.models[i].modelToSite, shading(i)});
        return out;
    }
    std::vector<render::DrawItem> items(const LoadedScene& scene) const {
        return items(scene, [](std::size_t) { return true; }, [&](std::size_t i) { return scene.models[i].shading; });
    }

    const render::GpuModel* find(const std::string& id) const;
    std::size_t size() const { return models_.size(); }
    /// Frees every model: before the device goes (the caller makes sure the GPU is idle).
    void clear() { models_.clear(); }

private:
    std::map<std::string, std::unique_ptr<render::GpuModel>> models_;
};

}  // namespace axis
