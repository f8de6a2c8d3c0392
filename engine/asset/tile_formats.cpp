// OGC 3D Tiles 1.0 tile contents, so that a tileset streamer can hand any tile's file to
// importModel():
// - b3dm (Batched 3D Model): header, feature and batch tables, then a GLB, read by our glTF
//   reader (y-up like any glTF). Also the two legacy header layouts of pre-1.0 writers.
// - pnts (Point Cloud): positions (float or quantized), colours, normals from the feature table;
//   z-up like all 3D Tiles content that is not glTF.
// - cmpt (Composite): its inner tiles merged into one model.
// - i3dm (Instanced 3D Model) and Draco-compressed point clouds are refused with the reason.
// RTC_CENTER, QUANTIZED_VOLUME_OFFSET and CESIUM_RTC stay in double in SourceFrame::origin.
// Every length a header or table declares is checked against the bytes there before anything is
// allocated: a lying header is an error naming the file and the field.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include <nlohmann/json.hpp>

#include "asset/gltf_document.h"
#include "asset/import_internal.h"
#include "core/file_io.h"
#include "core/log.h"

namespace axis::detail {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t kHeaderBytes = 28;           // b3dm and pnts: magic, version, 5 lengths.
constexpr std::size_t kCompositeHeaderBytes = 16;  // magic, version, byteLength, tilesLength.
constexpr std::size_t kInnerHeaderBytes = 12;      // Any tile starts magic, version, byteLength.
constexpr int kMaxCompositeDepth = 8;              // Composites of composites, as far as anyone nests them.
// Pre-1.0 b3dm headers are shorter, so a JSON text ('"' = 0x22) or the GLB magic ('g' = 0x67)
// lies where the current layout keeps a table length; read as a little-endian length it is at
// least 0x22000000, larger than any real table (Cesium recognises them the same way).
constexpr std::uint32_t kLegacyLengthThreshold = 0x22000000;

template <class T>
T load(std::span<const std::uint8_t> bytes, std::size_t at) {
    T value;
    std::memcpy(&value, bytes.data() + at, sizeof value);
    return value;  // 3D Tiles is little-endian, as is every machine we run on.
}

std::string_view magicOf(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 4) return {};
    return {reinterpret_cast<const char*>(bytes.data()), 4};
}

bool isTileMagic(std::string_view magic) {
    return magic == "b3dm" || magic == "pnts" || magic == "i3dm" || magic == "cmpt";
}

Error notSupportedInstanced(const std::string& name) {
    return makeError(name, "instanced 3D model (i3dm) tiles are not supported");
}

// ---------------------------------------------------------------------------------------------
// The header and the four tables of a b3dm or pnts tile, each checked to lie inside the tile.

struct TileParts {
    std::span<const std::uint8_t> featureJson, featureBinary, batchJson, batchBinary;
    std::span<const std::uint8_t> body;  ///< What follows the tables: the GLB of a b3dm.
    bool legacy = false;
};

struct TableLengths {
    std::size_t headerBytes = kHeaderBytes;
    std::uint32_t featureJson = 0, featureBinary = 0, batchJson = 0, batchBinary = 0;
    bool legacy = false;
};

// The current layout, or one of the two legacy b3dm layouts:
//   20 bytes: ... byteLength, batchLength, batchTableByteLength (JSON only);
//   24 bytes: ... byteLength, batchTableJSONByteLength, batchTableBinaryByteLength, batchLength.
TableLengths tableLengths(std::span<const std::uint8_t> tile, bool legacyAllowed) {
    TableLengths t;
    t.featureJson = load<std::uint32_t>(tile, 12);
    t.featureBinary = load<std::uint32_t>(tile, 16);
    t.batchJson = load<std::uint32_t>(tile, 20);
    t.batchBinary = load<std::uint32_t>(tile, 24);
    if (!legacyAllowed) return t;
    if (t.batchJson >= kLegacyLengthThreshold) {
        return {20, 0, 0, load<std::uint32_t>(tile, 16), 0, true};
    }
    if (t.batchBinary >= kLegacyLengthThreshold) {
        return {24, 0, 0, load<std::uint32_t>(tile, 12), load<std::uint32_t>(tile, 16), true};
    }
    return t;
}

