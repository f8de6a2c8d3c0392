// The altars flanking the southern axis: the Temple of Heaven (east) and the Temple of
// Agriculture, Xiannongtan (west). Plus wallRun(), the tiled-coping wall they and the palace use.
#include <cmath>

#include "buildings.h"
#include "landmarks.h"
#include "roofs.h"

namespace demo {

void wallRun(Mesh& m, glm::dvec2 a, glm::dvec2 b, double height, double thickness, const char* wall,
             const char* tiles) {
    const glm::dvec2 d = b - a;
    const double half = glm::length(d) / 2;
    const glm::dvec2 mid = (a + b) * 0.5;
    Place at(m, {mid, 0}, glm::degrees(std::atan2(d.y, d.x)));
    box(m, wall, {-half, -thickness / 2, 0}, {half, thickness / 2, height});
    gableRoof(m, tiles, wall, half + 0.3, thickness / 2 + 0.5, height, height + 0.3 + thickness * 0.25, half,
              RoofDetail{2, 2});
}

namespace {

// A round storey of the Hall of Prayer: lattice wall ring with a painted frieze at the top.
void roundStorey(Mesh& m, double r, double z0, double z1) {
    frustum(m, "lattice", {0, 0, z0}, r, r, z1 - z0 - 1.2, 48, false);
    frustum(m, "beam", {0, 0, z1 - 1.2}, r + 0.05, r + 0.05, 1.2, 48, true);
}

// A square enclosure [-hx, hx] x [-hy, hy] with an opening of `gate` metres in the south wall.
void enclosure(Mesh& m, double hx, double hy, double gate, const char* tiles) {
    wallRun(m, {-hx, hy}, {hx, hy}, 4, 1.5, "red_wall", tiles);
    wallRun(m, {-hx, -hy}, {-hx, hy}, 4, 1.5, "red_wall", tiles);
    wallRun(m, {hx, -hy}, {hx, hy}, 4, 1.5, "red_wall", tiles);
    wallRun(m, {-hx, -hy}, {-gate / 2, -hy}, 4, 1.5, "red_wall", tiles);
    wallRun(m, {gate / 2, -hy}, {hx, -hy}, 4, 1.5, "red_wall", tiles);
}

}  // namespace

void buildTempleOfHeaven(Mesh& m) {
    // The Altar of Prayer for Good Harvests: three round marble tiers, stairs north and south.
    roundTerrace(m, "marble", 45, 0.0, 1.8, 10, kSouth | kNorth);
    roundTerrace(m, "marble", 37, 1.8, 3.6, 10, kSouth | kNorth);
    roundTerrace(m, "marble", 29, 3.6, 5.4, 10, kSouth | kNorth);
    // The Hall of Prayer for Good Harvests: a round hall under three blue conical eaves.
    const double z = 5.4;
    roundStorey(m, 15.0, z, z + 8.5);
    roundRoof(m, "blue_tile", 19.0, 12.5, z + 8.5, z + 11.0);
    roundStorey(m, 12.5, z + 10.5, z + 15.5);
    roundRoof(m, "blue_tile", 16.0, 10.0, z + 15.5, z + 18.0);
    roundStorey(m, 10.0, z + 17.5, z + 22.0);
    roundRoof(m, "blue_tile", 13.5, 0.4, z + 22.0, z + 33.0);
    frustum(m, "gold", {0, 0, z + 32.5}, 0.9, 0.15, 3.5, 12, false);
    enclosure(m, 90, 90, 14, "blue_tile");
}

void buildXiannongtan(Mesh& m) {
    // Taisui Hall: seven bays under a single gable-and-hip roof of dark glazed tiles.
    {
        HallSpec taisui;
        taisui.halfX = 25;
        taisui.halfY = 10;
        taisui.wallHeight = 8;
        taisui.roofHeight = 8;
        taisui.tiles = "grey_tile";
        taisui.plinth = 1.2;
        Place at(m, {0, 50, 0});
        hall(m, taisui, 0);
    }
    // Guangengtai, the terrace from which the emperor watched the ploughing: stairs on three sides.
    {
        Place at(m, {60, -50, 0});
        terrace(m, "marble", 8, 8, 0, 1.9, 4, kSouth | kEast | kWest);
    }
    enclosure(m, 120, 110, 12, "grey_tile");
}

}  // namespace demo
