#include "tiles/implicit_tiling.h"

#include <cmath>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "tiles/bounding_volume.h"

namespace axis::tiles::detail {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A bitstream of available tiles, contents or child subtrees: bit i is the Morton-ordered i-th,
// least significant bit first; or one value for all.
struct Availability {
    bool constant = true;
    bool value = false;
    std::span<const std::uint8_t> bits;
    bool at(std::uint64_t i) const { return constant ? value : ((bits[i >> 3] >> (i & 7)) & 1) != 0; }
};

struct Subtree {
    std::vector<std::vector<std::uint8_t>> buffers;
    Availability tiles, content, children;
};

template <class T>
T readAt(std::span<const std::uint8_t> bytes, std::size_t at) {
    T v;
    std::memcpy(&v, bytes.data() + at, sizeof v);
    return v;
}

// The subtree's JSON and binary chunk: a binary .subtree ("subt" header) or a JSON subtree.
Status splitSubtree(const fs::path& path, const std::vector<std::uint8_t>& bytes, json& doc,
                    std::span<const std::uint8_t>& binary) {
    const std::string name = path.string();
    if (bytes.size() >= 4 && std::memcmp(bytes.data(), "subt", 4) == 0) {
        if (bytes.size() < 24) return makeError(name, "subtree header cut short");
        const auto jsonLength = readAt<std::uint64_t>(bytes, 8), binaryLength = readAt<std::uint64_t>(bytes, 16);
        if (jsonLength > bytes.size() - 24 || binaryLength > bytes.size() - 24 - jsonLength)
            return makeError(name, "subtree header claims more bytes than the file holds");
        doc = json::parse(bytes.begin() + 24, bytes.begin() + 24 + std::ptrdiff_t(jsonLength), nullptr, false);
        binary = std::span<const std::uint8_t>(bytes).subspan(24 + jsonLength, binaryLength);
    } else {
        doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    }
    if (doc.is_discarded() || !doc.is_object()) return makeError(name, "subtree JSON is not valid");
    return Ok{};
}

class SubtreeReader {
public:
    SubtreeReader(const fs::path& path, const TilesetLimits& limits) : path_(path), limits_(limits) {}

    Expected<Subtree> read(std::uint64_t tileBits, std::uint64_t childBits) {
        auto bytes = readFile(path_, limits_.maxJsonBytes);
        if (!bytes) return bytes.error();
        json doc;
        std::span<const std::uint8_t> binary;
        if (Status s = splitSubtree(path_, *bytes, doc, binary); !s) return s.error();
        Subtree out;
        if (Status s = loadBuffers(doc, binary, out); !s) return s.error();
        auto tiles = availability(doc.value("tileAvailability", json()), tileBits, out, "tileAvailability");
        if (!tiles) return tiles.error();
        out.tiles = *tiles;
        json content = doc.value("contentAvailability", json());
        if (content.is_array()) content = content.empty() ? json() : content[0];  // 1.1: one per content.
        auto contentBits = content.is_null() ? Expected<Availability>(Availability{})
                                             : availability(content, tileBits, out, "contentAvailability");
        if (!contentBits) return contentBits.error();
        out.content = *contentBits;
        auto children =
            availability(doc.value("childSubtreeAvailability", json()), childBits, out, "childSubtreeAvailability");
        if (!children) return children.error();
        out.children = *children;
        return out;
    }

private:
    Status loadBuffers(const json& doc, std::span<const std::uint8_t> binary, Subtree& out) {
        for (const json& b : doc.value("buffers", json::array())) {
            const std::uint64_t length = b.value("byteLength", std::uint64_t(0));
            if (b.contains("uri") && b["uri"].is_string()) {
                auto bytes = readFile(path_.parent_path() / b["uri"].get<std::string>(), limits_.maxJsonBytes);
                if (!bytes) return bytes.error();
                if (bytes->size() < length) return makeError(path_.string(), "a buffer is shorter than its byteLength");
                out.buffers.push_back(std::move(*bytes));
            } else {
                if (binary.size() < length)
                    return makeError(path_.string(), "the binary chunk is shorter than its buffer");
                out.buffers.emplace_back(binary.begin(), binary.end());
            }
        }
        views_ = doc.value("bufferViews", json::array());
        return Ok{};
    }

    Expected<Availability> availability(const json& a, std::uint64_t bitsNeeded, const Subtree& s, const char* field) {
        if (!a.is_object()) return makeError(path_.string(), std::string(field) + " is missing");
        if (a.contains("constant")) return Availability{true, a.value("constant", 0) != 0, {}};
        const json& index =
            a.contains("bitstream") ? a["bitstream"] : a.value("bufferView", json());  // The draft's name.
        if (!index.is_number_unsigned() || index.get<std::size_t>() >= views_.size())
            return makeError(path_.string(), std::string(field) + " names no buffer view");
        const json& view = views_[index.get<std::size_t>()];
        const std::size_t buffer = view.value("buffer", std::size_t(0));
        const std::uint64_t offset = view.value("byteOffset", std::uint64_t(0)),
                            length = view.value("byteLength", std::uint64_t(0));
        if (buffer >= s.buffers.size() || offset > s.buffers[buffer].size() ||
            length > s.buffers[buffer].size() - offset)
            return makeError(path_.string(), std::string(field) + ": its buffer view lies outside its buffer");
        if (length * 8 < bitsNeeded)
            return makeError(path_.string(), std::string(field) + " holds " + std::to_string(length * 8) + " bits, " +
                                                 std::to_string(bitsNeeded) + " needed");
        return Availability{false, false, std::span<const std::uint8_t>(s.buffers[buffer]).subspan(offset, length)};
    }