Expected<TileParts> splitTile(const std::string& name, std::span<const std::uint8_t> bytes, std::string_view kind,
                              bool legacyAllowed) {
    const std::string k(kind);
    if (bytes.size() < kHeaderBytes) return makeError(name, k + " header truncated: the file has " + std::to_string(bytes.size()) + " bytes");
    if (magicOf(bytes) != kind) return makeError(name, "not a " + k + " tile (no \"" + k + "\" magic)");
    const std::uint32_t version = load<std::uint32_t>(bytes, 4);
    if (version != 1) return makeError(name, k + " version " + std::to_string(version) + " is not supported (1 is)");
    const std::uint32_t byteLength = load<std::uint32_t>(bytes, 8);
    if (byteLength > bytes.size())
        return makeError(name, k + " byteLength " + std::to_string(byteLength) + " is larger than the file (" +
                                   std::to_string(bytes.size()) + " bytes): truncated or lying header");
    if (byteLength < kHeaderBytes)
        return makeError(name, k + " byteLength " + std::to_string(byteLength) + " is shorter than its header");
    const std::span<const std::uint8_t> tile = bytes.first(byteLength);
    const TableLengths lengths = tableLengths(tile, legacyAllowed);
    TileParts parts;
    parts.legacy = lengths.legacy;
    std::size_t at = lengths.headerBytes;
    struct Table { const char* field; std::uint32_t length; std::span<const std::uint8_t>* out; };
    for (const Table& t : {Table{"featureTableJSONByteLength", lengths.featureJson, &parts.featureJson},
                           Table{"featureTableBinaryByteLength", lengths.featureBinary, &parts.featureBinary},
                           Table{"batchTableJSONByteLength", lengths.batchJson, &parts.batchJson},
                           Table{"batchTableBinaryByteLength", lengths.batchBinary, &parts.batchBinary}}) {
        if (t.length > tile.size() - at)
            return makeError(name, k + " " + t.field + " " + std::to_string(t.length) + " runs past the end of the tile (" +
                                       std::to_string(byteLength) + " bytes)");
        *t.out = tile.subspan(at, t.length);
        at += t.length;
    }
    parts.body = tile.subspan(at);
    return parts;
}

// ---------------------------------------------------------------------------------------------
// A feature table: JSON whose semantics are values or {"byteOffset": N} into the binary part.

class FeatureTable {
public:
    static Expected<FeatureTable> parse(const std::string& name, const std::string& kind,
                                        std::span<const std::uint8_t> jsonBytes, std::span<const std::uint8_t> binary) {
        FeatureTable table(name, kind, binary);
        // Writers pad the JSON with spaces to 8 bytes; some pad with NULs.
        std::size_t end = jsonBytes.size();
        while (end > 0 && (jsonBytes[end - 1] == 0 || jsonBytes[end - 1] == ' ')) --end;
        if (end == 0) return table;
        table.json_ = json::parse(jsonBytes.begin(), jsonBytes.begin() + std::ptrdiff_t(end), nullptr, false);
        if (table.json_.is_discarded() || !table.json_.is_object())
            return makeError(name, kind + " feature table JSON does not parse or is not an object");
        return table;
    }

    bool has(const char* semantic) const { return json_.contains(semantic); }

    /// A global unsigned integer (POINTS_LENGTH); nullopt when absent.
    Expected<std::optional<std::uint32_t>> count(const char* semantic) const {
        if (!has(semantic)) return std::optional<std::uint32_t>();
        const json& value = json_[semantic];
        if (value.is_number_unsigned() && value.get<std::uint64_t>() <= UINT32_MAX)
            return std::optional<std::uint32_t>(value.get<std::uint32_t>());
        if (value.is_object()) {  // The same number in the binary part.
            auto bytes = binaryAt(semantic, value, 4);
            if (!bytes) return bytes.error();
            return std::optional<std::uint32_t>(load<std::uint32_t>(*bytes, 0));
        }
        return error(semantic, "must be an unsigned 32-bit integer");
    }

