// The gates of the axis: city gates (Yongdingmen, Zhengyangmen and its archery tower) and the
// palace gates (Tiananmen, Duanmen, Wumen). Sizes are approximate published dimensions.
#include "buildings.h"
#include "landmarks.h"
#include "roofs.h"

namespace demo {
namespace {

HallSpec cityGateTower() {
    HallSpec t;
    t.roof = RoofKind::Xieshan;
    t.eaves = 2;
    t.tiles = "grey_tile";
    t.plinth = 0;
    t.upperInset = 2.5;
    return t;
}

// Tiananmen and Duanmen share a form: a red platform with five passages, the middle one widest
// (it was the emperor's), and a nine-bay hall with a double gable-and-hip roof of yellow tiles.
GateSpec palaceGate() {
    GateSpec g;
    g.halfX = 60;
    g.halfY = 20;
    g.height = 13;
    g.material = "red_wall";
    g.passages = {{-26, 2.6, 4.5}, {-13, 3.0, 5.0}, {0, 3.8, 5.5}, {13, 3.0, 5.0}, {26, 2.6, 4.5}};
    g.tower.halfX = 28;
    g.tower.halfY = 10;
    g.tower.wallHeight = 8;
    g.tower.eaves = 2;
    g.tower.upperInset = 2.5;
    g.tower.upperHeight = 4;
    g.tower.roofHeight = 8;
    g.tower.plinth = 0.6;
    return g;
}

}  // namespace

void buildYongdingmen(Mesh& m) {
    GateSpec g;
    g.halfX = 16;
    g.halfY = 9;
    g.height = 8;
    g.material = "grey_brick";
    g.passages = {{0, 3, 4.5}};
    g.tower = cityGateTower();
    g.tower.halfX = 12;
    g.tower.halfY = 5;
    g.tower.wallHeight = 6;
    g.tower.upperHeight = 4;
    g.tower.roofHeight = 6;
    g.tower.columnSpacing = 4;
    gateTower(m, g);
}

void buildJianlou(Mesh& m) {
    // The archery tower: a fortress of grey brick pierced by four rows of archery windows.
    GateSpec g;
    g.halfX = 31;
    g.halfY = 13;
    g.height = 12;
    g.material = "grey_brick";
    g.passages = {{0, 3.5, 6}};
    g.tower = cityGateTower();
    g.tower.halfX = 27;
    g.tower.halfY = 9;
    g.tower.walls = "archery_wall";
    g.tower.columnSpacing = 0;
    g.tower.wallHeight = 13;
    g.tower.upperHeight = 2.5;
    g.tower.upperInset = 1.5;
    g.tower.roofHeight = 7;
    gateTower(m, g);
}

void buildZhengyangmen(Mesh& m) {
    GateSpec g;
    g.halfX = 25;
    g.halfY = 12;
    g.height = 13;
    g.material = "grey_brick";
    g.passages = {{0, 3.5, 6}};
    g.tower = cityGateTower();
    g.tower.halfX = 19;
    g.tower.halfY = 8;
    g.tower.wallHeight = 10;
    g.tower.upperHeight = 7;
    g.tower.roofHeight = 8;
    g.tower.columnSpacing = 4.2;
    gateTower(m, g);
}

void buildTiananmen(Mesh& m) { gateTower(m, palaceGate()); }

void buildDuanmen(Mesh& m) {
    GateSpec g = palaceGate();
    g.halfY = 18;
    gateTower(m, g);
}

void buildWumen(Mesh& m) {
    // U-shaped: the central platform with three passages and a nine-bay hall under a double hip
    // roof, and two arms reaching south, each with a gallery and two square pavilions: the
    // "Five Phoenix Towers".
    GateSpec g;
    g.halfX = 63;
    g.halfY = 18;
    g.height = 12;
    g.passages = {{-14, 2.6, 4.5}, {0, 3.2, 5.2}, {14, 2.6, 4.5}};
    g.tower.roof = RoofKind::Hip;
    g.tower.eaves = 2;
    g.tower.halfX = 30;
    g.tower.halfY = 12;
    g.tower.wallHeight = 9;
    g.tower.upperInset = 2.5;
    g.tower.upperHeight = 5;
    g.tower.roofHeight = 9;
    g.tower.plinth = 0.6;
    gateTower(m, g);
    for (double side : {-1.0, 1.0}) {
        const double x0 = side > 0 ? 39 : -63, x1 = side > 0 ? 63 : -39;
        box(m, "red_wall", {x0, -110, 0}, {x1, -18, 12});
        HallSpec gallery;
        gallery.roof = RoofKind::Xieshan;
        gallery.halfX = 34;
        gallery.halfY = 6;
        gallery.wallHeight = 5;
        gallery.roofHeight = 4;
        gallery.eave = 1.5;
        gallery.plinth = 0;
        gallery.columnSpacing = 0;
        {
            Place at(m, {side * 51, -64, 0}, 90);
            hall(m, gallery, 12);
        }
        for (double y : {-102.0, -26.0}) {
            HallSpec pavilion;
            pavilion.roof = RoofKind::Pyramid;
            pavilion.eaves = 2;
            pavilion.halfX = pavilion.halfY = 7;
            pavilion.wallHeight = 6;
            pavilion.upperInset = 1.5;
            pavilion.upperHeight = 3;
            pavilion.roofHeight = 6;
            pavilion.plinth = 0;
            pavilion.columnSpacing = 0;
            Place at(m, {side * 51, y, 0});
            hall(m, pavilion, 12);
        }
    }
}

}  // namespace demo