    fs::path path_;
    const TilesetLimits& limits_;
    json views_;
};

// The Morton-ordered index of a tile within its level, back to coordinates.
glm::u64vec3 fromMorton(std::uint64_t i, unsigned dims) {
    glm::u64vec3 c(0);
    for (unsigned bit = 0; i != 0; ++bit)
        for (unsigned d = 0; d < dims; ++d, i >>= 1) c[d] |= (i & 1) << bit;
    return c;
}

// `value` as N finite numbers, or nothing (a malformed volume: boundingVolume then says so).
std::optional<std::vector<double>> numbers(const json& value, std::size_t n) {
    if (!value.is_array() || value.size() != n) return std::nullopt;
    std::vector<double> out;
    for (const json& v : value) {
        if (!v.is_number() || !std::isfinite(v.get<double>())) return std::nullopt;
        out.push_back(v.get<double>());
    }
    return out;
}

std::string fill(std::string uri, std::uint32_t level, const glm::u64vec3& c) {
    const std::pair<const char*, std::uint64_t> keys[] = {{"{level}", level}, {"{x}", c.x}, {"{y}", c.y}, {"{z}", c.z}};
    for (const auto& [key, value] : keys)
        for (std::size_t at; (at = uri.find(key)) != std::string::npos;)
            uri.replace(at, std::strlen(key), std::to_string(value));
    return uri;
}

class Expander {
public:
    Expander(Tileset& set, const json& node, const ImplicitRoot& root, const TilesetLimits& limits)
        : set_(set), root_(root), limits_(limits) {
        const json& implicit = node["implicitTiling"];
        octree_ = implicit.value("subdivisionScheme", std::string()) == "OCTREE";
        dims_ = octree_ ? 3 : 2;
        subtreeLevels_ = implicit.value("subtreeLevels", 0u);
        availableLevels_ = implicit.value("availableLevels", implicit.value("maximumLevel", 0u) + 1);
        if (implicit.contains("subtrees") && implicit["subtrees"].is_object())
            subtreeUri_ = implicit["subtrees"].value("uri", std::string());
        if (node.contains("content") && node["content"].is_object())
            contentUri_ = node["content"].value("uri", std::string());
        volume_ = node.value("boundingVolume", json());
        rootError_ = set.tiles[root.tile].geometricError;
    }

    void run() {
        const std::string where = root_.file.string() + ": tile " + root_.name;
        if (subtreeLevels_ < 1 || subtreeLevels_ > (octree_ ? 8u : 12u) || subtreeUri_.empty() || availableLevels_ < 1)
            return warn(where, "implicitTiling needs subtreeLevels (1 to " + std::string(octree_ ? "8" : "12") +
                                   "), availableLevels and subtrees.uri: its tiles are left out");
        if (!volume_.contains("box") && !volume_.contains("region"))
            return warn(where, "implicit tiling subdivides a box or a region only: its tiles are left out");
        subtree(0, glm::u64vec3(0), UINT32_MAX);
    }

private:
    void warn(const std::string& where, const std::string& what) { set_.warnings.push_back(where + ": " + what); }

    std::uint64_t perLevel(unsigned l) const { return std::uint64_t(1) << (dims_ * l); }
    std::uint64_t levelOffset(unsigned l) const { return (perLevel(l) - 1) / ((std::uint64_t(1) << dims_) - 1); }

    // The root's volume cut to tile `c` of `level`: boxes halve their first two (octree: three)
    // axes per level, regions their longitude and latitude (octree: height) spans.
    json volumeOf(std::uint32_t level, const glm::u64vec3& c) const {
        const double n = std::ldexp(1.0, int(level));
        if (volume_.contains("region")) {
            const auto given = numbers(volume_["region"], 6);
            if (!given) return volume_;
            const double w = (*given)[0], s = (*given)[1], e = (*given)[2], nn = (*given)[3], lo = (*given)[4],
                         hi = (*given)[5];
            const std::vector<double> r = {w + (e - w) * c.x / n,
                                           s + (nn - s) * c.y / n,
                                           w + (e - w) * (c.x + 1) / n,
                                           s + (nn - s) * (c.y + 1) / n,
                                           octree_ ? lo + (hi - lo) * c.z / n : lo,
                                           octree_ ? lo + (hi - lo) * (c.z + 1) / n : hi};
            return {{"region", r}};
        }
        const auto given = numbers(volume_["box"], 12);
        if (!given) return volume_;
        std::vector<double> b = *given;
        glm::dvec3 centre(b[0], b[1], b[2]);
        for (unsigned axis = 0; axis < 3; ++axis) {
            if (axis == 2 && !octree_) break;
            const glm::dvec3 half(b[3 + 3 * axis], b[4 + 3 * axis], b[5 + 3 * axis]);
            centre += half * ((2.0 * double(c[axis]) + 1.0) / n - 1.0);
            for (int k = 0; k < 3; ++k) b[3 + 3 * axis + k] = half[k] / n;
        }
        b[0] = centre.x, b[1] = centre.y, b[2] = centre.z;
        return {{"box", b}};
    }

