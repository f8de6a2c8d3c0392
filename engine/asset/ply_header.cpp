#include <charconv>
#include <sstream>

#include "asset/ply_format.h"
#include "core/log.h"

namespace axis::detail {
namespace {

// Real headers are a few KB; obj_info-heavy scanner output stays far below this. A file without
// "end_header" in the first megabyte is not a PLY we can read.
constexpr std::size_t kMaxHeaderBytes = 1 << 20;

bool parseType(const std::string& word, PlyType& type) {
    static const std::pair<const char*, PlyType> kNames[] = {
        {"char", PlyType::Int8},     {"int8", PlyType::Int8},     {"uchar", PlyType::UInt8},
        {"uint8", PlyType::UInt8},   {"short", PlyType::Int16},   {"int16", PlyType::Int16},
        {"ushort", PlyType::UInt16}, {"uint16", PlyType::UInt16}, {"int", PlyType::Int32},
        {"int32", PlyType::Int32},   {"uint", PlyType::UInt32},   {"uint32", PlyType::UInt32},
        {"float", PlyType::Float32}, {"float32", PlyType::Float32}, {"double", PlyType::Float64},
        {"float64", PlyType::Float64}};
    for (const auto& [n, t] : kNames)
        if (word == n) {
            type = t;
            return true;
        }
    return false;
}

// Splits the header into lines (LF or CR LF) and finds where the body begins.
Expected<std::vector<std::string>> headerLines(std::span<const std::uint8_t> bytes, const std::string& name,
                                               std::size_t& bodyOffset) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    const std::size_t limit = std::min(bytes.size(), kMaxHeaderBytes);
    for (std::size_t i = 0; i < limit; ++i) {
        if (bytes[i] != '\n') continue;
        std::size_t end = (i > start && bytes[i - 1] == '\r') ? i - 1 : i;
        lines.emplace_back(reinterpret_cast<const char*>(bytes.data()) + start, end - start);
        start = i + 1;
        // Exactly one line ending follows end_header: a binary body may itself start with 0x0A.
        if (lines.back().rfind("end_header", 0) == 0) {
            bodyOffset = start;
            return lines;
        }
    }
    return makeError(name, "PLY header has no end_header line");
}

}  // namespace

std::size_t plySizeOf(PlyType type) {
    switch (type) {
        case PlyType::Int8: case PlyType::UInt8: return 1;
        case PlyType::Int16: case PlyType::UInt16: return 2;
        case PlyType::Int32: case PlyType::UInt32: case PlyType::Float32: return 4;
        case PlyType::Float64: return 8;
    }
    return 1;
}

bool plyIsFloat(PlyType type) { return type == PlyType::Float32 || type == PlyType::Float64; }

Expected<PlyHeader> parsePlyHeader(std::span<const std::uint8_t> bytes, const std::string& name) {
    if (bytes.size() < 3 || bytes[0] != 'p' || bytes[1] != 'l' || bytes[2] != 'y')
        return makeError(name, "not a PLY file (no 'ply' magic)");
    PlyHeader header;
    auto lines = headerLines(bytes, name, header.bodyOffset);
    if (!lines) return lines.error();
    bool sawFormat = false;
    for (std::size_t n = 1; n < lines->size(); ++n) {
        std::istringstream in((*lines)[n]);
        std::string keyword;
        in >> keyword;
        auto bad = [&](const std::string& why) {
            return makeError(name, "PLY header line " + std::to_string(n + 1) + " (" + (*lines)[n] + "): " + why);
        };
        if (keyword == "format") {
            std::string encoding;
            in >> encoding;
            if (encoding == "ascii") header.encoding = PlyEncoding::Ascii;
            else if (encoding == "binary_little_endian") header.encoding = PlyEncoding::BinaryLittleEndian;
            else if (encoding == "binary_big_endian") header.encoding = PlyEncoding::BinaryBigEndian;
            else return bad("unknown format");
            sawFormat = true;
        } else if (keyword == "element") {
            PlyElement element;
            std::string count;
            in >> element.name >> count;
            auto [ptr, ec] = std::from_chars(count.data(), count.data() + count.size(), element.count);
            if (element.name.empty() || ec != std::errc() || ptr != count.data() + count.size())
                return bad("element needs a name and a non-negative count");
            header.elements.push_back(std::move(element));
        } else if (keyword == "property") {
            if (header.elements.empty()) return bad("property before any element");
            PlyProperty property;
            std::string first;
            in >> first;
            if (first == "list") {
                std::string countType, itemType;
                in >> countType >> itemType >> property.name;
                property.isList = true;
                if (!parseType(countType, property.countType) || !parseType(itemType, property.type) ||
                    plyIsFloat(property.countType))
                    return bad("unknown list types");
            } else {
                in >> property.name;
                if (!parseType(first, property.type)) return bad("unknown type '" + first + "'");
            }
            if (property.name.empty()) return bad("property without a name");
            header.elements.back().properties.push_back(std::move(property));
        } else if (keyword == "comment" || keyword == "obj_info") {
            std::string rest;
            std::getline(in >> std::ws, rest);
            header.comments.push_back(keyword == "comment" ? rest : "obj_info " + rest);
        } else if (keyword == "end_header") {
            break;
        } else if (!keyword.empty()) {
            // Some exporters (old Blender) write free text without "comment"; harmless to skip.
            logDebug(name + ": skipping unknown PLY header line: " + (*lines)[n]);
        }
    }
    if (!sawFormat) return makeError(name, "PLY header has no format line");
    return header;
}

}  // namespace axis::detail
