#include "scene/json_fields.h"

#include <algorithm>
#include <cmath>

namespace axis::json {

std::string describe(const std::filesystem::path& file, const FieldError& e) {
    return file.string() + ": " + (e.path.empty() ? "" : e.path + ": ") + e.problem;
}

std::string lineColumn(const std::string& text, std::size_t byte) {
    byte = std::min(byte, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Expected<Json> parseDocument(const std::filesystem::path& file, const std::string& text) {
    try {
        Json root = Json::parse(text);
        if (!root.is_object()) return makeError(file.string(), "not a JSON object");
        return root;
    } catch (const Json::parse_error& e) {
        // nlohmann's byte is 1-based and points just past the offending character.
        const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
        std::string what = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
        if (auto pos = what.find(": "); pos != std::string::npos) what = what.substr(pos + 2);
        return makeError(file.string(), lineColumn(text, at) + ": malformed JSON: " + what);
    } catch (const Json::exception& e) {
        // E.g. a number too large for a double (1e999): JSON has no infinities.
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        return makeError(file.string(), "malformed JSON: " + what);
    }
}

Expected<std::string> checkHeader(const std::filesystem::path& file, const Json& root,
                                  const std::string& format) {
    const auto f = root.find("format");
    if (f == root.end() || !f->is_string() || f->get<std::string>() != format)
        return makeError(file.string(), "format: expected \"" + format + "\"; not a " + format + " file");
    const auto v = root.find("version");
    if (v == root.end() || !v->is_string())
        return makeError(file.string(), "version: missing or not a string (expected \"1.0\")");
    const std::string version = v->get<std::string>();
    const std::string major = version.substr(0, version.find('.'));
    if (major != "1")
        return makeError(file.string(), "unsupported version " + version + ", this axisview reads 1.x");
    return version;
}

const Json* find(const Json& obj, const std::string& key, const std::string& path) {
    if (!obj.is_object()) throw FieldError{path, "expected an object"};
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

const Json& require(const Json& obj, const std::string& key, const std::string& path) {
    const Json* v = find(obj, key, path);
    if (!v) throw FieldError{child(path, key), "missing"};
    return *v;
}

double readNumber(const Json& v, const std::string& path) {
    if (!v.is_number()) throw FieldError{path, "expected a finite number"};
    const double d = v.get<double>();
    if (!std::isfinite(d)) throw FieldError{path, "expected a finite number"};
    return d;
}

bool readBool(const Json& v, const std::string& path) {
    if (!v.is_boolean()) throw FieldError{path, "expected true or false"};
    return v.get<bool>();
}

std::string readString(const Json& v, const std::string& path) {
    if (!v.is_string()) throw FieldError{path, "expected a string"};
    return v.get<std::string>();
}

std::string readNonEmptyString(const Json& v, const std::string& path) {
    std::string s = readString(v, path);
    if (s.empty()) throw FieldError{path, "must not be empty"};
    return s;
}

std::vector<std::string> readStringList(const Json& v, const std::string& path) {
    if (!v.is_array()) throw FieldError{path, "expected an array of strings"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(readString(v[i], element(path, i)));
    return out;
}

glm::dvec3 readVec3(const Json& v, const std::string& path) {
    // Null, strings and NaN (which nlohmann reads as null or refuses) all end up here.
    const auto finite = [](const Json& x) { return x.is_number() && std::isfinite(x.get<double>()); };
    if (!v.is_array() || v.size() != 3 || !std::all_of(v.begin(), v.end(), finite))
        throw FieldError{path, "expected 3 finite numbers"};
    return {v[0].get<double>(), v[1].get<double>(), v[2].get<double>()};
}

LangText readLangText(const Json& v, const std::string& path) {
    if (!v.is_object()) throw FieldError{path, "expected a language map like {\"zh\": \"...\", \"en\": \"...\"}"};
    LangText out;
    for (const auto& [lang, text] : v.items()) out[lang] = readString(text, child(path, lang));
    return out;
}

Viewpoint readViewpoint(const Json& v, const std::string& path) {
    Viewpoint out;
    out.position = readVec3(require(v, "position", path), child(path, "position"));
    if (const Json* y = find(v, "yaw", path)) out.yaw = readNumber(*y, child(path, "yaw"));
    if (const Json* p = find(v, "pitch", path)) out.pitch = readNumber(*p, child(path, "pitch"));
    if (const Json* f = find(v, "fov", path)) out.fov = readNumber(*f, child(path, "fov"));
    if (out.pitch < -90.0 || out.pitch > 90.0) throw FieldError{child(path, "pitch"), "must be within [-90, 90]"};
    if (out.fov <= 0.0 || out.fov >= 180.0) throw FieldError{child(path, "fov"), "must be within (0, 180)"};
    return out;
}

Json writeVec3(const glm::dvec3& v) { return Json::array({v.x, v.y, v.z}); }

Json writeLangText(const LangText& text) {
    Json out = Json::object();
    for (const auto& [lang, s] : text) out[lang] = s;
    return out;
}

Json writeViewpoint(const Viewpoint& v) {
    return Json{{"position", writeVec3(v.position)}, {"yaw", v.yaw}, {"pitch", v.pitch}, {"fov", v.fov}};
}

std::string extrasOf(const Json& obj, std::initializer_list<const char*> known) {
    if (!obj.is_object()) return {};
    Json out = Json::object();
    for (const auto& item : obj.items()) {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
        const std::string& key = item.key();
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) out[key] = item.value();
    }
    return out.empty() ? std::string() : out.dump();
}

void mergeExtras(Json& out, const std::string& extras) {
    if (extras.empty()) return;
    const Json parsed = Json::parse(extras, nullptr, false);
    if (!parsed.is_object()) return;
    for (const auto& [key, value] : parsed.items())
        if (!out.contains(key)) out[key] = value;
}

void keepInExtras(std::string& extras, const std::string& key, const Json& value) {
    Json obj = extras.empty() ? Json::object() : Json::parse(extras, nullptr, false);
    if (!obj.is_object()) obj = Json::object();
    obj[key] = value;
    extras = obj.dump();
}

// Throws FieldError with the JSON path of the bad value (a zero normal, min > max...).
Clipping readClipping(const Json& v, const std::string& path) {
    if (!v.is_object()) throw FieldError{path, "expected an object"};
    Clipping c;
    auto entries = [&](const char* key) -> std::vector<std::pair<const Json*, std::string>> {
        std::vector<std::pair<const Json*, std::string>> out;
        const Json* list = find(v, key, path);
        if (!list) return out;
        const std::string listPath = child(path, key);
        if (!list->is_array()) throw FieldError{listPath, "expected an array"};
        for (std::size_t i = 0; i < list->size(); ++i) out.emplace_back(&(*list)[i], element(listPath, i));
        return out;
    };
    for (const auto& [e, p] : entries("planes")) {
        const glm::dvec3 n = readVec3(require(*e, "normal", p), child(p, "normal"));
        const double d = readNumber(require(*e, "offset", p), child(p, "offset"));
        auto plane = makeClipPlane(n, d);
        if (!plane) throw FieldError{p, plane.error().message};
        c.planes.push_back(*plane);
    }
    for (const auto& [e, p] : entries("boxes")) {
        const glm::dvec3 lo = readVec3(require(*e, "min", p), child(p, "min"));
        const glm::dvec3 hi = readVec3(require(*e, "max", p), child(p, "max"));
        auto box = makeClipBox(lo, hi);
        if (!box) throw FieldError{p, box.error().message};
        c.boxes.push_back(*box);
    }
    if (c.halfSpaces().size() > kMaxClipHalfSpaces)
        throw FieldError{path, "more than " + std::to_string(kMaxClipHalfSpaces) + " half-spaces (a plane is one, a box six)"};
    return c;
}

Json writeClipping(const Clipping& c) {
    Json planes = Json::array(), boxes = Json::array();
    for (const ClipPlane& p : c.planes) planes.push_back({{"normal", writeVec3(p.normal)}, {"offset", p.offset}});
    for (const ClipBox& b : c.boxes) boxes.push_back({{"min", writeVec3(b.min)}, {"max", writeVec3(b.max)}});
    Json out = Json::object();
    if (!planes.empty()) out["planes"] = planes;
    if (!boxes.empty()) out["boxes"] = boxes;
    return out;
}

}  // namespace axis::json