    std::string tileName(std::uint32_t level, const glm::u64vec3& c) const {
        return root_.name + "/" + std::to_string(level) + "/" + std::to_string(c.x) + "/" + std::to_string(c.y) +
               (octree_ ? "/" + std::to_string(c.z) : "");
    }

    // A tile of the implicit tree under `parent`; UINT32_MAX when a limit stops the expansion.
    std::uint32_t addTile(std::uint32_t parent, std::uint32_t level, const glm::u64vec3& c, bool content) {
        const std::string where = root_.file.string() + ": tile " + tileName(level, c);
        const Tile& up = set_.tiles[parent];
        if (set_.tiles.size() >= limits_.maxTiles || up.depth + 1 > limits_.maxDepth) {
            if (!stopped_) warn(where, "the tile or depth limit stops the implicit tree here");
            stopped_ = true;
            return UINT32_MAX;
        }
        auto volume = boundingVolume(volumeOf(level, c), root_.toSource, where);
        Tile t;
        t.name = tileName(level, c);
        t.toLocal = root_.toSource;
        t.sphere = volume ? volume->sphere : up.sphere;
        t.geometricError = rootError_ / std::ldexp(1.0, int(level));
        t.refine = set_.tiles[root_.tile].refine;
        if (content && !contentUri_.empty()) t.content = root_.file.parent_path() / fill(contentUri_, level, c);
        t.parent = parent;
        t.depth = up.depth + 1;
        const auto index = std::uint32_t(set_.tiles.size());
        set_.tiles.push_back(std::move(t));
        set_.tiles[parent].children.push_back(index);
        return index;
    }

    // The subtree whose root is tile `origin` of `level`; `parent` is the tile above that root
    // (UINT32_MAX for the implicit root, which is root_.tile itself).
    void subtree(std::uint32_t level, const glm::u64vec3& origin, std::uint32_t parent) {
        const fs::path file = root_.file.parent_path() / fill(subtreeUri_, level, origin);
        const std::uint64_t tileBits = levelOffset(subtreeLevels_), childBits = perLevel(subtreeLevels_);
        auto sub = SubtreeReader(file, limits_).read(tileBits, childBits);
        if (!sub)
            return warn(root_.file.string() + ": tile " + tileName(level, origin),
                        "subtree left out: " + sub.error().message);
        std::vector<std::uint32_t> tileOf(tileBits, UINT32_MAX);
        for (unsigned l = 0; l < subtreeLevels_ && level + l < availableLevels_ && !stopped_; ++l) {
            for (std::uint64_t m = 0; m < perLevel(l) && !stopped_; ++m) {
                const std::uint64_t bit = levelOffset(l) + m;
                if (!sub->tiles.at(bit)) continue;
                const glm::u64vec3 c = (origin << glm::u64vec3(l)) + fromMorton(m, dims_);
                if (level == 0 && l == 0) {  // The implicit root: the tile that declared the tree.
                    if (sub->content.at(bit) && !contentUri_.empty())
                        set_.tiles[root_.tile].content = root_.file.parent_path() / fill(contentUri_, 0, c);
                    tileOf[bit] = root_.tile;
                    continue;
                }
                const std::uint32_t above = l == 0 ? parent : tileOf[levelOffset(l - 1) + (m >> dims_)];
                if (above == UINT32_MAX) continue;  // Available under an unavailable parent: a lie.
                tileOf[bit] = addTile(above, level + l, c, sub->content.at(bit));
            }
        }
        const std::uint32_t childLevel = level + subtreeLevels_;
        if (childLevel >= availableLevels_) return;
        for (std::uint64_t m = 0; m < childBits && !stopped_; ++m) {
            if (!sub->children.at(m)) continue;
            const std::uint32_t above = tileOf[levelOffset(subtreeLevels_ - 1) + (m >> dims_)];
            if (above != UINT32_MAX)
                subtree(childLevel, (origin << glm::u64vec3(subtreeLevels_)) + fromMorton(m, dims_), above);
        }
    }

    Tileset& set_;
    const ImplicitRoot& root_;
    const TilesetLimits& limits_;
    bool octree_ = false, stopped_ = false;
    unsigned dims_ = 2, subtreeLevels_ = 0, availableLevels_ = 0;
    std::string subtreeUri_, contentUri_;
    json volume_;
    double rootError_ = 0.0;
};

}  // namespace

void expandImplicit(Tileset& set, const json& node, const ImplicitRoot& root, const TilesetLimits& limits) {
    Expander(set, node, root, limits).run();
}

}  // namespace axis::tiles::detail
