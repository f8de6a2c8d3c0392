#include "content.h"

namespace demo {

axis::Site makeSite(const Recipe& recipe) {
    axis::Site s;
    s.name = recipe.name;
    s.description = recipe.description;
    s.origin = recipe.origin;
    for (const auto& landmark : recipe.landmarks) {
        axis::ModelPlacement m;
        m.id = landmark.id;
        m.source = "models/" + landmark.id + ".glb";
        m.up = axis::UpAxis::Y;
        m.position = landmark.position;
        m.rotationDeg = landmark.rotationDeg;
        s.models.push_back(m);
    }
    s.start = recipe.start;
    s.overview = recipe.overview;
    s.pois = "central-axis.pois.json";
    s.tours = recipe.tours;
    s.kiosk = recipe.kiosk;
    return s;
}

axis::PoiFile makePois(const Recipe& recipe) {
    axis::PoiFile f;
    for (const auto& t : recipe.pois) {
        const Landmark& base = *recipe.findLandmark(t.model);  // loadRecipe() checked it exists
        axis::Poi p;
        p.id = t.id;
        p.anchor = {t.model, base.toSite(t.anchor), glm::normalize(base.directionToSite(t.normal))};
        p.title = t.title;
        p.body = t.body;
        p.viewpoint = axis::Viewpoint::lookAt(base.toSite(t.eye), base.toSite(t.target), 60.0);
        p.tags = t.tags;
        p.created = p.modified = recipe.created;
        f.pois.push_back(std::move(p));
    }
    return f;
}

}  // namespace demo