    /// A global float vec3 (RTC_CENTER, QUANTIZED_VOLUME_OFFSET/SCALE): a JSON array read in
    /// double, or three float32 in the binary part; nullopt when absent.
    Expected<std::optional<glm::dvec3>> vec3(const char* semantic) const {
        if (!has(semantic)) return std::optional<glm::dvec3>();
        const json& value = json_[semantic];
        glm::dvec3 v(0.0);
        if (value.is_array()) {
            if (value.size() != 3 || !std::all_of(value.begin(), value.end(), [](const json& n) { return n.is_number(); }))
                return error(semantic, "must be an array of 3 numbers");
            v = {value[0].get<double>(), value[1].get<double>(), value[2].get<double>()};
        } else if (value.is_object()) {
            auto bytes = binaryAt(semantic, value, 12);
            if (!bytes) return bytes.error();
            v = {load<float>(*bytes, 0), load<float>(*bytes, 4), load<float>(*bytes, 8)};
        } else {
            return error(semantic, "must be an array of 3 numbers or a byteOffset");
        }
        if (!std::isfinite(v.x + v.y + v.z)) return error(semantic, "is not finite");
        return std::optional<glm::dvec3>(v);
    }

    /// CONSTANT_RGBA: four 0-255 numbers, or four bytes in the binary part; nullopt when absent.
    Expected<std::optional<glm::u8vec4>> rgba(const char* semantic) const {
        if (!has(semantic)) return std::optional<glm::u8vec4>();
        const json& value = json_[semantic];
        if (value.is_array() && value.size() == 4 &&
            std::all_of(value.begin(), value.end(), [](const json& n) { return n.is_number_unsigned() && n.get<std::uint64_t>() < 256; }))
            return std::optional<glm::u8vec4>(glm::u8vec4(value[0].get<std::uint8_t>(), value[1].get<std::uint8_t>(),
                                                          value[2].get<std::uint8_t>(), value[3].get<std::uint8_t>()));
        if (value.is_object()) {
            auto bytes = binaryAt(semantic, value, 4);
            if (!bytes) return bytes.error();
            return std::optional<glm::u8vec4>(glm::u8vec4((*bytes)[0], (*bytes)[1], (*bytes)[2], (*bytes)[3]));
        }
        return error(semantic, "must be an array of 4 numbers from 0 to 255 or a byteOffset");
    }

    /// A per-feature semantic (POSITION, RGB...): `count` elements of `elementBytes` from its
    /// byteOffset, checked to fit in the binary part before anything is read or allocated.
    Expected<std::span<const std::uint8_t>> perFeature(const char* semantic, std::uint64_t count, std::size_t elementBytes) const {
        const auto it = json_.find(semantic);
        if (it == json_.end() || !it->is_object()) return error(semantic, "must be an object with a byteOffset");
        auto offset = byteOffset(semantic, *it);
        if (!offset) return offset.error();
        if (count > (binary_.size() - *offset) / elementBytes)
            return error(semantic, std::to_string(count) + " elements of " + std::to_string(elementBytes) + " bytes from byteOffset " +
                                       std::to_string(*offset) + " run past the end of the feature table binary (" +
                                       std::to_string(binary_.size()) + " bytes)");
        return binary_.subspan(*offset, count * elementBytes);
    }

    const json& root() const { return json_; }

private:
    FeatureTable(std::string name, std::string kind, std::span<const std::uint8_t> binary)
        : name_(std::move(name)), kind_(std::move(kind)), binary_(binary), json_(json::object()) {}

    Error error(const char* semantic, const std::string& what) const {
        return makeError(name_, kind_ + " feature table " + semantic + " " + what);
    }
    Expected<std::size_t> byteOffset(const char* semantic, const json& value) const {
        const auto it = value.find("byteOffset");
        if (it == value.end() || !it->is_number_unsigned()) return error(semantic, "byteOffset is missing or not an unsigned integer");
        const std::uint64_t offset = it->get<std::uint64_t>();
        if (offset > binary_.size())
            return error(semantic, "byteOffset " + std::to_string(offset) + " lies past the end of the feature table binary (" +
                                       std::to_string(binary_.size()) + " bytes)");
        return std::size_t(offset);
    }
    Expected<std::span<const std::uint8_t>> binaryAt(const char* semantic, const json& value, std::size_t bytes) const {
        auto offset = byteOffset(semantic, value);
        if (!offset) return offset.error();
        if (bytes > binary_.size() - *offset) return error(semantic, "runs past the end of the feature table binary");
        return binary_.subspan(*offset, bytes);
    }

