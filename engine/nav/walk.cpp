#include "nav/walk.h"

#include <algorithm>
#include <cmath>

namespace axis::nav {

namespace {

constexpr double kSkin = 1e-4;          // Pushes out this much past contact so the next test is clean.
constexpr double kWallNormal = 0.3;     // Contacts with less horizontal normal are floors/ceilings.
constexpr int kResolveIterations = 4;   // Enough for a corner of two or three walls.

}  // namespace

WalkController::WalkController(const NavWorld* world, const WalkSettings& settings)
    : FirstPersonController(settings.pitchLimit), world_(world), settings_(settings), clock_(settings.stepHz) {}

void WalkController::reset(const Camera& camera) {
    fovY_ = camera.fovY;
    setOrientation(camera.forward);
    feet_ = camera.position - glm::dvec3(0, 0, settings_.eyeHeight);
    const auto ground = groundBelow(settings_.maxStepUp);
    if (ground) feet_.z = ground->position.z;
    onGround_ = ground.has_value() || !world_;
    previousFeet_ = feet_;
    velocity_ = glm::dvec3(0.0);
    eyeOffset_ = 0.0;
    clock_.clear();
}

void WalkController::placeFeet(const glm::dvec3& feet, double yawDegrees, double pitchDegrees) {
    feet_ = previousFeet_ = feet;
    yaw_ = pitch_ = 0.0;
    turn(yawDegrees, pitchDegrees);
    velocity_ = glm::dvec3(0.0);
    onGround_ = true;
    eyeOffset_ = 0.0;
    clock_.clear();
}

void WalkController::scroll(double steps) {
    moveHorizontally(ahead() * (0.5 * steps));
    previousFeet_ = feet_;
}

void WalkController::update(double dt) {
    for (int n = clock_.advance(dt); n > 0; --n) substep(clock_.step());
}

Camera WalkController::camera() const {
    const glm::dvec3 feet = glm::mix(previousFeet_, feet_, clock_.alpha());
    Camera c = cameraAt(feet + glm::dvec3(0, 0, settings_.eyeHeight + eyeOffset_));
    c.nearPlane = 0.05;
    return c;
}

void WalkController::substep(double dt) {
    previousFeet_ = feet_;
    turn(input_.lookRate.x * dt, input_.lookRate.y * dt);

    const glm::dvec2 move = clampUnit(input_.move);
    const double speed = settings_.walkSpeed * (input_.run ? settings_.runMultiplier : 1.0);
    const glm::dvec3 wish = (ahead() * move.y + right() * move.x) * speed;
    const double k = approachFactor(dt, settings_.accelerationTime);
    velocity_.x += (wish.x - velocity_.x) * k;
    velocity_.y += (wish.y - velocity_.y) * k;

    moveHorizontally(glm::dvec3(velocity_.x, velocity_.y, 0.0) * dt);
    moveVertically(dt);
    eyeOffset_ *= 1.0 - approachFactor(dt, settings_.stepSmoothing);
}

// Moves in pieces no longer than half the radius, so that no wall is ever crossed between tests.
void WalkController::moveHorizontally(const glm::dvec3& delta) {
    const double length = glm::length(delta);
    const int pieces = std::max(1, static_cast<int>(std::ceil(length / (0.5 * settings_.radius))));
    for (int i = 0; i < pieces; ++i) {
        feet_ += delta / double(pieces);
        resolveWalls();
    }
}

// Pushes the capsule horizontally out of walls (deepest first) and drops the velocity into them,
// which is what makes it slide along a wall instead of stopping.
void WalkController::resolveWalls() {
    if (!world_) return;
    const double r = settings_.radius;
    for (int iteration = 0; iteration < kResolveIterations; ++iteration) {
        // The capsule starts above maxStepUp: lower obstacles are steps, found by the ground ray.
        const glm::dvec3 bottom = feet_ + glm::dvec3(0, 0, settings_.maxStepUp + r);
        const glm::dvec3 top = feet_ + glm::dvec3(0, 0, std::max(settings_.bodyHeight - r, settings_.maxStepUp + r));
        contacts_.clear();
        world_->capsuleContacts(bottom, top, r, contacts_);
        const Contact* deepest = nullptr;
        double push = 0.0;
        for (const Contact& c : contacts_) {
            const double horizontal = glm::length(glm::dvec2(c.normal));
            if (horizontal < kWallNormal) {
                if (c.normal.z < 0.0) velocity_.z = std::min(velocity_.z, 0.0);  // Head against a ceiling.
                continue;
            }
            // Moving sideways by s along the wall's horizontal normal moves s*horizontal along the normal.
            const double s = std::min(c.depth / horizontal, r);
            if (s > push) { push = s; deepest = &c; }
        }
        if (!deepest) return;
        const glm::dvec3 n = glm::normalize(glm::dvec3(deepest->normal.x, deepest->normal.y, 0.0));
        feet_ += n * (push + kSkin);
        const double into = glm::dot(velocity_, n);
        if (into < 0.0) velocity_ -= n * into;
    }
}

void WalkController::moveVertically(double dt) {
    if (!world_) return;
    if (onGround_) {
        if (input_.jump) {
            velocity_.z = settings_.jumpSpeed;
            onGround_ = false;
        } else if (auto ground = groundBelow(settings_.maxStepUp)) {
            const double rise = ground->position.z - feet_.z;
            if (rise > 0.0) eyeOffset_ -= rise;  // The eye eases up the step (see stepSmoothing).
            feet_.z = ground->position.z;
            velocity_.z = 0.0;
            return;
        } else {
            onGround_ = false;  // Walked off an edge.
            velocity_.z = 0.0;
        }
    }
    velocity_.z = std::max(velocity_.z - settings_.gravity * dt, -settings_.maxFallSpeed);
    const double dz = velocity_.z * dt;
    if (velocity_.z <= 0.0) {
        if (auto ground = groundBelow(-dz)) {
            if (ground->position.z >= feet_.z + dz) {
                feet_.z = ground->position.z;
                velocity_.z = 0.0;
                onGround_ = true;
                return;
            }
        }
    }
    feet_.z += dz;
}

// Ground under the feet: the first surface hit by a ray from maxStepUp above the feet down to
// `searchBelowFeet` below them. A surface up to maxStepUp above the feet counts (a step up).
std::optional<Hit> WalkController::groundBelow(double searchBelowFeet) const {
    if (!world_) return std::nullopt;
    const glm::dvec3 from = feet_ + glm::dvec3(0, 0, settings_.maxStepUp);
    return world_->raycast(from, glm::dvec3(0, 0, -1), settings_.maxStepUp + std::max(searchBelowFeet, 0.0) + kSkin);
}

}  // namespace axis::nav
