#pragma once
// Helpers shared by the site and POI loaders (scene/, poi/): reading typed fields out of a JSON
// document with errors that name the JSON path, and keeping unknown fields so that a save never
// drops what a newer axisview (or a person) wrote. Not for use outside the file loaders.
//
// Loaders read one entry at a time inside a try block: a bad field throws FieldError, which the
// loader turns into "FILE: PATH: problem" and then goes on with the next entry.
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "scene/clipping.h"
#include "scene/viewpoint.h"

namespace axis::json {

/// Insertion-ordered, so that saved files keep the order people wrote them in.
using Json = nlohmann::ordered_json;

/// A field that is missing or has the wrong type or value; `path` is e.g. "models[3].position".
struct FieldError {
    std::string path;
    std::string problem;
};

/// "FILE: PATH: problem"; the file is named as the caller gave it.
std::string describe(const std::filesystem::path& file, const FieldError& e);

/// 1-based line and column of byte offset `byte` in `text`, as "line L, column C".
std::string lineColumn(const std::string& text, std::size_t byte);

/// Parses a whole document. Malformed JSON fails with "FILE: line L, column C: ..." and a root
/// that is not an object fails too.
Expected<Json> parseDocument(const std::filesystem::path& file, const std::string& text);

/// Checks "format" equals `format` and "version" is "1.x"; anything else fails (no migration
/// exists yet because 1.0 is the first version). Returns the version string read.
Expected<std::string> checkHeader(const std::filesystem::path& file, const Json& root,
                                  const std::string& format);

/// "a.b" or "a[3]" style path pieces.
inline std::string child(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}
inline std::string element(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

/// The member `key` of object `obj`, or nullptr. Throws if `obj` is not an object.
const Json* find(const Json& obj, const std::string& key, const std::string& path);
/// Like find(), but a missing member throws "PATH.key: missing".
const Json& require(const Json& obj, const std::string& key, const std::string& path);

double readNumber(const Json& v, const std::string& path);  ///< Finite numbers only.
bool readBool(const Json& v, const std::string& path);
std::string readString(const Json& v, const std::string& path);
std::string readNonEmptyString(const Json& v, const std::string& path);
std::vector<std::string> readStringList(const Json& v, const std::string& path);
glm::dvec3 readVec3(const Json& v, const std::string& path);  ///< "expected 3 finite numbers".
LangText readLangText(const Json& v, const std::string& path);  ///< Object of strings.
/// {"position": [x,y,z], "yaw": d, "pitch": d, "fov": d}; yaw/pitch default 0, fov 60.
Viewpoint readViewpoint(const Json& v, const std::string& path);

/// {"planes": [{"normal": [x,y,z], "offset": d}], "boxes": [{"min": [x,y,z], "max": [x,y,z]}]}
/// (site frame, metres); a zero normal, min > max or more than kMaxClipHalfSpaces throw with
/// the entry's path. Normals come back unit length.
Clipping readClipping(const Json& v, const std::string& path);
Json writeClipping(const Clipping& c);

Json writeVec3(const glm::dvec3& v);
Json writeLangText(const LangText& text);
Json writeViewpoint(const Viewpoint& v);

/// The members of `obj` whose keys are not in `known`, as compact JSON text ("" when none).
std::string extrasOf(const Json& obj, std::initializer_list<const char*> known);
/// Adds the members stored by extrasOf() to `out`, without replacing members it already has.
void mergeExtras(Json& out, const std::string& extras);
/// Adds a single member that failed validation to an extras text, so that saving keeps it.
void keepInExtras(std::string& extras, const std::string& key, const Json& value);

}  // namespace axis::json
