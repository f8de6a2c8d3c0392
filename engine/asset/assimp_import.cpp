// Everything Assimp reads (glTF without Draco, OBJ+MTL, FBX, COLLADA, STL, 3DS, OFF, ...),
// flattened into one Primitive per mesh instance with the node transform baked in.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <mutex>

#include <assimp/DefaultLogger.hpp>
#include <assimp/GltfMaterial.h>
#include <assimp/Importer.hpp>
#include <assimp/Logger.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/gtc/matrix_inverse.hpp>

#include "asset/import_internal.h"
#include "core/file_io.h"
#include "core/log.h"

namespace axis::detail {
namespace fs = std::filesystem;

namespace {

// Assimp's chatter is useful only when debugging an import; warnings and errors go to our
// debug log (its final error string reaches the user through the returned Error instead).
class AssimpToDebugLog : public Assimp::Logger {
public:
    bool attachStream(Assimp::LogStream*, unsigned int) override { return false; }
    bool detachStream(Assimp::LogStream*, unsigned int) override { return false; }

protected:
    void OnDebug(const char*) override {}
    void OnVerboseDebug(const char*) override {}
    void OnInfo(const char*) override {}
    void OnWarn(const char* m) override { logDebug(std::string("assimp: ") + m); }
    void OnError(const char* m) override { logDebug(std::string("assimp: ") + m); }
};

void installAssimpLogger() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (Assimp::DefaultLogger::isNullLogger()) Assimp::DefaultLogger::set(new AssimpToDebugLog);
    });
}

// Assimp's own walk over the header (OFFLoader.cpp): tokens are separated by blanks and line ends
// (which include NUL and form feed), and a token starting with '#' is a comment to the end of its
// line. Returns where the next token starts.
std::size_t nextOffToken(std::string_view text, std::size_t pos) {
    auto lineEnd = [](char c) { return c == '\n' || c == '\r' || c == '\0' || c == '\f'; };
    auto blank = [&](char c) { return c == ' ' || c == '\t' || lineEnd(c); };
    while (pos < text.size()) {
        if (blank(text[pos])) ++pos;
        else if (text[pos] == '#') while (pos < text.size() && !lineEnd(text[pos])) ++pos;
        else break;
    }
    return pos;
}

// Assimp 5.2 trusts OFF headers (edge/assimp-invalid/OutOfMemory.off declares 3.5e11
// vertices; a fuzzed "COFF1111..." asked for 40 GB). A vertex needs at least "0 0 0\n" and a face
// at least "1 0\n", so counts beyond size/6 or size/4 are lies. Checks the two counts at `pos`.
Status checkOffCountsAt(const std::string& name, std::string_view text, std::size_t pos, std::size_t fileSize) {
    const char* limitNames[2] = {"vertices", "faces"};
    const std::uint64_t limits[2] = {fileSize / 6, fileSize / 4};
    for (int k = 0; k < 2; ++k) {
        pos = nextOffToken(text, pos);
        if (pos >= text.size()) return Ok{};
        std::uint64_t count = 0;
        auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), count);
        if (ec == std::errc::invalid_argument) return Ok{};  // Assimp reports what it makes of it.
        if (ec == std::errc::result_out_of_range || count > limits[k])
            return makeError(name, "OFF header declares " + std::string(text.data() + pos, ptr) + " " + limitNames[k] +
                                       " but the file is only " + std::to_string(fileSize) + " bytes");
        pos = std::size_t(ptr - text.data());
    }
    return Ok{};
}

