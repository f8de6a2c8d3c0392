#include "glb_writer.h"

#include <cstring>

#include <nlohmann/json.hpp>

#include "materials.h"
#include "textures.h"

namespace demo {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;
constexpr std::uint32_t kChunkBin = 0x004E4942;
constexpr int kFloat = 5126, kUint32 = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

glm::vec3 toYUp(const glm::vec3& v) { return {v.x, v.z, -v.y}; }

// Accumulates the binary chunk and its buffer views, 4-byte aligned as glTF requires.
struct BinaryBuilder {
    std::vector<std::uint8_t> bytes;
    Json views = Json::array();

    int add(const void* data, std::size_t size, int target) {
        while (bytes.size() % 4) bytes.push_back(0);
        Json view{{"buffer", 0}, {"byteOffset", bytes.size()}, {"byteLength", size}};
        if (target) view["target"] = target;
        const auto* p = static_cast<const std::uint8_t*>(data);
        bytes.insert(bytes.end(), p, p + size);
        views.push_back(view);
        return int(views.size() - 1);
    }
};

Json accessor(int view, int componentType, std::size_t count, const char* type) {
    return Json{{"bufferView", view}, {"componentType", componentType}, {"count", count}, {"type", type}};
}

// Writes the vertex streams of one part; returns the primitive's attributes object.
Json writeAttributes(const Part& part, double repeat, BinaryBuilder& bin, Json& accessors) {
    std::vector<glm::vec3> pos(part.positions.size()), nrm(part.normals.size());
    std::vector<glm::vec2> uv(part.uvs.size());
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (std::size_t i = 0; i < pos.size(); ++i) {
        pos[i] = toYUp(part.positions[i]);
        nrm[i] = toYUp(part.normals[i]);
        uv[i] = part.uvs[i] / float(repeat);
        lo = glm::min(lo, pos[i]);
        hi = glm::max(hi, pos[i]);
    }
    Json a = accessor(bin.add(pos.data(), pos.size() * 12, kArrayBuffer), kFloat, pos.size(), "VEC3");
    a["min"] = {lo.x, lo.y, lo.z};
    a["max"] = {hi.x, hi.y, hi.z};
    accessors.push_back(a);
    accessors.push_back(accessor(bin.add(nrm.data(), nrm.size() * 12, kArrayBuffer), kFloat, nrm.size(), "VEC3"));
    accessors.push_back(accessor(bin.add(uv.data(), uv.size() * 8, kArrayBuffer), kFloat, uv.size(), "VEC2"));
    const int n = int(accessors.size());
    return Json{{"POSITION", n - 3}, {"NORMAL", n - 2}, {"TEXCOORD_0", n - 1}};
}

Json writeMaterial(const std::string& name, const MaterialDef& def, Json& textures, Json& images,
                   BinaryBuilder& bin) {
    Json pbr{{"baseColorFactor", {def.color.r, def.color.g, def.color.b, def.color.a}},
             {"metallicFactor", def.metallic}, {"roughnessFactor", def.roughness}};
    if (!def.texture.empty()) {
        const auto& png = texturePng(def.texture);
        images.push_back({{"name", def.texture}, {"bufferView", bin.add(png.data(), png.size(), 0)},
                          {"mimeType", "image/png"}});
        textures.push_back({{"sampler", 0}, {"source", images.size() - 1}});
        pbr["baseColorTexture"] = {{"index", textures.size() - 1}};
    }
    return Json{{"name", name}, {"pbrMetallicRoughness", pbr}, {"doubleSided", true}};
}

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
}

std::vector<std::uint8_t> assemble(const Json& doc, std::vector<std::uint8_t> bin) {
    std::string text = doc.dump();
    while (text.size() % 4) text.push_back(' ');
    while (bin.size() % 4) bin.push_back(0);
    std::vector<std::uint8_t> out;
    putU32(out, kGlbMagic);
    putU32(out, 2);
    putU32(out, std::uint32_t(12 + 8 + text.size() + 8 + bin.size()));
    putU32(out, std::uint32_t(text.size()));
    putU32(out, kChunkJson);
    out.insert(out.end(), text.begin(), text.end());
    putU32(out, std::uint32_t(bin.size()));
    putU32(out, kChunkBin);
    out.insert(out.end(), bin.begin(), bin.end());
    return out;
}

}  // namespace

std::vector<std::uint8_t> writeGlb(const Mesh& mesh, const std::string& name) {
    BinaryBuilder bin;
    Json accessors = Json::array(), primitives = Json::array(), materials = Json::array();
    Json textures = Json::array(), images = Json::array();
    for (const auto& [material, part] : mesh.parts()) {
        if (part.indices.empty()) continue;
        const MaterialDef& def = materialDef(material);
        Json attributes = writeAttributes(part, def.repeatMetres, bin, accessors);
        const int iv = bin.add(part.indices.data(), part.indices.size() * 4, kElementArrayBuffer);
        accessors.push_back(accessor(iv, kUint32, part.indices.size(), "SCALAR"));
        materials.push_back(writeMaterial(material, def, textures, images, bin));
        primitives.push_back({{"attributes", attributes}, {"indices", accessors.size() - 1},
                              {"material", materials.size() - 1}, {"mode", 4}});
    }
    Json doc{{"asset", {{"version", "2.0"}, {"generator", "axisview axis_make_demo_site"}}},
             {"scene", 0},
             {"scenes", {{{"nodes", {0}}}}},
             {"nodes", {{{"name", name}, {"mesh", 0}}}},
             {"meshes", {{{"name", name}, {"primitives", primitives}}}},
             {"materials", materials},
             {"samplers", {{{"magFilter", 9729}, {"minFilter", 9987}, {"wrapS", 10497}, {"wrapT", 10497}}}},
             {"buffers", {{{"byteLength", bin.bytes.size()}}}},
             {"bufferViews", bin.views},
             {"accessors", accessors}};
    if (!textures.empty()) {
        doc["textures"] = textures;
        doc["images"] = images;
    }
    return assemble(doc, std::move(bin.bytes));
}

}  // namespace demo
