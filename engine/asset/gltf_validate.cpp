// Structural checks of a glTF 2.0 document before Assimp reads it.
//
// Debian's Assimp 5.2 trusts glTF JSON: a missing required member, a string where a number
// belongs, an index past the end of its array or a child cycle in the node tree make it read
// through null pointers or recurse forever (found by tests/fuzz). Checking the document against
// the parts of the glTF 2.0 schema Assimp relies on turns all of those into one clear error.
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "asset/gltf_document.h"
#include "asset/import_internal.h"
#include "core/file_io.h"

namespace axis::detail {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Members whose JSON type is the same wherever they appear: Assimp reads them as C strings.
bool mustBeString(const std::string& key) {
    static const char* const kKeys[] = {"name", "uri", "mimeType", "type", "path", "interpolation", "alphaMode",
                                        "version", "generator", "minVersion", "copyright"};
    for (const char* k : kKeys)
        if (key == k) return true;
    return false;
}

class Validator {
public:
    Validator(std::string name, const json& doc) : name_(std::move(name)), doc_(doc) {}

    /// Set by run(): the file has something Assimp 5.2 cannot take (see GltfCheck).
    bool needsOwnReader = false;

    Status run(const std::vector<std::uint64_t>& bufferSizes) {
        bufferSizes_ = bufferSizes;
        if (!doc_.is_object()) return makeError(name_, "invalid glTF: the document is not a JSON object");
        if (!checkMemberTypes(doc_, "")) return error_;
        const json* asset = member(doc_, "asset");
        if (!asset || !asset->is_object() || !asset->contains("version"))
            return makeError(name_, "invalid glTF: asset.version: missing");
        for (const char* array : {"accessors", "animations", "buffers", "bufferViews", "cameras", "images", "materials",
                                  "meshes", "nodes", "samplers", "scenes", "skins", "textures"})
            if (!arrayOfObjects(array)) return error_;
        for (const char* list : {"extensionsUsed", "extensionsRequired"}) {
            const json* names = member(doc_, list);
            if (names && names->is_array())
                for (const json& n : *names)
                    if (n == "KHR_draco_mesh_compression" || n == "KHR_texture_basisu" || n == "CESIUM_RTC")
                        needsOwnReader = true;
        }
        if (!buffers() || !bufferViews() || !accessors() || !meshes() || !nodes() || !scenes() || !materials() ||
            !textures() || !images() || !skins() || !animations() || !cameras() || !relativeToCentre())
            return error_;
        return Ok{};
    }

private:
    // --- helpers -------------------------------------------------------------------------------
    bool fail(const std::string& where, const std::string& what) {
        error_ = makeError(name_, "invalid glTF: " + (where.empty() ? what : where + ": " + what));
        return false;
    }
    static const json* member(const json& object, const char* key) {
        auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }
    const json& array(const char* key) const {
        static const json kEmpty = json::array();
        const json* a = member(doc_, key);
        return a ? *a : kEmpty;
    }
    std::size_t countOf(const char* key) const { return array(key).size(); }

