#pragma once
// One builder per landmark, each in its own local frame: origin on the ground at the landmark's
// centre, x east, y north, z up. The recipe (assets/demo-site/site.json) says where each one
// stands; layout.cpp maps its "builder" name to the function here.
#include "mesh.h"
#include "recipe.h"

namespace demo {

// gates.cpp
void buildYongdingmen(Mesh& m);
void buildJianlou(Mesh& m);
void buildZhengyangmen(Mesh& m);
void buildTiananmen(Mesh& m);
void buildDuanmen(Mesh& m);
void buildWumen(Mesh& m);
// temples.cpp
void buildTempleOfHeaven(Mesh& m);
void buildXiannongtan(Mesh& m);
// palace.cpp
void buildTaihedian(Mesh& m);
void buildPalaceWalls(Mesh& m);  ///< Forbidden City walls, corner towers and Shenwumen.
// jingshan.cpp
void buildJingshan(Mesh& m);
// towers.cpp
void buildWanningBridge(Mesh& m);
void buildDrumTower(Mesh& m);
void buildBellTower(Mesh& m);
// hutong.cpp: courtyard houses filling [x0, x1] x [y0, y1] (local), seeded for variety.
void buildHutong(Mesh& m, double x0, double x1, double y0, double y1, unsigned seed);
// ground.cpp: the whole site's ground, in site coordinates (placed at the origin), paved around
// the recipe's landmarks and hutong districts.
void buildGround(Mesh& m, const Recipe& recipe);

/// Walls with a tiled coping from a to b (axis-aligned or not), e.g. palace and temple walls.
void wallRun(Mesh& m, glm::dvec2 a, glm::dvec2 b, double height, double thickness, const char* wall,
             const char* tiles);

}  // namespace demo
