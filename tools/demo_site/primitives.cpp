#include "primitives.h"

#include <cmath>

namespace demo {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRailHeight = 1.0, kRailThickness = 0.3;

// Balustrade along a segment, leaving out [gap0, gap1] (parameter along the segment in metres).
void railing(Mesh& m, const std::string& mat, glm::dvec2 a, glm::dvec2 b, double z, double gap0, double gap1) {
    const double len = glm::length(b - a);
    const glm::dvec2 dir = (b - a) / len;
    const auto piece = [&](double s0, double s1) {
        if (s1 - s0 < 0.05) return;
        const glm::dvec2 p0 = a + dir * s0, p1 = a + dir * s1;
        const glm::dvec2 lo = glm::min(p0, p1) - glm::dvec2(kRailThickness / 2);
        const glm::dvec2 hi = glm::max(p0, p1) + glm::dvec2(kRailThickness / 2);
        box(m, mat, {lo, z}, {hi, z + kRailHeight});
    };
    piece(0, std::max(0.0, gap0));
    piece(std::min(len, gap1), len);
}

}  // namespace

void quad(Mesh& m, const std::string& mat, glm::dvec3 a, glm::dvec3 b, glm::dvec3 c, glm::dvec3 d, glm::dvec2 uv0) {
    Part& p = m.part(mat);
    const glm::dvec3 n = glm::normalize(glm::cross(b - a, d - a));
    const glm::dvec3 eu = glm::normalize(b - a);
    const glm::dvec3 ev = glm::normalize(glm::cross(n, eu));
    const auto uv = [&](const glm::dvec3& q) { return uv0 + glm::dvec2(glm::dot(q - a, eu), glm::dot(q - a, ev)); };
    const auto ia = m.vertex(p, a, n, uv(a)), ib = m.vertex(p, b, n, uv(b));
    const auto ic = m.vertex(p, c, n, uv(c)), id = m.vertex(p, d, n, uv(d));
    Mesh::triangle(p, ia, ib, ic);
    Mesh::triangle(p, ia, ic, id);
}

void box(Mesh& m, const std::string& mat, glm::dvec3 lo, glm::dvec3 hi, bool bottom) {
    const double x0 = lo.x, y0 = lo.y, z0 = lo.z, x1 = hi.x, y1 = hi.y, z1 = hi.z;
    // UV v starts at the box's base height so courses line up between stacked boxes.
    quad(m, mat, {x0, y0, z0}, {x1, y0, z0}, {x1, y0, z1}, {x0, y0, z1}, {x0, z0});   // south
    quad(m, mat, {x1, y1, z0}, {x0, y1, z0}, {x0, y1, z1}, {x1, y1, z1}, {-x1, z0});  // north
    quad(m, mat, {x1, y0, z0}, {x1, y1, z0}, {x1, y1, z1}, {x1, y0, z1}, {y0, z0});   // east
    quad(m, mat, {x0, y1, z0}, {x0, y0, z0}, {x0, y0, z1}, {x0, y1, z1}, {-y1, z0});  // west
    quad(m, mat, {x0, y0, z1}, {x1, y0, z1}, {x1, y1, z1}, {x0, y1, z1}, {x0, y0});   // top
    if (bottom) quad(m, mat, {x0, y1, z0}, {x1, y1, z0}, {x1, y0, z0}, {x0, y0, z0});
}

void frustum(Mesh& m, const std::string& mat, glm::dvec3 base, double r0, double r1, double h, int segments,
             bool top) {
    Part& p = m.part(mat);
    const double slope = (r0 - r1) / h;
    for (int i = 0; i <= segments; ++i) {
        const double a = 2 * kPi * i / segments;
        const glm::dvec3 dir(std::cos(a), std::sin(a), 0);
        const glm::dvec3 n = glm::normalize(dir + glm::dvec3(0, 0, slope));
        const double u = a * r0;
        m.vertex(p, base + dir * r0, n, {u, 0});
        m.vertex(p, base + dir * r1 + glm::dvec3(0, 0, h), n, {u, h});
    }
    const auto first = std::uint32_t(p.positions.size() - 2 * (segments + 1));
    for (int i = 0; i < segments; ++i) {
        const auto b = first + 2 * i;
        Mesh::triangle(p, b, b + 2, b + 3);
        Mesh::triangle(p, b, b + 3, b + 1);
    }
    if (!top || r1 <= 0) return;
    const auto centre = m.vertex(p, base + glm::dvec3(0, 0, h), {0, 0, 1}, {0, 0});
    for (int i = 0; i <= segments; ++i) {
        const double a = 2 * kPi * i / segments;
        m.vertex(p, base + glm::dvec3(std::cos(a) * r1, std::sin(a) * r1, h), {0, 0, 1},
                 {std::cos(a) * r1, std::sin(a) * r1});
    }
    for (int i = 0; i < segments; ++i) Mesh::triangle(p, centre, centre + 1 + i, centre + 2 + i);
}

