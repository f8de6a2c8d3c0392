#include "record/camera_path.h"

#include <algorithm>
#include <cmath>

namespace axis::record {
namespace {

std::string keyField(std::size_t i, const char* field) {
    return "keyframes[" + std::to_string(i) + "]." + field;
}

bool finite3(const glm::dvec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

std::optional<std::string> checkKey(const PathKey& k, std::size_t i) {
    if (!std::isfinite(k.time)) return keyField(i, "time") + ": expected a finite number";
    if (!finite3(k.position)) return keyField(i, "position") + ": expected 3 finite numbers";
    if (!std::isfinite(k.angles.yaw)) return keyField(i, "yaw") + ": expected a finite number";
    if (!(k.angles.pitch >= -90.0 && k.angles.pitch <= 90.0)) return keyField(i, "pitch") + ": must be within [-90, 90]";
    if (!std::isfinite(k.angles.roll)) return keyField(i, "roll") + ": expected a finite number";
    if (!(k.fov > 0.0 && k.fov < 180.0)) return keyField(i, "fov") + ": must be within (0, 180)";
    if (!(k.speed > 0.0 && std::isfinite(k.speed))) return keyField(i, "speed") + ": must be a finite number > 0";
    if (k.ease && !(*k.ease >= 0.0 && std::isfinite(*k.ease))) return keyField(i, "ease") + ": must be a finite number >= 0";
    if (k.clipping) {
        for (std::size_t j = 0; j < k.clipping->planes.size(); ++j) {
            const ClipPlane& p = k.clipping->planes[j];
            if (!makeClipPlane(p.normal, p.offset) || std::abs(glm::length(p.normal) - 1.0) > 1e-6)
                return keyField(i, "clipping.planes[") + std::to_string(j) + "].normal: must be a finite unit vector";
        }
        for (std::size_t j = 0; j < k.clipping->boxes.size(); ++j)
            if (auto box = makeClipBox(k.clipping->boxes[j].min, k.clipping->boxes[j].max); !box)
                return keyField(i, "clipping.boxes[") + std::to_string(j) + "]: " + box.error().message;
        if (k.clipping->halfSpaces().size() > kMaxClipHalfSpaces)
            return keyField(i, "clipping") + ": more than " + std::to_string(kMaxClipHalfSpaces) +
                   " half-spaces (a plane is one, a box six)";
    }
    if (!k.sun.empty())
        if (auto when = parseLocalDateTime(k.sun); !when) return keyField(i, "sun") + ": " + when.error().message;
    return std::nullopt;
}

std::string seconds(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g s", t);
    return buf;
}

bool samePosition(const PathKey& a, const PathKey& b) {
    return glm::length(a.position - b.position) < kSamePositionMetres;
}

// The integral of smoothstep(x) = 3x^2 - 2x^3 from 0 to x: distance covered while speeding up.
double rampDistance(double x) { return x * x * x - 0.5 * x * x * x * x; }

}  // namespace

std::optional<std::string> validateKeys(const std::vector<PathKey>& keys) {
    if (keys.empty()) return std::string("keyframes: no keyframes; a path needs at least one");
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (auto problem = checkKey(keys[i], i)) return problem;
        if (i > 0 && !(keys[i].time > keys[i - 1].time))
            return keyField(i, "time") + ": " + seconds(keys[i].time) + " is not after keyframes[" +
                   std::to_string(i - 1) + "] at " + seconds(keys[i - 1].time) + "; times must strictly increase";
    }
    return std::nullopt;
}

double easedProgress(double tau, double duration, double easeIn, double easeOut) {
    if (duration <= 0.0) return 1.0;
    tau = std::clamp(tau, 0.0, duration);
    if (easeIn + easeOut > duration) {
        const double scale = duration / (easeIn + easeOut);
        easeIn *= scale;
        easeOut *= scale;
    }
    // Cruising speed 1: total distance is the duration less half of each ramp.
    const double total = duration - 0.5 * (easeIn + easeOut);
    double covered;
    if (tau < easeIn) covered = easeIn * rampDistance(tau / easeIn);
    else if (tau > duration - easeOut) covered = total - easeOut * rampDistance((duration - tau) / easeOut);
    else covered = 0.5 * easeIn + (tau - easeIn);
    return std::clamp(covered / total, 0.0, 1.0);
}

std::optional<Clipping> CameraPath::clipping(double t) const {
    const PathKey *before = nullptr, *after = nullptr;
    for (const PathKey& k : keys_) {
        if (!k.clipping) continue;
        if (k.time <= t) before = &k;
        else if (!after) after = &k;
    }
    if (!before) return after ? after->clipping : std::nullopt;
    if (!after) return before->clipping;
    const double ease = interpolation_.ease;
    const double u = easedProgress(t - before->time, after->time - before->time, ease, ease);
    if (auto mixed = mixClipping(*before->clipping, *after->clipping, u)) return mixed;
    return before->clipping;  // They do not pair up: the earlier state holds.
}

std::optional<LocalDateTime> CameraPath::sunTime(double t) const {
    const PathKey *before = nullptr, *after = nullptr;
    for (const PathKey& k : keys_) {
        if (k.sun.empty()) continue;
        if (k.time <= t) before = &k;
        else if (!after) after = &k;
    }
    const PathKey* only = !before ? after : !after ? before : nullptr;
    if (!before && !after) return std::nullopt;
    if (only) return *parseLocalDateTime(only->sun);  // validateKeys passed it.
    const double a = localSeconds(*parseLocalDateTime(before->sun));
    const double b = localSeconds(*parseLocalDateTime(after->sun));
    const double u = (t - before->time) / (after->time - before->time);
    return localDateTimeAt(a + (b - a) * u);
}

bool CameraPath::animatesScene() const {
    return std::any_of(keys_.begin(), keys_.end(), [](const PathKey& k) { return k.clipping || !k.sun.empty(); });
}

Expected<CameraPath> CameraPath::create(std::vector<PathKey> keys, const PathInterpolation& interpolation) {
    if (auto problem = validateKeys(keys)) return Error{*problem};
    if (!(interpolation.ease >= 0.0 && std::isfinite(interpolation.ease)))
        return Error{"interpolation.ease: must be a finite number >= 0"};
    CameraPath path;
    path.keys_ = std::move(keys);
    path.interpolation_ = interpolation;
    for (const PathKey& k : path.keys_) path.rotations_.push_back(orientationFromAngles(k.angles));
    makeHemisphereContinuous(path.rotations_);
    path.buildPieces();
    return path;
}

void CameraPath::buildPieces() {
    std::size_t moveStart = 0;
    for (std::size_t i = 0; i + 1 < keys_.size(); ++i) {
        if (!samePosition(keys_[i], keys_[i + 1])) continue;
        if (i > moveStart) pieces_.push_back(makeMove(moveStart, i));
        Piece hold;
        hold.first = i;
        hold.last = i + 1;
        hold.hold = true;
        pieces_.push_back(std::move(hold));
        moveStart = i + 1;
    }
    if (keys_.size() - 1 > moveStart) pieces_.push_back(makeMove(moveStart, keys_.size() - 1));
}

CameraPath::Piece CameraPath::makeMove(std::size_t first, std::size_t last) const {
    Piece piece;
    piece.first = first;
    piece.last = last;
    std::vector<glm::dvec3> points;
    for (std::size_t i = first; i <= last; ++i) points.push_back(keys_[i].position);
    piece.curve.emplace(std::move(points));
    // "Weighted distance": time-like measure whose share of the total sets the share of the
    // piece's duration each segment gets.
    piece.weighted.push_back(0.0);
    for (std::size_t seg = 0; seg + first < last; ++seg) {
        const std::size_t k = first + seg;
        const double len = piece.curve->lengthAtPoint(seg + 1) - piece.curve->lengthAtPoint(seg);
        const double w = interpolation_.timing == Timing::KeyTimes ? keys_[k + 1].time - keys_[k].time
                                                                    : len / keys_[k].speed;
        piece.weighted.push_back(piece.weighted.back() + w);
    }
    piece.controls = squadControls(std::span(rotations_).subspan(first, last - first + 1));
    piece.easeIn = keys_[first].ease.value_or(interpolation_.ease);
    piece.easeOut = keys_[last].ease.value_or(interpolation_.ease);
    return piece;
}

CameraPath::Pose CameraPath::pose(double t) const {
    t = std::clamp(t, startTime(), endTime());
    if (pieces_.empty()) return {keys_.front().position, rotations_.front(), keys_.front().fov};
    // The last piece whose first key is at or before t.
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), t,
                               [&](double time, const Piece& p) { return time < keys_[p.first].time; });
    const Piece& piece = it == pieces_.begin() ? pieces_.front() : *std::prev(it);
    return piece.hold ? holdPose(piece, t) : movePose(piece, t);
}

