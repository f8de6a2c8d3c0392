#pragma once
// Texture mip levels resident by need, within a byte budget (DESIGN.md, "Residency").
//
// A baked model's textures start on the GPU with the coarse levels its cache stores decoded
// (render/gpu_model.h, StreamedTexture). Each frame the renderer hands update() what its clusters
// need (render/texture_demand.h); finer levels are then decoded from the cache's image bytes on
// worker threads, nearest first, and swapped in on the render thread: a new image of the finer
// levels plus the old ones copied on the GPU, and the material sets rewritten. Over the budget,
// textures no frame has needed lately drop back to their stored levels, least recently needed
// first; within it, so do (a few an update) those no frame has needed for 180 updates, so that
// memory follows what is on screen. A texture the budget cannot take stays coarser (capped) and
// the frame still draws.
//
// Offline paths (stills, video) call update() and waitForDecodes() until satisfied() before they
// draw (SceneRenderer::makeTexturesResident); the window only calls update(), never waits, and
// sharpens as decodes land.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "asset/bake_cache.h"
#include "render/gpu_model.h"
#include "render/texture_demand.h"

namespace axis::gpu {
class Context;
class FrameRing;
}

namespace axis::render {

/// The default budget: $AXIS_TEXTURE_BUDGET_MB when set; on a CPU device (lavapipe, where device
/// memory is the process's) 512 MiB; else a quarter of the largest device-local heap, from 256 MiB
/// to 4 GiB.
std::uint64_t defaultTextureBudget(const gpu::Context& context);

class TextureResidency {
public:
    TextureResidency(gpu::Context& context, std::uint64_t budgetBytes);
    /// Stops the workers after the decodes under way.
    ~TextureResidency();
    TextureResidency(const TextureResidency&) = delete;
    TextureResidency& operator=(const TextureResidency&) = delete;

    /// One frame's needs for the models of `items`. Applies decodes that finished (waiting first
    /// for the frames in flight, since images and material sets change) when `mayApply`, evicts
    /// within the budget, and requests the finer levels still missing, nearest first. Render
    /// thread, before any draw of these models is recorded in the current frame.
    void update(gpu::FrameRing& frames, std::span<const DrawItem> items, std::span<const TextureNeed> needs,
                bool mayApply);
    /// True when the last update's needs are all met, or cannot be (a failed decode, the budget).
    bool satisfied() const { return unmet_ == 0; }
    /// Blocks until a requested decode finishes (returns at once when none is under way).
    void waitForDecodes();

    std::uint64_t budget() const { return budget_; }
    void setBudget(std::uint64_t bytes) { budget_ = bytes; }
    /// Bytes of the streamed textures of the last update's models on the GPU.
    std::uint64_t residentBytes() const { return residentBytes_; }
    /// Levels decoded and swapped in since start, for tests and the stats panel.
    std::uint64_t levelsStreamed() const { return levelsStreamed_; }

private:
    struct Job {
        std::uint64_t model = 0;
        std::uint32_t texture = 0, from = 0, to = 0;  ///< Decode levels [to, from).
        double distance = 0.0;
        BakedTexture source;
        std::shared_ptr<const MappedFile> cache;  ///< Keeps what `source` points into mapped.
    };
    struct Result {
        std::uint64_t model = 0;
        std::uint32_t texture = 0, from = 0, to = 0;
        std::vector<Texture::Level> levels;  ///< Empty with `error` set when decoding failed.
        std::string error;
    };
    void work(std::stop_token stop);
    static Result decode(const Job& job);
    void noteNeeds(std::span<const TextureNeed> needs);
    void apply(gpu::FrameRing& frames, std::span<const DrawItem> items);
    void dropIdle(gpu::FrameRing& frames, std::span<const DrawItem> items);
    bool makeRoom(std::uint64_t bytes, std::span<const DrawItem> items, std::vector<StreamedTexture*>& shrink);
    void request(std::span<const DrawItem> items);
    void rebuild(const GpuModel& model, std::uint32_t texture, std::span<const Texture::Level> finer,
                 std::uint32_t newLevel);
    void countResident(std::span<const DrawItem> items);

    gpu::Context& context_;
    std::uint64_t budget_;
    std::uint64_t frame_ = 0;
    std::uint64_t residentBytes_ = 0, levelsStreamed_ = 0;
    std::uint32_t unmet_ = 0;
    std::size_t inFlight_ = 0;  ///< Requested, result not yet taken (render thread).
    std::size_t maxInFlight_ = 2;

    std::mutex mutex_;
    std::condition_variable jobReady_, resultReady_;
    std::deque<Job> jobs_;
    std::vector<Result> results_;
    std::vector<std::jthread> workers_;  ///< Last: started once everything they use exists.
};

}  // namespace axis::render
