// Our own glTF 2.0 reader, used for files with KHR_draco_mesh_compression, which Debian's
// Assimp 5.2 cannot decode, and for files with line, strip or fan primitives or primitives
// without positions, on which it crashes (lines are skipped here, as the Assimp path drops them). Draco primitives are decoded with libdraco;
// plain accessor primitives in the same file are read too. Node transforms are baked like the
// Assimp path. Also the glTF of 3D Tiles content (and the GLB inside a b3dm): KTX2 textures
// (KHR_texture_basisu), which we cannot decode, show the JPEG or PNG of the same name beside
// them; CESIUM_RTC's centre is kept in double in the source origin.
#include <map>
#include <optional>

#include <draco/compression/decode.h>
#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

#include "asset/draco_counts.h"
#include "asset/gltf_document.h"
#include "asset/import_internal.h"
#include "core/file_io.h"
#include "core/log.h"

namespace axis::detail {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kModePoints = 0, kModeTriangles = 4, kModeStrip = 5, kModeFan = 6;

// One primitive's attributes before the node transform: tightly packed floats.
struct RawPrimitive {
    bool points = false;
    std::vector<float> positions, normals, uvs, colors;  // 3, 3, 2 and 4 per vertex.
    std::vector<std::uint32_t> indices;
    std::uint32_t material = 0;
    std::size_t vertexCount() const { return positions.size() / 3; }
};

std::vector<std::uint32_t> listFromStripOrFan(const std::vector<std::uint32_t>& in, int mode) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 2; i < in.size(); ++i) {
        if (mode == kModeFan) out.insert(out.end(), {in[0], in[i - 1], in[i]});
        else if (i % 2 == 0) out.insert(out.end(), {in[i - 2], in[i - 1], in[i]});
        else out.insert(out.end(), {in[i - 1], in[i - 2], in[i]});
    }
    return out;
}

Expected<std::vector<float>> dracoAttribute(const std::string& name, const draco::PointCloud& cloud, int uniqueId,
                                            int components, bool isColor) {
    const draco::PointAttribute* att = cloud.GetAttributeByUniqueId(static_cast<std::uint32_t>(uniqueId));
    if (!att) return makeError(name, "Draco data lacks attribute id " + std::to_string(uniqueId));
    const int have = std::min<int>(components, att->num_components());
    // Integer colours that the encoder did not flag as normalised still mean 0..max.
    float scale = 1.0f;
    if (isColor && !att->normalized() && att->data_type() == draco::DT_UINT8) scale = 1.0f / 255.0f;
    if (isColor && !att->normalized() && att->data_type() == draco::DT_UINT16) scale = 1.0f / 65535.0f;
    std::vector<float> out(std::size_t(cloud.num_points()) * components, 0.0f);
    float value[4] = {};
    for (draco::PointIndex i(0); i < cloud.num_points(); ++i) {
        if (!att->ConvertValue<float>(att->mapped_index(i), static_cast<std::int8_t>(have), value))
            return makeError(name, "Draco attribute id " + std::to_string(uniqueId) + " cannot be read as floats");
        float* dst = &out[std::size_t(i.value()) * components];
        for (int c = 0; c < have; ++c) dst[c] = value[c] * scale;
        if (components == 4 && have < 4) dst[3] = 1.0f;
    }
    return out;
}

class GltfConverter {
public:
    GltfConverter(const GltfDocument& doc, Model& model, TextureLibrary& textures)
        : doc_(doc), json_(doc.json), model_(model), textures_(textures) {}

    Status convert() {
        for (const auto& m : json_.value("materials", json::array())) model_.materials.push_back(convertMaterial(m));
        model_.meshCount = static_cast<std::uint32_t>(json_.value("meshes", json::array()).size());
        for (std::size_t root : rootNodes())
            if (auto ok = visit(root, glm::dmat4(1.0), 0); !ok) return ok;
        // The centre stays in double beside the float positions, never added to them.
        model_.frame.origin = origin_.value_or(glm::dvec3(0.0)) + relativeToCentre();
        return Ok{};
    }

private:
    // CESIUM_RTC: positions are relative to a centre in the tileset's z-up frame (3D Tiles
    // places glTF y-up to z-up first, then adds the centre), kept here in the glTF's own axes.
    glm::dvec3 relativeToCentre() const {
        const json extensions = json_.value("extensions", json::object());
        if (!extensions.contains("CESIUM_RTC")) return glm::dvec3(0.0);
        const auto center = extensions["CESIUM_RTC"].value("center", std::vector<double>{});
        if (center.size() != 3) return glm::dvec3(0.0);  // validateGltf refuses that.
        return yUpFromZUp({center[0], center[1], center[2]});
    }

