#include "asset/gltf_document.h"

#include <cstring>

#include "asset/import_internal.h"
#include "core/file_io.h"

namespace axis::detail {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;
constexpr std::uint32_t kChunkBin = 0x004E4942;

std::uint32_t readU32(std::span<const std::uint8_t> bytes, std::size_t offset) {
    std::uint32_t v;
    std::memcpy(&v, bytes.data() + offset, 4);
    return v;  // GLB is little-endian, like every machine we build for.
}

}  // namespace

Expected<GlbChunks> splitGlbChunks(const std::string& name, std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 20 || readU32(bytes, 0) != kGlbMagic) return makeError(name, "not a GLB file (bad header)");
    if (readU32(bytes, 4) != 2) return makeError(name, "GLB version " + std::to_string(readU32(bytes, 4)) + " is not 2");
    const std::uint64_t declared = readU32(bytes, 8);
    if (declared > bytes.size())
        return makeError(name, "truncated GLB: header declares " + std::to_string(declared) + " bytes but the file has " +
                                   std::to_string(bytes.size()));
    GlbChunks chunks;
    for (std::size_t offset = 12; offset + 8 <= declared;) {
        const std::uint64_t length = readU32(bytes, offset), type = readU32(bytes, offset + 4);
        if (offset + 8 + length > declared) return makeError(name, "truncated GLB: a chunk runs past the end of the file");
        auto data = bytes.subspan(offset + 8, length);
        if (type == kChunkJson && chunks.json.empty()) chunks.json = data;
        else if (type == kChunkBin && chunks.bin.empty()) chunks.bin = data;
        offset += 8 + length;
    }
    if (chunks.json.empty()) return makeError(name, "GLB has no JSON chunk");
    return chunks;
}

namespace {

double loadComponent(const std::uint8_t* p, int componentType, bool normalized) {
    auto get = [p](auto v) {
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    switch (componentType) {
        case 5120: return normalized ? std::max(get(std::int8_t()) / 127.0, -1.0) : get(std::int8_t());
        case 5121: return normalized ? get(std::uint8_t()) / 255.0 : get(std::uint8_t());
        case 5122: return normalized ? std::max(get(std::int16_t()) / 32767.0, -1.0) : get(std::int16_t());
        case 5123: return normalized ? get(std::uint16_t()) / 65535.0 : get(std::uint16_t());
        case 5125: return get(std::uint32_t());
        default: return get(float());
    }
}

Expected<std::vector<std::uint8_t>> loadBuffer(const GltfDocument& doc, const json& buffer, std::span<const std::uint8_t> glbBin) {
    if (!buffer.contains("uri")) return std::vector<std::uint8_t>(glbBin.begin(), glbBin.end());
    const std::string uri = buffer.at("uri").get<std::string>();
    if (uri.rfind("data:", 0) == 0) {
        const auto comma = uri.find(',');
        if (comma == std::string::npos || uri.substr(0, comma).find(";base64") == std::string::npos)
            return makeError(doc.name, "unsupported data URI in a buffer");
        return decodeBase64(std::string_view(uri).substr(comma + 1));
    }
    const fs::path file = resolveReferencedFile(doc.folder, uri);
    if (file.empty()) return makeError(doc.name, "buffer file not found: " + (doc.folder / uri).string());
    return readFile(file);
}

}  // namespace

std::size_t gltfComponentSize(std::uint64_t componentType) {
    switch (componentType) {
        case 5120: case 5121: return 1;
        case 5122: case 5123: return 2;
        case 5125: case 5126: return 4;
        default: return 0;
    }
}

int gltfComponentCount(const std::string& type) {
    if (type == "SCALAR") return 1;
    if (type == "VEC2") return 2;
    if (type == "VEC3") return 3;
    if (type == "VEC4" || type == "MAT2") return 4;
    if (type == "MAT3") return 9;
    if (type == "MAT4") return 16;
    return 0;
}


std::vector<std::uint8_t> decodeBase64(std::string_view text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    };
    std::vector<std::uint8_t> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        if (c == '=') break;
        const int v = value(c);
        if (v < 0) return {};
        bits = (bits << 6) | std::uint32_t(v);
        if (++count == 4) {
            out.insert(out.end(), {std::uint8_t(bits >> 16), std::uint8_t(bits >> 8), std::uint8_t(bits)});
            bits = 0;
            count = 0;
        }
    }
    if (count == 2) out.push_back(std::uint8_t(bits >> 4));
    if (count == 3) out.insert(out.end(), {std::uint8_t(bits >> 10), std::uint8_t(bits >> 2)});
    return out;
}

bool isGlb(const fs::path& path, std::span<const std::uint8_t> bytes) {
    return lowerExtension(path) == "glb" || (bytes.size() >= 4 && readU32(bytes, 0) == kGlbMagic);
}

std::string_view gltfJsonText(std::span<const std::uint8_t> bytes, bool glb) {
    if (!glb) return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
    auto chunks = splitGlbChunks("", bytes);
    if (!chunks) return {};
    return {reinterpret_cast<const char*>(chunks->json.data()), chunks->json.size()};
}