double stairs(Mesh& m, const std::string& mat, double x0, double x1, double z0, double z1) {
    const int steps = std::max(1, int(std::ceil((z1 - z0) / kMaxStepRise - 1e-9)));
    const double rise = (z1 - z0) / steps;
    for (int i = 0; i < steps; ++i) {
        // Step i: its riser at y = i * tread, its top at z0 + (i + 1) * rise, a block down to z0.
        const double y = i * kStepTread, z = z0 + (i + 1) * rise;
        box(m, mat, {x0, y, z0}, {x1, y + kStepTread, z});
    }
    return steps * kStepTread;
}

void terrace(Mesh& m, const std::string& mat, double hx, double hy, double z0, double z1, double stairWidth,
             unsigned sides, bool rails) {
    box(m, mat, {-hx, -hy, z0}, {hx, hy, z1});
    const double w = stairWidth / 2;
    // Stairs: built rising towards +y, then turned so they climb onto each chosen side.
    struct Flight { Side side; double turn; double edge; };
    for (const Flight& f : {Flight{kSouth, 0, hy}, Flight{kNorth, 180, hy}, Flight{kEast, 90, hx}, Flight{kWest, -90, hx}}) {
        if (!(sides & f.side)) continue;
        const double run = std::ceil((z1 - z0) / kMaxStepRise - 1e-9) * kStepTread;
        Place place(m, {0, 0, 0}, f.turn);
        Place at(m, {0, -f.edge - run, 0});
        stairs(m, mat, -w, w, z0, z1);
    }
    if (!rails) return;
    const double zr = z1, ri = kRailThickness / 2;
    const auto gap = [&](Side s, double len) { return (sides & s) ? std::pair{len / 2 - w, len / 2 + w} : std::pair{0.0, 0.0}; };
    const auto [s0, s1] = gap(kSouth, 2 * hx);
    railing(m, mat, {-hx + ri, -hy + ri}, {hx - ri, -hy + ri}, zr, s0, s1);
    const auto [n0, n1] = gap(kNorth, 2 * hx);
    railing(m, mat, {-hx + ri, hy - ri}, {hx - ri, hy - ri}, zr, n0, n1);
    const auto [e0, e1] = gap(kEast, 2 * hy);
    railing(m, mat, {hx - ri, -hy + ri}, {hx - ri, hy - ri}, zr, e0, e1);
    const auto [w0, w1] = gap(kWest, 2 * hy);
    railing(m, mat, {-hx + ri, -hy + ri}, {-hx + ri, hy - ri}, zr, w0, w1);
}

void roundTerrace(Mesh& m, const std::string& mat, double r, double z0, double z1, double stairWidth,
                  unsigned sides) {
    const int segments = 64;
    frustum(m, mat, {0, 0, z0}, r, r, z1 - z0, segments, true);
    const double run = std::ceil((z1 - z0) / kMaxStepRise - 1e-9) * kStepTread;
    const double w = stairWidth / 2;
    struct Flight { Side side; double turn; };
    for (const Flight& f : {Flight{kSouth, 0}, Flight{kNorth, 180}, Flight{kEast, 90}, Flight{kWest, -90}}) {
        if (!(sides & f.side)) continue;
        Place place(m, {0, 0, 0}, f.turn);
        // The flight starts outside the circle and runs a little under the rim.
        Place at(m, {0, -r - run + 0.3, 0});
        stairs(m, mat, -w, w, z0, z1);
    }
    // Rail posts on the rim, leaving the stair mouths open.
    const double rr = r - kRailThickness;
    for (int i = 0; i < segments; ++i) {
        const double a0 = 2 * kPi * i / segments, a1 = 2 * kPi * (i + 1) / segments;
        const glm::dvec2 p0(std::cos(a0) * rr, std::sin(a0) * rr), p1(std::cos(a1) * rr, std::sin(a1) * rr);
        const glm::dvec2 mid = (p0 + p1) * 0.5;
        const bool open = (std::abs(mid.x) < w + 0.5 && ((mid.y < 0 && (sides & kSouth)) || (mid.y > 0 && (sides & kNorth)))) ||
                          (std::abs(mid.y) < w + 0.5 && ((mid.x > 0 && (sides & kEast)) || (mid.x < 0 && (sides & kWest))));
        if (open) continue;
        const glm::dvec2 out = glm::normalize(mid) * (kRailThickness / 2);
        quad(m, mat, {p0 + out, z1}, {p1 + out, z1}, {p1 + out, z1 + kRailHeight}, {p0 + out, z1 + kRailHeight});
        quad(m, mat, {p1 - out, z1}, {p0 - out, z1}, {p0 - out, z1 + kRailHeight}, {p1 - out, z1 + kRailHeight});
        quad(m, mat, {p0 + out, z1 + kRailHeight}, {p1 + out, z1 + kRailHeight}, {p1 - out, z1 + kRailHeight},
             {p0 - out, z1 + kRailHeight});
    }
}

