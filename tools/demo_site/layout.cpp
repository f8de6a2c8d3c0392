#include "layout.h"

#include "landmarks.h"

namespace demo {

const std::vector<GroundRect>& hutongDistricts() {
    // Qianmen's hutongs (Dashilar west, Xianyukou east) south of Zhengyangmen, and the
    // Shichahai/Nanluoguxiang side of the northern axis, keeping clear of the channel.
    static const std::vector<GroundRect> kDistricts = {
        {-180, -40, 2420, 3000, "lane"}, {40, 180, 2420, 3000, "lane"},
        {-180, -40, 6150, 6870, "lane"}, {40, 180, 6150, 6870, "lane"},
        {-180, -40, 7340, 7560, "lane"}, {40, 180, 7340, 7560, "lane"},
    };
    return kDistricts;
}

const std::vector<GroundRect>& groundRects() {
    using namespace axisY;
    static const std::vector<GroundRect> kRects = [] {
        std::vector<GroundRect> r = {
            {-1200, 1200, kWanningBridge - kChannelHalfWidth, kWanningBridge + kChannelHalfWidth, "water"},
            {-25, 25, -600, 8300, "paving"},                        // the axis road
            {-60, 60, kYongdingmen - 200, kYongdingmen + 200, "paving"},
            {-250, 250, 3380, 4110, "paving"},                      // Tiananmen Square
            {-1200, 1200, 4110, 4160, "paving"},                    // Chang'an Avenue
            {-80, 80, 4160, 4650, "paving"},                        // Tiananmen to Wumen
            {-372, 372, 4654, 5606, "paving"},                      // inside the palace
            {kTempleOfHeavenX - 90, kTempleOfHeavenX + 90, kTempleOfHeaven - 90, kTempleOfHeaven + 90, "paving"},
            {kXiannongtanX - 120, kXiannongtanX + 120, kXiannongtan - 110, kXiannongtan + 110, "paving"},
            {-70, 70, kDrumTower - 40, kBellTower + 40, "paving"},  // the square between the towers
        };
        for (const auto& d : hutongDistricts()) r.push_back(d);
        return r;
    }();
    return kRects;
}

const std::vector<ModelSpec>& models() {
    using namespace axisY;
    static const std::vector<ModelSpec> kModels = [] {
        std::vector<ModelSpec> m = {
            {"yongdingmen", {0, kYongdingmen, 0}, buildYongdingmen},
            {"xiannongtan", {kXiannongtanX, kXiannongtan, 0}, buildXiannongtan},
            {"temple-of-heaven", {kTempleOfHeavenX, kTempleOfHeaven, 0}, buildTempleOfHeaven},
            {"zhengyangmen-jianlou", {0, kJianlou, 0}, buildJianlou},
            {"zhengyangmen", {0, kZhengyangmen, 0}, buildZhengyangmen},
            {"tiananmen", {0, kTiananmen, 0}, buildTiananmen},
            {"duanmen", {0, kDuanmen, 0}, buildDuanmen},
            {"wumen", {0, kWumen, 0}, buildWumen},
            {"taihedian", {0, kTaihedian, 0}, buildTaihedian},
            {"jingshan", {0, kJingshan, 0}, buildJingshan},
            {"wanning-bridge", {0, kWanningBridge, 0}, buildWanningBridge},
            {"drum-tower", {0, kDrumTower, 0}, buildDrumTower},
            {"bell-tower", {0, kBellTower, 0}, buildBellTower},
            {"palace-walls", {0, kPalaceCentre, 0}, buildPalaceWalls, false},
            {"ground", {0, 0, 0}, buildGround, false},
        };
        // Hutong districts: each model's origin at its district's centre.
        const char* names[] = {"hutong-south-west", "hutong-south-east", "hutong-north-west",
                               "hutong-north-east", "hutong-far-north-west", "hutong-far-north-east"};
        unsigned seed = 1;
        for (std::size_t i = 0; i < hutongDistricts().size(); ++i) {
            const GroundRect d = hutongDistricts()[i];
            const double cx = (d.x0 + d.x1) / 2, cy = (d.y0 + d.y1) / 2;
            const unsigned s = seed++;
            m.push_back({names[i], {cx, cy, 0},
                         [d, cx, cy, s](Mesh& mesh) { buildHutong(mesh, d.x0 - cx, d.x1 - cx, d.y0 - cy, d.y1 - cy, s); },
                         false});
        }
        return m;
    }();
    return kModels;
}

}  // namespace demo