    std::string name_, kind_;
    std::span<const std::uint8_t> binary_;
    json json_;
};

// ---------------------------------------------------------------------------------------------
// Point clouds.

// Positions as doubles relative to `base` (RTC_CENTER, plus the quantized volume's offset): the
// float part of each point, read lazily so nothing is allocated before the count is checked.
struct PointPositions {
    glm::dvec3 base{0.0};
    std::span<const std::uint8_t> data;
    bool quantized = false;
    glm::dvec3 scale{1.0};  ///< QUANTIZED_VOLUME_SCALE / 65535.

    glm::dvec3 local(std::size_t i) const {
        if (!quantized) return {load<float>(data, i * 12), load<float>(data, i * 12 + 4), load<float>(data, i * 12 + 8)};
        return glm::dvec3(load<std::uint16_t>(data, i * 6), load<std::uint16_t>(data, i * 6 + 2),
                          load<std::uint16_t>(data, i * 6 + 4)) * scale;
    }
};

Expected<PointPositions> pointPositions(const FeatureTable& table, std::uint32_t count) {
    PointPositions p;
    auto rtc = table.vec3("RTC_CENTER");
    if (!rtc) return rtc.error();
    p.base = rtc->value_or(glm::dvec3(0.0));
    if (table.has("POSITION")) {
        auto data = table.perFeature("POSITION", count, 12);
        if (!data) return data.error();
        p.data = *data;
        return p;
    }
    if (!table.has("POSITION_QUANTIZED"))
        return makeError("", "has neither POSITION nor POSITION_QUANTIZED");
    auto offset = table.vec3("QUANTIZED_VOLUME_OFFSET");
    if (!offset) return offset.error();
    auto scale = table.vec3("QUANTIZED_VOLUME_SCALE");
    if (!scale) return scale.error();
    if (!*offset || !*scale) return makeError("", "has POSITION_QUANTIZED without QUANTIZED_VOLUME_OFFSET and _SCALE");
    auto data = table.perFeature("POSITION_QUANTIZED", count, 6);
    if (!data) return data.error();
    p.data = *data;
    p.quantized = true;
    p.base += **offset;
    p.scale = **scale / 65535.0;
    return p;
}

std::uint8_t expandBits(unsigned value, unsigned maxValue) {
    return std::uint8_t((value * 255 + maxValue / 2) / maxValue);
}

// Colours as they are stored (sRGB-encoded bytes, as LAS and PLY colours are): RGBA, RGB,
// RGB565, then CONSTANT_RGBA, the first present winning. False when the tile has none.
Expected<bool> readPointColours(const FeatureTable& table, Primitive& points) {
    const std::size_t count = points.vertices.size();
    auto each = [&](const char* semantic, std::size_t bytes, auto decode) -> Expected<bool> {
        auto data = table.perFeature(semantic, count, bytes);
        if (!data) return data.error();
        for (std::size_t i = 0; i < count; ++i) points.vertices[i].color = decode(data->subspan(i * bytes, bytes));
        return true;
    };
    if (table.has("RGBA")) return each("RGBA", 4, [](auto b) { return glm::u8vec4(b[0], b[1], b[2], b[3]); });
    if (table.has("RGB")) return each("RGB", 3, [](auto b) { return glm::u8vec4(b[0], b[1], b[2], 255); });
    if (table.has("RGB565"))
        return each("RGB565", 2, [](auto b) {
            const unsigned v = load<std::uint16_t>(b, 0);
            return glm::u8vec4(expandBits(v >> 11, 31), expandBits((v >> 5) & 63, 63), expandBits(v & 31, 31), 255);
        });
    auto constant = table.rgba("CONSTANT_RGBA");
    if (!constant) return constant.error();
    if (!*constant) return false;
    for (Vertex& v : points.vertices) v.color = **constant;
    return true;
}

