#pragma once
// The attract loop: from the start view through the attract tour's stops and back to the start,
// as one smooth CameraPath (engine/record) played over and over. Built once, so replaying it for
// months allocates nothing.
#include <optional>
#include <string>
#include <vector>

#include "record/camera_path.h"
#include "site/scene_loader.h"

namespace axis::viewer::kiosk {

class AttractPlayer {
public:
    /// `start` is where the loop begins and ends; `tourId` names a tour of `scene.site`. Without a
    /// usable tour (no site, no POIs, no stop with a viewpoint) the player is empty.
    AttractPlayer(const site::LoadedScene& scene, const Camera& start, const std::string& tourId);

    bool empty() const { return !path_; }
    /// Back to the beginning of the loop.
    void restart() { time_ = 0.0; }
    /// Moves on by `dt` seconds, wrapping around at the end of the loop.
    void advance(double dt);
    /// The camera now; the start view when empty.
    Camera camera() const;
    /// The POI (index into the scene's POI file) whose viewpoint the camera rests at now.
    std::optional<size_t> dwellingPoi() const;
    double duration() const { return path_ ? path_->endTime() : 0.0; }

private:
    struct Dwell {
        double from = 0.0, to = 0.0;  ///< Seconds of the loop.
        size_t poi = 0;
    };
    std::optional<record::CameraPath> path_;
    std::vector<Dwell> dwells_;
    Camera start_;
    double time_ = 0.0;
};

}  // namespace axis::viewer::kiosk