    std::vector<std::size_t> rootNodes() const {
        const json scenes = json_.value("scenes", json::array());
        const std::size_t scene = json_.value("scene", std::size_t(0));
        if (scene < scenes.size()) return scenes[scene].value("nodes", std::vector<std::size_t>{});
        // No scene: every node that is nobody's child is a root.
        const json nodes = json_.value("nodes", json::array());
        std::vector<bool> isChild(nodes.size(), false);
        for (const auto& n : nodes)
            for (std::size_t c : n.value("children", std::vector<std::size_t>{}))
                if (c < isChild.size()) isChild[c] = true;
        std::vector<std::size_t> roots;
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (!isChild[i]) roots.push_back(i);
        return roots;
    }

    static glm::dmat4 localTransform(const json& node) {
        if (node.contains("matrix")) {
            const auto m = node.at("matrix").get<std::vector<double>>();
            if (m.size() == 16) return glm::make_mat4(m.data());  // Column-major, like glm.
        }
        const auto t = node.value("translation", std::vector<double>{0, 0, 0});
        const auto r = node.value("rotation", std::vector<double>{0, 0, 0, 1});
        const auto s = node.value("scale", std::vector<double>{1, 1, 1});
        if (t.size() != 3 || r.size() != 4 || s.size() != 3) return glm::dmat4(1.0);
        const glm::dquat q(r[3], r[0], r[1], r[2]);
        return glm::translate(glm::dmat4(1.0), glm::dvec3(t[0], t[1], t[2])) * glm::mat4_cast(q) *
               glm::scale(glm::dmat4(1.0), glm::dvec3(s[0], s[1], s[2]));
    }

    Status visit(std::size_t index, const glm::dmat4& parent, int depth) {
        const json& nodes = json_.at("nodes");
        if (index >= nodes.size() || depth > 256) return makeError(doc_.name, "node " + std::to_string(index) + " is invalid or nested too deep");
        const json& node = nodes[index];
        const glm::dmat4 world = parent * localTransform(node);
        if (node.contains("mesh"))
            if (auto ok = addMesh(node.at("mesh").get<std::size_t>(), world); !ok) return ok;
        for (std::size_t child : node.value("children", std::vector<std::size_t>{}))
            if (auto ok = visit(child, world, depth + 1); !ok) return ok;
        return Ok{};
    }

    Status addMesh(std::size_t meshIndex, const glm::dmat4& world) {
        auto cached = decoded_.find(meshIndex);
        if (cached == decoded_.end()) {
            auto raws = decodeMesh(meshIndex);
            if (!raws) return raws.error();
            cached = decoded_.emplace(meshIndex, std::move(*raws)).first;
        }
        for (const auto& raw : cached->second) model_.primitives.push_back(bake(raw, world, meshIndex));
        return Ok{};
    }

    Expected<std::vector<RawPrimitive>> decodeMesh(std::size_t meshIndex) {
        const json& meshes = json_.at("meshes");
        if (meshIndex >= meshes.size()) return makeError(doc_.name, "mesh " + std::to_string(meshIndex) + " does not exist");
        std::vector<RawPrimitive> out;
        for (const auto& prim : meshes[meshIndex].value("primitives", json::array())) {
            const int mode = prim.value("mode", kModeTriangles);
            if (mode != kModePoints && mode != kModeTriangles && mode != kModeStrip && mode != kModeFan) continue;  // Lines.
            const json* draco = nullptr;
            if (prim.contains("extensions") && prim["extensions"].contains("KHR_draco_mesh_compression"))
                draco = &prim["extensions"]["KHR_draco_mesh_compression"];
            auto raw = draco ? decodeDraco(*draco, mode == kModePoints) : readAccessors(prim);
            if (!raw) return raw.error();
            if (mode == kModeStrip || mode == kModeFan) raw->indices = listFromStripOrFan(raw->indices, mode);
            raw->material = prim.value("material", 0u);
            if (raw->positions.empty()) continue;  // No positions: nothing to draw (the spec says skip it).
            if (auto ok = validate(*raw); !ok) return ok.error();
            out.push_back(std::move(*raw));
        }
        return out;
    }

