#include "buildings.h"

#include <cmath>

#include "roofs.h"

namespace demo {
namespace {

constexpr double kVeranda = 1.6;  // columns stand this far outside the walls

void roof(Mesh& m, const HallSpec& s, double hx, double hy, double z0, double height) {
    const double A = hx + s.eave, B = hy + s.eave;
    switch (s.roof) {
        case RoofKind::Hip: hipRoof(m, s.tiles, A, B, std::max(0.0, A - B), 0, z0, z0 + height, s.lift); break;
        case RoofKind::Xieshan: xieshanRoof(m, s.tiles, "red_wall", A, B, z0, z0 + height, s.lift); break;
        case RoofKind::Pyramid: hipRoof(m, s.tiles, A, B, 0, 0, z0, z0 + height, s.lift); break;
        case RoofKind::Gable: gableRoof(m, s.tiles, "grey_brick", A, B, z0, z0 + height, hx); break;
    }
}

void columns(Mesh& m, const HallSpec& s, double z0) {
    if (s.columnSpacing <= 0) return;
    const double cx = s.halfX + kVeranda, cy = s.halfY + kVeranda;
    const int nx = std::max(1, int(std::round(2 * cx / s.columnSpacing)));
    const int ny = std::max(1, int(std::round(2 * cy / s.columnSpacing)));
    const auto column = [&](double x, double y) { frustum(m, "wood", {x, y, z0}, 0.42, 0.36, s.wallHeight, 10, false); };
    for (int i = 0; i <= nx; ++i) {
        const double x = -cx + 2 * cx * i / nx;
        column(x, -cy);
        column(x, cy);
    }
    for (int j = 1; j < ny; ++j) {
        const double y = -cy + 2 * cy * j / ny;
        column(-cx, y);
        column(cx, y);
    }
}

// Walls with the painted bracket frieze under the eaves.
void walls(Mesh& m, const std::string& mat, double hx, double hy, double z0, double z1) {
    box(m, mat, {-hx, -hy, z0}, {hx, hy, z1 - 1.2});
    box(m, "beam", {-hx - 0.05, -hy - 0.05, z1 - 1.2}, {hx + 0.05, hy + 0.05, z1});
}

}  // namespace

double hall(Mesh& m, const HallSpec& s, double z0) {
    if (s.plinth > 0) {
        const double px = s.halfX + kVeranda + 1.5, py = s.halfY + kVeranda + 1.5;
        terrace(m, s.plinthMat, px, py, z0, z0 + s.plinth, std::min(8.0, px), kSouth, false);
        z0 += s.plinth;
    }
    columns(m, s, z0);
    const double top = z0 + s.wallHeight;
    walls(m, s.walls, s.halfX, s.halfY, z0, top);
    if (s.columnSpacing > 0) {  // the veranda's architrave, tying the columns under the eaves
        const double cx = s.halfX + kVeranda, cy = s.halfY + kVeranda;
        box(m, "beam", {-cx - 0.3, -cy - 0.3, top - 1.0}, {cx + 0.3, -cy + 0.3, top});
        box(m, "beam", {-cx - 0.3, cy - 0.3, top - 1.0}, {cx + 0.3, cy + 0.3, top});
    }
    const double hx = s.halfX + (s.columnSpacing > 0 ? kVeranda : 0);
    const double hy = s.halfY + (s.columnSpacing > 0 ? kVeranda : 0);
    // Lower eaves: each a skirt from its eaves up against the next, narrower storey.
    double ox = hx, oy = hy, z = top;
    for (int k = 1; k < s.eaves; ++k) {
        const double ux = s.halfX - k * s.upperInset, uy = s.halfY - k * s.upperInset;
        const double skirtTop = z + 0.3 * s.roofHeight;
        hipRoof(m, s.tiles, ox + s.eave, oy + s.eave, ux, uy, z, skirtTop, s.lift * 0.8);
        z = skirtTop + s.upperHeight;
        walls(m, s.walls, ux, uy, skirtTop - 0.5, z);
        ox = ux;
        oy = uy;
    }
    roof(m, s, ox, oy, z, s.roofHeight);
    return z + s.roofHeight;
}

double gateTower(Mesh& m, const GateSpec& s) {
    archWall(m, s.material, s.material, -s.halfX, s.halfX, 2 * s.halfY, 0, s.height, s.passages);
    if (s.parapet > 0) {
        const double t = 0.6, z = s.height, h = s.parapet;
        box(m, s.material, {-s.halfX, -s.halfY, z}, {s.halfX, -s.halfY + t, z + h});
        box(m, s.material, {-s.halfX, s.halfY - t, z}, {s.halfX, s.halfY, z + h});
        box(m, s.material, {-s.halfX, -s.halfY + t, z}, {-s.halfX + t, s.halfY - t, z + h});
        box(m, s.material, {s.halfX - t, -s.halfY + t, z}, {s.halfX, s.halfY - t, z + h});
    }
    return hall(m, s.tower, s.height);
}

}  // namespace demo
