#pragma once
// PLY header model and parser (internal to engine/asset; see ply_reader.cpp for the body).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"

namespace axis::detail {

enum class PlyType : std::uint8_t { Int8, UInt8, Int16, UInt16, Int32, UInt32, Float32, Float64 };
enum class PlyEncoding : std::uint8_t { Ascii, BinaryLittleEndian, BinaryBigEndian };

struct PlyProperty {
    std::string name;
    PlyType type = PlyType::Float32;  ///< The value type (of each item, for lists).
    bool isList = false;
    PlyType countType = PlyType::UInt8;  ///< Lists only.
};

struct PlyElement {
    std::string name;
    std::uint64_t count = 0;
    std::vector<PlyProperty> properties;
};

struct PlyHeader {
    PlyEncoding encoding = PlyEncoding::Ascii;
    std::vector<PlyElement> elements;
    std::vector<std::string> comments;
    std::size_t bodyOffset = 0;  ///< First byte after "end_header" and its line ending.
};

std::size_t plySizeOf(PlyType type);
bool plyIsFloat(PlyType type);

/// Parses the text header. `name` (the file path) starts every error message.
Expected<PlyHeader> parsePlyHeader(std::span<const std::uint8_t> bytes, const std::string& name);

}  // namespace axis::detail
