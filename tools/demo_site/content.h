#pragma once
// The demo's site and POI files, built from the recipe as the engine's own types so that what the
// generator writes is exactly what loadSite()/loadPois() read.
#include "poi/poi.h"
#include "recipe.h"
#include "scene/site.h"

namespace demo {

/// The site: every landmark of the recipe (sources "models/ID.glb", up "y"), start and overview
/// viewpoints, the tours and the kiosk block.
axis::Site makeSite(const Recipe& recipe);

/// The POIs in the order of pois.json, anchored and viewed relative to their landmarks.
axis::PoiFile makePois(const Recipe& recipe);

}  // namespace demo
