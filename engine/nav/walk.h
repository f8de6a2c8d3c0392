#pragma once
// Walking through a site at eye height: gravity, following the ground, climbing kerbs and stairs,
// sliding along walls. The body is a vertical capsule tested against the scene's triangles; the
// ground is found by a ray cast straight down from the body's centre line.
//
// Input: NavInput::move (x strafe, y forward) at walkSpeed (x runMultiplier with `run`),
// lookRate and look()/drags for the view, jump. Physics runs in fixed substeps (settings.stepHz),
// so the path does not depend on the frame rate; camera() interpolates between substeps.
#include "nav/first_person.h"
#include "nav/nav_world.h"

namespace axis::nav {

struct WalkSettings {
    double eyeHeight = 1.6;       ///< Metres from the feet to the eye.
    double bodyHeight = 1.75;     ///< Top of the collision capsule above the feet.
    double radius = 0.22;         ///< Capsule radius; the body cannot pass gaps narrower than 2x this.
    double maxStepUp = 0.35;      ///< Highest kerb or stair rise climbed without jumping; also how
                                  ///< far it follows the ground down a step before falling.
    double walkSpeed = 1.4;       ///< Metres per second at full input.
    double runMultiplier = 2.5;
    double accelerationTime = 0.1;  ///< Seconds to reach ~63% of a new speed (smooths starts and stops).
    double gravity = 9.81;        ///< Metres per second squared.
    double jumpSpeed = 3.5;       ///< Upward metres per second at take-off (~0.6 m jump).
    double maxFallSpeed = 50.0;
    double stepSmoothing = 0.08;  ///< Seconds over which the eye eases up a climbed step.
    double pitchLimit = 85.0;     ///< Degrees up or down.
    double stepHz = 240.0;        ///< Physics substeps per second.
};

class WalkController final : public FirstPersonController {
public:
    /// `world` is not owned and must outlive the controller; nullptr walks on a level plane at the
    /// height reset() gives (no collision).
    explicit WalkController(const NavWorld* world, const WalkSettings& settings = {});

    /// Stands on the ground below `camera`'s eye (found within eyeHeight + maxStepUp below it;
    /// otherwise starts falling from there), looking its way.
    void reset(const Camera& camera) override;
    /// Puts the feet exactly at `feet` (site frame), standing, with the given heading and pitch.
    void placeFeet(const glm::dvec3& feet, double yawDegrees, double pitchDegrees);

    /// Walk has no zoom: a scroll step moves half a metre forward or back, with collision.
    void scroll(double steps) override;
    void update(double dt) override;
    Camera camera() const override;

    const glm::dvec3& feet() const { return feet_; }  ///< Site frame, after the last substep.
    bool onGround() const { return onGround_; }
    const glm::dvec3& velocity() const { return velocity_; }
    const WalkSettings& settings() const { return settings_; }

private:
    void substep(double dt);
    void moveHorizontally(const glm::dvec3& delta);
    void resolveWalls();
    void moveVertically(double dt);
    std::optional<Hit> groundBelow(double searchBelowFeet) const;

    const NavWorld* world_;
    WalkSettings settings_;
    FixedStep clock_;
    glm::dvec3 feet_{0.0}, previousFeet_{0.0};
    glm::dvec3 velocity_{0.0};  ///< Horizontal x, y and vertical z, metres per second.
    bool onGround_ = true;
    double eyeOffset_ = 0.0;  ///< Decays to 0 after a step up, so the eye does not jump.
    std::vector<Contact> contacts_;  ///< Reused between substeps.
};

}  // namespace axis::nav
