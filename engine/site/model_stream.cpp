#include "site/model_stream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "core/log.h"

namespace axis::site {
namespace {

int loadDelayMs() {
    const char* v = std::getenv("AXIS_LOAD_DELAY_MS");
    return v ? std::max(0, std::atoi(v)) : 0;
}

double distanceTo(const PendingModel& m, const glm::dvec3& viewpoint) {
    return glm::length(glm::dvec3(m.modelToSite[3]) - viewpoint);
}

// Sleeps in short slices so that closing the window is not held up by the testing delay.
void sleepUnlessStopped(int ms, const std::stop_token& stop) {
    for (int slept = 0; slept < ms && !stop.stop_requested(); slept += 10)
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(10, ms - slept)));
}

}  // namespace

ModelStream::ModelStream(std::vector<PendingModel> pending, const glm::dvec3& viewpoint, LoadOptions options)
    : pending_(std::move(pending)), options_(std::move(options)) {
    std::stable_sort(pending_.begin(), pending_.end(), [&](const PendingModel& a, const PendingModel& b) {
        return distanceTo(a, viewpoint) < distanceTo(b, viewpoint);
    });
    for (const PendingModel& m : pending_) status_.push_back({m.id, State::Queued, 0.0});
    worker_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

ModelStream::~ModelStream() {
    worker_.request_stop();
    if (worker_.joinable()) worker_.join();
}

void ModelStream::run(std::stop_token stop) {
    const int delayMs = loadDelayMs();
    for (std::size_t i = 0; i < pending_.size() && !stop.stop_requested(); ++i) {
        sleepUnlessStopped(delayMs, stop);
        if (stop.stop_requested()) break;
        {
            std::lock_guard lock(mutex_);
            status_[i].state = State::Loading;
        }
        Progress progress([this, i](const std::string&, double fraction) {
            std::lock_guard lock(mutex_);
            status_[i].fraction = fraction;
        });
        auto loaded = loadPendingModel(pending_[i], options_, progress);
        if (!loaded) logError(loaded.error().message);
        else logInfo("streamed model '" + pending_[i].id + "' (" + std::to_string(i + 1) + "/" +
                     std::to_string(pending_.size()) + ")");
        std::lock_guard lock(mutex_);
        status_[i].state = loaded ? State::Done : State::Failed;
        status_[i].fraction = 1.0;
        if (loaded) arrived_.push_back(std::move(*loaded));
        else ++handedOver_;
    }
}

std::vector<LoadedModel> ModelStream::take() {
    std::lock_guard lock(mutex_);
    std::vector<LoadedModel> out(std::make_move_iterator(arrived_.begin()), std::make_move_iterator(arrived_.end()));
    arrived_.clear();
    handedOver_ += out.size();
    return out;
}

bool ModelStream::finished() const {
    std::lock_guard lock(mutex_);
    return handedOver_ == pending_.size();
}

std::vector<ModelStream::ModelStatus> ModelStream::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

}  // namespace axis::site
