#include "render/texture_residency.h"

#include <algorithm>
#include <map>

#include <sys/resource.h>
#include <unistd.h>

#include "core/log.h"
#include "gpu/context.h"
#include "gpu/frames.h"
#include "gpu/upload.h"
#include "render/scene_renderer.h"
#include "render/streaming_budget.h"

namespace axis::render {
namespace {

std::uint64_t levelsBytes(const BakedTexture& t, std::uint32_t from, std::uint32_t to) {
    std::uint64_t bytes = 0;
    for (std::uint32_t level = from; level < to; ++level) bytes += t.levelBytes(level);
    return bytes;
}

// Every model of the frame by serial (several items may share one).
std::map<std::uint64_t, const GpuModel*> modelsOf(std::span<const DrawItem> items) {
    std::map<std::uint64_t, const GpuModel*> models;
    for (const DrawItem& item : items)
        if (item.model && item.model->streams) models[item.model->serial] = item.model;
    return models;
}

// Material sets sample a texture's image through its view: a new image needs the sets of the
// materials that use it rewritten, the copy of frame slot `slot`.
void rewriteMaterialSets(const GpuModel& model, std::uint32_t texture, std::uint32_t slot, VkDevice device) {
    const TextureStreams& s = *model.streams;
    const VkImageView view = s.textures[texture].image.view();
    for (std::size_t material = 0; material < s.materialTextures.size() && material < model.materials.size(); ++material)
        for (std::uint32_t binding = 0; binding < 3; ++binding) {
            if (s.materialTextures[material][binding] != int(texture)) continue;
            VkDescriptorImageInfo image{s.sampler, view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
            write.dstSet = model.materials[material].sets[slot];
            write.dstBinding = 1 + binding;
            write.descriptorCount = 1;
            write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
            write.pImageInfo = &image;
            vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
        }
}

constexpr std::uint32_t kAllSlots = (1u << gpu::FrameRing::kFramesInFlight) - 1;

}  // namespace

std::uint64_t StreamedTexture::residentBytes() const {
    return levelsBytes(source, residentLevel, source.levelCount);
}

std::uint64_t defaultTextureBudget(const gpu::Context& context) {
    return streamingBudget(context, {"AXIS_TEXTURE_BUDGET_MB", 512 * kMiB, 4, 256 * kMiB, 4096 * kMiB});
}

TextureResidency::TextureResidency(gpu::Context& context, std::uint64_t budgetBytes)
    : context_(context), budget_(budgetBytes) {
    const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    maxInFlight_ = 2 * workers;
    for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this](std::stop_token stop) { work(stop); });
}

TextureResidency::~TextureResidency() {
    {
        // Under the lock: a worker between its wait's check and its sleep would miss the wake-up.
        std::lock_guard lock(mutex_);
        for (auto& w : workers_) w.request_stop();
    }
    jobReady_.notify_all();
    workers_.clear();  // Joins.
}

void TextureResidency::work(std::stop_token stop) {
    // Below the render thread (and the driver's threads on a CPU device): a decode may take its
    // time, a frame may not. Linux keeps a nice value per thread.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kWorkerNice);
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            jobReady_.wait(lock, [&] { return stop.stop_requested() || !jobs_.empty(); });
            if (stop.stop_requested()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        Result result = decode(job);
        {
            std::lock_guard lock(mutex_);
            results_.push_back(std::move(result));
        }
        resultReady_.notify_all();
    }
}

// Levels [to, from) from the cache's image bytes, copied into an upload buffer here, on the
// worker: the render thread then only records the copies.
TextureResidency::Result TextureResidency::decode(const Job& job) {
    Result r{job.model, job.texture, job.from, job.to, job.bytes, {}, {}};
    auto levels = job.source.decodeLevels(job.to, job.from - job.to);
    // The image's pages are read once per decode; dropping them keeps resident memory to what
    // the GPU holds.
    if (job.cache) job.cache->evict(job.source.encoded);
    if (!levels) {
        r.error = levels.error().message;
        return r;
    }
    std::vector<gpu::MipData> mips;
    for (const Texture::Level& l : *levels) mips.push_back({l.width, l.height, l.rgba});
    r.levels = gpu::stageMips(context_, mips);
    return r;
}

void TextureResidency::waitForDecodes() {
    std::unique_lock lock(mutex_);
    resultReady_.wait(lock, [&] { return !results_.empty() || inFlight_ == 0; });
}

void TextureResidency::noteNeeds(std::span<const TextureNeed> needs) {
    for (const TextureNeed& n : needs) {
        StreamedTexture& t = n.model->streams->textures[n.texture];
        if (t.lastNeeded != frame_) {
            t.lastNeeded = frame_;
            t.neededLevel = n.level;
            t.nearest = n.distance;
        } else {
            t.neededLevel = std::min(t.neededLevel, n.level);
            t.nearest = std::min(t.nearest, n.distance);
        }
    }
}