void archWall(Mesh& m, const std::string& mat, const std::string& inner, double x0, double x1, double depth,
              double z0, double z1, const std::vector<Passage>& passages) {
    const double yf = -depth / 2, yb = depth / 2;
    const int arcSteps = 12;
    // Front (y = yf, facing -y) and back (y = yb, facing +y) faces: piers, then arch spandrels.
    const auto face = [&](double y, bool front) {
        const auto rect = [&](double xa, double xb, double za, double zb) {
            if (xb - xa < 1e-6 || zb - za < 1e-6) return;
            if (front) quad(m, mat, {xa, y, za}, {xb, y, za}, {xb, y, zb}, {xa, y, zb}, {xa, za});
            else quad(m, mat, {xb, y, za}, {xa, y, za}, {xa, y, zb}, {xb, y, zb}, {-xb, za});
        };
        double x = x0;
        for (const Passage& p : passages) {
            rect(x, p.cx - p.halfWidth, z0, z1);
            const double spring = z0 + p.spring;
            for (int i = 0; i < arcSteps; ++i) {
                // theta from pi (west springing) to 0 (east springing).
                const double t0 = kPi * (1.0 - double(i) / arcSteps), t1 = kPi * (1.0 - double(i + 1) / arcSteps);
                const glm::dvec2 a0(p.cx + p.halfWidth * std::cos(t0), spring + p.halfWidth * std::sin(t0));
                const glm::dvec2 a1(p.cx + p.halfWidth * std::cos(t1), spring + p.halfWidth * std::sin(t1));
                const glm::dvec3 lo0(a0.x, y, a0.y), lo1(a1.x, y, a1.y), hi0(a0.x, y, z1), hi1(a1.x, y, z1);
                if (front) quad(m, mat, lo0, lo1, hi1, hi0, {a0.x, a0.y});
                else quad(m, mat, lo1, lo0, hi0, hi1, {-a1.x, a1.y});
            }
            x = p.cx + p.halfWidth;
        }
        rect(x, x1, z0, z1);
    };
    face(yf, true);
    face(yb, false);
    quad(m, mat, {x1, yf, z0}, {x1, yb, z0}, {x1, yb, z1}, {x1, yf, z1}, {yf, z0});
    quad(m, mat, {x0, yb, z0}, {x0, yf, z0}, {x0, yf, z1}, {x0, yb, z1}, {-yb, z0});
    quad(m, mat, {x0, yf, z1}, {x1, yf, z1}, {x1, yb, z1}, {x0, yb, z1}, {x0, yf});
    // Tunnels: straight sides up to the spring, then the vault, all facing inwards.
    for (const Passage& p : passages) {
        const double xl = p.cx - p.halfWidth, xr = p.cx + p.halfWidth, spring = z0 + p.spring;
        quad(m, inner, {xl, yf, z0}, {xl, yb, z0}, {xl, yb, spring}, {xl, yf, spring}, {yf, z0});
        quad(m, inner, {xr, yb, z0}, {xr, yf, z0}, {xr, yf, spring}, {xr, yb, spring}, {-yb, z0});
        for (int i = 0; i < arcSteps; ++i) {
            const double t0 = kPi * double(i) / arcSteps, t1 = kPi * double(i + 1) / arcSteps;
            const glm::dvec3 a0(p.cx + p.halfWidth * std::cos(t0), 0, spring + p.halfWidth * std::sin(t0));
            const glm::dvec3 a1(p.cx + p.halfWidth * std::cos(t1), 0, spring + p.halfWidth * std::sin(t1));
            quad(m, inner, {a0.x, yb, a0.z}, {a0.x, yf, a0.z}, {a1.x, yf, a1.z}, {a1.x, yb, a1.z}, {0, t0 * p.halfWidth});
        }
    }
}

void heightField(Mesh& m, const std::string& mat, double x0, double x1, double y0, double y1, int nx, int ny,
                 const std::function<double(double, double)>& height) {
    Part& p = m.part(mat);
    const double dx = (x1 - x0) / nx, dy = (y1 - y0) / ny;
    const auto first = std::uint32_t(p.positions.size());
    for (int j = 0; j <= ny; ++j)
        for (int i = 0; i <= nx; ++i) {
            const double x = x0 + i * dx, y = y0 + j * dy;
            const double hx = height(x + dx * 0.5, y) - height(x - dx * 0.5, y);
            const double hy = height(x, y + dy * 0.5) - height(x, y - dy * 0.5);
            const glm::dvec3 n = glm::normalize(glm::dvec3(-hx / dx, -hy / dy, 1.0));
            m.vertex(p, {x, y, height(x, y)}, n, {x, y});
        }
    const auto at = [&](int i, int j) { return first + std::uint32_t(j * (nx + 1) + i); };
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            Mesh::triangle(p, at(i, j), at(i + 1, j), at(i + 1, j + 1));
            Mesh::triangle(p, at(i, j), at(i + 1, j + 1), at(i, j + 1));
        }
}

}  // namespace demo
