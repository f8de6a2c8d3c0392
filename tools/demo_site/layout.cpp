#include "layout.h"

#include <functional>
#include <map>

#include "landmarks.h"

namespace demo {
namespace {

using Builder = std::function<void(Mesh&, const Landmark&, const Recipe&)>;

// Builders that need nothing but their own local frame.
Builder plain(void (*build)(Mesh&)) {
    return [build](Mesh& m, const Landmark&, const Recipe&) { build(m); };
}

const std::map<std::string, Builder>& builders() {
    static const std::map<std::string, Builder> kBuilders = {
        {"yongdingmen", plain(buildYongdingmen)},
        {"xiannongtan", plain(buildXiannongtan)},
        {"temple-of-heaven", plain(buildTempleOfHeaven)},
        {"zhengyangmen-jianlou", plain(buildJianlou)},
        {"zhengyangmen", plain(buildZhengyangmen)},
        {"tiananmen", plain(buildTiananmen)},
        {"duanmen", plain(buildDuanmen)},
        {"wumen", plain(buildWumen)},
        {"taihedian", plain(buildTaihedian)},
        {"jingshan", plain(buildJingshan)},
        {"wanning-bridge", plain(buildWanningBridge)},
        {"drum-tower", plain(buildDrumTower)},
        {"bell-tower", plain(buildBellTower)},
        {"palace-walls", plain(buildPalaceWalls)},
        {"ground", [](Mesh& m, const Landmark&, const Recipe& r) { buildGround(m, r); }},
        // Courtyard houses filling the district, in the model's frame (origin at the district's centre).
        {"hutong",
         [](Mesh& m, const Landmark& l, const Recipe&) {
             const Rect d = *l.district;
             const double cx = l.position.x, cy = l.position.y;
             buildHutong(m, d.x0 - cx, d.x1 - cx, d.y0 - cy, d.y1 - cy, l.seed);
         }},
    };
    return kBuilders;
}

}  // namespace

std::vector<std::string> builderNames() {
    std::vector<std::string> names;
    for (const auto& [name, build] : builders()) names.push_back(name);
    return names;
}

void buildLandmark(Mesh& mesh, const Landmark& landmark, const Recipe& recipe) {
    builders().at(landmark.builder)(mesh, landmark, recipe);
}

double channelY(const Recipe& recipe) { return recipe.requireLandmark("wanning-bridge").position.y; }

std::vector<GroundRect> groundRects(const Recipe& recipe) {
    const glm::dvec3 yongdingmen = recipe.requireLandmark("yongdingmen").position;
    const glm::dvec3 templeOfHeaven = recipe.requireLandmark("temple-of-heaven").position;
    const glm::dvec3 xiannongtan = recipe.requireLandmark("xiannongtan").position;
    const double drumTowerY = recipe.requireLandmark("drum-tower").position.y;
    const double bellTowerY = recipe.requireLandmark("bell-tower").position.y;
    const double channel = channelY(recipe);
    std::vector<GroundRect> r = {
        {-1200, 1200, channel - kChannelHalfWidth, channel + kChannelHalfWidth, "water"},
        {-25, 25, -600, 8300, "paving"},  // the axis road
        {-60, 60, yongdingmen.y - 200, yongdingmen.y + 200, "paving"},
        {-250, 250, 3380, 4110, "paving"},    // Tiananmen Square
        {-1200, 1200, 4110, 4160, "paving"},  // Chang'an Avenue
        {-80, 80, 4160, 4650, "paving"},      // Tiananmen to Wumen
        {-372, 372, 4654, 5606, "paving"},    // inside the palace
        {templeOfHeaven.x - 90, templeOfHeaven.x + 90, templeOfHeaven.y - 90, templeOfHeaven.y + 90, "paving"},
        {xiannongtan.x - 120, xiannongtan.x + 120, xiannongtan.y - 110, xiannongtan.y + 110, "paving"},
        {-70, 70, drumTowerY - 40, bellTowerY + 40, "paving"},  // the square between the towers
    };
    // Hutong lanes: each hutong district is paved as lanes.
    for (const auto& l : recipe.landmarks)
        if (l.district) r.push_back({l.district->x0, l.district->x1, l.district->y0, l.district->y1, "lane"});
    return r;
}

}  // namespace demo
