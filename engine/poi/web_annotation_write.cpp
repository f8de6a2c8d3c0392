// Export of a POI file as a W3C Web Annotation collection; the mapping is in web_annotation.h.
#include "core/file_io.h"
#include "poi/web_annotation.h"
#include "poi/web_annotation_iri.h"
#include "scene/json_fields.h"

namespace axis {
namespace {

using json::Json;

Json context() { return Json::array({kAnnoContext, Json{{"axisview", kAxisviewNamespace}}}); }

Json textualBody(const char* purpose, const std::string& lang, const char* format, const std::string& value) {
    Json b{{"type", "TextualBody"}, {"purpose", purpose}};
    if (!lang.empty()) b["language"] = lang;
    if (format) b["format"] = format;
    b["value"] = value;
    return b;
}

Json imageBody(const PoiMedia& m) {
    Json b{{"type", m.isAudio() ? "Sound" : "Image"}, {"id", m.path}};
    if (m.isAudio()) b["language"] = m.language;
    if (std::string mime = mediaMimeType(m.path); !mime.empty()) b["format"] = mime;
    if (!m.caption.empty()) b["axisview:caption"] = json::writeLangText(m.caption);
    if (!m.extra.empty()) b["axisview:extra"] = Json::parse(m.extra, nullptr, false);
    return b;
}

Json bodies(const Poi& p) {
    Json out = Json::array();
    for (const auto& [lang, text] : p.title) out.push_back(textualBody("identifying", lang, "text/plain", text));
    for (const auto& [lang, text] : p.body) out.push_back(textualBody("describing", lang, "text/markdown", text));
    for (const auto& tag : p.tags) out.push_back(textualBody("tagging", "", nullptr, tag));
    for (const auto& m : p.media) out.push_back(imageBody(m));
    return out;
}

Json target(const Poi& p, const WebAnnotationOptions& options) {
    const PoiAnchor& a = p.anchor;
    Json selector{{"type", "PointSelector"}, {"conformsTo", kPointSelectorSpec},
                  {"x", a.position.x}, {"y", a.position.y}, {"z", a.position.z},
                  {"normal", json::writeVec3(a.normal)}};
    const std::string source = a.model.empty() ? options.siteIri : options.siteIri + "#model=" + percentEncode(a.model);
    return Json{{"source", source}, {"selector", selector}};
}

Json annotation(const Poi& p, const WebAnnotationOptions& options) {
    Json a{{"@context", context()}, {"id", annotationIri(options.collectionId, p.id)}, {"type", "Annotation"},
           {"motivation", "describing"}};
    if (!p.created.empty()) a["created"] = p.created;
    if (!p.modified.empty()) a["modified"] = p.modified;
    a["body"] = bodies(p);
    a["target"] = target(p, options);
    if (p.viewpoint) a["axisview:viewpoint"] = json::writeViewpoint(*p.viewpoint);
    if (!p.extra.empty()) a["axisview:extra"] = Json::parse(p.extra, nullptr, false);
    return a;
}

Json measurementAnnotation(const Measurement& m, const WebAnnotationOptions& options) {
    Json a{{"@context", context()}, {"id", annotationIri(options.collectionId, m.id)}, {"type", "Annotation"},
           {"motivation", "assessing"}};
    if (!m.created.empty()) a["created"] = m.created;
    if (!m.modified.empty()) a["modified"] = m.modified;
    Json body = Json::array();
    const std::string value = std::string(measureKindName(m.kind)) + " " + formatMeasureValue(m.kind, m.value());
    body.push_back(textualBody("assessing", "", "text/plain", value));
    for (const auto& [lang, text] : m.title) body.push_back(textualBody("identifying", lang, "text/plain", text));
    a["body"] = body;
    Json points = Json::array();
    for (const glm::dvec3& p : m.points) points.push_back(json::writeVec3(p));
    Json selector{{"type", "PolylineSelector"}, {"conformsTo", kPolylineSelectorSpec}, {"kind", measureKindName(m.kind)},
                  {"closed", m.kind == MeasureKind::Area}, {"points", points}};
    a["target"] = Json{{"source", options.siteIri}, {"selector", selector}};
    return a;
}

}  // namespace

std::string toWebAnnotation(const PoiFile& file, const WebAnnotationOptions& options) {
    Json items = Json::array();
    for (const Poi& p : file.pois) items.push_back(annotation(p, options));
    for (const Measurement& m : file.measurements) items.push_back(measurementAnnotation(m, options));
    Json root{{"@context", context()}, {"id", options.collectionId}, {"type", "AnnotationCollection"}};
    if (!options.label.empty()) root["label"] = options.label;
    root["total"] = file.pois.size() + file.measurements.size();
    root["first"] = Json{{"id", options.collectionId + (options.collectionId.starts_with("urn:") ? ":page1" : "/page1")},
                         {"type", "AnnotationPage"}, {"startIndex", 0}, {"items", items}};
    if (!file.retiredIds.empty()) root["axisview:retired"] = file.retiredIds;
    if (!file.extra.empty()) root["axisview:extra"] = Json::parse(file.extra, nullptr, false);
    return root.dump(2) + "\n";
}

Status exportWebAnnotation(const PoiFile& file, const std::filesystem::path& path, const WebAnnotationOptions& options) {
    return saveFileAtomic(path, toWebAnnotation(file, options));
}

}  // namespace axis
