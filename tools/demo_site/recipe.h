#pragma once
// What people edit about the demo site, read from assets/demo-site/ (see its README.md): the site's
// names, viewpoints and kiosk settings and its landmarks (site.json), the stories' placement and
// tags (pois.json), their text per language (stories/ID.LANG.md), the tours (tour.json) and the
// tags' translations (tags.json). Only geometry stays in code: each landmark names the builder
// (landmarks.h) that makes it.
//
// Bad input stops the generator with one RecipeError naming the file and the problem, so that a
// curator's typo fails the build instead of shipping a half-empty site.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/site.h"

namespace demo {

struct RecipeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// An axis-aligned rectangle of the site's ground plane, site coordinates.
struct Rect {
    double x0, x1, y0, y1;
};

struct Landmark {
    std::string id;       ///< Model id, also the GLB file's stem.
    std::string builder;  ///< The geometry builder's name (layout.cpp's builders()).
    glm::dvec3 position{0.0};
    glm::dvec3 rotationDeg{0.0};   ///< About the site x, y, z axes, as the site file has it.
    std::optional<Rect> district;  ///< "hutong" only: the neighbourhood it fills; position is its centre.
    unsigned seed = 0;             ///< "hutong" only: varies the courtyards.

    /// A point given relative to the landmark (metres, before its rotation) in the site frame.
    glm::dvec3 toSite(const glm::dvec3& offset) const;
    /// A direction given relative to the landmark, in the site frame.
    glm::dvec3 directionToSite(const glm::dvec3& direction) const;
};

struct PoiRecipe {
    std::string id;
    std::string model;  ///< The landmark it is anchored to; anchor, eye and target are relative to it.
    glm::dvec3 anchor{0.0}, normal{0, 0, 1}, eye{0.0}, target{0.0};
    std::vector<std::string> tags;
    axis::LangText title, body;
};

struct Recipe {
    std::filesystem::path folder;
    axis::LangText name, description;
    std::vector<std::string> languages;  ///< Every story and tag must have each of these.
    axis::GeoOrigin origin;
    axis::Viewpoint start, overview;
    std::string created;  ///< The POIs' creation time: fixed, so that the output is reproducible.
    axis::KioskSettings kiosk;
    std::vector<Landmark> landmarks;
    std::vector<PoiRecipe> pois;
    std::vector<axis::Tour> tours;
    std::vector<std::pair<std::string, axis::LangText>> tags;  ///< In the order of tags.json.

    const Landmark* findLandmark(const std::string& id) const;
    /// The landmark the geometry needs (the ground's paving follows some of them).
    const Landmark& requireLandmark(const std::string& id) const;
};

/// Reads and checks every file of the recipe folder; throws RecipeError on the first problem.
Recipe loadRecipe(const std::filesystem::path& folder);

}  // namespace demo