    Expected<RawPrimitive> decodeDraco(const json& ext, bool points) {
        auto view = doc_.bufferView(ext.at("bufferView").get<std::size_t>());
        if (!view) return view.error();
        const std::span<const std::uint8_t> stream(reinterpret_cast<const std::uint8_t*>(view->data()), view->size());
        if (auto problem = implausibleDracoCounts(stream)) return makeError(doc_.name, *problem);
        draco::DecoderBuffer buffer;
        buffer.Init(reinterpret_cast<const char*>(view->data()), view->size());
        draco::Decoder decoder;
        RawPrimitive raw;
        raw.points = points;
        std::unique_ptr<draco::PointCloud> cloud;
        if (points) {
            auto decoded = decoder.DecodePointCloudFromBuffer(&buffer);
            if (!decoded.ok()) return makeError(doc_.name, "Draco decoding failed: " + decoded.status().error_msg_string());
            cloud = std::move(decoded).value();
        } else {
            auto decoded = decoder.DecodeMeshFromBuffer(&buffer);
            if (!decoded.ok()) return makeError(doc_.name, "Draco decoding failed: " + decoded.status().error_msg_string());
            std::unique_ptr<draco::Mesh> mesh = std::move(decoded).value();
            raw.indices.reserve(std::size_t(mesh->num_faces()) * 3);
            for (draco::FaceIndex f(0); f < mesh->num_faces(); ++f)
                for (int k = 0; k < 3; ++k) raw.indices.push_back(mesh->face(f)[k].value());
            cloud = std::move(mesh);
        }
        const json& attributes = ext.at("attributes");
        struct Wanted { const char* name; int components; std::vector<float>* out; };
        for (const Wanted& w : {Wanted{"POSITION", 3, &raw.positions}, Wanted{"NORMAL", 3, &raw.normals},
                                Wanted{"TEXCOORD_0", 2, &raw.uvs}, Wanted{"COLOR_0", 4, &raw.colors}}) {
            if (!attributes.contains(w.name)) continue;
            auto values = dracoAttribute(doc_.name, *cloud, attributes.at(w.name).get<int>(), w.components,
                                         std::string(w.name) == "COLOR_0");
            if (!values) return values.error();
            *w.out = std::move(*values);
        }
        return raw;
    }

    Expected<RawPrimitive> readAccessors(const json& prim) {
        RawPrimitive raw;
        raw.points = prim.value("mode", kModeTriangles) == kModePoints;
        const json& attributes = prim.at("attributes");
        struct Wanted { const char* name; int components; std::vector<float>* out; };
        for (const Wanted& w : {Wanted{"POSITION", 3, &raw.positions}, Wanted{"NORMAL", 3, &raw.normals},
                                Wanted{"TEXCOORD_0", 2, &raw.uvs}, Wanted{"COLOR_0", 4, &raw.colors}}) {
            if (!attributes.contains(w.name)) continue;
            auto values = doc_.floats(attributes.at(w.name).get<std::size_t>(), w.components);
            if (!values) return values.error();
            *w.out = std::move(*values);
        }
        if (prim.contains("indices")) {
            auto indices = doc_.indices(prim.at("indices").get<std::size_t>());
            if (!indices) return indices.error();
            raw.indices = std::move(*indices);
        } else if (!raw.points) {
            raw.indices.resize(raw.vertexCount());
            for (std::size_t i = 0; i < raw.indices.size(); ++i) raw.indices[i] = static_cast<std::uint32_t>(i);
        }
        return raw;
    }

    Status validate(const RawPrimitive& raw) const {
        const std::size_t n = raw.vertexCount();
        auto sized = [n](const std::vector<float>& v, std::size_t per) { return v.empty() || v.size() == n * per; };
        if (!sized(raw.normals, 3) || !sized(raw.uvs, 2) || !sized(raw.colors, 4))
            return makeError(doc_.name, "a primitive's attributes have different counts");
        for (std::uint32_t i : raw.indices)
            if (i >= n) return makeError(doc_.name, "index " + std::to_string(i) + " is out of range (" + std::to_string(n) + " vertices)");
        return Ok{};
    }