// Where Assimp reads the counts: after the optional prefix letters (ST, C, N, 4, n, in that order)
// and "OFF", or, without the keyword, right after the letters; an "nOFF" file's dimension comes
// first. Fuzzing found each of these ways to ask for gigabytes ("COFF1111", "C666...", "OFF#\n3535...",
// "\r2222... 0COFF"), so the check follows the same walk, and also reads the counts right after any
// "OFF" in the first token, in case another Assimp version walks differently.
Status checkOffCounts(const std::string& name, std::span<const std::uint8_t> bytes) {
    // All of it: comments may push the counts anywhere. The walk only reads the header.
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::size_t pos = nextOffToken(text, 0);
    const std::size_t tokenStart = pos;
    if (text.substr(pos, 2) == "ST") pos += 2;
    bool hasDimension = false;
    for (char prefix : {'C', 'N', '4', 'n'})
        if (pos < text.size() && text[pos] == prefix) {
            hasDimension = hasDimension || prefix == 'n';
            ++pos;
        }
    pos = nextOffToken(text, text.substr(pos, 3) == "OFF" ? pos + 3 : pos);
    if (hasDimension) pos = nextOffToken(text, text.find_first_not_of("0123456789", pos));
    if (auto ok = checkOffCountsAt(name, text, pos, bytes.size()); !ok) return ok;
    const std::size_t tokenEnd = std::min(text.find_first_of(" \t\r\n", tokenStart), text.size());
    if (const std::size_t keyword = text.substr(tokenStart, tokenEnd - tokenStart).find("OFF"); keyword != std::string_view::npos)
        return checkOffCountsAt(name, text, nextOffToken(text, tokenStart + keyword + 3), bytes.size());
    return Ok{};
}

std::string hexByte(unsigned char c) {
    static const char* kDigits = "0123456789abcdef";
    return {kDigits[c >> 4], kDigits[c & 15]};
}

// Assimp 5.2's COLLADA reader trusts count and stride attributes (a stride of 1e8 crashes it;
// tests/hostile). No valid file has a count or stride larger than itself: every counted item
// takes at least one byte of text.
Status checkColladaCounts(const std::string& name, std::span<const std::uint8_t> bytes) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    for (const std::string_view key : {std::string_view("count=\""), std::string_view("stride=\"")}) {
        for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
            const char* first = text.data() + at + key.size();
            std::uint64_t value = 0;
            auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), value);
            if (ec == std::errc::result_out_of_range || (ec == std::errc() && value > bytes.size()))
                return makeError(name, "COLLADA " + std::string(key.substr(0, key.size() - 2)) + " " +
                                           std::string(first, ptr) + " is larger than the file (" +
                                           std::to_string(bytes.size()) + " bytes)");
        }
    }
    // Without a count, or with one that is not a plain number, Assimp sizes an array from an
    // uninitialised or zero size and reads through it (fuzz_import_dae). An empty array is no
    // use to anyone, so arrays need at least one value.
    for (const std::string_view tag : {std::string_view("<float_array"), std::string_view("<int_array"),
                                       std::string_view("<Name_array"), std::string_view("<IDREF_array"),
                                       std::string_view("<bool_array"), std::string_view("<accessor")}) {
        for (std::size_t at = text.find(tag); at != std::string_view::npos; at = text.find(tag, at + 1)) {
            const std::string_view element = text.substr(at, text.find('>', at) - at);
            const std::size_t key = element.find(" count=\"");
            std::uint64_t count = 0;
            const char* first = key == std::string_view::npos ? nullptr : element.data() + key + 8;
            const auto [ptr, ec] = first ? std::from_chars(first, element.data() + element.size(), count)
                                         : std::from_chars_result{nullptr, std::errc::invalid_argument};
            const bool isArray = tag != "<accessor";
            if (ec != std::errc() || ptr == element.data() + element.size() || *ptr != '"' || (isArray && count == 0))
                return makeError(name, "COLLADA " + std::string(tag.substr(1)) + " at byte " + std::to_string(at) +
                                           " needs a count of " + (isArray ? "at least 1" : "0 or more"));
        }
    }
    // Assimp's index-list parser stops advancing at a character that is neither a digit nor a
    // space and appends zeros until memory runs out (3 GB on a 1.5 KB file): check the lists.
    for (const std::string_view tag : {std::string_view("<p>"), std::string_view("<vcount>"), std::string_view("<v>")}) {
        for (std::size_t at = text.find(tag); at != std::string_view::npos; at = text.find(tag, at + 1)) {
            const std::size_t begin = at + tag.size(), end = std::min(text.find('<', begin), text.size());
            for (std::size_t i = begin; i < end; ++i) {
                const unsigned char c = static_cast<unsigned char>(text[i]);
                // Only the spaces Assimp skips: a vertical tab or form feed stops it like a letter.
                if (!std::isdigit(c) && c != ' ' && c != '\t' && c != '\r' && c != '\n')
                    return makeError(name, "COLLADA " + std::string(tag) + " index list holds '" +
                                               (std::isprint(c) ? std::string(1, char(c)) : "\\x" + hexByte(c)) +
                                               "' at byte " + std::to_string(i));
            }
        }
    }
    return Ok{};
}

