// The ground of the whole site: a rectilinear grid whose lines include every edge of the paved
// rectangles, so each cell is one material and nothing overlaps (no z-fighting), plus the sunken
// channel under Wanning Bridge.
#include <algorithm>
#include <cmath>

#include "landmarks.h"
#include "layout.h"
#include "primitives.h"

namespace demo {
namespace {

constexpr double kX0 = -1200, kX1 = 1200, kY0 = -600, kY1 = 8300;
constexpr double kMaxCell = 200;  // keeps triangles moderate for depth precision and culling

std::vector<double> gridLines(const std::vector<GroundRect>& rects, double lo, double hi, bool alongX) {
    std::vector<double> v;
    for (double t = lo; t < hi; t += kMaxCell) v.push_back(t);
    v.push_back(hi);
    for (const auto& r : rects) {
        v.push_back(std::clamp(alongX ? r.x0 : r.y0, lo, hi));
        v.push_back(std::clamp(alongX ? r.x1 : r.y1, lo, hi));
    }
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end(), [](double a, double b) { return std::abs(a - b) < 1e-6; }), v.end());
    return v;
}

const char* materialAt(const std::vector<GroundRect>& rects, double x, double y) {
    for (const auto& r : rects)
        if (x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1) return r.material;
    return "grass";
}

}  // namespace

void buildGround(Mesh& m, const Recipe& recipe) {
    const auto rects = groundRects(recipe);
    const auto xs = gridLines(rects, kX0, kX1, true), ys = gridLines(rects, kY0, kY1, false);
    for (std::size_t j = 0; j + 1 < ys.size(); ++j)
        for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
            const double x0 = xs[i], x1 = xs[i + 1], y0 = ys[j], y1 = ys[j + 1];
            const std::string mat = materialAt(rects, (x0 + x1) / 2, (y0 + y1) / 2);
            const double z = mat == "water" ? kChannelWater : 0.0;
            quad(m, mat, {x0, y0, z}, {x1, y0, z}, {x1, y1, z}, {x0, y1, z}, {x0, y0});
        }
    // Channel banks: stone walls from the water up to the street on both sides.
    const double yc = channelY(recipe);
    for (double x = kX0; x < kX1; x += kMaxCell) {
        const double xe = std::min(kX1, x + kMaxCell);
        quad(m, "marble", {x, yc - kChannelHalfWidth, kChannelWater}, {xe, yc - kChannelHalfWidth, kChannelWater},
             {xe, yc - kChannelHalfWidth, 0}, {x, yc - kChannelHalfWidth, 0});
        quad(m, "marble", {xe, yc + kChannelHalfWidth, kChannelWater}, {x, yc + kChannelHalfWidth, kChannelWater},
             {x, yc + kChannelHalfWidth, 0}, {xe, yc + kChannelHalfWidth, 0});
    }
}

}  // namespace demo
