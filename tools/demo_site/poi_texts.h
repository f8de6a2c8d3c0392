#pragma once
// The stories of the demo's points of interest, in Chinese and English.
#include <vector>

#include <glm/glm.hpp>

namespace demo {

struct PoiText {
    const char* id;
    const char* model;     ///< Model id the POI is anchored to.
    glm::dvec3 anchor;     ///< Relative to the model's position, metres.
    glm::dvec3 normal;
    glm::dvec3 eye;        ///< Saved viewpoint position, relative to the model's position.
    glm::dvec3 target;     ///< Where the viewpoint looks, relative to the model's position.
    const char* titleZh;
    const char* titleEn;
    const char* bodyZh;
    const char* bodyEn;
    std::vector<const char*> tags;
};

/// In south-to-north order: the attract tour visits them in this order.
const std::vector<PoiText>& poiTexts();

}  // namespace demo
