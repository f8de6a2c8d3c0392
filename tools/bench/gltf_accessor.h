#pragma once
// The one piece of glTF writing the benchmark input generators share (textured_scan.cpp,
// merge_tiles.cpp): a vector appended to the .bin and described as a buffer view with an accessor.
#include <cstdint>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace axis::bench {

/// Appends `data` to `bin` (at `offset`, advanced) and adds its buffer view and accessor to
/// `gltf`; returns the accessor's index.
template <typename T>
int addAccessor(nlohmann::json& gltf, std::ofstream& bin, std::uint64_t& offset, const std::vector<T>& data,
                int components, int componentType, const char* type, int target) {
    const std::uint64_t bytes = data.size() * sizeof(T);
    bin.write(reinterpret_cast<const char*>(data.data()), std::streamsize(bytes));
    gltf["bufferViews"].push_back({{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}, {"target", target}});
    offset += bytes;
    gltf["accessors"].push_back({{"bufferView", gltf["bufferViews"].size() - 1},
                                 {"componentType", componentType},
                                 {"count", data.size() / components},
                                 {"type", type}});
    return int(gltf["accessors"].size()) - 1;
}

}  // namespace axis::bench
