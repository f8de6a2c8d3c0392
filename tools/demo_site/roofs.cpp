#include "roofs.h"

#include <cmath>
#include <vector>

#include "primitives.h"

namespace demo {
namespace {

constexpr int kRoundUp = 6;
constexpr double kPi = 3.14159265358979323846;

// Height profile of a slope, v = 0 at the eave, 1 at the top: concave, never flat.
double profile(double v) { return 0.3 * v + 0.7 * v * v; }

// One roof face: eave edge e0->e1, top edge t0->t1 (may be a point), corners turned up by lift.
void roofFace(Mesh& m, const std::string& mat, glm::dvec2 e0, glm::dvec2 e1, glm::dvec2 t0, glm::dvec2 t1,
              double z0, double z1, double lift, RoofDetail d) {
    const int along = d.along, up = d.up;
    Part& p = m.part(mat);
    std::vector<glm::dvec3> grid((along + 1) * (up + 1));
    const auto at = [&](int i, int j) -> glm::dvec3& { return grid[j * (along + 1) + i]; };
    for (int j = 0; j <= up; ++j)
        for (int i = 0; i <= along; ++i) {
            const double u = double(i) / along, v = double(j) / up;
            const glm::dvec2 xy = glm::mix(glm::mix(e0, e1, u), glm::mix(t0, t1, u), v);
            const double corner = std::pow(std::abs(2 * u - 1), 4.0) * (1 - v) * (1 - v);
            at(i, j) = {xy, z0 + (z1 - z0) * profile(v) + lift * corner};
        }
    const glm::dvec2 eaveDir = glm::normalize(e1 - e0);
    const auto first = std::uint32_t(p.positions.size());
    for (int j = 0; j <= up; ++j)
        for (int i = 0; i <= along; ++i) {
            const glm::dvec3 du = at(std::min(i + 1, along), j) - at(std::max(i - 1, 0), j);
            const glm::dvec3 dv = at(i, std::min(j + 1, up)) - at(i, std::max(j - 1, 0));
            glm::dvec3 n = glm::cross(du, dv);
            if (glm::length(n) < 1e-12) n = {0, 0, 1};  // where the face narrows to a point
            n = glm::normalize(n);
            if (n.z < 0) n = -n;
            const glm::dvec3 q = at(i, j);
            const double slant = glm::length(glm::dvec2(q) - glm::mix(e0, e1, double(i) / along));
            m.vertex(p, q, n, {glm::dot(glm::dvec2(q), eaveDir), std::hypot(slant, q.z - z0)});
        }
    const auto idx = [&](int i, int j) { return first + std::uint32_t(j * (along + 1) + i); };
    for (int j = 0; j < up; ++j)
        for (int i = 0; i < along; ++i) {
            Mesh::triangle(p, idx(i, j), idx(i + 1, j), idx(i + 1, j + 1));
            Mesh::triangle(p, idx(i, j), idx(i + 1, j + 1), idx(i, j + 1));
        }
}

}  // namespace

void hipRoof(Mesh& m, const std::string& mat, double A, double B, double a, double b, double z0, double z1,
             double lift, RoofDetail d) {
    roofFace(m, mat, {-A, -B}, {A, -B}, {-a, -b}, {a, -b}, z0, z1, lift, d);  // south
    roofFace(m, mat, {A, B}, {-A, B}, {a, b}, {-a, b}, z0, z1, lift, d);      // north
    roofFace(m, mat, {A, -B}, {A, B}, {a, -b}, {a, b}, z0, z1, lift, d);      // east
    roofFace(m, mat, {-A, B}, {-A, -B}, {-a, b}, {-a, -b}, z0, z1, lift, d);  // west
    if (a > 0 && b == 0) ridge(m, mat, a + 0.3, z1);
}

void gableRoof(Mesh& m, const std::string& mat, const std::string& gableMat, double A, double B, double z0,
               double z1, double gableX, RoofDetail d) {
    const int up = d.up;
    roofFace(m, mat, {-A, -B}, {A, -B}, {-A, 0}, {A, 0}, z0, z1, 0.0, d);
    roofFace(m, mat, {A, B}, {-A, B}, {A, 0}, {-A, 0}, z0, z1, 0.0, d);
    if (d.along > 1) ridge(m, mat, A, z1);  // low-detail roofs (hutong) go without
    // Gable ends: strips from the roof line down to the eave level, on both ends.
    for (double x : {-gableX, gableX}) {
        for (int j = 0; j < up; ++j)
            for (double side : {-1.0, 1.0}) {
                const double v0 = double(j) / up, v1 = double(j + 1) / up;
                const glm::dvec3 p0(x, side * B * (1 - v0), z0 + (z1 - z0) * profile(v0));
                const glm::dvec3 p1(x, side * B * (1 - v1), z0 + (z1 - z0) * profile(v1));
                const glm::dvec3 b0(p0.x, p0.y, z0), b1(p1.x, p1.y, z0);
                const bool facesEast = (x > 0) == (side < 0);
                if (facesEast) quad(m, gableMat, b0, b1, p1, p0, {p0.y, z0});
                else quad(m, gableMat, b1, b0, p0, p1, {-p1.y, z0});
            }
    }
}

void xieshanRoof(Mesh& m, const std::string& mat, const std::string& gableMat, double A, double B, double z0,
                 double z1, double lift) {
    const double zm = z0 + 0.45 * (z1 - z0);
    const double b = 0.5 * B, a = A - 0.5 * B;
    hipRoof(m, mat, A, B, a, b, z0, zm, lift);
    gableRoof(m, mat, gableMat, a + 0.4, b, zm, z1, a);
}

void roundRoof(Mesh& m, const std::string& mat, double r0, double r1, double z0, double z1) {
    Part& p = m.part(mat);
    const int segments = 48;
    const auto first = std::uint32_t(p.positions.size());
    const int up = kRoundUp;
    for (int j = 0; j <= up; ++j)
        for (int i = 0; i <= segments; ++i) {
            const double a = 2 * kPi * i / segments, v = double(j) / up;
            const double r = r0 + (r1 - r0) * v, z = z0 + (z1 - z0) * profile(v);
            const double slope = (z1 - z0) * (0.3 + 1.4 * v) / std::max(1e-6, r0 - r1);  // dz/dr
            const glm::dvec3 n = glm::normalize(glm::dvec3(std::cos(a) * slope, std::sin(a) * slope, 1.0));
            m.vertex(p, {std::cos(a) * r, std::sin(a) * r, z}, n, {a * r0, v * (r0 - r1)});
        }
    const auto idx = [&](int i, int j) { return first + std::uint32_t(j * (segments + 1) + i); };
    for (int j = 0; j < up; ++j)
        for (int i = 0; i < segments; ++i) {
            Mesh::triangle(p, idx(i, j), idx(i + 1, j), idx(i + 1, j + 1));
            Mesh::triangle(p, idx(i, j), idx(i + 1, j + 1), idx(i, j + 1));
        }
}

void ridge(Mesh& m, const std::string& mat, double halfLength, double z) {
    box(m, mat, {-halfLength, -0.35, z - 0.3}, {halfLength, 0.35, z + 0.5});
}

}  // namespace demo