// Octahedron-encoded unit vector, 8 bits per coordinate (NORMAL_OCT16P).
glm::vec3 octDecode(std::uint8_t u, std::uint8_t v) {
    glm::vec3 n(u / 255.0f * 2.0f - 1.0f, v / 255.0f * 2.0f - 1.0f, 0.0f);
    n.z = 1.0f - std::abs(n.x) - std::abs(n.y);
    if (n.z < 0.0f) {
        const float x = n.x;
        n.x = (1.0f - std::abs(n.y)) * (x >= 0.0f ? 1.0f : -1.0f);
        n.y = (1.0f - std::abs(x)) * (n.y >= 0.0f ? 1.0f : -1.0f);
    }
    return glm::normalize(n);
}

// Points without normals keep (0,0,0): lit as facing the viewer, like LAS points.
Status readPointNormals(const FeatureTable& table, Primitive& points) {
    const std::size_t count = points.vertices.size();
    if (table.has("NORMAL")) {
        auto data = table.perFeature("NORMAL", count, 12);
        if (!data) return data.error();
        for (std::size_t i = 0; i < count; ++i) {
            const glm::vec3 n(load<float>(*data, i * 12), load<float>(*data, i * 12 + 4), load<float>(*data, i * 12 + 8));
            const float length = glm::length(n);
            points.vertices[i].normal = length > 0.0f && std::isfinite(length) ? n / length : glm::vec3(0.0f);
        }
    } else if (table.has("NORMAL_OCT16P")) {
        auto data = table.perFeature("NORMAL_OCT16P", count, 2);
        if (!data) return data.error();
        for (std::size_t i = 0; i < count; ++i) points.vertices[i].normal = octDecode((*data)[i * 2], (*data)[i * 2 + 1]);
    }
    return Ok{};
}

Error withName(const std::string& name, const std::string& kind, const Error& e) {
    return e.message.rfind(name, 0) == 0 ? e : makeError(name, kind + " " + e.message);
}

// ---------------------------------------------------------------------------------------------
// Composites: inner tiles merged into one model.

Expected<Model> readInnerTile(const std::string& name, std::span<const std::uint8_t> bytes, const ImportOptions& options, int depth);

// The y-up parts of a composite that also holds z-up point clouds, turned z-up: the rotation
// upAxisToZUp(Y) makes, exact in float (a swap and a sign).
void turnZUp(Model& part) {
    auto turn = [](const glm::vec3& v) { return glm::vec3(v.x, -v.z, v.y); };
    for (Primitive& p : part.primitives)
        for (Vertex& v : p.vertices) v.position = turn(v.position), v.normal = turn(v.normal);
    part.frame.origin = {part.frame.origin.x, -part.frame.origin.z, part.frame.origin.y};
    part.up = UpAxis::Z;
}

void appendPart(Model& whole, Model&& part) {
    ensureMaterials(part);
    const int textureOffset = int(whole.textures.size());
    const auto materialOffset = std::uint32_t(whole.materials.size());
    for (Material m : part.materials) {
        for (int* texture : {&m.baseColorTexture, &m.metallicRoughnessTexture, &m.emissiveTexture})
            if (*texture >= 0) *texture += textureOffset;
        whole.materials.push_back(std::move(m));
    }
    for (Texture& t : part.textures) whole.textures.push_back(std::move(t));
    // One origin for all: the parts of one tile lie close together, so floats keep their detail.
    const glm::dvec3 shift = part.frame.origin - whole.frame.origin;
    for (Primitive& p : part.primitives) {
        p.material += materialOffset;
        if (shift != glm::dvec3(0.0))
            for (Vertex& v : p.vertices) v.position = glm::vec3(glm::dvec3(v.position) + shift);
        whole.primitives.push_back(std::move(p));
    }
    whole.meshCount += part.meshCount;
}

// `kinds` lists the inner tiles' magics, for the format line.
Model mergeParts(const std::string& name, std::vector<Model> parts, const std::string& kinds) {
    Model whole;
    whole.sourcePath = name;
    const bool mixed = std::any_of(parts.begin(), parts.end(), [&](const Model& m) { return m.up != parts.front().up; });
    whole.up = parts.empty() ? UpAxis::Z : mixed ? UpAxis::Z : parts.front().up;
    whole.frame.upRule = parts.empty() || mixed ? "3D Tiles composite: z-up (its glTF parts turned from y-up)" : parts.front().frame.upRule;
    for (Model& part : parts) {
        if (mixed && part.up == UpAxis::Y) turnZUp(part);
        if (whole.frame.origin == glm::dvec3(0.0)) whole.frame.origin = part.frame.origin;
    }
    whole.format = "3D Tiles composite (cmpt) of " + std::to_string(parts.size()) + " tiles" + (kinds.empty() ? "" : ": " + kinds);
    for (Model& part : parts) appendPart(whole, std::move(part));
    return whole;
}

