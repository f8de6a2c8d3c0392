// Hutong neighbourhoods: rows of siheyuan (courtyard houses) between east-west lanes. Grey brick
// walls and grey gable roofs; each courtyard has a north main house, east and west wings, a
// south house facing inwards and a gate in its south-east corner. Low detail: there are hundreds.
#include <cmath>

#include "landmarks.h"
#include "noise.h"
#include "primitives.h"
#include "roofs.h"

namespace demo {
namespace {

constexpr double kCellX = 28, kCellY = 36;  // courtyard plus half a lane on each side
constexpr RoofDetail kLowDetail{1, 1};

// A house of length 2*hx (ridge along local x) and depth 2*hy with a gable roof.
void house(Mesh& m, double hx, double hy, double wall) {
    box(m, "grey_brick", {-hx, -hy, 0}, {hx, hy, wall});
    gableRoof(m, "grey_tile", "grey_brick", hx + 0.4, hy + 0.8, wall, wall + hy * 0.75, hx, kLowDetail);
}

void courtyard(Mesh& m, unsigned seed) {
    const double hx = 11.5 + 1.5 * hash01(int(seed), 1, 7), hy = 15.5;
    const double wall = 3.2;
    const auto variant = [&](int k) { return hash01(int(seed), k, 9); };
    {
        Place at(m, {0, hy - 3.5, 0});
        house(m, hx - 2.5, 3.2, 3.8);  // main house, facing south into the courtyard
    }
    {
        Place at(m, {0, -hy + 3, 0});
        house(m, hx - 3, 2.6, 3.4);    // south house
    }
    for (double side : {-1.0, 1.0}) {
        if (variant(side > 0 ? 2 : 3) < 0.15) continue;  // some yards lost a wing
        Place at(m, {side * (hx - 3), 0, 0}, 90);
        house(m, 6.5, 2.4, 3.3);
    }
    // Courtyard walls, and the gate: a red door under a small roof in the south-east corner.
    box(m, "grey_brick", {-hx, -hy, 0}, {hx, -hy + 0.5, wall});
    box(m, "grey_brick", {-hx, hy - 0.5, 0}, {hx, hy, wall});
    box(m, "grey_brick", {-hx, -hy + 0.5, 0}, {-hx + 0.5, hy - 0.5, wall});
    box(m, "grey_brick", {hx - 0.5, -hy + 0.5, 0}, {hx, hy - 0.5, wall});
    const double gx = hx - 3.5;
    quad(m, "door", {gx - 1.2, -hy - 0.05, 0}, {gx + 1.2, -hy - 0.05, 0}, {gx + 1.2, -hy - 0.05, 2.6},
         {gx - 1.2, -hy - 0.05, 2.6});
    Place at(m, {gx, -hy, 0});
    gableRoof(m, "grey_tile", "grey_brick", 1.9, 1.4, wall + 0.3, wall + 1.4, 1.5, kLowDetail);
}

}  // namespace

void buildHutong(Mesh& m, double x0, double x1, double y0, double y1, unsigned seed) {
    const int nx = int((x1 - x0) / kCellX), ny = int((y1 - y0) / kCellY);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const unsigned s = hash3(i, j, seed);
            if ((s & 15) == 0) continue;  // an open plot now and then: a small square or a tree yard
            Place at(m, {x0 + (i + 0.5) * kCellX, y0 + (j + 0.5) * kCellY, 0});
            courtyard(m, s);
        }
}

}  // namespace demo
