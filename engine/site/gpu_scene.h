#pragma once
// A scene's models resident on one renderer's device, found by model id: what every path that
// draws (`render`, `record`, the stills, the window, the kiosk, the benchmarks) uploads and draws
// through, so that none re-implements it and no list of GPU models runs parallel to another.
// A 3D Tiles tileset is resident by need instead: each frame's update() selects its tiles for the
// view and streams them (site/tileset_stream.h); items() then draws the selected ones.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "site/scene_loader.h"
#include "site/tileset_stream.h"

namespace axis::site {

class GpuScene {
public:
    /// Uploads `model` to `renderer`'s device: its bake cache's streams when it was opened through
    /// the cache (cluster LOD, culling, texture levels by need), else its CPU model whole; a
    /// tileset gets its stream, which loads nothing until update(). A model of the same id is
    /// replaced. Render thread.
    void add(render::SceneRenderer& renderer, const LoadedModel& model);
    /// add() for every model of `scene`.
    void addAll(render::SceneRenderer& renderer, const LoadedScene& scene);

    /// What a frame will show, for the tilesets of `scene` (nothing to do without one).
    struct View {
        render::FrameView view;
        double heightPx = 1080.0;  ///< Of the target: turns geometric errors into pixels.
        /// Where dropped tiles wait for the frames that drew them (the window); null when every
        /// frame submitted so far has finished (stills and video frames).
        gpu::FrameRing* frames = nullptr;
        bool wait = false;  ///< Load every tile the view needs first (stills, video frames).
    };
    /// Once a frame before items(), render thread: tilesets select, load and drop their tiles.
    void update(render::SceneRenderer& renderer, const LoadedScene& scene, const View& view);
    /// For a still or a video frame (every frame before it finished): update() waiting for the
    /// tiles `view` needs on a target `heightPx` tall, then items(scene).
    std::vector<render::DrawItem> itemsForStill(render::SceneRenderer& renderer, const LoadedScene& scene,
                                                const render::FrameView& view, double heightPx);
    bool hasTilesets() const { return !tilesets_.empty(); }
    /// Changes whenever a tileset gains or drops a resident tile: picking then rebuilds.
    std::uint64_t tileGeneration() const;

    /// The draw list: each model of `scene` that is resident here and `visible` says to draw, at its
    /// placement, with `shading` deciding its shading (default: the model's own); for a tileset,
    /// the tiles its last update() selected.
    template <class Visible, class ShadingOf>
    std::vector<render::DrawItem> items(const LoadedScene& scene, Visible visible, ShadingOf shading) const {
        std::vector<render::DrawItem> out;
        for (std::size_t i = 0; i < scene.models.size(); ++i) {
            if (!visible(i)) continue;
            const LoadedModel& m = scene.models[i];
            const std::size_t first = out.size();
            if (const TilesetStream* t = findTileset(m.id)) t->appendItems(out, m.modelToSite, shading(i));
            else if (const render::GpuModel* gm = find(m.id)) out.push_back({gm, m.modelToSite, shading(i)});
            if (!scene.clipping.empty() || !m.clipping.empty()) {
                const Clipping cuts = scene.clipping.with(m.clipping);
                for (std::size_t k = first; k < out.size(); ++k) out[k].clipping = cuts;
            }
        }
        return out;
    }
    std::vector<render::DrawItem> items(const LoadedScene& scene) const {
        return items(scene, [](std::size_t) { return true; }, [&](std::size_t i) { return scene.models[i].shading; });
    }

    const render::GpuModel* find(const std::string& id) const;
    const TilesetStream* findTileset(const std::string& id) const;
    std::size_t size() const { return models_.size() + tilesets_.size(); }
    /// Frees every model: before the device goes (the caller makes sure the GPU is idle).
    void clear() {
        models_.clear();
        tilesets_.clear();
    }

private:
    std::map<std::string, std::unique_ptr<render::GpuModel>> models_;
    std::map<std::string, std::unique_ptr<TilesetStream>> tilesets_;
};

}  // namespace axis::site