Expected<Model> readComposite(const std::string& name, std::span<const std::uint8_t> bytes, const ImportOptions& options, int depth) {
    if (depth > kMaxCompositeDepth)
        return makeError(name, "cmpt tiles nested more than " + std::to_string(kMaxCompositeDepth) + " deep");
    if (bytes.size() < kCompositeHeaderBytes)
        return makeError(name, "cmpt header truncated: " + std::to_string(bytes.size()) + " bytes");
    const std::uint32_t version = load<std::uint32_t>(bytes, 4);
    if (version != 1) return makeError(name, "cmpt version " + std::to_string(version) + " is not supported (1 is)");
    const std::uint32_t byteLength = load<std::uint32_t>(bytes, 8), tilesLength = load<std::uint32_t>(bytes, 12);
    if (byteLength > bytes.size() || byteLength < kCompositeHeaderBytes)
        return makeError(name, "cmpt byteLength " + std::to_string(byteLength) + " does not fit the " +
                                   std::to_string(bytes.size()) + " bytes there: truncated or lying header");
    const std::span<const std::uint8_t> tile = bytes.first(byteLength);
    std::vector<Model> parts;
    std::string kinds;
    std::size_t at = kCompositeHeaderBytes;
    // Each inner tile takes at least its 12-byte header, so a lying tilesLength ends at the file's end.
    for (std::uint32_t i = 0; i < tilesLength; ++i) {
        const std::string which = "cmpt inner tile " + std::to_string(i);
        if (tile.size() - at < kInnerHeaderBytes)
            return makeError(name, "cmpt tilesLength " + std::to_string(tilesLength) + " but " + which + " lies past the end");
        const std::uint32_t innerLength = load<std::uint32_t>(tile, at + 8);
        if (innerLength < kInnerHeaderBytes || innerLength > tile.size() - at)
            return makeError(name, which + " byteLength " + std::to_string(innerLength) + " does not fit in the composite");
        const auto inner = tile.subspan(at, innerLength);
        at += innerLength;
        if (magicOf(inner) == "i3dm") {
            logWarn(name + ": " + which + " skipped: instanced 3D model (i3dm) tiles are not supported");
            continue;
        }
        auto part = readInnerTile(name, inner, options, depth + 1);
        if (!part) return part.error();
        parts.push_back(std::move(*part));
        kinds += (kinds.empty() ? "" : ", ") + std::string(magicOf(inner));
    }
    return mergeParts(name, std::move(parts), kinds);
}

Expected<Model> readInnerTile(const std::string& name, std::span<const std::uint8_t> bytes, const ImportOptions& options, int depth) {
    const std::string_view magic = magicOf(bytes);
    if (magic == "b3dm") return readB3dm(name, bytes, options);
    if (magic == "pnts") return readPnts(name, bytes, options);
    if (magic == "cmpt") return readComposite(name, bytes, options, depth);
    if (magic == "i3dm") return notSupportedInstanced(name);
    return makeError(name, "cmpt inner tile is not b3dm, pnts, i3dm or cmpt (unknown magic)");
}

}  // namespace

bool isTileContent(const std::string& lowerExtension, std::span<const std::uint8_t> bytes) {
    return isTileMagic(magicOf(bytes)) || lowerExtension == "b3dm" || lowerExtension == "pnts" || lowerExtension == "i3dm" ||
           lowerExtension == "cmpt";
}

