#include "materials.h"

#include <map>

namespace demo {

const MaterialDef& materialDef(const std::string& name) {
    static const std::map<std::string, MaterialDef> kMaterials = {
        {"red_wall", {"red_plaster", {1, 1, 1, 1}, 0.9f, 0.0f, 4.0}},
        {"lattice", {"lattice", {1, 1, 1, 1}, 0.8f, 0.0f, 4.0}},
        {"yellow_tile", {"yellow_tile", {1, 1, 1, 1}, 0.35f, 0.0f, 3.0}},
        {"blue_tile", {"blue_tile", {1, 1, 1, 1}, 0.35f, 0.0f, 3.0}},
        {"grey_tile", {"grey_tile", {1, 1, 1, 1}, 0.85f, 0.0f, 3.0}},
        {"green_tile", {"green_tile", {1, 1, 1, 1}, 0.35f, 0.0f, 3.0}},
        {"marble", {"marble", {1, 1, 1, 1}, 0.5f, 0.0f, 3.0}},
        {"grey_brick", {"grey_brick", {1, 1, 1, 1}, 0.9f, 0.0f, 2.0}},
        {"archery_wall", {"archery_wall", {1, 1, 1, 1}, 0.9f, 0.0f, 4.5}},
        {"paving", {"paving", {1, 1, 1, 1}, 0.8f, 0.0f, 6.0}},
        {"lane", {"grey_brick", {0.8f, 0.8f, 0.78f, 1}, 0.9f, 0.0f, 3.0}},
        {"grass", {"grass", {1, 1, 1, 1}, 1.0f, 0.0f, 10.0}},
        {"earth", {"earth", {1, 1, 1, 1}, 1.0f, 0.0f, 12.0}},
        {"door", {"door", {1, 1, 1, 1}, 0.6f, 0.0f, 4.0}},
        {"beam", {"beam", {1, 1, 1, 1}, 0.7f, 0.0f, 3.0}},
        {"wood", {"", {0.42f, 0.045f, 0.03f, 1}, 0.6f, 0.0f, 4.0}},
        {"gold", {"", {0.83f, 0.6f, 0.2f, 1}, 0.35f, 1.0f, 4.0}},
        {"water", {"", {0.06f, 0.12f, 0.13f, 1}, 0.1f, 0.0f, 4.0}},
        {"foliage", {"", {0.06f, 0.16f, 0.05f, 1}, 1.0f, 0.0f, 4.0}},
    };
    return kMaterials.at(name);
}

}  // namespace demo
