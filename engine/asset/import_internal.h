#pragma once
// Internal to engine/asset: the readers behind importModel() and what they share.
// Not part of the public interface; tests may include it to reach the pieces directly.
#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <memory>
#include <semaphore>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "asset/import.h"
#include "scene/model.h"

namespace Assimp {
class IOSystem;
}

namespace axis::detail {

/// Adds textures to a model on demand, decoding each (file, usage) once, and turning a missing
/// or broken image into one warning plus a fallback checkerboard. Images decode on worker threads
/// (as many at once as the machine has cores) while the reader goes on; finish() waits for them
/// and puts them in place. Holds a reference to `model`: call finish() before the model moves.
class TextureLibrary {
public:
    TextureLibrary(Model& model, std::filesystem::path modelFolder, const ImportOptions& options);
    /// Waits for decodes still running (their results are dropped: call finish() to keep them).
    ~TextureLibrary();
    TextureLibrary(const TextureLibrary&) = delete;
    TextureLibrary& operator=(const TextureLibrary&) = delete;

    /// Waits for every decode and stores it at its index (or a fallback, with one warning).
    void finish();

    /// `reference` as written in the model file (relative, Windows, URL-encoded...). Returns an
    /// index into Model::textures, or -1 when texture loading is disabled.
    int fromFile(const std::string& reference, TextureUsage usage);
    /// Encoded image bytes held inside the model file; `key` names it in messages and the cache.
    int fromEncoded(const std::string& key, std::span<const std::uint8_t> encoded, TextureUsage usage);
    /// Already decoded RGBA8 texels (Assimp's raw embedded textures).
    int fromRgba(const std::string& key, std::uint32_t width, std::uint32_t height,
                 std::span<const std::uint8_t> rgba, TextureUsage usage);
    /// An image we cannot decode (a KTX2 texture with no JPEG or PNG beside it): the fallback
    /// checkerboard and one warning saying `why`, once per `key`; -1 when textures are off.
    int undecodable(const std::string& key, const std::string& why, TextureUsage usage);

private:
    struct Pending {
        int index = -1;
        std::string name;
        TextureUsage usage = TextureUsage::Color;
        std::future<Expected<Texture>> texture;
    };
    int add(Texture texture);
    int fallback(const std::string& name, const std::string& why, TextureUsage usage);
    Texture fallbackTexture(const std::string& name, const std::string& why, TextureUsage usage) const;
    /// Decodes `file`, or else `encoded` (which must outlive finish()), on a worker; returns the
    /// index the texture will have.
    int decodeLater(std::filesystem::path file, std::span<const std::uint8_t> encoded, const std::string& name,
                    TextureUsage usage);

    Model& model_;
    std::filesystem::path folder_;
    bool enabled_;
    std::uint32_t decodedSide_;
    std::map<std::pair<std::string, TextureUsage>, int> cache_;
    std::vector<Pending> pending_;
    std::shared_ptr<std::counting_semaphore<>> slots_;  ///< Decodes running at once.
};

/// Finds the file a model refers to: backslashes, "./", URL escapes (%20), absolute paths from
/// another machine (only the file name is kept) and case differences are all tolerated.
/// Returns an empty path when nothing matches.
std::filesystem::path resolveReferencedFile(const std::filesystem::path& folder, const std::string& reference);

/// The origin a reader stores positions relative to (SourceFrame::origin), from the first
/// position it reads: zero while floats hold coordinates to a millimetre (within 10 km of zero),
/// else that position rounded to the metre. importModel then moves it to the bounds' centre.
glm::dvec3 originFor(const glm::dvec3& first);

/// A point of a z-up frame (a 3D Tiles tileset's: CESIUM_RTC, RTC_CENTER) in the y-up axes of
/// the glTF it places, so that upAxisToZUp(UpAxis::Y) turns it back: (x, y, z) -> (x, z, -y).
glm::dvec3 yUpFromZUp(const glm::dvec3& zUp);

/// An OBJ's text with every vertex position re-expressed relative to `origin` (originFor its
/// first vertex), in double before Assimp, which reads OBJ numbers into floats, sees them.
struct RecentredObj {
    std::string text;
    glm::dvec3 origin{0.0};
};
/// Nothing when the coordinates are near enough zero for floats.
std::optional<RecentredObj> recentreObjVertices(std::span<const std::uint8_t> bytes);
/// An Assimp file system serving `obj`'s text for `path` (Importer::SetIOHandler takes it); `obj`
/// must outlive the import.
Assimp::IOSystem* serveRecentredObj(const std::string& path, const RecentredObj& obj);

/// Area-weighted smooth vertex normals from the triangle list; vertices in no triangle get (0,0,0).
void computeSmoothNormals(Primitive& primitive);

/// A 0..1 value as a rounded byte; below 0 and NaN (which a file may spell "nan") give 0.
std::uint8_t unitToByte(float value);
glm::u8vec4 unitToBytes(const glm::vec4& value);

/// Linear RGBA (0..1) to the sRGB-encoded 8-bit colour a Vertex stores (alpha stays linear).
glm::u8vec4 linearToSrgb8(const glm::vec4& linear);

/// Adds a default material when the model has none and clamps out-of-range material indices.
void ensureMaterials(Model& model);

/// Readers. `bytes` is the whole file; each returns a Model with primitives, materials,
/// textures, format and meshCount filled; importModel() finishes bounds and the up axis.
Expected<Model> readPly(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                        const ImportOptions& options);
/// LAS 1.0-1.4 point clouds (las_reader.cpp); LAZ is refused with a message saying why.
Expected<Model> readLas(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                        const ImportOptions& options);
Expected<Model> readGltf(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                                  const ImportOptions& options);
/// OGC 3D Tiles 1.0 tile contents (tile_formats.cpp). Batched models (b3dm, legacy headers
/// too) hold a GLB read by readGltf (y-up; RTC_CENTER joins the source origin); point clouds
/// (pnts) are z-up; composites (cmpt) merge their inner tiles; instanced models (i3dm) and
/// Draco-compressed point clouds are refused. Every table length is checked against the file.
/// A tile extension (b3dm, pnts, i3dm, cmpt) or one of their magics.
bool isTileContent(const std::string& lowerExtension, std::span<const std::uint8_t> bytes);
/// Any tile content, by its magic (a GLB named like a tile is read as glTF).
Expected<Model> readTile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                         const ImportOptions& options);
Expected<Model> readB3dm(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                         const ImportOptions& options);
Expected<Model> readPnts(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                         const ImportOptions& options);
Expected<Model> readCmpt(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                         const ImportOptions& options);
Expected<Model> importWithAssimp(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                                 const ImportOptions& options);

/// What validateGltf() found besides errors.
struct GltfCheck {
    /// Draco-compressed primitives, lines, strips, fans or primitives without positions: Debian's
    /// Assimp 5.2 cannot decode the first and crashes on the others; nodes placed 10 km or more
    /// from zero, whose vertices Assimp would round to float; KTX2 textures (KHR_texture_basisu),
    /// which it cannot decode; CESIUM_RTC, which it ignores. readGltf() reads those files.
    bool needsOwnReader = false;
};
/// Checks a .gltf/.glb against the parts of the glTF 2.0 schema its readers rely on: the GLB
/// container, required members and their types, every index in range, accessors inside their
/// bufferViews inside their buffers, and a node tree without cycles (gltf_validate.cpp).
Expected<GltfCheck> validateGltf(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

}  // namespace axis::detail