    // Every "name", "uri", ... anywhere in the document must be a string (extras excepted).
    bool checkMemberTypes(const json& value, const std::string& where) {
        if (value.is_object()) {
            for (auto it = value.begin(); it != value.end(); ++it) {
                if (it.key() == "extras") continue;
                const std::string path = where.empty() ? it.key() : where + "." + it.key();
                if (mustBeString(it.key()) && !it->is_string()) return fail(path, "must be a string");
                if (!checkMemberTypes(*it, path)) return false;
            }
        } else if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i)
                if (!checkMemberTypes(value[i], where + "[" + std::to_string(i) + "]")) return false;
        }
        return true;
    }
    bool arrayOfObjects(const char* key) {
        const json* a = member(doc_, key);
        if (!a) return true;
        if (!a->is_array()) return fail(key, "must be an array");
        for (std::size_t i = 0; i < a->size(); ++i)
            if (!(*a)[i].is_object()) return fail(std::string(key) + "[" + std::to_string(i) + "]", "must be an object");
        return true;
    }
    // An optional (or, with `required`, mandatory) unsigned integer member, below `limit`.
    bool index(const json& object, const char* key, const std::string& where, std::uint64_t limit, bool required = false,
               std::uint64_t* out = nullptr) {
        const json* v = member(object, key);
        if (!v) return required ? fail(where + "." + key, "missing") : true;
        if (!v->is_number_unsigned()) return fail(where + "." + key, "must be a non-negative integer");
        const std::uint64_t value = v->get<std::uint64_t>();
        if (value >= limit)
            return fail(where + "." + key, std::to_string(value) + " is out of range (" + std::to_string(limit) + " exist)");
        if (out) *out = value;
        return true;
    }
    bool number(const json& object, const char* key, const std::string& where, bool required = false) {
        const json* v = member(object, key);
        if (!v) return required ? fail(where + "." + key, "missing") : true;
        return v->is_number() ? true : fail(where + "." + key, "must be a number");
    }
    bool numbers(const json& object, const char* key, const std::string& where, std::size_t count) {
        const json* v = member(object, key);
        if (!v) return true;
        if (!v->is_array() || (count && v->size() != count))
            return fail(where + "." + key, "must be an array of " + (count ? std::to_string(count) + " " : "") + "numbers");
        for (const json& n : *v)
            if (!n.is_number()) return fail(where + "." + key, "must hold only numbers");
        return true;
    }
    bool boolean(const json& object, const char* key, const std::string& where) {
        const json* v = member(object, key);
        return !v || v->is_boolean() ? true : fail(where + "." + key, "must be true or false");
    }
    bool objectMember(const json& object, const char* key, const std::string& where, bool required = false) {
        const json* v = member(object, key);
        if (!v) return required ? fail(where + "." + key, "missing") : true;
        return v->is_object() ? true : fail(where + "." + key, "must be an object");
    }
    bool indexArray(const json& object, const char* key, const std::string& where, std::uint64_t limit, bool required = false) {
        const json* v = member(object, key);
        if (!v) return required ? fail(where + "." + key, "missing") : true;
        if (!v->is_array()) return fail(where + "." + key, "must be an array");
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& n = (*v)[i];
            const std::string at = where + "." + key + "[" + std::to_string(i) + "]";
            if (!n.is_number_unsigned()) return fail(at, "must be a non-negative integer");
            if (n.get<std::uint64_t>() >= limit) return fail(at, "is out of range (" + std::to_string(limit) + " exist)");
        }
        return true;
    }
    static std::string at(const char* array, std::size_t i) { return std::string(array) + "[" + std::to_string(i) + "]"; }

    // --- the arrays ----------------------------------------------------------------------------
    bool buffers() {
        const json& list = array("buffers");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string where = at("buffers", i);
            const json* length = member(list[i], "byteLength");
            if (!length || !length->is_number_unsigned() || length->get<std::uint64_t>() == 0)
                return fail(where + ".byteLength", "must be a positive integer");
            if (i < bufferSizes_.size() && bufferSizes_[i] < length->get<std::uint64_t>())
                return fail(where, "declares " + std::to_string(length->get<std::uint64_t>()) + " bytes but holds " +
                                       std::to_string(bufferSizes_[i]));
        }
        return true;
    }

    bool bufferViews() {
        const json& list = array("bufferViews");
        const json& bufferList = array("buffers");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& view = list[i];
            const std::string where = at("bufferViews", i);
            std::uint64_t buffer = 0;
            if (!index(view, "buffer", where, bufferList.size(), true, &buffer)) return false;
            const json* length = member(view, "byteLength");
            if (!length || !length->is_number_unsigned() || length->get<std::uint64_t>() == 0)
                return fail(where + ".byteLength", "must be a positive integer");
            std::uint64_t offset = 0;
            if (!index(view, "byteOffset", where, UINT32_MAX, false, &offset)) return false;
            if (!index(view, "byteStride", where, 253)) return false;
            const std::uint64_t bufferLength = bufferList[buffer]["byteLength"].get<std::uint64_t>();
            if (offset > bufferLength || length->get<std::uint64_t>() > bufferLength - offset)
                return fail(where, "lies outside buffer " + std::to_string(buffer));
        }
        return true;
    }

    static std::uint64_t componentBytes(std::uint64_t componentType) { return gltfComponentSize(componentType); }
    static std::uint64_t components(const std::string& type) { return std::uint64_t(gltfComponentCount(type)); }
    // `count` elements of `elementBytes`, `stride` apart from `offset`, inside bufferView `view`.
    bool fitsInView(const std::string& where, std::uint64_t view, std::uint64_t offset, std::uint64_t count,
                    std::uint64_t elementBytes, std::uint64_t stride) {
        const std::uint64_t viewLength = array("bufferViews")[view]["byteLength"].get<std::uint64_t>();
        if (count == 0) return true;
        const std::uint64_t step = stride ? stride : elementBytes;
        if (offset > viewLength || count - 1 > (viewLength - offset) / step ||
            (count - 1) * step + elementBytes > viewLength - offset)
            return fail(where, "its " + std::to_string(count) + " elements run past the end of bufferView " + std::to_string(view));
        return true;
    }
    std::uint64_t strideOf(std::uint64_t view) {
        const json* s = member(array("bufferViews")[view], "byteStride");
        return s ? s->get<std::uint64_t>() : 0;
    }

    bool accessors() {
        const json& list = array("accessors");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& a = list[i];
            const std::string where = at("accessors", i);
            const json* componentType = member(a, "componentType");
            if (!componentType || !componentType->is_number_unsigned() || !componentBytes(componentType->get<std::uint64_t>()))
                return fail(where + ".componentType", "missing or not a glTF component type");
            const json* type = member(a, "type");
            if (!type || !type->is_string() || !components(type->get<std::string>()))
                return fail(where + ".type", "missing or not SCALAR, VEC2..4 or MAT2..4");
            const json* count = member(a, "count");
            if (!count || !count->is_number_unsigned() || count->get<std::uint64_t>() == 0)
                return fail(where + ".count", "must be a positive integer");
            const std::uint64_t n = components(type->get<std::string>());
            if (!numbers(a, "max", where, n) || !numbers(a, "min", where, n) || !boolean(a, "normalized", where)) return false;
            std::uint64_t view = 0, offset = 0;
            if (!index(a, "byteOffset", where, UINT32_MAX, false, &offset)) return false;
            if (member(a, "bufferView")) {
                if (!index(a, "bufferView", where, countOf("bufferViews"), true, &view)) return false;
                const std::uint64_t element = n * componentBytes(componentType->get<std::uint64_t>());
                if (!fitsInView(where, view, offset, count->get<std::uint64_t>(), element, strideOf(view))) return false;
            }
            if (member(a, "sparse") && !sparse(a["sparse"], where + ".sparse", count->get<std::uint64_t>(),
                                               n * componentBytes(componentType->get<std::uint64_t>())))
                return false;
        }
        return true;
    }

    bool sparse(const json& s, const std::string& where, std::uint64_t accessorCount, std::uint64_t elementBytes) {
        if (!s.is_object()) return fail(where, "must be an object");
        const json* count = member(s, "count");
        if (!count || !count->is_number_unsigned() || count->get<std::uint64_t>() == 0 ||
            count->get<std::uint64_t>() > accessorCount)
            return fail(where + ".count", "must be a positive integer no larger than the accessor's count");
        if (!objectMember(s, "indices", where, true) || !objectMember(s, "values", where, true)) return false;
        const json& indices = s["indices"];
        const json& values = s["values"];
        std::uint64_t view = 0, offset = 0;
        const json* componentType = member(indices, "componentType");
        if (!componentType || !componentType->is_number_unsigned() ||
            !componentBytes(componentType->get<std::uint64_t>()))
            return fail(where + ".indices.componentType", "missing or invalid");
        if (!index(indices, "bufferView", where + ".indices", countOf("bufferViews"), true, &view) ||
            !index(indices, "byteOffset", where + ".indices", UINT32_MAX, false, &offset) ||
            !fitsInView(where + ".indices", view, offset, count->get<std::uint64_t>(),
                        componentBytes(componentType->get<std::uint64_t>()), 0))
            return false;
        if (!index(values, "bufferView", where + ".values", countOf("bufferViews"), true, &view) ||
            !index(values, "byteOffset", where + ".values", UINT32_MAX, false, &offset) ||
            !fitsInView(where + ".values", view, offset, count->get<std::uint64_t>(), elementBytes, 0))
            return false;
        return true;
    }

    bool meshes() {
        const json& list = array("meshes");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string where = at("meshes", i);
            const json* primitives = member(list[i], "primitives");
            if (!primitives || !primitives->is_array() || primitives->empty())
                return fail(where + ".primitives", "must be a non-empty array");
            if (!numbers(list[i], "weights", where, 0)) return false;
            for (std::size_t p = 0; p < primitives->size(); ++p)
                if (!primitive((*primitives)[p], where + ".primitives[" + std::to_string(p) + "]")) return false;
        }
        return true;
    }

    bool attributeMap(const json& map, const std::string& where) {
        if (!map.is_object()) return fail(where, "must be an object");
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it->is_number_unsigned()) return fail(where + "." + it.key(), "must be an accessor index");
            if (it->get<std::uint64_t>() >= countOf("accessors")) return fail(where + "." + it.key(), "no such accessor");
        }
        return true;
    }

    bool primitive(const json& p, const std::string& where) {
        if (!p.is_object()) return fail(where, "must be an object");
        const json* attributes = member(p, "attributes");
        if (!attributes) return fail(where + ".attributes", "missing");
        if (!attributeMap(*attributes, where + ".attributes")) return false;
        std::uint64_t mode = 4, indices = 0;
        if (member(p, "indices")) {
            if (!index(p, "indices", where, countOf("accessors"), true, &indices)) return false;
            const json& a = array("accessors")[indices];
            const std::uint64_t type = a["componentType"].get<std::uint64_t>();
            if ((type != 5121 && type != 5123 && type != 5125) || a["type"] != "SCALAR")
                return fail(where + ".indices", "accessor " + std::to_string(indices) + " must be unsigned SCALAR integers");
        }
        if ( !index(p, "material", where, countOf("materials")) ||
            !index(p, "mode", where, 7, false, &mode))
            return false;
        // Assimp 5.2 cannot decode Draco, and its assembly of lines, strips and fans, and of
        // primitives without positions, reads and writes past its arrays on short index lists.
        if ((mode != 0 && mode != 4) || !attributes->contains("POSITION")) needsOwnReader = true;
        if (const json* e = member(p, "extensions"); e && e->is_object() && e->contains("KHR_draco_mesh_compression"))
            needsOwnReader = true;
        if (const json* targets = member(p, "targets")) {
            if (!targets->is_array()) return fail(where + ".targets", "must be an array");
            for (std::size_t t = 0; t < targets->size(); ++t)
                if (!attributeMap((*targets)[t], where + ".targets[" + std::to_string(t) + "]")) return false;
        }
        return true;
    }

    bool nodes() {
        const json& list = array("nodes");
        std::vector<int> parents(list.size(), 0);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& node = list[i];
            const std::string where = at("nodes", i);
            if (!indexArray(node, "children", where, list.size()) || !index(node, "mesh", where, countOf("meshes")) ||
                !index(node, "camera", where, countOf("cameras")) || !index(node, "skin", where, countOf("skins")) ||
                !numbers(node, "matrix", where, 16) || !numbers(node, "translation", where, 3) ||
                !numbers(node, "rotation", where, 4) || !numbers(node, "scale", where, 3) || !numbers(node, "weights", where, 0))
                return false;
            if (const json* children = member(node, "children"))
                for (const json& child : *children)
                    if (++parents[child.get<std::size_t>()] > 1)
                        return fail(where + ".children", "node " + std::to_string(child.get<std::size_t>()) + " has two parents");
            if (!lightReference(node, where)) return false;
            if (farFromZero(node)) needsOwnReader = true;
        }
        return acyclic(list);
    }

    // A node placed 10 km or more from zero (georeferenced content): Assimp would round its
    // vertices to float; our reader keeps them in double (SourceFrame).
    static bool farFromZero(const json& node) {
        constexpr double kFar = 1e4;
        auto far = [](const json& v) { return v.is_number() && std::abs(v.get<double>()) >= kFar; };
        if (const json* t = member(node, "translation"))
            for (const json& v : *t)
                if (far(v)) return true;
        if (const json* m = member(node, "matrix"))
            for (std::size_t i = 12; i < 15 && i < m->size(); ++i)
                if (far((*m)[i])) return true;
        return false;
    }

    bool lightReference(const json& node, const std::string& where) {
        const json* extensions = member(node, "extensions");
        if (!extensions || !extensions->is_object()) return true;
        const json* light = member(*extensions, "KHR_lights_punctual");
        if (!light) return true;
        if (!light->is_object()) return fail(where + ".extensions.KHR_lights_punctual", "must be an object");
        std::uint64_t lights = 0;
        if (const json* e = member(doc_, "extensions"); e && e->is_object())
            if (const json* l = member(*e, "KHR_lights_punctual"); l && l->is_object())
                if (const json* a = member(*l, "lights"); a && a->is_array()) lights = a->size();
        return index(*light, "light", where + ".extensions.KHR_lights_punctual", lights, true);
    }

    // With at most one parent per node, a cycle is a loop of nodes none of which is a root.
    bool acyclic(const json& list) {
        std::vector<std::uint8_t> state(list.size(), 0);  // 0 unseen, 1 on the current path, 2 done
        for (std::size_t start = 0; start < list.size(); ++start) {
            if (state[start]) continue;
            std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
            state[start] = 1;
            while (!stack.empty()) {
                auto& [node, next] = stack.back();
                const json* children = member(list[node], "children");
                if (!children || next >= children->size()) {
                    state[node] = 2;
                    stack.pop_back();
                    continue;
                }
                const std::size_t child = (*children)[next++].get<std::size_t>();
                if (state[child] == 1) return fail(at("nodes", child), "is its own ancestor (a cycle in children)");
                if (state[child] == 0) {
                    state[child] = 1;
                    stack.emplace_back(child, 0);
                }
            }
        }
        return true;
    }

    bool scenes() {
        if (!index(doc_, "scene", "", countOf("scenes"))) return false;
        const json& list = array("scenes");
        for (std::size_t i = 0; i < list.size(); ++i)
            if (!indexArray(list[i], "nodes", at("scenes", i), countOf("nodes"))) return false;
        return true;
    }

    // A texture reference: {"index": N, "texCoord": M, ...}; found by name anywhere in a material.
    bool textureInfos(const json& value, const std::string& where) {
        if (!value.is_object()) return true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string path = where + "." + it.key();
            const std::string& key = it.key();
            const bool isTexture = key.size() >= 7 && key.compare(key.size() - 7, 7, "Texture") == 0;
            if (isTexture) {
                if (!it->is_object()) return fail(path, "must be an object");
                if (!index(*it, "index", path, countOf("textures"), true) || !index(*it, "texCoord", path, 32) ||
                    !number(*it, "scale", path) || !number(*it, "strength", path))
                    return false;
            } else if (key != "extras" && !textureInfos(*it, path)) {
                return false;
            }
        }
        return true;
    }

    bool materials() {
        const json& list = array("materials");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& m = list[i];
            const std::string where = at("materials", i);
            if (!numbers(m, "emissiveFactor", where, 3) || !number(m, "alphaCutoff", where) ||
                !boolean(m, "doubleSided", where) || !objectMember(m, "pbrMetallicRoughness", where) ||
                !objectMember(m, "extensions", where))
                return false;
            if (const json* pbr = member(m, "pbrMetallicRoughness")) {
                const std::string p = where + ".pbrMetallicRoughness";
                if (!numbers(*pbr, "baseColorFactor", p, 4) || !number(*pbr, "metallicFactor", p) ||
                    !number(*pbr, "roughnessFactor", p))
                    return false;
            }
            if (!textureInfos(m, where)) return false;
        }
        return true;
    }

    bool textures() {
        const json& list = array("textures");
        for (std::size_t i = 0; i < list.size(); ++i)
            if (!index(list[i], "sampler", at("textures", i), countOf("samplers")) ||
                !index(list[i], "source", at("textures", i), countOf("images")) || !basisuSource(list[i], at("textures", i)))
                return false;
        const json& samplers = array("samplers");
        for (std::size_t i = 0; i < samplers.size(); ++i)
            for (const char* key : {"magFilter", "minFilter", "wrapS", "wrapT"})
                if (!index(samplers[i], key, at("samplers", i), 65536)) return false;
        return true;
    }

    // KHR_texture_basisu names its KTX2 image in the texture's extension; Assimp 5.2 cannot
    // decode KTX2, and our reader looks for the JPEG or PNG it was made from instead.
    bool basisuSource(const json& texture, const std::string& where) {
        const json* extensions = member(texture, "extensions");
        if (!extensions || !extensions->is_object() || !extensions->contains("KHR_texture_basisu")) return true;
        needsOwnReader = true;
        const std::string path = where + ".extensions";
        return objectMember(*extensions, "KHR_texture_basisu", path, true) &&
               index((*extensions)["KHR_texture_basisu"], "source", path + ".KHR_texture_basisu", countOf("images"), true);
    }

    static bool isKtx2Image(const json& image) {
        const json* mime = member(image, "mimeType");
        if (mime && *mime == "image/ktx2") return true;
        const json* uri = member(image, "uri");
        if (!uri || !uri->is_string()) return false;
        const std::string& text = uri->get_ref<const std::string&>();
        if (text.rfind("data:", 0) == 0) return text.rfind("data:image/ktx2", 0) == 0;
        return lowerExtension(fs::path(text)) == "ktx2";
    }

    // CESIUM_RTC: positions are relative to a centre given in double (3D Tiles content); Assimp
    // ignores it, our reader keeps it in the model's source origin.
    bool relativeToCentre() {
        const json* extensions = member(doc_, "extensions");
        if (!extensions || !extensions->is_object() || !extensions->contains("CESIUM_RTC")) return true;
        needsOwnReader = true;
        if (!objectMember(*extensions, "CESIUM_RTC", "extensions", true)) return false;
        const json& rtc = (*extensions)["CESIUM_RTC"];
        if (!member(rtc, "center")) return fail("extensions.CESIUM_RTC.center", "missing");
        return numbers(rtc, "center", "extensions.CESIUM_RTC", 3);
    }

    bool images() {
        const json& list = array("images");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string where = at("images", i);
            if (isKtx2Image(list[i])) needsOwnReader = true;
            if (!index(list[i], "bufferView", where, countOf("bufferViews"))) return false;
            // Assimp takes the file extension after the '/' of "image/png" without looking.
            const json* mime = member(list[i], "mimeType");
            if (mime && mime->get_ref<const std::string&>().find('/') == std::string::npos)
                return fail(where + ".mimeType", "must look like image/png");
            if (member(list[i], "bufferView") && !mime) return fail(where + ".mimeType", "missing (required with bufferView)");
        }
        return true;
    }

    bool skins() {
        const json& list = array("skins");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string where = at("skins", i);
            if (!indexArray(list[i], "joints", where, countOf("nodes"), true) ||
                !index(list[i], "inverseBindMatrices", where, countOf("accessors")) ||
                !index(list[i], "skeleton", where, countOf("nodes")))
                return false;
        }
        return true;
    }

    bool animations() {
        const json& list = array("animations");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string where = at("animations", i);
            const json* samplers = member(list[i], "samplers");
            const json* channels = member(list[i], "channels");
            if (!samplers || !samplers->is_array()) return fail(where + ".samplers", "must be an array");
            if (!channels || !channels->is_array()) return fail(where + ".channels", "must be an array");
            for (std::size_t s = 0; s < samplers->size(); ++s) {
                const std::string w = where + ".samplers[" + std::to_string(s) + "]";
                if (!(*samplers)[s].is_object()) return fail(w, "must be an object");
                if (!index((*samplers)[s], "input", w, countOf("accessors"), true) ||
                    !index((*samplers)[s], "output", w, countOf("accessors"), true))
                    return false;
            }
            for (std::size_t c = 0; c < channels->size(); ++c) {
                const std::string w = where + ".channels[" + std::to_string(c) + "]";
                const json& channel = (*channels)[c];
                if (!channel.is_object()) return fail(w, "must be an object");
                if (!index(channel, "sampler", w, samplers->size(), true) || !objectMember(channel, "target", w, true) ||
                    !index(channel["target"], "node", w + ".target", countOf("nodes")))
                    return false;
                if (!member(channel["target"], "path")) return fail(w + ".target.path", "missing");
            }
        }
        return true;
    }

    bool cameras() {
        const json& list = array("cameras");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string where = at("cameras", i);
            const json* type = member(list[i], "type");
            if (!type) return fail(where + ".type", "missing");
            const std::string kind = type->get<std::string>();
            if (kind != "perspective" && kind != "orthographic") return fail(where + ".type", "must be perspective or orthographic");
            if (!objectMember(list[i], kind.c_str(), where, true)) return false;
            for (const char* key : {"yfov", "aspectRatio", "znear", "zfar", "xmag", "ymag"})
                if (!number(list[i][kind], key, where + "." + kind)) return false;
        }
        return true;
    }

    std::string name_;
    const json& doc_;
    std::vector<std::uint64_t> bufferSizes_;
    Status error_ = Ok{};
};

