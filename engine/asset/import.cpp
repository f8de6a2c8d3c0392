#include "asset/import.h"

#include <algorithm>
#include <cstdio>
#include <new>
#include <set>
#include <sstream>
#include <system_error>

#include "asset/import_internal.h"
#include "asset/up_axis.h"
#include "core/file_io.h"
#include "core/log.h"
#include "geo/geodesy.h"

namespace axis {
namespace fs = std::filesystem;

namespace {

// Checked before anything is read so that the common mistakes get plain messages.
Status checkInputFile(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) return makeError(name, "file not found");
    if (fs::is_directory(status)) return makeError(name, "is a folder, not a model file");
    if (!fs::is_regular_file(status)) return makeError(name, "not a regular file");
    const auto size = fs::file_size(path, ec);
    if (ec) return makeError(name, "cannot read size: " + ec.message());
    if (size == 0) return makeError(name, "empty file");
    return Ok{};
}

// Assimp picks a reader by content when the extension is unknown to it: a glTF file under
// another name would then skip our glTF checks.
bool looksLikeGltf(std::span<const std::uint8_t> bytes) {
    static constexpr std::string_view kMagic = "glTF";
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), std::min<std::size_t>(bytes.size(), 4096));
    if (text.substr(0, 4) == kMagic) return true;
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return first != std::string_view::npos && text[first] == '{' && text.find("\"asset\"") != std::string_view::npos;
}

Expected<Model> readByFormat(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions& options) {
    const std::string ext = lowerExtension(path);
    // 3D Tiles contents go by their magic whatever their name (a GLB named .b3dm included).
    if (detail::isTileContent(ext, bytes)) return detail::readTile(path, bytes, options);
    if (ext != "gltf" && ext != "glb" && looksLikeGltf(bytes))
        return makeError(path.string(), "looks like glTF: name it .gltf (JSON) or .glb (binary) to open it");
    if (ext == "ply") return detail::readPly(path, bytes, options);
    if (ext == "las" || ext == "laz") return detail::readLas(path, bytes, options);
    if (ext == "gltf" || ext == "glb") {
        auto check = detail::validateGltf(path, bytes);
        if (!check) return check.error();
        if (check->needsOwnReader) return detail::readGltf(path, bytes, options);
    }
    return detail::importWithAssimp(path, bytes, options);
}

// Readers must not throw, but Assimp and the standard library can (bad_alloc on a hostile
// file): whatever escapes becomes an error naming the file instead of ending the program.
Expected<Model> readGuarded(const fs::path& path, std::span<const std::uint8_t> bytes, const ImportOptions& options) {
    try {
        return readByFormat(path, bytes, options);
    } catch (const std::bad_alloc&) {
        return makeError(path.string(), "out of memory while reading (corrupt counts?)");
    } catch (const std::exception& e) {
        return makeError(path.string(), std::string("cannot read: ") + e.what());
    } catch (...) {
        return makeError(path.string(), "cannot read: unknown failure");
    }
}

// Earth-centred positions turned into the east-north-up frame at the origin, so that the model is
// stored upright (its bake, LOD and picking see the same axes as for the same scan at the origin).
void turnEastNorthUp(Model& model) {
    auto at = geo::geodeticFromEcef(model.frame.origin);
    if (!at) {
        logWarn(model.sourcePath + ": earth-centred coordinates kept unturned: " + at.error().message);
        return;
    }
    const glm::dmat3 turn = geo::enuFromEcef(*at);
    for (Primitive& p : model.primitives)
        for (Vertex& v : p.vertices) {
            v.position = glm::vec3(turn * glm::dvec3(v.position));
            v.normal = glm::vec3(turn * glm::dvec3(v.normal));
        }
    model.computeBounds();
    model.frame.earthCentred = true;
    model.up = UpAxis::Z;
    char rule[160];
    std::snprintf(rule, sizeof rule, "earth-centred coordinates, turned east-north-up at lat %.6f, lon %.6f",
                  at->latitude, at->longitude);
    model.frame.upRule = rule;
}

// A reader that kept an origin (large coordinates) stored positions relative to its first one:
// move the origin to the centroid of the vertices (which a rotation keeps, unlike a box's
// centre), so that the model's own coordinates are small and centred, and recognise
// earth-centred coordinates by their distance from the earth's centre (within 20 km of its
// surface, radius 6,357-6,378 km, for a model under 100 km): projected eastings and northings
// with heights near zero never come that close.
// glTF keeps y up in its own axes, so its coordinates are never earth-centred as they stand;
// 3D Tiles content stays in its tileset's frame too, which the tileset's transforms place.
void placeSourceFrame(Model& model, bool keepAxes) {
    if (model.frame.origin == glm::dvec3(0.0)) return;
    glm::dvec3 sum(0.0);
    std::uint64_t count = 0;
    for (const Primitive& p : model.primitives)
        for (const Vertex& v : p.vertices) sum += glm::dvec3(v.position), ++count;
    const glm::dvec3 centroid = count ? sum / double(count) : glm::dvec3(0.0);
    for (Primitive& p : model.primitives)
        for (Vertex& v : p.vertices) v.position = glm::vec3(glm::dvec3(v.position) - centroid);
    model.frame.origin += centroid;
    model.computeBounds();
    const double radius = glm::length(model.frame.origin);
    const glm::dvec3 size = model.bounds.size();
    if (!keepAxes && radius > 6337e3 && radius < 6398e3 && std::max({size.x, size.y, size.z}) < 100e3)
        turnEastNorthUp(model);
}

