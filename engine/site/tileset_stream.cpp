#include "site/tileset_stream.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <unordered_set>

#include "core/log.h"
#include "gpu/frames.h"

namespace axis::site {
namespace {

// Tile workers yield to the render thread, as texture decodes do (Linux keeps nice per thread).
constexpr int kWorkerNice = 10;
// Uploads wait for their transfer on the render thread: a window takes a few tiles a frame.
constexpr std::size_t kWindowUploadsPerFrame = 4;
// A still gives up waiting for tiles after this long without any arriving (a hung file system).
constexpr auto kStallLimit = std::chrono::seconds(120);

std::uint64_t gpuBytes(const render::GpuModel& m) {
    std::uint64_t bytes = m.vertices.size() + m.indices.size();
    if (m.pages) bytes += m.pages->residentBytes();
    if (m.streams)
        for (const auto& t : m.streams->textures) bytes += t.residentBytes();
    return bytes;
}

// Opening a tile is mostly baking it (on a first open) or mapping its cache; the workers run at a
// lower priority, so they may take every core without slowing a frame.
unsigned workerCount() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

}  // namespace

std::uint64_t defaultTileBudget() {
    if (const char* v = std::getenv("AXIS_TILE_BUDGET_MB"); v && std::atoll(v) > 0)
        return std::uint64_t(std::atoll(v)) << 20;
    return 768ull << 20;
}

TilesetStream::TilesetStream(std::shared_ptr<const tiles::Tileset> tileset, std::string id, LoadOptions options,
                             std::uint64_t budgetBytes)
    : tileset_(std::make_shared<tiles::Tileset>(*tileset)),
      id_(std::move(id)),
      options_(std::move(options)),
      budget_(budgetBytes),
      slots_(tileset_->tiles.size()) {
    options_.cpuModels = false;  // Tiles are drawn from their cache and picked from its triangles.
    for (unsigned i = 0; i < workerCount(); ++i) workers_.emplace_back([this](std::stop_token stop) { work(stop); });
}

TilesetStream::~TilesetStream() {
    for (auto& w : workers_) w.request_stop();
    jobReady_.notify_all();
    workers_.clear();  // Joins.
}

void TilesetStream::work(std::stop_token stop) {
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kWorkerNice);
    for (;;) {
        std::uint32_t tile = 0;
        {
            std::unique_lock lock(mutex_);
            jobReady_.wait(lock, stop, [&] { return !jobs_.empty(); });
            if (stop.stop_requested()) return;
            tile = jobs_.front();
            jobs_.pop_front();
        }
        const tiles::Tile& t = tileset_->tiles[tile];
        auto opened = openModelFile(t.content, std::nullopt, options_, {});
        if (!opened)
            opened = Error{"model '" + id_ + "': " + tileset_->file.string() + ": tile " + t.name + ": " +
                           opened.error().message};
        std::lock_guard lock(mutex_);
        arrivals_.push_back({tile, std::move(opened)});
        arrived_.notify_all();
    }
}

// A content that reaches outside its tile's bounding volume (the volume lies) is said once, and
// the volume, with its ancestors', grown to hold it: else the tile would be culled while its
// content is in view.
void TilesetStream::coverContent(std::uint32_t tile, const Bounds& content) {
    tiles::Tile& t = tileset_->tiles[tile];
    const glm::dvec3 centre(t.sphere);
    const double reach = glm::length(glm::max(glm::abs(content.min - centre), glm::abs(content.max - centre)));
    if (content.empty() || reach <= t.sphere.w * 1.01 + 0.01) return;
    logWarn(tileset_->file.string() + ": tile " + t.name + ": its content reaches " + std::to_string(reach) +
            " m from the centre of a bounding volume of radius " + std::to_string(t.sphere.w) +
            " m; the volume is taken that large");
    t.sphere.w = reach;
    for (std::uint32_t child = tile, p = t.parent; p != UINT32_MAX; child = p, p = tileset_->tiles[p].parent) {
        tiles::Tile& parent = tileset_->tiles[p];
        const glm::dvec4 s = tileset_->tiles[child].sphere;
        parent.sphere.w = std::max(parent.sphere.w, glm::length(glm::dvec3(s) - glm::dvec3(parent.sphere)) + s.w);
    }
}

void TilesetStream::place(std::uint32_t tile, LoadedModel model, render::SceneRenderer& renderer) {
    model.modelToSite = tileset_->tiles[tile].toLocal * model.modelToSite;
    coverContent(tile, model.model.bounds.transformed(model.modelToSite));
    Slot& slot = slots_[tile];
    slot.gpu = model.baked ? renderer.upload(*model.baked) : renderer.upload(model.model);
    slot.bytes = gpuBytes(*slot.gpu);
    slot.model = std::move(model);
    slot.state = Slot::State::Resident;
    ++stats_.loaded;
    ++generation_;
}

std::size_t TilesetStream::takeArrivals(render::SceneRenderer& renderer, std::size_t most) {
    std::vector<Arrival> taken;
    {
        std::lock_guard lock(mutex_);
        const std::size_t n = std::min(most, arrivals_.size());
        taken.assign(std::make_move_iterator(arrivals_.begin()), std::make_move_iterator(arrivals_.begin() + n));
        arrivals_.erase(arrivals_.begin(), arrivals_.begin() + n);
    }
    for (Arrival& a : taken) {
        if (!a.model) {
            logError(a.model.error().message);
            slots_[a.tile].state = Slot::State::Failed;
            ++stats_.failed;
            continue;
        }
        place(a.tile, std::move(*a.model), renderer);
    }
    return taken.size();
}