Expected<Model> readTile(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions& options) {
    const std::string name = path.string();
    const std::string_view magic = magicOf(bytes);
    if (magic == "b3dm") return readB3dm(path, bytes, options);
    if (magic == "pnts") return readPnts(path, bytes, options);
    if (magic == "cmpt") return readCmpt(path, bytes, options);
    if (magic == "i3dm") return notSupportedInstanced(name);
    if (magic == "glTF") {  // 3D Tiles 1.1 content is plain glTF; a server may name it like a tile.
        auto check = validateGltf(path, bytes);
        if (!check) return check.error();
        return readGltf(path, bytes, options);
    }
    return makeError(name, "not a 3D Tiles tile: it starts with none of b3dm, pnts, i3dm, cmpt");
}

Expected<Model> readB3dm(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions& options) {
    const std::string name = path.string();
    auto parts = splitTile(name, bytes, "b3dm", true);
    if (!parts) return parts.error();
    auto table = FeatureTable::parse(name, "b3dm", parts->featureJson, parts->featureBinary);
    if (!table) return table.error();
    auto rtc = table->vec3("RTC_CENTER");
    if (!rtc) return rtc.error();
    const std::span<const std::uint8_t> glb = parts->body;
    if (magicOf(glb) != "glTF") return makeError(name, "b3dm holds no GLB after its tables");
    if (glb.size() >= 8 && load<std::uint32_t>(glb, 4) == 1)
        return makeError(name, "b3dm holds a glTF 1.0 GLB, which is not supported (glTF 2.0 is)");
    auto check = validateGltf(path, glb);
    if (!check) return check.error();
    auto model = readGltf(path, glb, options);
    if (!model) return model.error();
    // RTC_CENTER is in the tileset's z-up frame, added after the glTF is turned z-up.
    model->frame.origin += yUpFromZUp(rtc->value_or(glm::dvec3(0.0)));
    model->format = std::string("b3dm (3D Tiles batched model") + (parts->legacy ? ", legacy header" : "") + ") holding " + model->format;
    model->up = UpAxis::Y;
    model->frame.upRule = "3D Tiles batched model: its glTF's convention (y up)";
    return model;
}

Expected<Model> readPnts(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions&) {
    const std::string name = path.string();
    auto parts = splitTile(name, bytes, "pnts", false);
    if (!parts) return parts.error();
    auto table = FeatureTable::parse(name, "pnts", parts->featureJson, parts->featureBinary);
    if (!table) return table.error();
    if (table->root().contains("extensions") && table->root()["extensions"].contains("3DTILES_draco_point_compression"))
        return makeError(name, "Draco-compressed point clouds (3DTILES_draco_point_compression) are not supported");
    auto count = table->count("POINTS_LENGTH");
    if (!count) return count.error();
    if (!*count) return makeError(name, "pnts feature table has no POINTS_LENGTH");
    auto positions = pointPositions(*table, **count);
    if (!positions) return withName(name, "pnts feature table", positions.error());

    Model model;
    model.sourcePath = name;
    model.format = std::string("3D Tiles point cloud (pnts") + (positions->quantized ? ", quantized positions" : "") + ")";
    model.meshCount = 1;
    model.up = UpAxis::Z;
    model.frame.upRule = "3D Tiles point cloud: z-up";
    Primitive points;
    points.topology = Topology::Points;
    points.meshName = path.stem().string();
    points.vertices.resize(**count);  // Checked against the binary by pointPositions().
    const glm::dvec3 local0 = points.vertices.empty() ? glm::dvec3(0.0) : positions->local(0);
    const glm::dvec3 localOrigin = originFor(local0);
    model.frame.origin = positions->base + localOrigin;
    for (std::size_t i = 0; i < points.vertices.size(); ++i) {
        Vertex& v = points.vertices[i];
        v.position = glm::vec3(positions->local(i) - localOrigin);
        v.normal = glm::vec3(0.0f);
    }
    auto coloured = readPointColours(*table, points);
    if (!coloured) return coloured.error();
    points.hasVertexColors = *coloured;
    if (auto ok = readPointNormals(*table, points); !ok) return ok.error();
    model.primitives.push_back(std::move(points));
    return model;
}

Expected<Model> readCmpt(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions& options) {
    const std::string name = path.string();
    if (magicOf(bytes) != "cmpt") return makeError(name, "not a cmpt tile (no \"cmpt\" magic)");
    return readComposite(name, bytes, options, 0);
}

}  // namespace axis::detail