Expected<GltfDocument> loadGltfDocument(const fs::path& path, std::span<const std::uint8_t> bytes) {
    GltfDocument doc;
    doc.name = path.string();
    doc.folder = path.parent_path();
    std::span<const std::uint8_t> jsonBytes = bytes, bin;
    if (isGlb(path, bytes)) {
        auto chunks = splitGlbChunks(doc.name, bytes);
        if (!chunks) return chunks.error();
        jsonBytes = chunks->json;
        bin = chunks->bin;
    }
    doc.json = json::parse(jsonBytes.begin(), jsonBytes.end(), nullptr, false);
    if (doc.json.is_discarded() || !doc.json.is_object()) return makeError(doc.name, "invalid glTF JSON");
    for (const auto& buffer : doc.json.value("buffers", json::array())) {
        auto data = loadBuffer(doc, buffer, bin);
        if (!data) return data.error();
        const std::uint64_t declared = buffer.value("byteLength", std::uint64_t(0));
        if (data->size() < declared)
            return makeError(doc.name, "buffer " + std::to_string(doc.buffers.size()) + " declares " + std::to_string(declared) +
                                           " bytes but holds " + std::to_string(data->size()));
        doc.buffers.push_back(std::move(*data));
    }
    return doc;
}

Expected<std::span<const std::uint8_t>> GltfDocument::bufferView(std::size_t index) const {
    const nlohmann::json& views = json.at("bufferViews");
    if (index >= views.size()) return makeError(name, "bufferView " + std::to_string(index) + " does not exist");
    const nlohmann::json& view = views[index];
    const std::size_t buffer = view.at("buffer").get<std::size_t>();
    const std::uint64_t offset = view.value("byteOffset", std::uint64_t(0)), length = view.at("byteLength").get<std::uint64_t>();
    if (buffer >= buffers.size() || offset > buffers[buffer].size() || length > buffers[buffer].size() - offset)
        return makeError(name, "bufferView " + std::to_string(index) + " lies outside its buffer");
    return std::span<const std::uint8_t>(buffers[buffer]).subspan(offset, length);
}

namespace {

// Where an accessor's elements lie, checked to fit inside its bufferView.
struct AccessorLayout {
    const std::uint8_t* data = nullptr;  // Null for an accessor without a bufferView (zeros).
    std::uint64_t count = 0, stride = 0;
    int componentType = 0, components = 0;
    std::size_t componentBytes = 0;
    bool normalized = false;
};

Expected<AccessorLayout> layoutOf(const GltfDocument& doc, std::size_t index) {
    const json& accessors = doc.json.at("accessors");
    if (index >= accessors.size()) return makeError(doc.name, "accessor " + std::to_string(index) + " does not exist");
    const json& accessor = accessors[index];
    AccessorLayout l;
    l.componentType = accessor.at("componentType").get<int>();
    l.components = gltfComponentCount(accessor.at("type").get<std::string>());
    l.count = accessor.at("count").get<std::uint64_t>();
    l.componentBytes = gltfComponentSize(l.componentType);
    l.normalized = accessor.value("normalized", false);
    if (l.componentBytes == 0 || l.components == 0)
        return makeError(doc.name, "accessor " + std::to_string(index) + " has an unknown type");
    if (!accessor.contains("bufferView")) {
        if (l.count > (1ull << 28)) return makeError(doc.name, "accessor " + std::to_string(index) + " is implausibly large");
        return l;
    }
    const std::size_t viewIndex = accessor.at("bufferView").get<std::size_t>();
    auto view = doc.bufferView(viewIndex);
    if (!view) return view.error();
    const std::uint64_t elementBytes = l.components * l.componentBytes;
    l.stride = doc.json.at("bufferViews").at(viewIndex).value("byteStride", elementBytes);
    const std::uint64_t offset = accessor.value("byteOffset", std::uint64_t(0));
    if (l.count > 0 && (l.stride < elementBytes || offset > view->size() || (l.count - 1) > (view->size() - offset) / l.stride ||
                        offset + (l.count - 1) * l.stride + elementBytes > view->size()))
        return makeError(doc.name, "accessor " + std::to_string(index) + " runs past its bufferView");
    l.data = view->data() + offset;
    return l;
}

}  // namespace

Expected<std::vector<float>> GltfDocument::floats(std::size_t index, int components) const {
    auto l = layoutOf(*this, index);
    if (!l) return l.error();
    // Missing components default to 0, except alpha (colours given as VEC3).
    std::vector<float> out(l->count * components, 0.0f);
    for (std::uint64_t i = 0; i < l->count; ++i) {
        if (components == 4) out[i * 4 + 3] = 1.0f;
        if (!l->data) continue;
        for (int c = 0; c < std::min(components, l->components); ++c)
            out[i * components + c] =
                float(loadComponent(l->data + i * l->stride + c * l->componentBytes, l->componentType, l->normalized));
    }
    return out;
}

Expected<std::vector<std::uint32_t>> GltfDocument::indices(std::size_t index) const {
    auto l = layoutOf(*this, index);
    if (!l) return l.error();
    std::vector<std::uint32_t> out(l->count, 0);
    if (!l->data) return out;
    for (std::uint64_t i = 0; i < l->count; ++i) {
        double v = loadComponent(l->data + i * l->stride, l->componentType, false);
        out[i] = v > 0 ? static_cast<std::uint32_t>(std::min(v, 4294967295.0)) : 0;  // NaN and negatives: 0.
    }
    return out;
}

}  // namespace axis::detail