    Primitive bake(const RawPrimitive& raw, const glm::dmat4& world, std::size_t meshIndex) {
        Primitive p;
        p.topology = raw.points ? Topology::Points : Topology::Triangles;
        p.material = raw.material;
        p.hasUVs = !raw.uvs.empty();
        p.hasVertexColors = !raw.colors.empty();
        p.meshName = json_.at("meshes").at(meshIndex).value("name", "mesh " + std::to_string(meshIndex));
        const glm::dmat3 normalMatrix = glm::inverseTranspose(glm::dmat3(world));
        p.vertices.resize(raw.vertexCount());
        for (std::size_t i = 0; i < p.vertices.size(); ++i) {
            Vertex& v = p.vertices[i];
            // In double until relative to the model's origin (georeferenced nodes, SourceFrame).
            const glm::dvec3 position(world * glm::dvec4(raw.positions[i * 3], raw.positions[i * 3 + 1], raw.positions[i * 3 + 2], 1.0));
            if (!origin_) origin_ = originFor(position);
            v.position = glm::vec3(position - *origin_);
            v.normal = glm::vec3(0);
            if (!raw.normals.empty()) {
                glm::dvec3 n = normalMatrix * glm::dvec3(raw.normals[i * 3], raw.normals[i * 3 + 1], raw.normals[i * 3 + 2]);
                const double len = glm::length(n);
                if (len > 0 && std::isfinite(len)) v.normal = glm::vec3(n / len);
            }
            if (p.hasUVs) v.uv = {raw.uvs[i * 2], raw.uvs[i * 2 + 1]};
            if (p.hasVertexColors) v.color = linearToSrgb8(glm::make_vec4(&raw.colors[i * 4]));  // COLOR_0 is linear.
        }
        p.indices = raw.indices;
        if (glm::determinant(glm::dmat3(world)) < 0)  // A mirror turns faces inside out.
            for (std::size_t i = 0; i + 2 < p.indices.size(); i += 3) std::swap(p.indices[i + 1], p.indices[i + 2]);
        if (!raw.points && raw.normals.empty()) computeSmoothNormals(p);
        return p;
    }

    static bool isKtx2(const json& image) {
        if (image.value("mimeType", "") == "image/ktx2") return true;
        const std::string uri = image.value("uri", "");
        return uri.rfind("data:image/ktx2", 0) == 0 || (uri.rfind("data:", 0) != 0 && lowerExtension(fs::path(uri)) == "ktx2");
    }

    // The image a texture shows: its plain source when that is a JPEG or PNG (an exporter's
    // fallback for viewers without KHR_texture_basisu), else the extension's KTX2 image.
    std::size_t imageOf(const json& texture, const json& images) const {
        const std::size_t plain = texture.value("source", std::size_t(-1));
        if (plain < images.size() && !isKtx2(images[plain])) return plain;
        const json extensions = texture.value("extensions", json::object());
        if (extensions.contains("KHR_texture_basisu")) {
            const std::size_t basisu = extensions["KHR_texture_basisu"].value("source", std::size_t(-1));
            if (basisu < images.size()) return basisu;
        }
        return plain;
    }

    // We cannot decode KTX2 (Basis Universal: no Debian package). Matterport's tiles, and other
    // exporters, leave the JPEG or PNG the KTX2 was made from beside it: named by the image's
    // `name`, or as the uri with .jpg, .jpeg or .png for .ktx2.
    fs::path ktx2StandIn(const json& image) const {
        const std::string name = image.value("name", "");
        const std::string nameExtension = lowerExtension(fs::path(name));
        if (nameExtension == "jpg" || nameExtension == "jpeg" || nameExtension == "png")
            if (fs::path found = resolveReferencedFile(doc_.folder, name); !found.empty()) return found;
        const std::string uri = image.value("uri", "");
        if (uri.empty() || uri.rfind("data:", 0) == 0) return {};
        const std::size_t slash = uri.find_last_of("/\\"), dot = uri.rfind('.');
        const std::string stem = dot != std::string::npos && (slash == std::string::npos || dot > slash) ? uri.substr(0, dot) : uri;
        for (const char* extension : {".jpg", ".jpeg", ".png"})
            if (fs::path found = resolveReferencedFile(doc_.folder, stem + extension); !found.empty()) return found;
        return {};
    }

    int loadKtx2(const json& image, std::size_t imageIndex, TextureUsage usage) {
        if (fs::path standIn = ktx2StandIn(image); !standIn.empty()) return textures_.fromFile(standIn.string(), usage);
        const std::string uri = image.value("uri", "");
        const std::string ktx2 = uri.empty() || uri.rfind("data:", 0) == 0 ? "embedded image " + std::to_string(imageIndex)
                                                                          : (doc_.folder / uri).string();
        return textures_.undecodable("ktx2:image " + std::to_string(imageIndex),
                                     "KTX2 (Basis Universal) texture " + ktx2 +
                                         " cannot be decoded here, and no JPEG or PNG of the same name lies beside it",
                                     usage);
    }

