#pragma once
// Building types shared by several landmarks: a timber hall on a plinth and a gate tower on an
// arched platform. Centred on the current placement's origin, front facing south (-y).
#include <string>
#include <vector>

#include "mesh.h"
#include "primitives.h"

namespace demo {

enum class RoofKind { Hip, Xieshan, Pyramid, Gable };

struct HallSpec {
    double halfX = 10, halfY = 6;  ///< Wall footprint.
    double wallHeight = 6;
    double roofHeight = 6;         ///< Eave to ridge (of the top roof).
    double eave = 2.5;             ///< Roof overhang beyond the walls (and veranda columns).
    RoofKind roof = RoofKind::Xieshan;
    int eaves = 1;                 ///< 2 or 3: lower eave skirts, each with a storey above it.
    double upperInset = 3;         ///< How far each upper storey steps in from the one below.
    double upperHeight = 5;
    double lift = 1.2;             ///< Upturn of the eave corners.
    std::string tiles = "yellow_tile";
    std::string walls = "lattice";
    double columnSpacing = 4.5;    ///< Veranda columns 1.6 m outside the walls; 0 = none.
    double plinth = 1.2;           ///< Height of the base platform (0 = none), stairs on the south.
    std::string plinthMat = "marble";
};

/// Builds a hall standing at z0; returns the height of its top.
double hall(Mesh& m, const HallSpec& spec, double z0);

struct GateSpec {
    double halfX = 30, halfY = 12, height = 12;  ///< The platform (chengtai).
    std::string material = "red_wall";
    std::vector<Passage> passages{{0, 3, 5}};
    HallSpec tower;
    double parapet = 1.2;
};

/// A platform pierced by arched passages (walkable, running north-south) with a hall on top.
double gateTower(Mesh& m, const GateSpec& spec);

}  // namespace demo
