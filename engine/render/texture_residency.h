#pragma once
// Texture mip levels resident by need, within a byte budget (DESIGN.md, "Residency").
//
// A baked model's textures start on the GPU with the coarse levels its cache stores decoded
// (render/gpu_model.h, StreamedTexture). Each frame the renderer hands update() what its clusters
// need (render/texture_demand.h); finer levels are then decoded from the cache's image bytes on
// worker threads, nearest first, and swapped in on the render thread: a new image of the finer
// levels plus the old ones copied on the GPU, recorded into the frame (the window never waits for
// the GPU), and the material sets rewritten, each frame slot's copy when that slot records. Over the budget,
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
#include "gpu/upload.h"
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

    /// How an update may swap in finished decodes.
    enum class Apply {
        No,         ///< Not at all: this frame's command buffer already binds the material sets.
        IntoFrame,  ///< Recording their copies into the current frame's command buffer (outside
                    ///< any rendering); nothing waits (the window, each frame of a video).
        Waiting,    ///< Before a frame begins: the frames in flight finish, the copies are
                    ///< submitted and waited for (SceneRenderer::makeResident).
    };
    /// One frame's needs for the models of `items`. Applies decodes that finished as `mode`
    /// allows, evicts within the budget, and requests the finer levels still missing, nearest
    /// first. Render thread, before any draw of these models is recorded in the current frame.
    void update(gpu::FrameRing& frames, std::span<const DrawItem> items, std::span<const TextureNeed> needs,
                Apply mode);
    /// True when the last update's needs are all met, or cannot be (a failed decode, the budget).
    bool satisfied() const { return unmet_ == 0; }
    /// Textures of the last update drawn coarser than needed whose finer levels may still come.
    std::uint32_t unmet() const { return unmet_; }
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
        std::uint64_t bytes = 0;                      ///< Of those levels, RGBA8.
        double distance = 0.0;
        BakedTexture source;
        std::shared_ptr<const MappedFile> cache;  ///< Keeps what `source` points into mapped.
    };
    struct Result {
        std::uint64_t model = 0;
        std::uint32_t texture = 0, from = 0, to = 0;
        std::uint64_t bytes = 0;
        gpu::StagedMips levels;  ///< In an upload buffer already; empty with `error` set when decoding failed.
        std::string error;
    };
    void work(std::stop_token stop);
    Result decode(const Job& job);
    void noteNeeds(std::span<const TextureNeed> needs);
    void refreshSets(std::uint32_t slot, std::span<const DrawItem> items);
    void refreshOne(const GpuModel& model, std::uint32_t texture, std::uint32_t slot);
    void apply(std::span<const DrawItem> items);
    void dropIdle(std::span<const DrawItem> items);
    bool makeRoom(std::uint64_t bytes, std::span<const DrawItem> items, std::vector<StreamedTexture*>& shrink);
    void request(std::span<const DrawItem> items);
    void rebuild(const GpuModel& model, std::uint32_t texture, gpu::StagedMips finer, std::uint32_t newLevel);
    void countResident(std::span<const DrawItem> items);

    gpu::Context& context_;
    std::uint64_t budget_;
    std::uint64_t frame_ = 0;
    std::uint64_t residentBytes_ = 0, levelsStreamed_ = 0;
    std::uint32_t unmet_ = 0;
    // The update under way: where its copies go, and whether the frames in flight finished.
    gpu::FrameRing* frames_ = nullptr;
    Apply mode_ = Apply::No;
    bool waited_ = false;
    /// Decoded levels waiting to be swapped in cost memory too: at most this many bytes of them
    /// requested at once (one request always goes, however large).
    static constexpr std::uint64_t kMaxBytesInFlight = 96ull << 20;
    static constexpr int kWorkerNice = 10;
    std::size_t inFlight_ = 0;  ///< Requested, result not yet taken (render thread).
    std::uint64_t bytesInFlight_ = 0;
    std::size_t maxInFlight_ = 2;

    std::mutex mutex_;
    std::condition_variable jobReady_, resultReady_;
    std::deque<Job> jobs_;
    std::vector<Result> results_;
    std::vector<std::jthread> workers_;  ///< Last: started once everything they use exists.
};

}  // namespace axis::render
