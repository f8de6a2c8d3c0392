#pragma once
// Mesh builder primitives, in the current Mesh placement's frame (x east, y north, z up, metres).
// UVs are metres along the surface; materials.h scales them to texture repeats.
#include <functional>
#include <string>
#include <vector>

#include "mesh.h"

namespace demo {

/// Largest step rise anywhere in the demo: people (and the walk camera) can climb it.
constexpr double kMaxStepRise = 0.3;
constexpr double kStepTread = 0.35;

/// Quad a-b-c-d, counter-clockwise seen from its front. u runs a->b, v runs a->d, in metres.
void quad(Mesh& m, const std::string& mat, glm::dvec3 a, glm::dvec3 b, glm::dvec3 c, glm::dvec3 d,
          glm::dvec2 uv0 = {0, 0});

/// Axis-aligned box; the bottom face is left out unless asked for (it sits on something).
void box(Mesh& m, const std::string& mat, glm::dvec3 lo, glm::dvec3 hi, bool bottom = false);

/// Vertical frustum (r0 at the base, r1 at the top); a cylinder when r0 == r1. `top` caps it.
void frustum(Mesh& m, const std::string& mat, glm::dvec3 base, double r0, double r1, double h, int segments,
             bool top = true);

/// A flight of stairs rising towards +y from (y = 0, z = z0) to (y = run, z = z1), x in [x0, x1];
/// the step count keeps every rise <= kMaxStepRise. Returns the run (horizontal length).
double stairs(Mesh& m, const std::string& mat, double x0, double x1, double z0, double z1);

/// Which sides of a terrace get a centred flight of stairs.
enum Side : unsigned { kSouth = 1, kNorth = 2, kEast = 4, kWest = 8 };

/// A rectangular terrace tier centred on the origin, [-hx, hx] x [-hy, hy] x [z0, z1], with a
/// low balustrade along its rim (open where stairs arrive) and stairs of `stairWidth` on `sides`.
void terrace(Mesh& m, const std::string& mat, double hx, double hy, double z0, double z1, double stairWidth,
             unsigned sides, bool rails = true);

/// A round tier of radius r, [z0, z1], with balustrade and stairs on `sides`.
void roundTerrace(Mesh& m, const std::string& mat, double r, double z0, double z1, double stairWidth,
                  unsigned sides);

/// A passage through a wall: centre x, half width, and spring height of its semicircular vault
/// (above the wall's base). Its opening is halfWidth wide on each side and reaches spring +
/// halfWidth at the crown.
struct Passage {
    double cx = 0, halfWidth = 2, spring = 4;
};

/// A solid wall block x in [x0, x1], y in [-depth/2, depth/2], z in [z0, z1], pierced along y
/// by arched `passages` that are real walk-through openings; `inner` dresses the tunnels.
void archWall(Mesh& m, const std::string& mat, const std::string& inner, double x0, double x1, double depth,
              double z0, double z1, const std::vector<Passage>& passages);

/// A height field z = height(x, y) over [x0, x1] x [y0, y1], nx by ny cells.
void heightField(Mesh& m, const std::string& mat, double x0, double x1, double y0, double y1, int nx, int ny,
                 const std::function<double(double, double)>& height);

}  // namespace demo
