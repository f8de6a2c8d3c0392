// Import of W3C Web Annotations into a POI file; the mapping is in web_annotation.h.
#include <algorithm>
#include <set>

#include "core/file_io.h"
#include "poi/web_annotation.h"
#include "poi/web_annotation_iri.h"
#include "scene/json_fields.h"

namespace axis {
namespace {

using json::FieldError;
using json::Json;

bool hasAnnoContext(const Json& root) {
    const auto it = root.find("@context");
    if (it == root.end()) return false;
    if (it->is_string()) return *it == kAnnoContext;
    return it->is_array() && std::any_of(it->begin(), it->end(), [](const Json& c) { return c == kAnnoContext; });
}

std::string typeOf(const Json& v) {
    const auto it = v.is_object() ? v.find("type") : v.end();
    return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Single values may stand where arrays are allowed (Web Annotation model, section 1.3).
std::vector<const Json*> oneOrMany(const Json& v) {
    std::vector<const Json*> out;
    if (v.is_array())
        for (const Json& e : v) out.push_back(&e);
    else
        out.push_back(&v);
    return out;
}

std::string optionalString(const Json& obj, const char* key, const std::string& path) {
    const Json* v = json::find(obj, key, path);
    return v ? json::readString(*v, json::child(path, key)) : std::string();
}

void addText(LangText& text, const std::string& lang, const std::string& value) {
    auto [it, fresh] = text.emplace(lang, value);
    if (!fresh) it->second += "\n\n" + value;  // A second body in one language: keep both.
}

PoiMedia readImage(const Json& b, const std::string& path) {
    PoiMedia m;
    m.path = json::readNonEmptyString(json::require(b, "id", path), json::child(path, "id"));
    if (const Json* c = json::find(b, "axisview:caption", path)) m.caption = json::readLangText(*c, json::child(path, "axisview:caption"));
    if (const Json* e = json::find(b, "axisview:extra", path); e && e->is_object() && !e->empty()) m.extra = e->dump();
    if (typeOf(b) == "Sound") {  // Narration: a language is what makes it one.
        m.type = "audio";
        m.language = json::readNonEmptyString(json::require(b, "language", path), json::child(path, "language"));
    }
    return m;
}

void readBody(const Json& b, const std::string& path, Poi& p) {
    if (typeOf(b) == "Image" || typeOf(b) == "Sound") {
        p.media.push_back(readImage(b, path));
        return;
    }
    if (typeOf(b) != "TextualBody")
        throw FieldError{json::child(path, "type"), "expected \"TextualBody\", \"Image\" or \"Sound\""};
    const std::string value = json::readString(json::require(b, "value", path), json::child(path, "value"));
    const std::string purpose = optionalString(b, "purpose", path);
    const std::string lang = optionalString(b, "language", path);
    if (purpose == "identifying") addText(p.title, lang, value);
    else if (purpose == "tagging") p.tags.push_back(value);
    else addText(p.body, lang, value);
}

// "urn:axisview:site#model=wumen" -> "wumen"; no fragment -> "" (anchored to no model).
std::string modelFromSource(const Json& target, const std::string& path) {
    const Json& src = json::require(target, "source", path);
    const std::string iri = src.is_object() ? json::readString(json::require(src, "id", json::child(path, "source")), json::child(path, "source.id"))
                                            : json::readString(src, json::child(path, "source"));
    const std::size_t at = iri.find("#model=");
    return at == std::string::npos ? std::string() : percentDecode(iri.substr(at + 7));
}

PoiAnchor readTarget(const Json& v, const std::string& path) {
    const Json& target = v.is_array() && !v.empty() ? v[0] : v;
    const std::string tpath = v.is_array() ? json::element(path, 0) : path;
    PoiAnchor a;
    a.model = modelFromSource(target, tpath);
    const std::string spath = json::child(tpath, "selector");
    const Json& selectors = json::require(target, "selector", tpath);
    const auto all = oneOrMany(selectors);
    const auto point = std::find_if(all.begin(), all.end(), [](const Json* s) { return typeOf(*s) == "PointSelector"; });
    if (point == all.end()) throw FieldError{spath, "expected a PointSelector with x, y, z (site frame metres)"};
    const Json& s = **point;
    const std::string at = selectors.is_array() ? json::element(spath, static_cast<std::size_t>(point - all.begin())) : spath;
    a.position = {json::readNumber(json::require(s, "x", at), json::child(at, "x")),
                  json::readNumber(json::require(s, "y", at), json::child(at, "y")),
                  json::readNumber(json::require(s, "z", at), json::child(at, "z"))};
    if (const Json* n = json::find(s, "normal", at)) {
        const glm::dvec3 normal = json::readVec3(*n, json::child(at, "normal"));
        if (glm::length(normal) < 1e-12) throw FieldError{json::child(at, "normal"), "must not be zero"};
        a.normal = glm::normalize(normal);
    }
    return a;
}

std::string readTime(const Json& a, const char* key, const std::string& path) {
    std::string s = optionalString(a, key, path);
    if (!s.empty() && !isIsoTimestamp(s)) throw FieldError{json::child(path, key), "expected an ISO-8601 date-time"};
    return s;
}

Poi readAnnotation(const Json& a, const std::string& path) {
    if (typeOf(a) != "Annotation") throw FieldError{json::child(path, "type"), "expected \"Annotation\""};
    Poi p;
    const std::string iri = json::readNonEmptyString(json::require(a, "id", path), json::child(path, "id"));
    p.id = poiIdFromIri(iri);
    if (p.id.empty()) throw FieldError{json::child(path, "id"), "no POI id after the last '/', '#' or ':' in \"" + iri + "\""};
    p.created = readTime(a, "created", path);
    p.modified = readTime(a, "modified", path);
    if (const Json* body = json::find(a, "body", path)) {
        const auto all = oneOrMany(*body);
        for (std::size_t i = 0; i < all.size(); ++i)
            readBody(*all[i], body->is_array() ? json::element(json::child(path, "body"), i) : json::child(path, "body"), p);
    }
    p.anchor = readTarget(json::require(a, "target", path), json::child(path, "target"));
    if (const Json* vp = json::find(a, "axisview:viewpoint", path)) p.viewpoint = json::readViewpoint(*vp, json::child(path, "axisview:viewpoint"));
    if (const Json* e = json::find(a, "axisview:extra", path); e && e->is_object() && !e->empty()) p.extra = e->dump();
    return p;
}

// Whether annotation `a` measures (its target has a PolylineSelector) rather than describes a point.
bool isMeasurement(const Json& a) {
    const auto target = a.is_object() ? a.find("target") : a.end();
    if (target == a.end()) return false;
    const Json& t = target->is_array() && !target->empty() ? (*target)[0] : *target;
    const auto selector = t.is_object() ? t.find("selector") : t.end();
    if (selector == t.end()) return false;
    for (const Json* s : oneOrMany(*selector))
        if (typeOf(*s) == "PolylineSelector") return true;
    return false;
}

Measurement readMeasurementAnnotation(const Json& a, const std::string& path) {
    Measurement m;
    const std::string iri = json::readNonEmptyString(json::require(a, "id", path), json::child(path, "id"));
    m.id = poiIdFromIri(iri);
    if (m.id.empty()) throw FieldError{json::child(path, "id"), "no id after the last '/', '#' or ':' in \"" + iri + "\""};
    m.created = readTime(a, "created", path);
    m.modified = readTime(a, "modified", path);
    if (const Json* body = json::find(a, "body", path))
        for (const Json* b : oneOrMany(*body))
            if (typeOf(*b) == "TextualBody" && b->value("purpose", "") == "identifying" && b->contains("value") &&
                (*b)["value"].is_string())
                addText(m.title, b->value("language", ""), (*b)["value"].get<std::string>());
    const Json& targets = json::require(a, "target", path);
    const Json& target = targets.is_array() && !targets.empty() ? targets[0] : targets;
    const std::string spath = json::child(targets.is_array() ? json::element(json::child(path, "target"), 0) : json::child(path, "target"), "selector");
    const Json& selectors = json::require(target, "selector", path);
    const auto all = oneOrMany(selectors);
    const Json& s = **std::find_if(all.begin(), all.end(), [](const Json* e) { return typeOf(*e) == "PolylineSelector"; });
    const std::string kind = json::readString(json::require(s, "kind", spath), json::child(spath, "kind"));
    const auto parsed = measureKindFromName(kind);
    if (!parsed) throw FieldError{json::child(spath, "kind"), "unknown measurement kind \"" + kind + "\""};
    m.kind = *parsed;
    const std::string ppath = json::child(spath, "points");
    const Json& points = json::require(s, "points", spath);
    if (!points.is_array()) throw FieldError{ppath, "expected an array of [x, y, z]"};
    for (std::size_t i = 0; i < points.size(); ++i) m.points.push_back(json::readVec3(points[i], json::element(ppath, i)));
    if (std::string why = measurementProblem(m); !why.empty()) throw FieldError{ppath, why.substr(why.find(": ") + 2)};
    return m;
}

// The annotations of the document and the JSON path of their array.
const Json* findItems(const Json& root, std::string& path) {
    const std::string type = typeOf(root);
    if (type != "AnnotationPage" && type != "AnnotationCollection") return nullptr;
    if (root.contains("items")) {
        path = "items";
        return &root.at("items");
    }
    const auto first = root.find("first");
    if (type == "AnnotationCollection" && first != root.end() && first->is_object() && first->contains("items")) {
        path = "first.items";
        return &first->at("items");
    }
    return nullptr;
}

void readCollectionExtras(const Json& root, PoiFile& file, const std::filesystem::path& shown) {
    try {
        if (const Json* r = json::find(root, "axisview:retired", "")) file.retiredIds = json::readStringList(*r, "axisview:retired");
    } catch (const FieldError& e) {
        file.problems.push_back(json::describe(shown, e));
    }
    if (const auto e = root.find("axisview:extra"); e != root.end() && e->is_object() && !e->empty()) file.extra = e->dump();
}

void readAnnotations(const Json& items, const std::string& path, PoiFile& file, const std::filesystem::path& shown) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string at = json::element(path, i);
        try {
            if (isMeasurement(items[i])) {
                Measurement m = readMeasurementAnnotation(items[i], at);
                if (file.findMeasurement(m.id) || !ids.insert(m.id).second)
                    throw FieldError{json::child(at, "id"), "duplicate id \"" + m.id + "\""};
                file.measurements.push_back(std::move(m));
                continue;
            }
            Poi p = readAnnotation(items[i], at);
            if (!ids.insert(p.id).second) throw FieldError{json::child(at, "id"), "duplicate POI id \"" + p.id + "\""};
            file.pois.push_back(std::move(p));
        } catch (const FieldError& e) {
            file.problems.push_back(json::describe(shown, e));
        }
    }
}

}  // namespace

Expected<PoiFile> fromWebAnnotation(const std::string& text, const std::filesystem::path& shown) {
    auto root = json::parseDocument(shown, text);
    if (!root) return root.error();
    if (!hasAnnoContext(*root))
        return makeError(shown.string(), std::string("@context: expected \"") + kAnnoContext + "\"; not a Web Annotation document");
    PoiFile file;
    if (typeOf(*root) == "Annotation") {
        try {
            file.pois.push_back(readAnnotation(*root, ""));
        } catch (const FieldError& e) {
            return Error{json::describe(shown, e)};
        }
        return file;
    }
    std::string path;
    const Json* items = findItems(*root, path);
    if (!items || !items->is_array())
        return makeError(shown.string(), "type: expected an Annotation, an AnnotationPage or an AnnotationCollection "
                                         "with embedded items (linked pages are not fetched)");
    readCollectionExtras(*root, file, shown);
    readAnnotations(*items, path, file, shown);
    return file;
}

Expected<PoiFile> importWebAnnotation(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return fromWebAnnotation(*text, path);
}

}  // namespace axis
