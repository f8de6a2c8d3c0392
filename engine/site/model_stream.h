#pragma once
// Streaming a site into an open window: a worker thread opens the site's models (bake cache, or
// import and bake) nearest first, while the render thread keeps drawing and polls take() once a
// frame. Uploading, drawing and the scene stay on the render thread; the only shared state is the
// hand-over queue and the progress table, behind one mutex.
//
// Order: by distance from `viewpoint` to each placement's origin (a model's bounds are unknown
// until it is opened, so its origin stands in). Testing knob: AXIS_LOAD_DELAY_MS=N sleeps N ms
// before each model, so tests can look at a site half loaded.
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <glm/glm.hpp>

#include "site/scene_loader.h"

namespace axis::site {

class ModelStream {
public:
    enum class State { Queued, Loading, Done, Failed };
    struct ModelStatus {
        std::string id;
        State state = State::Queued;
        double fraction = 0.0;  ///< Of this model's open or bake, [0,1].
    };

    /// Starts the worker at once. `pending` as openSiteDeferred returned it.
    ModelStream(std::vector<PendingModel> pending, const glm::dvec3& viewpoint, LoadOptions options);
    /// Stops after the model in progress (a bake under way finishes and writes its cache) and joins.
    ~ModelStream();
    ModelStream(const ModelStream&) = delete;
    ModelStream& operator=(const ModelStream&) = delete;

    /// The models opened since the last call, nearest first. Render thread.
    std::vector<LoadedModel> take();
    /// True once every model was opened or failed and take() handed all of them over.
    bool finished() const;
    /// A snapshot of every model's progress, in loading order; for the UI.
    std::vector<ModelStatus> status() const;

private:
    void run(std::stop_token stop);

    std::vector<PendingModel> pending_;  // Sorted nearest first; read-only once the worker runs.
    LoadOptions options_;
    mutable std::mutex mutex_;
    std::vector<ModelStatus> status_;
    std::deque<LoadedModel> arrived_;
    std::size_t handedOver_ = 0;  // Taken by the render thread; failed ones count as handed over.
    std::jthread worker_;       // Last: started after everything it reads is ready.
};

}  // namespace axis::site