CameraPath::Pose CameraPath::holdPose(const Piece& piece, double t) const {
    const PathKey &a = keys_[piece.first], &b = keys_[piece.last];
    const double x = std::clamp((t - a.time) / (b.time - a.time), 0.0, 1.0);
    const double s = x * x * (3.0 - 2.0 * x);  // Turning in place starts and ends at rest too.
    return {a.position, slerpShortest(rotations_[piece.first], rotations_[piece.last], s),
            a.fov + (b.fov - a.fov) * s};
}

CameraPath::Pose CameraPath::movePose(const Piece& piece, double t) const {
    const double t0 = keys_[piece.first].time, t1 = keys_[piece.last].time;
    const double w = easedProgress(t - t0, t1 - t0, piece.easeIn, piece.easeOut) * piece.weighted.back();
    // Segment holding weighted distance w, then metres along the curve within it.
    const auto it = std::upper_bound(piece.weighted.begin() + 1, piece.weighted.end() - 1, w);
    const std::size_t seg = std::size_t(it - piece.weighted.begin()) - 1;
    const double segW = piece.weighted[seg + 1] - piece.weighted[seg];
    const double segStart = piece.curve->lengthAtPoint(seg), segLen = piece.curve->lengthAtPoint(seg + 1) - segStart;
    const double f = segW > 0.0 ? std::clamp((w - piece.weighted[seg]) / segW, 0.0, 1.0) : 0.0;
    const CatmullRomCurve::Location loc = piece.curve->locate(segStart + f * segLen);

    const std::size_t k = piece.first + loc.segment, local = loc.segment;
    const double u = loc.arcFraction;
    const glm::dquat q = interpolation_.orientation == OrientationInterpolation::Squad
                             ? squad(rotations_[k], piece.controls[local], piece.controls[local + 1], rotations_[k + 1], u)
                             : slerpShortest(rotations_[k], rotations_[k + 1], u);
    return {piece.curve->at(loc.segment, loc.u), q, keys_[k].fov + (keys_[k + 1].fov - keys_[k].fov) * u};
}

Camera CameraPath::evaluate(double t) const {
    const Pose p = pose(t);
    Camera c;
    c.position = p.position;
    c.forward = forwardOf(p.orientation);
    c.up = upOf(p.orientation);
    c.fovY = glm::radians(p.fovDegrees);
    return c;
}

}  // namespace axis::record
