// The Forbidden City on the axis: the Hall of Supreme Harmony on its three-tier terrace, and the
// palace walls with corner towers and the north gate, Shenwumen.
#include "buildings.h"
#include "landmarks.h"
#include "roofs.h"

namespace demo {

void buildTaihedian(Mesh& m) {
    // The three-tier white marble terrace (sandatai), 8.1 m high, stairs south and north.
    terrace(m, "marble", 65, 50, 0.0, 2.7, 14, kSouth | kNorth);
    terrace(m, "marble", 60, 45, 2.7, 5.4, 14, kSouth | kNorth);
    terrace(m, "marble", 55, 40, 5.4, 8.1, 14, kSouth | kNorth);
    // Eleven bays by five under a double hip roof, the highest rank of roof; about 35 m in all.
    HallSpec h;
    h.roof = RoofKind::Hip;
    h.eaves = 2;
    h.halfX = 30;
    h.halfY = 15;
    h.wallHeight = 11;
    h.upperInset = 3;
    h.upperHeight = 4;
    h.roofHeight = 9.5;
    h.eave = 3.5;
    h.columnSpacing = 5.5;
    h.plinth = 0.6;
    hall(m, h, 8.1);
}

void buildPalaceWalls(Mesh& m) {
    // Local frame: the palace centre. 753 m east-west, 961 m north-south; Wumen fills the gap in
    // the south wall, Shenwumen the gap in the north wall.
    const double hx = 376, hy = 480, height = 10, thick = 8;
    wallRun(m, {-hx, -hy}, {-63, -hy}, height, thick, "red_wall", "yellow_tile");
    wallRun(m, {63, -hy}, {hx, -hy}, height, thick, "red_wall", "yellow_tile");
    wallRun(m, {-hx, hy}, {-24, hy}, height, thick, "red_wall", "yellow_tile");
    wallRun(m, {24, hy}, {hx, hy}, height, thick, "red_wall", "yellow_tile");
    wallRun(m, {-hx, -hy}, {-hx, hy}, height, thick, "red_wall", "yellow_tile");
    wallRun(m, {hx, -hy}, {hx, hy}, height, thick, "red_wall", "yellow_tile");
    for (double x : {-hx, hx})
        for (double y : {-hy, hy}) {
            HallSpec corner;  // the corner towers (jiaolou), much simplified
            corner.halfX = corner.halfY = 7;
            corner.eaves = 2;
            corner.wallHeight = 5;
            corner.upperInset = 2;
            corner.upperHeight = 3;
            corner.roofHeight = 5;
            corner.plinth = 0;
            corner.columnSpacing = 0;
            Place at(m, {x, y, 0});
            hall(m, corner, height);
        }
    GateSpec north;
    north.halfX = 24;
    north.halfY = 10;
    north.height = 10;
    north.passages = {{-9, 2.4, 4}, {0, 2.8, 4.5}, {9, 2.4, 4}};
    north.tower.halfX = 18;
    north.tower.halfY = 6;
    north.tower.eaves = 2;
    north.tower.wallHeight = 6;
    north.tower.upperInset = 2;
    north.tower.upperHeight = 3;
    north.tower.roofHeight = 6;
    north.tower.roof = RoofKind::Hip;
    north.tower.plinth = 0;
    Place at(m, {0, hy, 0});
    gateTower(m, north);
}

}  // namespace demo
