// The northern end of the axis: Wanning Bridge, the Drum Tower and the Bell Tower.
#include "buildings.h"
#include "landmarks.h"

namespace demo {

void buildWanningBridge(Mesh& m) {
    // A single-arch stone bridge carrying the axis road (north-south) over the channel that
    // runs east-west at z = -3 (see ground.cpp). Deck at +2 m, ramps down to the street.
    const double deck = 2.0, halfLength = 12, halfWidth = 7, ramp = 14;
    {
        Place turn(m, {0, 0, 0}, 90);  // the wall's passages run along local y = site -x
        archWall(m, "marble", "marble", -halfLength, halfLength, 2 * halfWidth, -3.0, deck, {{0, 4.0, 0.5}});
    }
    for (double s : {-1.0, 1.0}) {
        const double y0 = s * halfLength, y1 = s * (halfLength + ramp);
        // Ramp surface and its two side walls, sloping from the deck down to the street.
        if (s > 0) quad(m, "marble", {-halfWidth, y0, deck}, {halfWidth, y0, deck}, {halfWidth, y1, 0}, {-halfWidth, y1, 0});
        else quad(m, "marble", {halfWidth, y0, deck}, {-halfWidth, y0, deck}, {-halfWidth, y1, 0}, {halfWidth, y1, 0});
        for (double x : {-halfWidth, halfWidth}) {
            const bool east = (x > 0) == (s > 0);
            if (east) quad(m, "marble", {x, y1, 0}, {x, y0, 0}, {x, y0, deck}, {x, y0, deck});
            else quad(m, "marble", {x, y0, 0}, {x, y1, 0}, {x, y0, deck}, {x, y0, deck});
        }
    }
    for (double x : {-halfWidth + 0.2, halfWidth - 0.2})  // balustrades along the deck
        box(m, "marble", {x - 0.2, -halfLength, deck}, {x + 0.2, halfLength, deck + 1.0});
}

void buildDrumTower(Mesh& m) {
    // A massive red platform with three passages, then a timber storey under a double
    // gable-and-hip roof of grey tiles with green trim; about 47 m tall.
    GateSpec g;
    g.halfX = 28;
    g.halfY = 17;
    g.height = 16;
    g.passages = {{-10, 2.4, 4.5}, {0, 3.0, 5.0}, {10, 2.4, 4.5}};
    g.tower.halfX = 23;
    g.tower.halfY = 12;
    g.tower.wallHeight = 11;
    g.tower.eaves = 2;
    g.tower.upperInset = 2;
    g.tower.upperHeight = 5;
    g.tower.roofHeight = 9;
    g.tower.tiles = "grey_tile";
    g.tower.plinth = 0;
    gateTower(m, g);
}

void buildBellTower(Mesh& m) {
    // Rebuilt in brick and stone in the 1740s so that it could not burn again: grey masonry all
    // the way up, a passage through the base, a double gable-and-hip roof; about 48 m tall.
    GateSpec g;
    g.halfX = 16;
    g.halfY = 16;
    g.height = 16;
    g.material = "grey_brick";
    g.passages = {{0, 3.0, 5.0}};
    g.tower.halfX = 11;
    g.tower.halfY = 11;
    g.tower.walls = "grey_brick";
    g.tower.wallHeight = 13;
    g.tower.eaves = 2;
    g.tower.upperInset = 2;
    g.tower.upperHeight = 6;
    g.tower.roofHeight = 9;
    g.tower.tiles = "grey_tile";
    g.tower.columnSpacing = 0;
    g.tower.plinth = 0;
    gateTower(m, g);
}

}  // namespace demo
