#pragma once
// Free flight (6 degrees of freedom, no gravity) whose speed follows the scene: slow near
// surfaces, fast far from them, so one input suits a relic and a kilometre-long axis alike.
//
// Speed at full input = clamp(distance to the nearest surface * speedPerMetre, minSpeed,
// maxSpeed), where maxSpeed = max(minSpeed, scene size * maxSpeedPerSceneSize); x runMultiplier
// with `run`. Optional collision keeps a sphere of `radius` outside the surfaces. Physics runs in
// fixed substeps, so the path does not depend on the frame rate.
#include "nav/first_person.h"
#include "nav/nav_world.h"

namespace axis::nav {

struct FlySettings {
    double speedPerMetre = 1.0;         ///< 1/s: at 10 m from a surface, 10 m/s.
    double minSpeed = 0.25;             ///< m/s, right against a surface.
    double maxSpeedPerSceneSize = 0.2;  ///< 1/s: crosses the whole scene in five seconds at most.
    double runMultiplier = 2.5;
    double accelerationTime = 0.15;     ///< Seconds to ~63% of a new velocity.
    bool collide = true;
    double radius = 0.2;                ///< Collision sphere, metres.
    double pitchLimit = 89.0;
    double stepHz = 240.0;
};

class FlyController final : public FirstPersonController {
public:
    /// `world` is not owned and must outlive the controller; nullptr flies at minSpeed... maxSpeed
    /// of a 100 m scene, without collision.
    explicit FlyController(const NavWorld* world, const FlySettings& settings = {});

    void reset(const Camera& camera) override;
    /// Each step dollies 15% of the distance to the nearest surface forward (+) or back (-).
    void scroll(double steps) override;
    void update(double dt) override;
    Camera camera() const override;

    const glm::dvec3& position() const { return position_; }
    const glm::dvec3& velocity() const { return velocity_; }
    /// The full-input speed at `p`, metres per second, before the run multiplier.
    double speedAt(const glm::dvec3& p) const;

private:
    void substep(double dt);
    void moveTo(const glm::dvec3& target);
    double nearestSurface(const glm::dvec3& p, double within) const;
    double maxSpeed() const;

    const NavWorld* world_;
    FlySettings settings_;
    FixedStep clock_;
    double sceneSize_ = 100.0;
    glm::dvec3 position_{0.0}, previousPosition_{0.0}, velocity_{0.0};
    std::vector<Contact> contacts_;
};

}  // namespace axis::nav