// The bytes each buffer really holds: the GLB BIN chunk, a data: URI, or a file next to the model.
std::vector<std::uint64_t> bufferSizes(const json& doc, const fs::path& folder, std::uint64_t glbBinSize) {
    std::vector<std::uint64_t> sizes;
    auto it = doc.find("buffers");
    if (it == doc.end() || !it->is_array()) return sizes;
    for (const json& buffer : *it) {
        const json* uri = buffer.is_object() && buffer.contains("uri") ? &buffer["uri"] : nullptr;
        if (!uri) {
            sizes.push_back(glbBinSize);
        } else if (!uri->is_string()) {
            sizes.push_back(0);
        } else if (uri->get_ref<const std::string&>().rfind("data:", 0) == 0) {
            const std::string& text = uri->get_ref<const std::string&>();
            const auto comma = text.find(',');
            sizes.push_back(comma == std::string::npos ? 0 : decodeBase64(std::string_view(text).substr(comma + 1)).size());
        } else {
            std::error_code ec;
            const auto size = fs::file_size(folder / uri->get_ref<const std::string&>(), ec);
            sizes.push_back(ec ? UINT64_MAX : size);  // A missing file is Assimp's clean error to give.
        }
    }
    return sizes;
}

}  // namespace

Expected<GltfCheck> validateGltf(const fs::path& path, std::span<const std::uint8_t> bytes) {
    const std::string name = path.string();
    const bool glb = isGlb(path, bytes);
    std::uint64_t binSize = 0;
    if (glb) {
        auto chunks = splitGlbChunks(name, bytes);
        if (!chunks) return chunks.error();
        binSize = chunks->bin.size();
    }
    const std::string_view text = gltfJsonText(bytes, glb);
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) return makeError(name, "invalid glTF: the JSON does not parse");
    Validator validator(name, doc);
    if (auto ok = validator.run(bufferSizes(doc, path.parent_path(), binSize)); !ok) return ok.error();
    return GltfCheck{validator.needsOwnReader};
}

}  // namespace axis::detail
