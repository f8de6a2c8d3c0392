#pragma once
// A camera path: keyframes in time, and the camera they give at any time t. Positions follow a
// centripetal Catmull-Rom curve through the keys, re-parametrised by arc length so the camera
// moves at a steady speed; orientation follows the keys by quaternion squad (or slerp) without
// flips; the camera eases in from and out to every stop.
//
// Stops and pieces. A path is cut into pieces at its stops. A stop is the first or last key, or a
// pair of consecutive keys at the same position (a "hold": the camera stays put between their
// times and may turn in place, orientation and fov eased between the two keys). Between stops
// the camera moves along one curve ("move" piece) that starts and ends at rest:
//   - timing ConstantSpeed (default): the piece takes the time between its first and last key;
//     the camera travels at one speed, except that a key's `speed` factor scales the speed of
//     the segment after it (2 = twice as fast). Times of keys inside a move piece only need to
//     increase; they do not pin the camera.
//   - timing KeyTimes: the camera passes each key at (about) its time, moving at a steady speed
//     within each segment; only easing at the piece's ends shifts the inner keys a little.
//   Easing: the speed rises smoothly (smoothstep) from zero over `ease` seconds after a stop and
//   falls to zero over `ease` seconds before the next; both shrink when the piece is too short.
//
// Orientation and fov between two keys follow the share of arc length covered between them, so
// they stay tied to where the camera is, whatever the timing. fov is interpolated linearly.
//
// Keys may also hold a clip state and a time of day, which the recording applies frame by frame
// (a video that opens up a hall as the sun goes down). Each is read from the keys that hold one,
// whatever the other keys do: before the first such key its state holds, after the last the last
// one's. Between two, the cuts move with the path's easing (smoothstep ramps of `ease` seconds at
// both ends, as a stop's) when both keys hold the same number of planes and boxes, else the
// earlier state holds until the later key's time; the sun's time moves linearly.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "core/error.h"
#include "core/local_time.h"
#include "record/orientation.h"
#include "record/spline.h"
#include "scene/camera.h"
#include "scene/clipping.h"

namespace axis::record {

enum class Timing { ConstantSpeed, KeyTimes };
enum class OrientationInterpolation { Squad, Slerp };

struct PathKey {
    double time = 0.0;            ///< Seconds from the start of the recording; keys strictly increase.
    glm::dvec3 position{0.0};     ///< Site frame, metres.
    Angles angles;                ///< Degrees: yaw (compass heading), pitch [-90, 90], roll.
    double fov = 60.0;            ///< Vertical field of view, degrees, (0, 180).
    double speed = 1.0;           ///< > 0; speed factor of the segment starting here (ConstantSpeed).
    std::optional<double> ease;   ///< Seconds >= 0; overrides PathInterpolation::ease at this stop.
    /// The cuts from this key on (replacing the site's), site frame; none: this key sets none.
    std::optional<Clipping> clipping;
    /// The sun's local date and time at the site from this key on ("2024-06-21T09:30"); empty: none.
    std::string sun;
    bool operator==(const PathKey&) const = default;
};

struct PathInterpolation {
    Timing timing = Timing::ConstantSpeed;
    OrientationInterpolation orientation = OrientationInterpolation::Squad;
    double ease = 1.5;  ///< Seconds of acceleration after and deceleration before each stop, >= 0.
    bool operator==(const PathInterpolation&) const = default;
};

/// What is wrong with a key list, as "keyframes[3].time: problem", or nullopt when it is valid:
/// at least one key, finite values in range, times strictly increasing.
std::optional<std::string> validateKeys(const std::vector<PathKey>& keys);

/// Two positions closer than this (metres) are "the same": a hold, not a move.
constexpr double kSamePositionMetres = 1e-6;

class CameraPath {
public:
    /// Fails with validateKeys()'s message.
    static Expected<CameraPath> create(std::vector<PathKey> keys, const PathInterpolation& interpolation = {});

    struct Pose {
        glm::dvec3 position{0.0};
        glm::dquat orientation{1, 0, 0, 0};
        double fovDegrees = 60.0;
    };
    /// The pose at time t (seconds); t is clamped to [startTime(), endTime()]. Deterministic:
    /// depends on t and the keys only.
    Pose pose(double t) const;
    /// pose(t) as a render camera (forward, up and fovY in radians).
    Camera evaluate(double t) const;

    /// The cuts at time t (see the top of this file); nullopt when no key holds any.
    std::optional<Clipping> clipping(double t) const;
    /// The sun's local time at t; nullopt when no key sets one.
    std::optional<LocalDateTime> sunTime(double t) const;
    /// True when some key holds cuts or a time of day: frames then differ by more than the camera.
    bool animatesScene() const;

    double startTime() const { return keys_.front().time; }
    double endTime() const { return keys_.back().time; }
    const std::vector<PathKey>& keys() const { return keys_; }
    const PathInterpolation& interpolation() const { return interpolation_; }

private:
    struct Piece {
        std::size_t first = 0, last = 0;  ///< Key indices; last > first.
        bool hold = false;
        std::optional<CatmullRomCurve> curve;   ///< Moves only.
        std::vector<double> weighted;           ///< Moves: sum of length/speed up to each key.
        std::vector<glm::dquat> controls;       ///< Moves: squad controls of keys first..last.
        double easeIn = 0.0, easeOut = 0.0;     ///< Moves: seconds.
    };
    CameraPath() = default;
    void buildPieces();
    Piece makeMove(std::size_t first, std::size_t last) const;
    Pose holdPose(const Piece& piece, double t) const;
    Pose movePose(const Piece& piece, double t) const;

    std::vector<PathKey> keys_;
    std::vector<glm::dquat> rotations_;  ///< One per key, hemisphere-continuous.
    PathInterpolation interpolation_;
    std::vector<Piece> pieces_;
};

/// Share of distance covered at time tau of a move lasting `duration`, with smoothstep speed
/// ramps of easeIn and easeOut seconds (scaled down together if they exceed the duration).
/// Monotonic, 0 at tau = 0, 1 at tau = duration, speed and acceleration continuous.
double easedProgress(double tau, double duration, double easeIn, double easeOut);

}  // namespace axis::record
