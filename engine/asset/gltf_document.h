#pragma once
// A parsed glTF 2.0 file (.gltf or .glb) with its buffers loaded and checked: the part of our
// own glTF reader that knows about containers, URIs and accessors (internal to engine/asset).
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace axis::detail {

struct GltfDocument {
    std::string name;  ///< The file path, for messages.
    std::filesystem::path folder;
    nlohmann::json json;
    std::vector<std::vector<std::uint8_t>> buffers;  ///< Each checked against its byteLength.

    /// The bytes of bufferView `index`, or an error when it points outside its buffer.
    Expected<std::span<const std::uint8_t>> bufferView(std::size_t index) const;
    /// Accessor `index` as floats, `components` per element (normalised integers become 0..1).
    Expected<std::vector<float>> floats(std::size_t index, int components) const;
    /// Accessor `index` as vertex indices.
    Expected<std::vector<std::uint32_t>> indices(std::size_t index) const;
};

/// A GLB's JSON and BIN chunks, checked against the header's length (Assimp trusts it).
struct GlbChunks {
    std::span<const std::uint8_t> json, bin;
};
Expected<GlbChunks> splitGlbChunks(const std::string& name, std::span<const std::uint8_t> bytes);

/// Bytes of one component of accessor.componentType (5120..5126); 0 for an unknown type.
std::size_t gltfComponentSize(std::uint64_t componentType);
/// Components of accessor.type ("SCALAR", "VEC2".."VEC4", "MAT2".."MAT4"); 0 for an unknown type.
int gltfComponentCount(const std::string& type);

/// A binary glTF: named .glb, or starting with the GLB magic (the GLB inside a b3dm tile).
bool isGlb(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

/// The JSON text of a .gltf, or of a .glb's JSON chunk; empty when there is none.
std::string_view gltfJsonText(std::span<const std::uint8_t> bytes, bool glb);

/// Parses the JSON and loads every buffer (the GLB BIN chunk, data: URIs, external files).
Expected<GltfDocument> loadGltfDocument(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

/// Decodes base64 (data: URIs); an empty result for malformed input.
std::vector<std::uint8_t> decodeBase64(std::string_view text);

}  // namespace axis::detail