std::string formatName(const std::string& ext) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"gltf", "glTF 2.0"}, {"glb", "glTF 2.0 binary (GLB)"}, {"obj", "OBJ"}, {"fbx", "FBX"},
        {"dae", "COLLADA"}, {"stl", "STL"}, {"3ds", "3DS"}, {"off", "OFF"}, {"x", "DirectX X"}};
    for (const auto& [e, n] : kNames)
        if (ext == e) return n;
    std::string upper = ext;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    return upper + " (Assimp)";
}

glm::dmat4 toGlm(const aiMatrix4x4& m) {
    // aiMatrix4x4 is row-major (a1..a4 is the first row); glm is column-major.
    return glm::dmat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

class SceneConverter {
public:
    SceneConverter(const aiScene& scene, Model& model, TextureLibrary& textures, bool gltf)
        : scene_(scene), model_(model), textures_(textures), gltf_(gltf) {}

    void convert() {
        for (unsigned i = 0; i < scene_.mNumMaterials; ++i) model_.materials.push_back(convertMaterial(*scene_.mMaterials[i]));
        if (scene_.mRootNode) visit(*scene_.mRootNode, glm::dmat4(1.0), 0);
        model_.meshCount = scene_.mNumMeshes;
    }

private:
    void visit(const aiNode& node, const glm::dmat4& parent, int depth) {
        // Assimp validated the graph; the depth cap only guards the stack against absurd files.
        if (depth > 256) return;
        const glm::dmat4 world = parent * toGlm(node.mTransformation);
        for (unsigned i = 0; i < node.mNumMeshes; ++i)
            if (node.mMeshes[i] < scene_.mNumMeshes) addMesh(*scene_.mMeshes[node.mMeshes[i]], world);
        for (unsigned i = 0; i < node.mNumChildren; ++i) visit(*node.mChildren[i], world, depth + 1);
    }

    void addMesh(const aiMesh& mesh, const glm::dmat4& world) {
        Primitive p;
        if (mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) p.topology = Topology::Triangles;
        else if (mesh.mPrimitiveTypes & aiPrimitiveType_POINT) p.topology = Topology::Points;
        else return;  // Lines and anything else have no place in a scan viewer.
        p.meshName = mesh.mName.C_Str();
        p.material = mesh.mMaterialIndex;
        p.hasUVs = mesh.HasTextureCoords(0);
        p.hasVertexColors = mesh.HasVertexColors(0);
        const glm::dmat3 normalMatrix = glm::inverseTranspose(glm::dmat3(world));
        if (p.topology == Topology::Points) {
            // One vertex per point face: JoinIdenticalVertices merged duplicate points that the
            // source counts separately.
            for (unsigned f = 0; f < mesh.mNumFaces; ++f)
                if (mesh.mFaces[f].mNumIndices == 1 && mesh.mFaces[f].mIndices[0] < mesh.mNumVertices)
                    p.vertices.push_back(convertVertex(mesh, mesh.mFaces[f].mIndices[0], world, normalMatrix));
        } else {
            p.vertices.resize(mesh.mNumVertices);
            for (unsigned v = 0; v < mesh.mNumVertices; ++v) p.vertices[v] = convertVertex(mesh, v, world, normalMatrix);
            addTriangles(mesh, p, glm::determinant(glm::dmat3(world)) < 0);
        }
        model_.primitives.push_back(std::move(p));
    }

    Vertex convertVertex(const aiMesh& mesh, unsigned v, const glm::dmat4& world, const glm::dmat3& normalMatrix) const {
        Vertex out;
        const aiVector3D& pos = mesh.mVertices[v];
        out.position = glm::vec3(world * glm::dvec4(pos.x, pos.y, pos.z, 1.0));
        if (mesh.HasNormals()) {
            const aiVector3D& n = mesh.mNormals[v];
            glm::dvec3 normal = normalMatrix * glm::dvec3(n.x, n.y, n.z);
            double len = glm::length(normal);
            out.normal = len > 0 && std::isfinite(len) ? glm::vec3(normal / len) : glm::vec3(0);
        } else {
            out.normal = glm::vec3(0);
        }
        if (mesh.HasTextureCoords(0)) out.uv = {mesh.mTextureCoords[0][v].x, mesh.mTextureCoords[0][v].y};
        if (mesh.HasVertexColors(0)) {
            const aiColor4D& c = mesh.mColors[0][v];
            // glTF COLOR_0 is linear; other formats store display (sRGB) values as they are.
            glm::vec4 color(c.r, c.g, c.b, c.a);
            out.color = gltf_ ? linearToSrgb8(color) : unitToBytes(color);
        }
        return out;
    }

    static void addTriangles(const aiMesh& mesh, Primitive& p, bool mirrored) {
        p.indices.reserve(std::size_t(mesh.mNumFaces) * 3);
        for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
            const aiFace& face = mesh.mFaces[f];
            if (face.mNumIndices != 3) continue;
            // A mirroring transform turns the winding inside out; swap to keep faces outward.
            p.indices.insert(p.indices.end(), {face.mIndices[0], face.mIndices[mirrored ? 2 : 1], face.mIndices[mirrored ? 1 : 2]});
        }
    }

    int loadTexture(const aiMaterial& m, aiTextureType type, unsigned index, TextureUsage usage) {
        aiString path;
        if (m.GetTexture(type, index, &path) != AI_SUCCESS || path.length == 0) return -1;
        if (const aiTexture* embedded = scene_.GetEmbeddedTexture(path.C_Str())) return loadEmbedded(*embedded, path.C_Str(), usage);
        return textures_.fromFile(path.C_Str(), usage);
    }

    int loadEmbedded(const aiTexture& t, const std::string& reference, TextureUsage usage) {
        const std::string key = "embedded:" + reference;
        if (t.mHeight == 0)  // Compressed (PNG/JPEG...): mWidth is the byte count.
            return textures_.fromEncoded(key, {reinterpret_cast<const std::uint8_t*>(t.pcData), t.mWidth}, usage);
        std::vector<std::uint8_t> rgba(std::size_t(t.mWidth) * t.mHeight * 4);
        for (std::size_t i = 0; i < std::size_t(t.mWidth) * t.mHeight; ++i) {
            const aiTexel& texel = t.pcData[i];
            rgba[i * 4 + 0] = texel.r;
            rgba[i * 4 + 1] = texel.g;
            rgba[i * 4 + 2] = texel.b;
            rgba[i * 4 + 3] = texel.a;
        }
        return textures_.fromRgba(key, t.mWidth, t.mHeight, rgba, usage);
    }

    Material convertMaterial(const aiMaterial& m) {
        Material out;
        out.name = m.GetName().C_Str();
        aiColor4D color;
        if (m.Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS || m.Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS)
            out.baseColorFactor = {color.r, color.g, color.b, color.a};
        float opacity = 1.0f;
        if (!gltf_ && m.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) out.baseColorFactor.a = opacity;
        // Not a PBR source: a dull dielectric looks right for scans and old formats alike.
        out.metallicFactor = 0.0f;
        out.roughnessFactor = 0.8f;
        m.Get(AI_MATKEY_METALLIC_FACTOR, out.metallicFactor);
        m.Get(AI_MATKEY_ROUGHNESS_FACTOR, out.roughnessFactor);
        aiColor3D emissive(0, 0, 0);
        if (m.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS) out.emissiveFactor = {emissive.r, emissive.g, emissive.b};
        out.baseColorTexture = loadTexture(m, aiTextureType_BASE_COLOR, 0, TextureUsage::Color);
        if (out.baseColorTexture < 0) out.baseColorTexture = loadTexture(m, aiTextureType_DIFFUSE, 0, TextureUsage::Color);
        out.emissiveTexture = loadTexture(m, aiTextureType_EMISSIVE, 0, TextureUsage::Color);
        if (gltf_) convertGltfExtras(m, out);
        else if (out.baseColorFactor.a < 1.0f) out.alphaMode = AlphaMode::Blend;
        if (!gltf_ && isPlaceholderBlack(out)) {
            // FBX/OBJ exports whose real material lives elsewhere (a game engine, a separate
            // texture set) often carry a pure-black diffuse. No scan is meant to be black; show it
            // in a neutral clay grey so its shape can be seen.
            out.baseColorFactor = glm::vec4(0.7f, 0.7f, 0.7f, out.baseColorFactor.a);
        }
        return out;
    }

    static bool isPlaceholderBlack(const Material& m) {
        return m.baseColorTexture < 0 && m.emissiveTexture < 0 && glm::vec3(m.baseColorFactor) == glm::vec3(0.0f) &&
               m.emissiveFactor == glm::vec3(0.0f);
    }

    // Assimp 5.2 keeps glTF's metallic-roughness texture as UNKNOWN #0 and the alpha mode as
    // a string; doubleSided is present only when true.
    void convertGltfExtras(const aiMaterial& m, Material& out) {
        out.metallicFactor = 1.0f;
        out.roughnessFactor = 1.0f;  // glTF defaults, overridden when the file says so.
        m.Get(AI_MATKEY_METALLIC_FACTOR, out.metallicFactor);
        m.Get(AI_MATKEY_ROUGHNESS_FACTOR, out.roughnessFactor);
        out.metallicRoughnessTexture = loadTexture(m, AI_MATKEY_GLTF_PBRMETALLICROUGHNESS_METALLICROUGHNESS_TEXTURE, TextureUsage::Linear);
        aiString mode;
        if (m.Get(AI_MATKEY_GLTF_ALPHAMODE, mode) == AI_SUCCESS) {
            const std::string text = mode.C_Str();
            out.alphaMode = text == "MASK" ? AlphaMode::Mask : text == "BLEND" ? AlphaMode::Blend : AlphaMode::Opaque;
        }
        m.Get(AI_MATKEY_GLTF_ALPHACUTOFF, out.alphaCutoff);
        int twoSided = 0;
        out.doubleSided = m.Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS && twoSided != 0;
    }

    const aiScene& scene_;
    Model& model_;
    TextureLibrary& textures_;
    bool gltf_;
};

}  // namespace