void TextureResidency::update(gpu::FrameRing& frames, std::span<const DrawItem> items,
                              std::span<const TextureNeed> needs, Apply mode) {
    ++frame_;
    noteNeeds(needs);
    if (mode != Apply::No) {
        frames_ = &frames;
        mode_ = mode;
        waited_ = false;
        if (mode == Apply::IntoFrame) refreshSets(frames.index(), items);
        apply(items);
        dropIdle(items);
    }
    request(items);
    countResident(items);
}

// This frame slot's material sets still name images replaced while it was on the GPU.
void TextureResidency::refreshSets(std::uint32_t slot, std::span<const DrawItem> items) {
    for (const auto& [serial, model] : modelsOf(items))
        for (std::uint32_t i = 0; i < model->streams->textures.size(); ++i)
            if (StreamedTexture& t = model->streams->textures[i]; t.staleSets & (1u << slot)) {
                rewriteMaterialSets(*model, i, slot, context_.device());
                t.staleSets &= ~(1u << slot);
            }
}

// Memory follows what is on screen: a texture no frame has needed for a while goes back to its
// stored levels even when the budget has room, a few a frame. The window keeps what it turned
// away from for some seconds; a recording walking on frees what it left behind.
void TextureResidency::dropIdle(std::span<const DrawItem> items) {
    constexpr std::uint64_t kIdleUpdates = 180;
    constexpr int kMaxDropsPerUpdate = 4;
    int dropped = 0;
    for (const auto& [serial, model] : modelsOf(items))
        for (std::uint32_t i = 0; i < model->streams->textures.size() && dropped < kMaxDropsPerUpdate; ++i) {
            StreamedTexture& t = model->streams->textures[i];
            if (t.requested || t.residentLevel >= t.source.firstStoredLevel || t.lastNeeded + kIdleUpdates > frame_) continue;
            ++dropped;
            rebuild(*model, i, {}, t.source.firstStoredLevel);
        }
}

// Frees `bytes` within the budget by dropping textures no frame needed this time back to their
// stored levels, least recently needed first. False when that is not enough.
bool TextureResidency::makeRoom(std::uint64_t bytes, std::span<const DrawItem> items,
                                std::vector<StreamedTexture*>& shrink) {
    std::vector<StreamedTexture*> idle;
    std::uint64_t resident = 0;
    for (const auto& [serial, model] : modelsOf(items))
        for (StreamedTexture& t : model->streams->textures) {
            resident += t.residentBytes();
            if (t.lastNeeded != frame_ && t.residentLevel < t.source.firstStoredLevel) idle.push_back(&t);
        }
    for (StreamedTexture* t : shrink) resident -= t->residentBytes() - levelsBytes(t->source, t->source.firstStoredLevel, t->source.levelCount);
    std::sort(idle.begin(), idle.end(), [](auto* a, auto* b) { return a->lastNeeded < b->lastNeeded; });
    for (StreamedTexture* t : idle) {
        if (resident + bytes <= budget_) break;
        if (std::find(shrink.begin(), shrink.end(), t) != shrink.end()) continue;
        resident -= t->residentBytes() - levelsBytes(t->source, t->source.firstStoredLevel, t->source.levelCount);
        shrink.push_back(t);
    }
    return resident + bytes <= budget_;
}

// Swaps in the decodes that finished, nearest first. Into a frame, at most kFrameAllowance bytes
// of new levels (the first always) so that no frame pays for many; the rest wait a frame.
void TextureResidency::apply(std::span<const DrawItem> items) {
    constexpr std::uint64_t kFrameAllowance = 48ull << 20;
    std::vector<Result> ready;
    {
        std::lock_guard lock(mutex_);
        ready.swap(results_);
    }
    if (ready.empty()) return;
    const auto models = modelsOf(items);
    auto textureOf = [&](const Result& r) -> StreamedTexture* {
        auto it = models.find(r.model);
        return it == models.end() ? nullptr : &it->second->streams->textures[r.texture];
    };
    std::sort(ready.begin(), ready.end(), [&](const Result& a, const Result& b) {
        const StreamedTexture *ta = textureOf(a), *tb = textureOf(b);
        return (ta ? ta->nearest : 1e300) < (tb ? tb->nearest : 1e300);
    });
    std::uint64_t applied = 0;
    std::size_t taken = 0;
    for (; taken < ready.size(); ++taken) {
        Result& r = ready[taken];
        StreamedTexture* t = textureOf(r);
        if (!t) continue;  // Its model is gone.
        const std::uint64_t bytes = levelsBytes(t->source, r.to, r.from);
        if (mode_ == Apply::IntoFrame && applied > 0 && applied + bytes > kFrameAllowance) break;
        t->requested = false;
        if (!r.error.empty()) {
            logWarn(r.error + "; drawing texture " + t->source.name + " at a coarser level");
            t->failed = true;
            continue;
        }
        if (t->residentLevel != r.from) continue;  // Changed meanwhile (shrunk): ask again.
        std::vector<StreamedTexture*> shrink;
        if (!makeRoom(bytes, items, shrink)) {
            if (!t->capped)
                logInfo("texture budget of " + std::to_string(budget_ / kMiB) + " MiB reached: " + t->source.name +
                        " drawn coarser than its pixels need");
            t->capped = true;
            continue;
        }
        for (auto& [serial, model] : models)
            for (std::uint32_t i = 0; i < model->streams->textures.size(); ++i)
                if (std::find(shrink.begin(), shrink.end(), &model->streams->textures[i]) != shrink.end())
                    rebuild(*model, i, {}, model->streams->textures[i].source.firstStoredLevel);
        levelsStreamed_ += r.levels.levels.size();
        rebuild(*models.at(r.model), r.texture, std::move(r.levels), r.to);
        applied += bytes;
    }
    inFlight_ -= std::min(inFlight_, taken);
    for (std::size_t i = 0; i < taken; ++i) bytesInFlight_ -= std::min(bytesInFlight_, ready[i].bytes);
    if (taken < ready.size()) {  // Over this frame's allowance: the next frame's.
        std::lock_guard lock(mutex_);
        results_.insert(results_.end(), std::make_move_iterator(ready.begin() + std::ptrdiff_t(taken)),
                        std::make_move_iterator(ready.end()));
    }
}