    int loadTexture(const json& textureInfo, TextureUsage usage) {
        const std::size_t textureIndex = textureInfo.value("index", std::size_t(-1));
        const json& textures = json_.contains("textures") ? json_["textures"] : kEmptyArray;
        const json& images = json_.contains("images") ? json_["images"] : kEmptyArray;
        if (textureIndex >= textures.size()) return -1;
        const std::size_t imageIndex = imageOf(textures[textureIndex], images);
        if (imageIndex >= images.size()) return -1;
        const json& image = images[imageIndex];
        if (isKtx2(image)) return loadKtx2(image, imageIndex, usage);
        const std::string key = "embedded:image " + std::to_string(imageIndex);
        if (image.contains("bufferView")) {
            auto view = doc_.bufferView(image.at("bufferView").get<std::size_t>());
            return view ? textures_.fromEncoded(key, *view, usage) : textures_.fromEncoded(key, {}, usage);
        }
        const std::string uri = image.value("uri", "");
        if (uri.rfind("data:", 0) == 0) {
            const auto comma = uri.find(',');
            auto bytes = comma == std::string::npos ? std::vector<std::uint8_t>{} : decodeBase64(std::string_view(uri).substr(comma + 1));
            return textures_.fromEncoded(key, bytes, usage);
        }
        return textures_.fromFile(uri, usage);
    }

    Material convertMaterial(const json& m) {
        Material out;
        out.name = m.value("name", "");
        const json pbr = m.value("pbrMetallicRoughness", json::object());
        const auto base = pbr.value("baseColorFactor", std::vector<float>{1, 1, 1, 1});
        if (base.size() == 4) out.baseColorFactor = glm::make_vec4(base.data());
        out.metallicFactor = pbr.value("metallicFactor", 1.0f);
        out.roughnessFactor = pbr.value("roughnessFactor", 1.0f);
        if (pbr.contains("baseColorTexture")) out.baseColorTexture = loadTexture(pbr["baseColorTexture"], TextureUsage::Color);
        if (pbr.contains("metallicRoughnessTexture"))
            out.metallicRoughnessTexture = loadTexture(pbr["metallicRoughnessTexture"], TextureUsage::Linear);
        const auto emissive = m.value("emissiveFactor", std::vector<float>{0, 0, 0});
        if (emissive.size() == 3) out.emissiveFactor = glm::make_vec3(emissive.data());
        if (m.contains("emissiveTexture")) out.emissiveTexture = loadTexture(m["emissiveTexture"], TextureUsage::Color);
        const std::string mode = m.value("alphaMode", "OPAQUE");
        out.alphaMode = mode == "MASK" ? AlphaMode::Mask : mode == "BLEND" ? AlphaMode::Blend : AlphaMode::Opaque;
        out.alphaCutoff = m.value("alphaCutoff", 0.5f);
        out.doubleSided = m.value("doubleSided", false);
        return out;
    }

    inline static const json kEmptyArray = json::array();
    const GltfDocument& doc_;
    const json& json_;
    Model& model_;
    TextureLibrary& textures_;
    std::map<std::size_t, std::vector<RawPrimitive>> decoded_;
    std::optional<glm::dvec3> origin_;  ///< Set by the first vertex placed (originFor).
};

}  // namespace

Expected<Model> readGltf(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions& options) {
    try {
        auto doc = loadGltfDocument(path, bytes);
        if (!doc) return doc.error();
        Model model;
        model.sourcePath = path.string();
        const bool glb = isGlb(path, bytes);
        const bool draco = gltfJsonText(bytes, glb).find("KHR_draco_mesh_compression") != std::string_view::npos;
        model.format = glb ? (draco ? "glTF 2.0 binary (GLB, Draco)" : "glTF 2.0 binary (GLB)")
                           : (draco ? "glTF 2.0 (Draco)" : "glTF 2.0");
        TextureLibrary textures(model, path.parent_path(), options);
        if (auto ok = GltfConverter(*doc, model, textures).convert(); !ok) return ok.error();
        textures.finish();
        return model;
    } catch (const json::exception& e) {
        // A field of the wrong type or a missing required one: the file breaks the glTF schema.
        return makeError(path.string(), std::string("invalid glTF: ") + e.what());
    }
}

}  // namespace axis::detail