tiles::TileSelection TilesetStream::select(const LodRequest& request) {
    return tiles::selectTiles(*tileset_, request, [&](std::uint32_t i) {
        switch (slots_[i].state) {
            case Slot::State::Resident:
                return tiles::ContentState::Resident;
            case Slot::State::Failed:
                return tiles::ContentState::Failed;
            default:
                return tiles::ContentState::Missing;
        }
    });
}

// The queue becomes exactly what this view lacks, in its order: what an earlier view wanted and
// this one does not is no longer worth opening.
void TilesetStream::queue(const tiles::TileSelection& selection) {
    std::lock_guard lock(mutex_);
    for (std::uint32_t i : jobs_)
        if (slots_[i].state == Slot::State::Queued) slots_[i].state = Slot::State::Missing;
    jobs_.clear();
    std::unordered_set<std::uint32_t> inFlight;
    for (const Arrival& a : arrivals_) inFlight.insert(a.tile);
    for (std::uint32_t i : selection.wanted) {
        if (slots_[i].state == Slot::State::Missing && !inFlight.count(i)) {
            jobs_.push_back(i);
            slots_[i].state = Slot::State::Queued;
        }
    }
    jobReady_.notify_all();
}

void TilesetStream::dropOverBudget(gpu::FrameRing* frames) {
    std::vector<std::uint32_t> resident;
    std::uint64_t bytes = 0;
    for (std::uint32_t i = 0; i < slots_.size(); ++i)
        if (slots_[i].state == Slot::State::Resident) {
            if (slots_[i].gpu) slots_[i].bytes = gpuBytes(*slots_[i].gpu);  // Texture levels come and go.
            resident.push_back(i);
            bytes += slots_[i].bytes;
        }
    std::sort(resident.begin(), resident.end(),
              [&](auto a, auto b) { return slots_[a].lastWanted < slots_[b].lastWanted; });
    for (std::uint32_t i : resident) {
        if (bytes <= budget_ || slots_[i].lastWanted == frame_) break;  // What this view uses stays.
        Slot& slot = slots_[i];
        bytes -= slot.bytes;
        if (frames) frames->retire(std::shared_ptr<const void>(std::move(slot.gpu)));
        slot = Slot{};
        ++stats_.dropped;
        ++generation_;
    }
    stats_.residentBytes = bytes;
}

void TilesetStream::waitForArrival() {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, kStallLimit, [&] { return !arrivals_.empty(); });
}

// A still opens only the tiles it will draw: planned as if every tile were here already, so that
// no coarser level is opened on the way down. A tile that fails changes the plan (its siblings or
// parent draw instead), hence the rounds, which end when the plan is all here.
void TilesetStream::openPlanned(render::SceneRenderer& renderer, const LodRequest& request) {
    for (std::uint32_t round = 0; round <= tileset_->depth() + 1; ++round) {
        tiles::TileSelection plan = tiles::selectTiles(*tileset_, request, [&](std::uint32_t i) {
            return slots_[i].state == Slot::State::Failed ? tiles::ContentState::Failed : tiles::ContentState::Resident;
        });
        const auto lacking = [&] {
            return std::any_of(plan.draw.begin(), plan.draw.end(), [&](std::uint32_t i) {
                return slots_[i].state == Slot::State::Missing || slots_[i].state == Slot::State::Queued;
            });
        };
        if (!lacking()) return;
        plan.wanted = plan.draw;
        queue(plan);
        while (lacking()) {
            waitForArrival();
            if (takeArrivals(renderer, SIZE_MAX) == 0) {
                logError(tileset_->file.string() + ": no tile arrived in " + std::to_string(kStallLimit.count()) +
                         " s; drawing what is here");
                return;
            }
        }
    }
}

void TilesetStream::update(render::SceneRenderer& renderer, const Frame& frame) {
    ++frame_;
    takeArrivals(renderer, frame.wait ? SIZE_MAX : kWindowUploadsPerFrame);
    if (frame.wait) openPlanned(renderer, frame.request);
    tiles::TileSelection selection = select(frame.request);
    queue(selection);
    // What this view uses, stand-ins included (they are on screen), is kept; the rest may go.
    for (std::uint32_t i : selection.wanted) slots_[i].lastWanted = frame_;
    for (std::uint32_t i : selection.draw) slots_[i].lastWanted = frame_;
    if (selection.draw != draw_) ++generation_;
    draw_ = std::move(selection.draw);
    dropOverBudget(frame.frames);
    stats_.drawn = draw_.size();
    stats_.missing = selection.missing;
    stats_.resident = std::size_t(
        std::count_if(slots_.begin(), slots_.end(), [](const Slot& s) { return s.state == Slot::State::Resident; }));
}

void TilesetStream::appendItems(std::vector<render::DrawItem>& out, const glm::dmat4& tilesetToSite,
                                Shading shading) const {
    for (std::uint32_t i : draw_) {
        const Slot& slot = slots_[i];
        if (slot.gpu) out.push_back({slot.gpu.get(), tilesetToSite * slot.model->modelToSite, shading});
    }
}

std::vector<const LoadedModel*> TilesetStream::drawnModels() const {
    std::vector<const LoadedModel*> out;
    for (std::uint32_t i : draw_)
        if (slots_[i].model) out.push_back(&*slots_[i].model);
    return out;
}

}  // namespace axis::site
