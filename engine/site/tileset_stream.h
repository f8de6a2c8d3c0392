#pragma once
// A 3D Tiles tileset resident by need on one renderer's device: each frame the view selects its
// tiles (tiles/tile_selection.h); the contents it needs and lacks are opened on worker threads
// through the bake cache, like any model file (a tile content is a small model: its cut and its
// texture levels then stream by need too); arrived tiles are uploaded on the render thread, and
// tiles no view wanted lately are dropped, least recently wanted first, once the resident ones
// pass the budget. Only what the view selects is ever read: the first frame of a tileset seen from
// afar needs its root alone.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "render/gpu_model.h"
#include "render/scene_renderer.h"
#include "site/scene_loader.h"
#include "tiles/tile_selection.h"

namespace axis::gpu {
class FrameRing;
}

namespace axis::site {

/// Bytes of tile contents kept resident: $AXIS_TILE_BUDGET_MB, else 768 MiB.
std::uint64_t defaultTileBudget();

class TilesetStream {
public:
    TilesetStream(std::shared_ptr<const tiles::Tileset> tileset, std::string id, LoadOptions options,
                  std::uint64_t budgetBytes = defaultTileBudget());
    /// Stops the workers after the tiles they are opening.
    ~TilesetStream();
    TilesetStream(const TilesetStream&) = delete;
    TilesetStream& operator=(const TilesetStream&) = delete;

    struct Frame {
        LodRequest request;  ///< The view; modelToSite places the tileset's local frame.
        /// Where dropped tiles go until the frames that drew them finished; null when every
        /// frame submitted so far has finished (stills, video frames).
        gpu::FrameRing* frames = nullptr;
        bool wait = false;  ///< Open every tile the view needs before returning (stills, video).
    };
    /// Once a frame, render thread, before drawItems(): uploads the tiles that arrived, selects
    /// for the view, queues what it lacks nearest and coarsest first, drops what is over budget.
    void update(render::SceneRenderer& renderer, const Frame& frame);
    /// The tiles the last update selected that are resident, placed by `tilesetToSite`.
    void appendItems(std::vector<render::DrawItem>& out, const glm::dmat4& tilesetToSite, Shading shading) const;

    /// The tiles the last update drew, as opened models placed in the tileset's local frame: the
    /// surface on screen, for picking and walking.
    std::vector<const LoadedModel*> drawnModels() const;
    /// Grows whenever the tiles drawn or resident change; picking rebuilds when it does.
    std::uint64_t generation() const { return generation_; }

    struct Stats {
        std::size_t resident = 0, drawn = 0, missing = 0, failed = 0, loaded = 0, dropped = 0;
        std::uint64_t residentBytes = 0;
    };
    const Stats& stats() const { return stats_; }
    const tiles::Tileset& tileset() const { return *tileset_; }

private:
    struct Slot {
        enum class State : std::uint8_t { Missing, Queued, Resident, Failed } state = State::Missing;
        std::optional<LoadedModel> model;  ///< modelToSite: content to the tileset's local frame.
        std::unique_ptr<render::GpuModel> gpu;
        std::uint64_t bytes = 0;
        std::uint64_t lastWanted = 0;
    };
    struct Arrival {
        std::uint32_t tile = 0;
        Expected<LoadedModel> model;
    };

    void work(std::stop_token stop);
    std::size_t takeArrivals(render::SceneRenderer& renderer, std::size_t most);
    void place(std::uint32_t tile, LoadedModel model, render::SceneRenderer& renderer);
    void coverContent(std::uint32_t tile, const Bounds& content);
    tiles::TileSelection select(const LodRequest& request);
    void queue(const tiles::TileSelection& selection);
    void openPlanned(render::SceneRenderer& renderer, const LodRequest& request);
    void dropOverBudget(gpu::FrameRing* frames);
    void waitForArrival();

    std::shared_ptr<tiles::Tileset> tileset_;  // Its own copy: volumes that lie are grown (coverContent).
    std::string id_;                           // The site model's, for messages.
    LoadOptions options_;
    std::uint64_t budget_;
    std::vector<Slot> slots_;          // Parallel to tileset_->tiles; render thread only.
    std::vector<std::uint32_t> draw_;  // The last update's.
    std::uint64_t frame_ = 0, generation_ = 0;
    Stats stats_;

    std::mutex mutex_;
    std::condition_variable_any jobReady_;  // _any: workers wait on it with their stop token.
    std::condition_variable arrived_;
    std::deque<std::uint32_t> jobs_;  // Most urgent first; replaced by every update.
    std::vector<Arrival> arrivals_;
    std::vector<std::jthread> workers_;  // Last: started once everything they use exists.
};

}  // namespace axis::site
