#pragma once
// Where everything stands: the Central Axis from Yongdingmen (y = 0) north to the Bell Tower
// (y = 7800), at real scale (1 unit = 1 m). Positions are approximate, taken from published
// coordinates and dimensions and rounded; the order and spacing along the axis are real.
#include <functional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "mesh.h"

namespace demo {

namespace axisY {  // site y (metres north of Yongdingmen) of each landmark's centre
constexpr double kYongdingmen = 0;
constexpr double kXiannongtan = 1200;
constexpr double kTempleOfHeaven = 1530;
constexpr double kJianlou = 3150;
constexpr double kZhengyangmen = 3290;
constexpr double kTiananmen = 4200;
constexpr double kDuanmen = 4360;
constexpr double kWumen = 4650;       // on the palace's south wall
constexpr double kTaihedian = 5050;
constexpr double kPalaceCentre = 5130;  // walls run 4650 .. 5610
constexpr double kJingshan = 5900;
constexpr double kWanningBridge = 7310;
constexpr double kDrumTower = 7680;
constexpr double kBellTower = 7800;
}  // namespace axisY

constexpr double kTempleOfHeavenX = 780;   // east of the axis
constexpr double kXiannongtanX = -700;     // west of the axis
constexpr double kChannelHalfWidth = 8;    // the east-west channel under Wanning Bridge
constexpr double kChannelWater = -2.2;     // its water level, metres below the street

/// A model of the demo site: id (also the GLB file stem), where it stands, how to build it.
struct ModelSpec {
    std::string id;
    glm::dvec3 position;
    std::function<void(Mesh&)> build;
    bool landmark = true;  ///< On the axis story (false for ground, walls and hutongs).
};

/// All models, landmarks in south-to-north order.
const std::vector<ModelSpec>& models();

/// Rectangles of the ground, site coordinates.
struct GroundRect {
    double x0, x1, y0, y1;
    const char* material;
};
/// Paved squares, streets, hutong lanes; earlier entries win where they overlap.
const std::vector<GroundRect>& groundRects();
/// The four hutong districts (also paved as lanes).
const std::vector<GroundRect>& hutongDistricts();

}  // namespace demo
