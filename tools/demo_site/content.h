#pragma once
// The demo's site and POI files, built as the engine's own types so that what the generator
// writes is exactly what loadSite()/loadPois() read.
#include "poi/poi.h"
#include "scene/site.h"

namespace demo {

/// The site: every model of layout.cpp (sources "models/ID.glb", up "y"), start and overview
/// viewpoints, the attract tour over all POIs and the kiosk block.
axis::Site makeSite();

axis::PoiFile makePois();

}  // namespace demo
