#pragma once
// Animated "go to": from the current camera to a target camera along a smooth, comfortable path
// (position eased in and out along a straight line, orientation by shortest-arc quaternion slerp
// with the horizon kept level, field of view eased), and choosing the target camera for a picked
// surface point. Time-based, so frame-rate independent; it ends exactly at the target.
#include <optional>

#include "nav/nav_world.h"
#include "scene/camera.h"

namespace axis::nav {

struct TransitionSettings {
    double minSeconds = 0.6;               ///< Even a tiny move takes this long (no jump cuts).
    double maxSeconds = 3.0;               ///< Even crossing the site takes no longer.
    double secondsPerSqrtMetre = 0.25;     ///< Duration grows with the square root of the distance:
                                           ///< 16 m ~ 1 s, 100 m ~ 2.5 s.
    double secondsPer180Degrees = 1.2;     ///< Turning takes time too; the longer of the two wins.
};

/// Smootherstep on [0, 1]: zero velocity and acceleration at both ends.
double easeInOut(double t);

class CameraTransition {
public:
    CameraTransition() = default;  ///< Inactive.
    CameraTransition(const Camera& from, const Camera& to, const TransitionSettings& settings = {});

    /// Advances by `dt` seconds; after duration() the camera is exactly `to`.
    void update(double dt);
    bool active() const { return active_ && elapsed_ < duration_; }
    double duration() const { return duration_; }
    double progress() const { return duration_ > 0.0 ? std::min(elapsed_ / duration_, 1.0) : 1.0; }
    /// The camera at the current time (the target once finished).
    Camera camera() const;
    const Camera& target() const { return to_; }

    static double durationFor(const Camera& from, const Camera& to, const TransitionSettings& settings);

private:
    Camera from_, to_;
    double duration_ = 0.0, elapsed_ = 0.0;
    bool active_ = false;
};

enum class GoToStyle {
    Walk,  ///< Arrive standing (eye at eyeHeight above the ground), looking level-ish at the point.
    Fly,   ///< Arrive in front of the surface along its normal, looking at the point.
};

struct GoToSettings {
    double eyeHeight = 1.6;      ///< Walk: metres above the ground.
    double walkStandoff = 2.5;   ///< Walk: metres in front of a wall or object.
    double flyStandoffFraction = 0.3;  ///< Fly: this fraction of the current distance to the point...
    double flyMinStandoff = 1.0;       ///< ...clamped to these metres.
    double flyMaxStandoff = 50.0;
    double floorNormalZ = 0.7;   ///< A hit whose normal's z exceeds this is ground: walk onto it.
    double maxPitch = 60.0;      ///< Degrees: the arrival view is not steeper than this.
};

/// The camera to arrive at for `hit`, picked from `from` (the hit's normal faces `from`, as
/// raycasts return it). Walk: ground is walked onto; for a wall or object, stands walkStandoff in
/// front of it (less if something is in the way), on the ground found below (needs `world`; without
/// one, at the current eye height). Fly: in front along the normal, looking at the point.
Camera goToTarget(const Camera& from, const Hit& hit, GoToStyle style, const NavWorld* world,
                  const GoToSettings& settings = {});

}  // namespace axis::nav
