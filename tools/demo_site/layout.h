#pragma once
// Where everything stands comes from the recipe (assets/demo-site/site.json, recipe.h): the Central
// Axis from Yongdingmen (y = 0) north to the Bell Tower (y = 7800), at real scale (1 unit = 1 m).
// This file maps each landmark's "builder" name to the code that makes its geometry, and lays the
// ground's paving around the landmarks.
#include <string>
#include <vector>

#include "mesh.h"
#include "recipe.h"

namespace demo {

constexpr double kChannelHalfWidth = 8;  // the east-west channel under Wanning Bridge
constexpr double kChannelWater = -2.2;   // its water level, metres below the street

/// The names a landmark's "builder" may take, in a stable order (for error messages).
std::vector<std::string> builderNames();

/// Builds the landmark's geometry in its local frame (the ground: in site coordinates).
/// Throws RecipeError when the geometry needs a landmark the recipe lacks.
void buildLandmark(Mesh& mesh, const Landmark& landmark, const Recipe& recipe);

/// Rectangles of the ground, site coordinates.
struct GroundRect {
    double x0, x1, y0, y1;
    const char* material;
};
/// Paved squares, streets, hutong lanes (each hutong's district), the channel's water; earlier
/// entries win where they overlap. Squares around landmarks follow the landmarks' positions.
std::vector<GroundRect> groundRects(const Recipe& recipe);
/// The y of the channel under Wanning Bridge.
double channelY(const Recipe& recipe);

}  // namespace demo
