#include "tiles/tileset.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "tiles/bounding_volume.h"
#include "tiles/implicit_tiling.h"

namespace axis::tiles {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Farther than this from zero, a root's centre is taken for earth-centred coordinates (the earth's
// radius is 6,357-6,378 km; projected frames put their numbers in x and y, not 1000 km up).
constexpr double kEarthCentredRadius = 1000e3;
// Farther than this (projected coordinates), the local frame is the source's moved to the root's
// centre, rounded to the metre: floats keep millimetres within 10 km of zero.
constexpr double kRecentreDistance = 10e3;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// %20 and friends, as URIs in tilesets are written.
std::string percentDecoded(const std::string& uri) {
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit((unsigned char)uri[i + 1]) &&
            std::isxdigit((unsigned char)uri[i + 2])) {
            out += char(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += uri[i];
        }
    }
    return out;
}

Expected<json> readJson(const fs::path& path, const TilesetLimits& limits) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return makeError(path.string(), "cannot read: " + ec.message());
    if (size > limits.maxJsonBytes)
        return makeError(path.string(), "tileset JSON of " + std::to_string(size >> 20) + " MiB is larger than the " +
                                            std::to_string(limits.maxJsonBytes >> 20) + " MiB allowed");
    auto text = readTextFile(path);
    if (!text) return text.error();
    json doc = json::parse(*text, nullptr, false);
    if (doc.is_discarded()) return makeError(path.string(), "not valid JSON");
    if (!doc.is_object() || !doc.contains("asset") || !doc["root"].is_object())
        return makeError(path.string(), "not a 3D Tiles tileset: no \"asset\" and \"root\" objects");
    return doc;
}

Expected<glm::dmat4> tileTransform(const json& tile, const std::string& where) {
    if (!tile.contains("transform")) return glm::dmat4(1.0);
    const json& t = tile["transform"];
    if (!t.is_array() || t.size() != 16) return makeError(where, "transform needs 16 numbers");
    glm::dmat4 m(1.0);
    for (int i = 0; i < 16; ++i) {
        if (!t[i].is_number() || !std::isfinite(t[i].get<double>()))
            return makeError(where, "transform[" + std::to_string(i) + "] is not a finite number");
        m[i / 4][i % 4] = t[i].get<double>();  // Column-major, as glTF.
    }
    return m;
}

// The first content of a tile: 1.0's "content" (with "url" before 1.0), 1.1's "contents".
std::string contentUri(const json& tile, std::vector<std::string>& notes) {
    const json* content = nullptr;
    if (tile.contains("content") && tile["content"].is_object())
        content = &tile["content"];
    else if (tile.contains("contents") && tile["contents"].is_array() && !tile["contents"].empty()) {
        content = &tile["contents"][0];
        if (tile["contents"].size() > 1) notes.push_back("has several contents: only the first is drawn");
    }
    if (!content) return {};
    for (const char* key : {"uri", "url"})
        if (content->contains(key) && (*content)[key].is_string()) return (*content)[key].get<std::string>();
    notes.push_back("content has no uri");
    return {};
}

class Loader {
public:
    Loader(Tileset& out, const TilesetLimits& limits) : out_(out), limits_(limits) {}

    Status loadRoot(const fs::path& file) {
        auto doc = readJson(file, limits_);
        if (!doc) return doc.error();
        out_.version = (*doc)["asset"].value("version", std::string("?"));
        open_.push_back(canonical(file));
        auto root = addTile((*doc)["root"], file, UINT32_MAX, glm::dmat4(1.0), Refine::Replace, "root", 0);
        if (!root) return root.error();
        return Ok{};
    }

private:
    static fs::path canonical(const fs::path& p) {
        std::error_code ec;
        fs::path c = fs::weakly_canonical(p, ec);
        return ec ? p : c;
    }

    void warn(const std::string& where, const std::string& what) { out_.warnings.push_back(where + ": " + what); }

