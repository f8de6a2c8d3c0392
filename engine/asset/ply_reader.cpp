// PLY reader for every PLY we meet: ascii and both binary byte orders, any property types and
// order, faces (polygons, fanned), triangle strips with -1 restarts (which Assimp 5.2 cannot
// read), point clouds, and headers that lie about counts (an error, never a huge allocation).
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "asset/import_internal.h"
#include "asset/ply_format.h"
#include "core/log.h"

namespace axis::detail {
namespace {

// Reads one value at a time from the body, whatever the encoding; never past the end.
class PlyValueStream {
public:
    PlyValueStream(std::span<const std::uint8_t> bytes, std::size_t offset, PlyEncoding encoding)
        : bytes_(bytes), pos_(offset), encoding_(encoding) {}

    bool read(PlyType type, double& out) { return encoding_ == PlyEncoding::Ascii ? readText(out) : readBinary(type, out); }
    std::size_t remaining() const { return bytes_.size() - pos_; }
    bool binary() const { return encoding_ != PlyEncoding::Ascii; }
    void skip(std::size_t n) { pos_ += std::min(n, remaining()); }
    bool sawGarbage() const { return garbage_; }

private:
    bool readText(double& out) {
        auto isSpace = [](std::uint8_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
        while (pos_ < bytes_.size() && isSpace(bytes_[pos_])) ++pos_;
        std::size_t end = pos_;
        while (end < bytes_.size() && !isSpace(bytes_[end])) ++end;
        if (end == pos_) return false;
        const char* first = reinterpret_cast<const char*>(bytes_.data()) + pos_;
        const char* last = reinterpret_cast<const char*>(bytes_.data()) + end;
        if (*first == '+') ++first;
        auto [ptr, ec] = std::from_chars(first, last, out);
        pos_ = end;
        if (ec != std::errc() || ptr != last) garbage_ = true;
        return !garbage_;
    }

    template <class T>
    T load() {
        T v;
        std::memcpy(&v, bytes_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        if (encoding_ == PlyEncoding::BinaryBigEndian) {
            auto* b = reinterpret_cast<std::uint8_t*>(&v);
            std::reverse(b, b + sizeof(T));
        }
        return v;
    }

    bool readBinary(PlyType type, double& out) {
        if (remaining() < plySizeOf(type)) return false;
        switch (type) {
            case PlyType::Int8: out = load<std::int8_t>(); break;
            case PlyType::UInt8: out = load<std::uint8_t>(); break;
            case PlyType::Int16: out = load<std::int16_t>(); break;
            case PlyType::UInt16: out = load<std::uint16_t>(); break;
            case PlyType::Int32: out = load<std::int32_t>(); break;
            case PlyType::UInt32: out = load<std::uint32_t>(); break;
            case PlyType::Float32: out = load<float>(); break;
            case PlyType::Float64: out = load<double>(); break;
        }
        return true;
    }

    std::span<const std::uint8_t> bytes_;
    std::size_t pos_;
    PlyEncoding encoding_;
    bool garbage_ = false;
};

// Where each vertex property goes: slots 0-2 position, 3-5 normal, 6-9 colour, 10-11 uv.
enum Slot { kX = 0, kNx = 3, kRed = 6, kAlpha = 9, kU = 10, kV = 11, kSlots = 12 };

int slotOf(const std::string& n) {
    static const std::pair<const char*, int> kNames[] = {
        {"x", 0}, {"y", 1}, {"z", 2}, {"nx", 3}, {"ny", 4}, {"nz", 5},
        {"red", 6}, {"green", 7}, {"blue", 8}, {"alpha", 9}, {"r", 6}, {"g", 7}, {"b", 8}, {"a", 9},
        {"diffuse_red", 6}, {"diffuse_green", 7}, {"diffuse_blue", 8}, {"diffuse_alpha", 9},
        {"u", 10}, {"v", 11}, {"s", 10}, {"t", 11}, {"texture_u", 10}, {"texture_v", 11},
        {"texture_s", 10}, {"texture_t", 11}};
    for (const auto& [name, slot] : kNames)
        if (n == name) return slot;
    return -1;
}

struct PlyMesh {
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices;
    bool hasFaces = false, hasNormals = false, hasColors = false, hasUVs = false;
    glm::dvec3 origin{0.0};  ///< Positions are relative to it (SourceFrame).
};

std::string plural(const PlyElement& e) {
    if (e.name == "vertex") return "vertices";
    if (e.name == "face") return "faces";
    return "'" + e.name + "' records";
}

// Smallest encoded size of one record, to bound reservations by what the file can hold.
std::size_t minRecordBytes(const PlyElement& e, bool binary) {
    std::size_t n = 0;
    for (const auto& p : e.properties) n += binary ? plySizeOf(p.isList ? p.countType : p.type) : 2;
    return std::max<std::size_t>(n, 1);
}

class PlyBodyReader {
public:
    PlyBodyReader(const std::string& name, PlyValueStream& in) : name_(name), in_(in) {}

    Expected<PlyMesh> read(const PlyHeader& header) {
        for (const auto& e : header.elements) {
            // Records without properties take no bytes: nothing to read, however many are declared
            // (found by fuzz_import_ply: 4e18 empty records took forever to "skip").
            if (e.properties.empty()) continue;
            const bool ok = e.name == "vertex" ? readVertices(e)
                            : (e.name == "face" || e.name == "tristrips") ? readFaces(e)
                                                                            : skipElement(e);
            if (!ok) return error_;
        }
        if (!sawVertexElement_) return makeError(name_, "PLY has no vertex element");
        if (!validateIndices()) return error_;
        return std::move(mesh_);
    }

private:
    bool fail(const std::string& problem) {
        error_ = makeError(name_, problem);
        return false;
    }

    bool truncated(const PlyElement& e, std::uint64_t done) {
        if (in_.sawGarbage()) return fail("PLY " + e.name + " " + std::to_string(done) + " holds a value that is not a number");
        return fail("header declares " + std::to_string(e.count) + " " + plural(e) + " but the file ends after " +
                    std::to_string(done));
    }

    std::uint64_t reservable(const PlyElement& e) const {
        return std::min<std::uint64_t>(e.count, in_.remaining() / minRecordBytes(e, in_.binary()));
    }

    bool skipList(const PlyProperty& p) {
        double count;
        if (!in_.read(p.countType, count) || !(count >= 0)) return false;  // NaN too.
        if (in_.binary()) {
            const double bytes = count * double(plySizeOf(p.type));
            if (bytes > double(in_.remaining())) return false;
            in_.skip(static_cast<std::size_t>(bytes));
            return true;
        }
        if (count > double(in_.remaining())) return false;  // Each value takes a byte at least.
        double unused;
        for (std::uint64_t i = 0; i < std::uint64_t(count); ++i)
            if (!in_.read(p.type, unused)) return false;
        return true;
    }

    bool readVertices(const PlyElement& e) {
        sawVertexElement_ = true;
        vertexCount_ = e.count;
        std::vector<int> slots;
        std::vector<double> colorScale;
        bool present[kSlots] = {};
        for (const auto& p : e.properties) {
            int slot = p.isList ? -1 : slotOf(p.name);
            slots.push_back(slot);
            // Float colours are 0..1; 16-bit ones 0..65535; both become 0..255 sRGB like uchar.
            colorScale.push_back(plyIsFloat(p.type) ? 255.0 : plySizeOf(p.type) == 2 ? 1.0 / 257.0 : 1.0);
            if (slot >= 0) present[slot] = true;
        }
        if (!present[0] || !present[1] || !present[2]) return fail("PLY vertex element lacks x, y or z");
        mesh_.hasNormals = present[kNx] && present[kNx + 1] && present[kNx + 2];
        mesh_.hasColors = present[kRed] || present[kRed + 1] || present[kRed + 2];
        mesh_.hasUVs = present[kU] && present[kV];
        mesh_.vertices.reserve(reservable(e));
        double values[kSlots];
        for (std::uint64_t i = 0; i < e.count; ++i) {
            std::fill(std::begin(values), std::end(values), 0.0);
            values[kRed] = values[kRed + 1] = values[kRed + 2] = values[kAlpha] = 255.0;
            for (std::size_t k = 0; k < e.properties.size(); ++k) {
                const auto& p = e.properties[k];
                double v;
                if (p.isList ? !skipList(p) : !in_.read(p.type, v)) return truncated(e, i);
                if (slots[k] < 0) continue;
                values[slots[k]] = (slots[k] >= kRed && slots[k] <= kAlpha) ? v * colorScale[k] : v;
            }
            if (i == 0) mesh_.origin = originFor(glm::dvec3(values[0], values[1], values[2]));
            mesh_.vertices.push_back(makeVertex(values, mesh_.origin));
        }
        return true;
    }

    static Vertex makeVertex(const double* v, const glm::dvec3& origin) {
        auto finite = [](double d) { return std::isfinite(d) ? float(d) : 0.0f; };
        auto channel = [](double c) { return unitToByte(float(c / 255.0)); };
        Vertex out;
        out.position = {finite(v[0] - origin.x), finite(v[1] - origin.y), finite(v[2] - origin.z)};
        out.normal = {finite(v[3]), finite(v[4]), finite(v[5])};
        out.color = {channel(v[6]), channel(v[7]), channel(v[8]), channel(v[9])};
        // PLY texture coordinates put v=0 at the image bottom (as OBJ); ours follow glTF.
        out.uv = {finite(v[10]), 1.0f - finite(v[11])};
        return out;
    }

    static int indexListOf(const PlyElement& e) {
        for (std::size_t k = 0; k < e.properties.size(); ++k)
            if (e.properties[k].isList && (e.properties[k].name == "vertex_indices" || e.properties[k].name == "vertex_index"))
                return int(k);
        for (std::size_t k = 0; k < e.properties.size(); ++k)
            if (e.properties[k].isList && !plyIsFloat(e.properties[k].type)) return int(k);
        return -1;
    }

    bool readFaces(const PlyElement& e) {
        const int listIndex = indexListOf(e);
        if (listIndex < 0) return skipElement(e);
        const bool strips = e.name == "tristrips";
        mesh_.hasFaces = mesh_.hasFaces || e.count > 0;
        mesh_.indices.reserve(mesh_.indices.size() + reservable(e) * 3);
        std::vector<std::int64_t> list;
        for (std::uint64_t i = 0; i < e.count; ++i) {
            for (std::size_t k = 0; k < e.properties.size(); ++k) {
                const auto& p = e.properties[k];
                if (int(k) != listIndex) {
                    double unused;
                    if (p.isList ? !skipList(p) : !in_.read(p.type, unused)) return truncated(e, i);
                } else if (!readIndexList(p, list)) {
                    return truncated(e, i);
                }
            }
            strips ? appendStrip(list) : appendPolygon(list);
        }
        return true;
    }

    bool readIndexList(const PlyProperty& p, std::vector<std::int64_t>& list) {
        double count;
        if (!in_.read(p.countType, count) || !(count >= 0)) return false;  // NaN too.
        const std::size_t minBytes = in_.binary() ? plySizeOf(p.type) : 2;
        if (count * double(minBytes) > double(in_.remaining()) + 1) return false;
        list.resize(static_cast<std::size_t>(count));
        for (auto& index : list) {
            double v;
            if (!in_.read(p.type, v)) return false;
            // Float or absurd ASCII indices: anything outside uint32 (NaN too) is simply out of range.
            index = v >= -1.0 && v < 4294967296.0 ? static_cast<std::int64_t>(v) : std::numeric_limits<std::int64_t>::max();
        }
        return true;
    }

    void appendPolygon(const std::vector<std::int64_t>& list) {
        for (std::size_t k = 2; k < list.size(); ++k) appendTriangle(list[0], list[k - 1], list[k]);
    }

    // A strip's triangles alternate winding; -1 starts a new strip.
    void appendStrip(const std::vector<std::int64_t>& list) {
        std::size_t start = 0;
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (list[k] < 0) {
                start = k + 1;
                continue;
            }
            if (k < start + 2) continue;
            std::int64_t a = list[k - 2], b = list[k - 1], c = list[k];
            if (a == b || b == c || a == c) continue;  // Degenerate joins between sub-strips.
            ((k - start) % 2 == 0) ? appendTriangle(a, b, c) : appendTriangle(b, a, c);
        }
    }

    void appendTriangle(std::int64_t a, std::int64_t b, std::int64_t c) {
        for (std::int64_t v : {a, b, c})
            if (v < 0 || std::uint64_t(v) >= vertexCount_) {
                if (!hasBadIndex_) badIndex_ = v;  // Report the first; the file is rejected anyway.
                hasBadIndex_ = true;
                return;
            }
        mesh_.indices.insert(mesh_.indices.end(), {std::uint32_t(a), std::uint32_t(b), std::uint32_t(c)});
    }

    bool validateIndices() {
        if (!hasBadIndex_) return true;
        return fail("a face refers to vertex " + std::to_string(badIndex_) + " but the file has only " +
                    std::to_string(vertexCount_) + " vertices");
    }

    bool skipElement(const PlyElement& e) {
        bool fixed = in_.binary() && std::none_of(e.properties.begin(), e.properties.end(), [](auto& p) { return p.isList; });
        if (fixed) {
            const std::uint64_t stride = minRecordBytes(e, true);
            if (e.count > in_.remaining() / stride) return truncated(e, in_.remaining() / stride);
            in_.skip(e.count * stride);
            return true;
        }
        for (std::uint64_t i = 0; i < e.count; ++i)
            for (const auto& p : e.properties) {
                double unused;
                if (p.isList ? !skipList(p) : !in_.read(p.type, unused)) return truncated(e, i);
            }
        return true;
    }

    const std::string& name_;
    PlyValueStream& in_;
    PlyMesh mesh_;
    Error error_;
    bool sawVertexElement_ = false;
    std::uint64_t vertexCount_ = 0;
    bool hasBadIndex_ = false;
    std::int64_t badIndex_ = 0;
};

std::string formatName(PlyEncoding encoding) {
    switch (encoding) {
        case PlyEncoding::Ascii: return "PLY ascii";
        case PlyEncoding::BinaryLittleEndian: return "PLY binary little-endian";
        case PlyEncoding::BinaryBigEndian: return "PLY binary big-endian";
    }
    return "PLY";
}

// MeshLab and many photogrammetry tools name the texture in a "comment TextureFile NAME" line.
// MeshLab and everything else built on VCGLIB write "comment VCGLIB generated"; they keep y up.
bool writtenByVcg(const PlyHeader& header) {
    return std::any_of(header.comments.begin(), header.comments.end(),
                       [](const std::string& c) { return c.find("VCGLIB") != std::string::npos; });
}

std::string textureFileComment(const PlyHeader& header) {
    for (const auto& c : header.comments)
        if (c.rfind("TextureFile ", 0) == 0) return c.substr(12);
    return {};
}

}  // namespace

Expected<Model> readPly(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                        const ImportOptions& options) {
    const std::string name = path.string();
    auto header = parsePlyHeader(bytes, name);
    if (!header) return header.error();
    PlyValueStream stream(bytes, header->bodyOffset, header->encoding);
    auto mesh = PlyBodyReader(name, stream).read(*header);
    if (!mesh) return mesh.error();

    Model model;
    model.sourcePath = name;
    model.format = formatName(header->encoding);
    model.meshCount = 1;
    model.frame.origin = mesh->origin;
    if (writtenByVcg(*header)) {
        model.up = UpAxis::Y;
        model.frame.upRule = "written by VCGLIB (MeshLab), which keeps y up";
    }
    Primitive primitive;
    primitive.topology = mesh->hasFaces ? Topology::Triangles : Topology::Points;
    primitive.vertices = std::move(mesh->vertices);
    primitive.indices = std::move(mesh->indices);
    primitive.hasVertexColors = mesh->hasColors;
    primitive.hasUVs = mesh->hasUVs;
    primitive.meshName = path.stem().string();
    if (primitive.topology == Topology::Triangles && !mesh->hasNormals) computeSmoothNormals(primitive);
    if (primitive.topology == Topology::Points && !mesh->hasNormals)
        for (auto& v : primitive.vertices) v.normal = glm::vec3(0);
    model.primitives.push_back(std::move(primitive));

    ensureMaterials(model);
    if (const std::string texture = textureFileComment(*header); !texture.empty() && mesh->hasUVs) {
        TextureLibrary library(model, path.parent_path(), options);
        model.materials[0].baseColorTexture = library.fromFile(texture, TextureUsage::Color);
        library.finish();
    }
    return model;
}

}  // namespace axis::detail
