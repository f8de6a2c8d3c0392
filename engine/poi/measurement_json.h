#pragma once
// Reading and writing the POI file's "measurements" array (internal to poi/; the layout is in
// poi/measurement.h).
#include <filesystem>

#include "poi/poi.h"
#include "scene/json_fields.h"

namespace axis {

/// Fills file.measurements from root["measurements"]; a bad entry goes to problems (named by file
/// and JSON path) and to rejectedMeasurements, a bad array to problems and extra.
void readMeasurementArray(const json::Json& root, PoiFile& file, const std::filesystem::path& shown);
/// The array to save: the measurements, then the rejected entries as they were read.
json::Json writeMeasurementArray(const PoiFile& file);
/// One measurement's fields as saved (also the Web Annotation export's "axisview:measurement").
json::Json writeMeasurementPoints(const Measurement& m);

}  // namespace axis