// Replaces a texture's image by one starting at `newLevel`: `finer` holds the levels from there up
// to the current resident level (empty when shrinking). Into a frame, the copies are recorded in
// its command buffer and the old image retired with it; the frame's material sets are rewritten
// now and the other slots' when they next record (refreshSets). Waiting (stills, video, before a
// frame begins), the frames in flight finish first and every set is rewritten.
void TextureResidency::rebuild(const GpuModel& model, std::uint32_t texture, gpu::StagedMips finer,
                               std::uint32_t newLevel) {
    StreamedTexture& t = model.streams->textures[texture];
    const std::uint32_t keepFrom = newLevel + std::uint32_t(finer.levels.size()) - t.residentLevel;
    if (mode_ == Apply::IntoFrame) {
        gpu::Image next = gpu::composeTexture(context_, frames_->current().cmd, finer, t.image, keepFrom, t.format);
        frames_->retire(std::move(t.image));
        if (finer.buffer) frames_->retire(std::move(finer.buffer));
        t.image = std::move(next);
        t.staleSets = kAllSlots;
        refreshOne(model, texture, frames_->index());
    } else {
        if (!waited_) frames_->waitAll();  // Images and sets are about to change under earlier frames.
        waited_ = true;
        gpu::Image next;  // The old image is read by the copies: replaced once they ran.
        context_.submitAndWait(
            [&](VkCommandBuffer cmd) { next = gpu::composeTexture(context_, cmd, finer, t.image, keepFrom, t.format); });
        t.image = std::move(next);
        t.staleSets = kAllSlots;
        for (std::uint32_t slot = 0; slot < gpu::FrameRing::kFramesInFlight; ++slot) refreshOne(model, texture, slot);
    }
    t.residentLevel = newLevel;
}

void TextureResidency::refreshOne(const GpuModel& model, std::uint32_t texture, std::uint32_t slot) {
    rewriteMaterialSets(model, texture, slot, context_.device());
    model.streams->textures[texture].staleSets &= ~(1u << slot);
}

// Asks for the finer levels of the textures needed now, nearest first, a few at a time so that a
// moving camera's stale requests never pile up.
void TextureResidency::request(std::span<const DrawItem> items) {
    constexpr std::uint64_t kRetryCappedEvery = 64;  // Frames: the budget may have room again.
    std::vector<std::pair<const GpuModel*, std::uint32_t>> wanted;
    unmet_ = 0;
    for (const auto& [serial, model] : modelsOf(items))
        for (std::uint32_t i = 0; i < model->streams->textures.size(); ++i) {
            StreamedTexture& t = model->streams->textures[i];
            if (frame_ % kRetryCappedEvery == 0) t.capped = false;
            if (t.lastNeeded != frame_ || t.neededLevel >= t.residentLevel || t.failed || t.capped) continue;
            ++unmet_;
            if (!t.requested) wanted.emplace_back(model, i);
        }
    std::sort(wanted.begin(), wanted.end(), [](const auto& a, const auto& b) {
        return a.first->streams->textures[a.second].nearest < b.first->streams->textures[b.second].nearest;
    });
    std::size_t added = 0;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [model, i] : wanted) {
            StreamedTexture& t = model->streams->textures[i];
            const std::uint64_t bytes = levelsBytes(t.source, t.neededLevel, t.residentLevel);
            if (inFlight_ >= maxInFlight_ || (inFlight_ > 0 && bytesInFlight_ + bytes > kMaxBytesInFlight)) break;
            t.requested = true;
            ++inFlight_;
            bytesInFlight_ += bytes;
            ++added;
            jobs_.push_back({model->serial, i, t.residentLevel, t.neededLevel, bytes, t.nearest, t.source,
                             model->streams->cache});
        }
    }
    for (std::size_t k = 0; k < added; ++k) jobReady_.notify_one();
}

void TextureResidency::countResident(std::span<const DrawItem> items) {
    residentBytes_ = 0;
    for (const auto& [serial, model] : modelsOf(items))
        for (const StreamedTexture& t : model->streams->textures) residentBytes_ += t.residentBytes();
}

}  // namespace axis::render