Expected<Model> importWithAssimp(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions& options) {
    const std::string name = path.string();
    const std::string ext = lowerExtension(path);
    if (ext == "off")
        if (auto ok = checkOffCounts(name, bytes); !ok) return ok.error();
    if (ext == "dae")
        if (auto ok = checkColladaCounts(name, bytes); !ok) return ok.error();
    installAssimpLogger();
    Assimp::Importer importer;
    // Assimp reads OBJ coordinates into floats: far from zero (projected, earth-centred) they are
    // re-expressed relative to an origin, in double, before it sees them.
    const std::optional<RecentredObj> recentred = ext == "obj" ? recentreObjVertices(bytes) : std::nullopt;
    if (recentred) importer.SetIOHandler(serveRecentredObj(name, *recentred));
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_LINE);
    // FlipUVs gives every format glTF's convention: v=0 is the first (top) row of the image.
    const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
                           aiProcess_SortByPType | aiProcess_ValidateDataStructure |
                           aiProcess_FlipUVs;
    const aiScene* scene = importer.ReadFile(name, flags);
    if (!scene) return makeError(name, std::string("cannot import: ") + importer.GetErrorString());
    Model model;
    model.sourcePath = name;
    model.format = formatName(ext);
    if (recentred) model.frame.origin = recentred->origin;
    TextureLibrary textures(model, path.parent_path(), options);
    SceneConverter(*scene, model, textures, ext == "gltf" || ext == "glb").convert();
    textures.finish();
    return model;
}

}  // namespace axis::detail
