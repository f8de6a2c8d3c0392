#pragma once
// W3C Web Annotation (JSON-LD) export and import: the interchange form museums and IIIF tools
// know. A POI file becomes one AnnotationCollection whose first AnnotationPage holds one
// Annotation per POI:
//
//   { "@context": ["http://www.w3.org/ns/anno.jsonld", {"axisview": kAxisviewNamespace}],
//     "id": "urn:axisview:pois:wumen", "type": "Annotation", "motivation": "describing",
//     "created": "...", "modified": "...",                          when the POI has them
//     "body": [
//       {"type": "TextualBody", "purpose": "identifying", "language": "zh",
//        "format": "text/plain", "value": "午门"},                   one per title language
//       {"type": "TextualBody", "purpose": "describing", "language": "en",
//        "format": "text/markdown", "value": "The **main** gate"},   one per body language
//       {"type": "TextualBody", "purpose": "tagging", "value": "gate"},   one per tag
//       {"type": "Image", "id": "media/wumen.jpg", "format": "image/jpeg",
//        "axisview:caption": {"en": "1900s"}} ],                     one per media item; the id is
//                                                                    the path relative to the POI file
//     "target": {"source": "urn:axisview:site#model=wumen",
//                "selector": {"type": "PointSelector", "conformsTo": kPointSelectorSpec,
//                             "x": 0, "y": 4632, "z": 10, "normal": [0, -1, 0]}},
//     "axisview:viewpoint": {"position": [...], "yaw":, "pitch":, "fov":},   when set
//     "axisview:extra": {...} }                                      unknown POI fields, kept
//
// There is no standard selector for a point in 3D, so PointSelector is ours, described at
// kPointSelectorSpec: x, y, z are metres in the site frame (local east-north-up, x east, y north,
// z up, relative to the site's geographic origin when it has one) and "normal" is the unit
// surface normal in the same frame. The model id travels as the target's IRI fragment
// "#model=ID" (percent-encoded), the POI id as the last segment of the annotation id.
//
// Measurements (poi/measurement.h) follow the POIs in the same page, one Annotation each, with
// motivation "assessing", the value as text and the measured points as the target:
//
//   { "id": "urn:axisview:pois:measure-1", "type": "Annotation", "motivation": "assessing",
//     "body": [ {"type": "TextualBody", "purpose": "assessing", "format": "text/plain",
//                "value": "distance 12.346 m"},                     computed from the points
//               {"type": "TextualBody", "purpose": "identifying", "language": "en", ...} ],
//     "target": {"source": "urn:axisview:site",
//                "selector": {"type": "PolylineSelector", "conformsTo": kPolylineSelectorSpec,
//                             "kind": "distance", "closed": false,   true for an area
//                             "points": [[x, y, z], [x, y, z]]}} }  site frame metres, as above
//
// Round trip: importing an export gives back every POI field (ids, anchors, all languages,
// media with captions and unknown media fields, viewpoint, tags, times, unknown POI fields) and
// the file's retired ids and unknown top-level fields, and every measurement (id, kind, points,
// title, times; unknown measurement fields are not exported). Entries a loader rejected (PoiFile::
// rejected) are not exported.
#include <filesystem>
#include <string>

#include "core/error.h"
#include "poi/poi.h"

namespace axis {

constexpr const char* kAnnoContext = "http://www.w3.org/ns/anno.jsonld";
constexpr const char* kAxisviewNamespace = "https://axisview.org/ns/anno#";
constexpr const char* kPointSelectorSpec = "https://axisview.org/ns/anno#PointSelector";
constexpr const char* kPolylineSelectorSpec = "https://axisview.org/ns/anno#PolylineSelector";

struct WebAnnotationOptions {
    std::string collectionId = "urn:axisview:pois";  ///< The collection's IRI; annotation ids
                                                     ///< are collectionId + ":" + POI id.
    std::string siteIri = "urn:axisview:site";       ///< The target source, before "#model=".
    std::string label;                               ///< Collection label, e.g. the site name.
};

/// The AnnotationCollection as JSON text (2-space indent, trailing newline).
std::string toWebAnnotation(const PoiFile& file, const WebAnnotationOptions& options = {});
/// Atomic write (keeps PATH.bak).
Status exportWebAnnotation(const PoiFile& file, const std::filesystem::path& path,
                           const WebAnnotationOptions& options = {});

/// Reads an AnnotationCollection (items in "first" as an embedded AnnotationPage, or directly in
/// "items"), an AnnotationPage, or a single Annotation. Fails as a whole for malformed JSON or a
/// document that is none of these ("FILE: line L, column C: ..." or "FILE: @context: ...").
/// A bad annotation is reported in PoiFile::problems as "FILE: items[3].target.selector.x: ..."
/// and skipped. The result has no PoiFile::file: the caller picks where to save it.
/// `shownName` names the source in messages.
Expected<PoiFile> fromWebAnnotation(const std::string& text, const std::filesystem::path& shownName);
Expected<PoiFile> importWebAnnotation(const std::filesystem::path& path);

}  // namespace axis
