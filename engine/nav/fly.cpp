#include "nav/fly.h"

#include <algorithm>
#include <cmath>

namespace axis::nav {

FlyController::FlyController(const NavWorld* world, const FlySettings& settings)
    : FirstPersonController(settings.pitchLimit), world_(world), settings_(settings), clock_(settings.stepHz) {
    if (world_ && !world_->bounds().empty()) sceneSize_ = std::max(glm::length(world_->bounds().size()), 1.0);
}

void FlyController::reset(const Camera& camera) {
    fovY_ = camera.fovY;
    setOrientation(camera.forward);
    position_ = previousPosition_ = camera.position;
    velocity_ = glm::dvec3(0.0);
    clock_.clear();
}

double FlyController::maxSpeed() const {
    return std::max(settings_.minSpeed, sceneSize_ * settings_.maxSpeedPerSceneSize);
}

// Distance to the nearest surface, or `within` when none is closer.
double FlyController::nearestSurface(const glm::dvec3& p, double within) const {
    if (!world_) return within;
    const auto hit = world_->closestPoint(p, within);
    return hit ? hit->distance : within;
}

double FlyController::speedAt(const glm::dvec3& p) const {
    const double top = maxSpeed();
    // Searching no further than where the speed stops growing keeps the query cheap.
    const double distance = nearestSurface(p, top / settings_.speedPerMetre);
    return std::clamp(distance * settings_.speedPerMetre, settings_.minSpeed, top);
}

void FlyController::scroll(double steps) {
    const double distance = nearestSurface(position_, sceneSize_);
    moveTo(position_ + forward() * (0.15 * std::max(distance, settings_.minSpeed) * steps));
    previousPosition_ = position_;
}

void FlyController::update(double dt) {
    for (int n = clock_.advance(dt); n > 0; --n) substep(clock_.step());
}

Camera FlyController::camera() const {
    Camera c = cameraAt(glm::mix(previousPosition_, position_, clock_.alpha()));
    c.nearPlane = settings_.collide ? std::min(0.05, settings_.radius * 0.5) : 0.05;
    return c;
}

void FlyController::substep(double dt) {
    previousPosition_ = position_;
    turn(input_.lookRate.x * dt, input_.lookRate.y * dt);
    const glm::dvec2 move = clampUnit(input_.move);
    const double rise = std::clamp(input_.rise, -1.0, 1.0);
    glm::dvec3 wish = forward() * move.y + right() * move.x + glm::dvec3(0, 0, rise);
    if (glm::length(wish) > 1.0) wish = glm::normalize(wish);
    const double speed = speedAt(position_) * (input_.run ? settings_.runMultiplier : 1.0);
    velocity_ += (wish * speed - velocity_) * approachFactor(dt, settings_.accelerationTime);
    if (glm::length(velocity_) > 1e-9) moveTo(position_ + velocity_ * dt);
}

// Moves in pieces of at most half the radius and pushes the sphere out of what it touches,
// removing the velocity into each surface so that it glides along it.
void FlyController::moveTo(const glm::dvec3& target) {
    if (!settings_.collide || !world_) {
        position_ = target;
        return;
    }
    const glm::dvec3 delta = target - position_;
    const int pieces = std::max(1, static_cast<int>(std::ceil(glm::length(delta) / (0.5 * settings_.radius))));
    for (int i = 0; i < pieces; ++i) {
        position_ += delta / double(pieces);
        for (int iteration = 0; iteration < 4; ++iteration) {
            contacts_.clear();
            world_->capsuleContacts(position_, position_, settings_.radius, contacts_);
            const auto deepest = std::max_element(contacts_.begin(), contacts_.end(),
                                                  [](const Contact& a, const Contact& b) { return a.depth < b.depth; });
            if (deepest == contacts_.end()) break;
            position_ += deepest->normal * (deepest->depth + 1e-4);
            const double into = glm::dot(velocity_, deepest->normal);
            if (into < 0.0) velocity_ -= deepest->normal * into;
        }
    }
}

}  // namespace axis::nav