    // Adds `node` (a tile of `file`) under `parent`; fails only for what leaves the tile unusable.
    Expected<std::uint32_t> addTile(const json& node, const fs::path& file, std::uint32_t parent,
                                    const glm::dmat4& parentToSource, Refine inherited, const std::string& path,
                                    std::uint32_t depth) {
        const std::string where = file.string() + ": tile " + path;
        if (!node.is_object()) return makeError(where, "is not an object");
        if (depth > limits_.maxDepth)
            return makeError(where, "deeper than " + std::to_string(limits_.maxDepth) + " levels (a runaway tileset?)");
        if (out_.tiles.size() >= limits_.maxTiles)
            return makeError(where, "more than " + std::to_string(limits_.maxTiles) + " tiles");
        auto transform = tileTransform(node, where);
        if (!transform) return transform.error();
        const glm::dmat4 toSource = parentToSource * *transform;
        auto volume = boundingVolume(node.value("boundingVolume", json()), toSource, where);
        if (!volume) {
            if (parent == UINT32_MAX) return volume.error();
            warn(where, volume.error().message.substr(where.size() + 2) + "; the parent's volume stands in");
            volume = Volume{out_.tiles[parent].sphere};
        }
        if (parent == UINT32_MAX) rootHull_ = volume->hull;
        Tile tile;
        tile.name = path;
        tile.toLocal = toSource;  // Source frame for now; finish() makes it local.
        tile.sphere = volume->sphere;
        tile.parent = parent;
        tile.depth = depth;
        tile.refine = inherited;
        if (node.contains("refine") && node["refine"].is_string()) {
            const std::string r = lower(node["refine"].get<std::string>());
            if (r == "add")
                tile.refine = Refine::Add;
            else if (r == "replace")
                tile.refine = Refine::Replace;
            else
                warn(where, "unknown refine \"" + node["refine"].get<std::string>() + "\": the parent's is used");
        }
        const json& error = node.contains("geometricError") ? node["geometricError"] : json();
        if (error.is_number() && std::isfinite(error.get<double>()) && error.get<double>() >= 0)
            tile.geometricError = error.get<double>();
        else {
            warn(where, "geometricError is missing or not a number >= 0: the parent's is used");
            tile.geometricError = parent == UINT32_MAX ? 0.0 : out_.tiles[parent].geometricError;
        }
        const bool implicit = node.contains("implicitTiling") && node["implicitTiling"].is_object();
        std::vector<std::string> notes;
        const std::string uri = contentUri(node, notes);
        for (const auto& n : notes) warn(where, n);

        const auto index = std::uint32_t(out_.tiles.size());
        out_.tiles.push_back(std::move(tile));
        if (parent != UINT32_MAX) out_.tiles[parent].children.push_back(index);
        // An implicit root's content URI is a template its expansion fills in per tile.
        if (implicit)
            detail::expandImplicit(out_, node, {index, file, toSource, path}, limits_);
        else if (!uri.empty())
            attachContent(index, uri, file, toSource, where, depth);

        const json& children = node.contains("children") ? node["children"] : json();
        if (!children.is_null() && !children.is_array()) warn(where, "children is not an array");
        if (children.is_array())
            for (std::size_t i = 0; i < children.size(); ++i) {
                auto child = addTile(children[i], file, index, toSource, out_.tiles[index].refine,
                                     path + "/" + std::to_string(i), depth + 1);
                if (!child) {
                    warn(where, child.error().message);
                    if (out_.tiles.size() >= limits_.maxTiles) break;
                }
            }
        return index;
    }

    // A content file, or an external tileset whose root becomes this tile's child.
    void attachContent(std::uint32_t index, const std::string& rawUri, const fs::path& file, const glm::dmat4& toSource,
                       const std::string& where, std::uint32_t depth) {
        std::string uri = percentDecoded(rawUri);
        if (const auto q = uri.find('?'); q != std::string::npos) uri.resize(q);
        if (uri.find("://") != std::string::npos) {
            warn(where, "content " + rawUri + " is not a local file: left out");
            return;
        }
        const fs::path target = file.parent_path() / fs::path(uri);
        if (lower(target.extension().string()) != ".json") {
            out_.tiles[index].content = target;
            return;
        }
        const fs::path key = canonical(target);
        if (std::find(open_.begin(), open_.end(), key) != open_.end()) {
            warn(where, "external tileset " + target.string() + " refers back to itself (a cycle): left out");
            return;
        }
        auto doc = readJson(target, limits_);
        if (!doc) {
            warn(where, "external tileset left out: " + doc.error().message);
            return;
        }
        open_.push_back(key);
        auto child = addTile((*doc)["root"], target, index, toSource, out_.tiles[index].refine, "root", depth + 1);
        open_.pop_back();
        if (!child) warn(where, "external tileset left out: " + child.error().message);
    }

public:
    std::vector<glm::dvec3> rootHull_;  // The root volume's, source frame.

private:
    Tileset& out_;
    const TilesetLimits& limits_;
    std::vector<fs::path> open_;  // External tilesets being read, for cycles.
};

