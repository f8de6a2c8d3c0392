#include "poi/web_annotation_iri.h"

#include <cctype>
#include <filesystem>

#include "core/file_io.h"

namespace axis {

std::string percentEncode(const std::string& s) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) out += ch;
        else if (c == '-' || c == '.' || c == '_' || c == '~') out += ch;
        else (out += '%', out += kHex[c >> 4], out += kHex[c & 15]);
    }
    return out;
}

std::string percentDecode(const std::string& s) {
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string annotationIri(const std::string& collectionId, const std::string& poiId) {
    const char last = collectionId.empty() ? '/' : collectionId.back();
    const std::string sep = (last == '/' || last == '#' || last == ':') ? "" : collectionId.starts_with("urn:") ? ":" : "/";
    return collectionId + sep + percentEncode(poiId);
}

std::string poiIdFromIri(const std::string& iri) {
    const std::size_t cut = iri.find_last_of("/#:");
    return percentDecode(cut == std::string::npos ? iri : iri.substr(cut + 1));
}

std::string mediaMimeType(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "png") return "image/png";
    if (ext == "webp") return "image/webp";
    if (ext == "ogg" || ext == "oga" || ext == "opus") return "audio/ogg";
    if (ext == "mp3") return "audio/mpeg";
    if (ext == "wav") return "audio/wav";
    if (ext == "m4a") return "audio/mp4";
    if (ext == "flac") return "audio/flac";
    return {};
}

}  // namespace axis
