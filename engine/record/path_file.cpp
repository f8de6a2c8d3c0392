#include "record/path_file.h"

#include <algorithm>
#include <cmath>

#include "core/file_io.h"
#include "scene/json_fields.h"

namespace axis::record {
namespace {

using json::FieldError;
using json::Json;

constexpr const char* kFormat = "axisview-path";

template <class Enum>
Enum readChoice(const Json& v, const std::string& path, std::initializer_list<std::pair<const char*, Enum>> choices) {
    const std::string s = json::readString(v, path);
    std::string names;
    for (const auto& [name, value] : choices) {
        if (s == name) return value;
        names += (names.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    }
    throw FieldError{path, "expected one of " + names + ", got \"" + s + "\""};
}

PathInterpolation readInterpolation(const Json& v, const std::string& path) {
    PathInterpolation out;
    if (const Json* p = json::find(v, "position", path))
        readChoice<int>(*p, json::child(path, "position"), {{"centripetal-catmull-rom", 0}});
    if (const Json* o = json::find(v, "orientation", path))
        out.orientation = readChoice<OrientationInterpolation>(*o, json::child(path, "orientation"),
                                     {{"squad", OrientationInterpolation::Squad}, {"slerp", OrientationInterpolation::Slerp}});
    if (const Json* t = json::find(v, "timing", path))
        out.timing = readChoice<Timing>(*t, json::child(path, "timing"),
                                {{"constant-speed", Timing::ConstantSpeed}, {"key-times", Timing::KeyTimes}});
    if (const Json* e = json::find(v, "ease", path)) out.ease = json::readNumber(*e, json::child(path, "ease"));
    if (out.ease < 0.0) throw FieldError{json::child(path, "ease"), "must be >= 0"};
    return out;
}

int readInt(const Json& v, const std::string& path) {
    const double d = json::readNumber(v, path);
    if (d != std::floor(d) || std::abs(d) > 1e9) throw FieldError{path, "expected a whole number"};
    return int(d);
}

OutputSettings readOutput(const Json& v, const std::string& path) {
    OutputSettings out;
    if (const Json* f = json::find(v, "fps", path)) out.fps = readInt(*f, json::child(path, "fps"));
    if (const Json* q = json::find(v, "quality", path)) out.quality = readInt(*q, json::child(path, "quality"));
    if (const Json* s = json::find(v, "size", path)) {
        const std::string sp = json::child(path, "size");
        if (!s->is_array() || s->size() != 2) throw FieldError{sp, "expected [width, height]"};
        const int w = readInt((*s)[0], json::element(sp, 0)), h = readInt((*s)[1], json::element(sp, 1));
        if (w < 0 || h < 0) throw FieldError{sp, "must be positive"};
        out.width = std::uint32_t(w);
        out.height = std::uint32_t(h);
    }
    if (auto problem = validateOutput(out)) throw FieldError{"", *problem};
    return out;
}

PathKey readKey(const Json& v, const std::string& path) {
    PathKey k;
    k.time = json::readNumber(json::require(v, "time", path), json::child(path, "time"));
    k.position = json::readVec3(json::require(v, "position", path), json::child(path, "position"));
    const auto number = [&](const char* key, double& out) {
        if (const Json* x = json::find(v, key, path)) out = json::readNumber(*x, json::child(path, key));
    };
    number("yaw", k.angles.yaw);
    number("pitch", k.angles.pitch);
    number("roll", k.angles.roll);
    number("fov", k.fov);
    number("speed", k.speed);
    if (const Json* e = json::find(v, "ease", path)) k.ease = json::readNumber(*e, json::child(path, "ease"));
    if (const Json* c = json::find(v, "clipping", path))
        k.clipping = json::readClipping(*c, json::child(path, "clipping"));
    if (const Json* sun = json::find(v, "sun", path)) {
        k.sun = json::readString(*sun, json::child(path, "sun"));
        if (auto when = parseLocalDateTime(k.sun); !when)
            throw FieldError{json::child(path, "sun"), when.error().message};
    }
    return k;
}

PathFile readDocument(const Json& root) {
    PathFile out;
    if (const Json* n = json::find(root, "name", "")) out.name = json::readString(*n, "name");
    if (const Json* i = json::find(root, "interpolation", "")) out.interpolation = readInterpolation(*i, "interpolation");
    if (const Json* o = json::find(root, "output", "")) out.output = readOutput(*o, "output");
    const Json& keys = json::require(root, "keyframes", "");
    if (!keys.is_array()) throw FieldError{"keyframes", "expected an array of keyframes"};
    for (std::size_t i = 0; i < keys.size(); ++i) out.keys.push_back(readKey(keys[i], json::element("keyframes", i)));
    if (auto problem = validateKeys(out.keys)) throw FieldError{"", *problem};
    out.extra = json::extrasOf(root, {"format", "version", "name", "interpolation", "output", "keyframes"});
    return out;
}

Json writeKey(const PathKey& k) {
    Json out{{"time", k.time}, {"position", json::writeVec3(k.position)}, {"yaw", k.angles.yaw},
             {"pitch", k.angles.pitch}, {"roll", k.angles.roll}, {"fov", k.fov}};
    if (k.speed != 1.0) out["speed"] = k.speed;
    if (k.ease) out["ease"] = *k.ease;
    if (k.clipping) out["clipping"] = json::writeClipping(*k.clipping);
    if (!k.sun.empty()) out["sun"] = k.sun;
    return out;
}

// 1.1 added the keys' "clipping" and "sun": a path that uses them says so, one that does not stays 1.0.
std::string versionFor(const PathFile& p) {
    const bool newer =
        std::any_of(p.keys.begin(), p.keys.end(), [](const PathKey& k) { return k.clipping || !k.sun.empty(); });
    return newer && p.version == "1.0" ? "1.1" : p.version;
}

}  // namespace

std::optional<std::string> validateOutput(const OutputSettings& o) {
    if (o.fps < 1 || o.fps > 240) return "output.fps: must be within 1..240, got " + std::to_string(o.fps);
    if (o.quality < 0 || o.quality > 51) return "output.quality: x264 CRF must be within 0..51, got " + std::to_string(o.quality);
    const auto badSide = [](std::uint32_t s) { return s < 2 || s > 16384 || s % 2 != 0; };
    if (badSide(o.width) || badSide(o.height))
        return "output.size: " + std::to_string(o.width) + "x" + std::to_string(o.height) +
               " must be even numbers within 2..16384 (H.264 4:2:0 halves the colour planes)";
    return std::nullopt;
}

Expected<PathFile> parsePathFile(const std::string& text, const std::filesystem::path& file) {
    auto root = json::parseDocument(file, text);
    if (!root) return root.error();
    auto version = json::checkHeader(file, *root, kFormat);
    if (!version) return version.error();
    try {
        PathFile out = readDocument(*root);
        out.version = *version;
        return out;
    } catch (const FieldError& e) {
        return Error{json::describe(file, e)};
    }
}

Expected<PathFile> loadPathFile(const std::filesystem::path& path) {
    auto text = readTextFile(path, 64ull << 20);
    if (!text) return text.error();
    return parsePathFile(*text, path);
}

std::string toJson(const PathFile& p) {
    const PathInterpolation& i = p.interpolation;
    Json root{{"format", kFormat}, {"version", versionFor(p)}};
    if (!p.name.empty()) root["name"] = p.name;
    root["interpolation"] = Json{
        {"position", "centripetal-catmull-rom"},
        {"orientation", i.orientation == OrientationInterpolation::Squad ? "squad" : "slerp"},
        {"timing", i.timing == Timing::ConstantSpeed ? "constant-speed" : "key-times"},
        {"ease", i.ease}};
    root["output"] = Json{{"fps", p.output.fps}, {"size", Json::array({p.output.width, p.output.height})},
                          {"quality", p.output.quality}};
    Json keys = Json::array();
    for (const PathKey& k : p.keys) keys.push_back(writeKey(k));
    root["keyframes"] = std::move(keys);
    json::mergeExtras(root, p.extra);
    return root.dump(2) + "\n";
}

Status savePathFile(const PathFile& file, const std::filesystem::path& path) {
    if (auto problem = validateKeys(file.keys)) return makeError(path.string(), "not saved: " + *problem);
    if (auto problem = validateOutput(file.output)) return makeError(path.string(), "not saved: " + *problem);
    return saveFileAtomic(path, toJson(file));
}

Expected<CameraPath> makeCameraPath(const PathFile& file) {
    return CameraPath::create(file.keys, file.interpolation);
}

}  // namespace axis::record