// Moves every tile from the source frame into the local one (see the header comment).
void expressLocally(Tileset& set, const std::vector<glm::dvec3>& rootHull) {
    const glm::dvec3 centre(set.tiles[0].sphere);
    if (glm::length(centre) > kEarthCentredRadius) {
        if (auto at = geo::geodeticFromEcef(centre)) {
            set.earthCentred = true;
            set.centre = *at;
            const glm::dmat3 enuFromEcef = geo::enuFromEcef(*at);
            glm::dmat4 toSource(glm::transpose(enuFromEcef));  // Rotation: its inverse is its transpose.
            toSource[3] = glm::dvec4(centre, 1.0);
            set.localToSource = toSource;
        } else {
            set.warnings.push_back(set.file.string() +
                                   ": root far from zero but not on the earth: " + at.error().message);
        }
    }
    if (!set.earthCentred && glm::length(centre) > kRecentreDistance)
        set.localToSource = glm::translate(glm::dmat4(1.0), glm::round(centre));
    const glm::dmat4 sourceToLocal = glm::inverse(set.localToSource);
    for (const glm::dvec3& p : rootHull) set.rootBox.add(glm::dvec3(sourceToLocal * glm::dvec4(p, 1.0)));
    for (Tile& t : set.tiles) {
        t.toLocal = sourceToLocal * t.toLocal;
        t.sphere = glm::dvec4(glm::dvec3(sourceToLocal * glm::dvec4(glm::dvec3(t.sphere), 1.0)), t.sphere.w);
    }
}

}  // namespace

std::size_t Tileset::contentCount() const {
    return std::size_t(std::count_if(tiles.begin(), tiles.end(), [](const Tile& t) { return t.hasContent(); }));
}

std::uint32_t Tileset::depth() const {
    std::uint32_t d = 0;
    for (const Tile& t : tiles) d = std::max(d, t.depth);
    return d;
}

Bounds Tileset::localBounds() const { return rootBox; }

bool isTilesetFile(const fs::path& path) {
    if (lower(path.extension().string()) != ".json") return false;
    if (lower(path.filename().string()) == "tileset.json") return true;
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    return head.find("\"asset\"") != std::string::npos && head.find("\"root\"") != std::string::npos &&
           head.find("\"geometricError\"") != std::string::npos;
}

Expected<Tileset> loadTileset(const fs::path& path, const TilesetLimits& limits) {
    Tileset set;
    set.file = path;
    Loader loader(set, limits);
    if (auto ok = loader.loadRoot(path); !ok) return ok.error();
    expressLocally(set, loader.rootHull_);
    return set;
}

std::string describeTileset(const Tileset& set) {
    std::ostringstream out;
    const glm::dvec4 root = set.tiles.front().sphere;
    char line[256];
    out << "file: " << set.file.string() << "\n"
        << "format: 3D Tiles " << set.version << " tileset\n"
        << "tiles: " << set.tiles.size() << " (" << set.contentCount() << " with content)\n"
        << "levels: " << set.depth() + 1 << "\n";
    std::snprintf(line, sizeof line, "root geometric error: %.6g m\n", set.tiles.front().geometricError);
    out << line;
    std::snprintf(line, sizeof line, "bounding sphere radius: %.3f m\n", root.w);
    out << line;
    if (set.earthCentred && set.centre) {
        const glm::dvec3 c(set.localToSource[3]);
        std::snprintf(line, sizeof line,
                      "coordinates: earth-centred (ECEF, EPSG:4978), centre %.3f %.3f %.3f\n"
                      "geographic centre: lat %.7f, lon %.7f, height %.2f m (WGS84)\n",
                      c.x, c.y, c.z, set.centre->latitude, set.centre->longitude, set.centre->height);
        out << line;
    } else {
        std::snprintf(line, sizeof line, "centre: %.3f %.3f %.3f (the tileset's own frame, z up)\n", root.x, root.y,
                      root.z);
        out << line;
    }
    for (const auto& w : set.warnings) out << "warning: " << w << "\n";
    return out.str();
}

}  // namespace axis::tiles