// Earth-centred coordinates have only one up. Otherwise an override wins, then the writer's
// convention when the reader knows it (MeshLab's PLY). glTF, FBX, COLLADA, 3DS... arrive y-up
// from Assimp. Formats without a convention are guessed from their geometry; STL comes from CAD
// and 3D printing, which are mostly z-up.
UpGuess chooseUpAxis(const fs::path& path, const Model& model, const ImportOptions& options) {
    if (model.frame.earthCentred || (!options.up && !model.frame.upRule.empty())) return {model.up, model.frame.upRule};
    if (options.up) return {*options.up, "set by the user or the site"};
    const std::string ext = lowerExtension(path);
    if (ext == "stl") return explainUpAxis(model, UpAxis::Z);
    if (ext == "las" || ext == "laz") return {UpAxis::Z, "LAS coordinates are easting, northing, height (z up)"};
    static const std::set<std::string> kNoConvention = {"ply", "obj", "off", "xyz", "pcd", "asc"};
    if (kNoConvention.count(ext)) return explainUpAxis(model, UpAxis::Y);
    return {UpAxis::Y, "the format's convention (y up)"};
}

}  // namespace

Expected<Model> importModel(const fs::path& path, const ImportOptions& options, const Progress& progress) {
    const std::string name = path.string();
    if (auto ok = checkInputFile(path); !ok) return ok.error();
    auto file = MappedFile::open(path);
    if (!file) return file.error();
    progress.report("reading " + path.filename().string(), 0.0);
    auto model = readGuarded(path, file->bytes(), options);
    if (!model) return model.error();
    model->sourcePath = name;
    detail::ensureMaterials(*model);
    model->computeBounds();
    if (model->vertexCount() == 0 || model->bounds.empty())
        return makeError(name, "no geometry: the file holds no triangles or points");
    const std::string ext = lowerExtension(path);
    placeSourceFrame(*model, ext == "gltf" || ext == "glb" || detail::isTileContent(ext, file->bytes()));
    const UpGuess up = chooseUpAxis(path, *model, options);
    model->up = up.up;
    model->frame.upRule = up.rule;
    progress.report("reading " + path.filename().string(), 1.0);
    return model;
}

std::string describeModel(const Model& model) {
    // Source coordinates: the origin added back, as many digits as a georeferenced one needs.
    auto vec = [](const glm::dvec3& v) {
        char text[128];
        std::snprintf(text, sizeof text, "%.10g %.10g %.10g", v.x, v.y, v.z);
        return std::string(text);
    };
    // Earth-centred models are stored east-north-up about their origin: their bounds stay so.
    const glm::dvec3 origin = model.frame.earthCentred ? glm::dvec3(0.0) : model.frame.origin;
    std::size_t fallbacks = 0;
    for (const auto& t : model.textures) fallbacks += t.isFallback;
    std::ostringstream out;
    out << "file: " << model.sourcePath << "\n"
        << "format: " << model.format << "\n"
        << "up axis: " << (model.up == UpAxis::Y ? "y" : "z")
        << (model.frame.upRule.empty() ? "" : " (" + model.frame.upRule + ")") << "\n"
        << "meshes: " << model.meshCount << "\n"
        << "primitives: " << model.primitives.size() << "\n"
        << "triangles: " << model.triangleCount() << "\n"
        << "points: " << model.pointCount() << "\n"
        << "vertices: " << model.vertexCount() << "\n"
        << "materials: " << model.materials.size() << "\n"
        << "textures: " << model.textures.size() << " (" << fallbacks << " missing, shown as a checkerboard)\n"
        << "bounds min: " << vec(origin + (model.bounds.empty() ? glm::dvec3(0) : model.bounds.min)) << "\n"
        << "bounds max: " << vec(origin + (model.bounds.empty() ? glm::dvec3(0) : model.bounds.max)) << "\n"
        << "bounds size: " << vec(model.bounds.size()) << "\n";
    if (model.frame.origin != glm::dvec3(0.0))
        out << "origin: " << vec(model.frame.origin) << " (positions are kept relative to it, in double)\n";
    if (model.frame.earthCentred)
        out << "coordinates: earth-centred (ECEF, EPSG:4978); bounds are east-north-up metres about the origin\n";
    return out.str();
}

}  // namespace axis
