#pragma once
// Reading POI files written by earlier axisview versions. Internal to poi/ (loadPois calls it);
// the policy is documented here because it is part of the file format's contract.
//
// Versions of "axisview-pois":
//   1.0   the current layout (see poi.h); read and written as is.
//   1.1   1.0 plus "measurements" (poi/measurement.h); written instead of 1.0 when a file holds
//         measurements, so that a 1.0 reader keeps them as unknown fields and says so.
//   1.N   (N > 1, a newer minor) read; fields this version does not know are kept and written
//         back unchanged, and the version string is kept so the newer reader still recognises
//         the file. loadPois adds a notice to PoiFile::problems.
//   0.9   the prototype layout, migrated in memory to 1.0 (PoiFile::migratedFrom = "0.9"); the
//         next save writes 1.0 and keeps the 0.9 file as NAME.bak. Its shape, per entry:
//           {"id": "wumen", "model": "wumen", "position": [x,y,z], "normal": [x,y,z],
//            "title": "午门", "title_en": "Meridian Gate",      plain strings: zh, then en
//            "text": "...", "text_en": "...",                    the body, same convention
//            "images": ["media/wumen.jpg"],                      paths, no captions
//            "camera": {"position": [...], "yaw":, "pitch":, "fov":},
//            "tags": "gate, palace"}                              one comma-separated string
//         A field of an unexpected type is left where it is, so that the 1.0 reader reports it
//         with its JSON path rather than the migration guessing.
//   other majors, other 0.x, no version: rejected with "unsupported version ...".
#include <string>

#include "scene/json_fields.h"

namespace axis {

/// The version loadPois writes for new files and after migrating.
constexpr const char* kPoiFormatVersion = "1.0";
/// The newest minor this reader knows all the fields of: a file with measurements or audio says it.
constexpr const char* kPoiMeasurementsVersion = "1.1";

/// If `root` is a 0.9 POI document, rewrites it in place into the 1.0 shape and returns "0.9";
/// otherwise leaves it untouched and returns "". Never throws.
std::string migratePoisDocument(json::Json& root);

}  // namespace axis
