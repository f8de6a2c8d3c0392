// Jingshan: the hill north of the palace, piled up from the earth of the palace moat, with five
// pavilions along its ridge; Wanchun pavilion on the central peak sits on the axis.
#include <algorithm>
#include <cmath>

#include "buildings.h"
#include "landmarks.h"

namespace demo {
namespace {

struct Peak {
    double x, height, radius;
};
// The central peak (about 45 m) and two lower peaks each side.
constexpr Peak kPeaks[] = {{0, 44, 75}, {-78, 32, 60}, {78, 32, 60}, {-152, 21, 55}, {152, 21, 55}};
constexpr double kHalfX = 240, kHalfY = 150;

double hillHeight(double x, double y) {
    double h = 0;
    for (const Peak& p : kPeaks) {
        const double d2 = ((x - p.x) * (x - p.x) + y * y * 2.2) / (p.radius * p.radius);
        h = std::max(h, p.height * std::exp(-d2));
    }
    // Fade to the ground at the edges of the patch, so the hill meets the flat ground.
    const double ex = std::clamp((kHalfX - std::abs(x)) / 40.0, 0.0, 1.0);
    const double ey = std::clamp((kHalfY - std::abs(y)) / 40.0, 0.0, 1.0);
    // Slightly below zero at the rim, so the ground plane hides the seam instead of z-fighting.
    return h * ex * ey - 0.05;
}

void pavilion(Mesh& m, double x, int eaves, const char* tiles, double half) {
    HallSpec p;
    p.roof = RoofKind::Pyramid;
    p.eaves = eaves;
    p.halfX = p.halfY = half;
    p.wallHeight = 5;
    p.upperInset = half * 0.25;
    p.upperHeight = 2.5;
    p.roofHeight = half * 0.8;
    p.eave = 2;
    p.tiles = tiles;
    p.plinth = 0.9;
    p.columnSpacing = half * 0.7;
    Place at(m, {x, 0, 0});
    hall(m, p, hillHeight(x, 0) - 1.0);
}

}  // namespace

void buildJingshan(Mesh& m) {
    heightField(m, "earth", -kHalfX, kHalfX, -kHalfY, kHalfY, 96, 60, hillHeight);
    pavilion(m, 0, 3, "yellow_tile", 8);  // Wanchun pavilion: square, triple eaves
    pavilion(m, -78, 2, "green_tile", 5);
    pavilion(m, 78, 2, "green_tile", 5);
    pavilion(m, -152, 1, "blue_tile", 4);
    pavilion(m, 152, 1, "blue_tile", 4);
}

}  // namespace demo
