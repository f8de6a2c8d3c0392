#pragma once
// The small markdown subset allowed in POI bodies, parsed into blocks the UI (ImGui panel, in-scene
// label, kiosk card) renders without knowing markdown:
//
//   paragraphs      separated by one or more blank lines; single newlines join with a space
//   list items      a line starting with "- " (or "* "); consecutive lines form a list
//   **bold**        a "**" with no closing partner is plain text
//   [text](poi:ID)  a link to another POI of the same file
//   [text](https://...)  an external link (http, https or mailto); any other target is plain text
//
// Everything else (headings, italics, code, HTML) is shown literally: a curator sees what they
// typed rather than having it vanish. The parser never fails and never crashes: it takes any
// bytes, repairs invalid UTF-8 to U+FFFD, drops control characters other than newline and tab,
// and caps its work at kMaxBodyBytes so that a pasted novel cannot stall a frame.
#include <cstddef>
#include <string>
#include <vector>

namespace axis {

/// Bodies longer than this are cut (at a character boundary) before parsing.
constexpr std::size_t kMaxBodyBytes = 256 * 1024;

struct Span {
    enum class Kind { Text, Bold, PoiLink, UrlLink };
    Kind kind = Kind::Text;
    std::string text;    ///< What is shown; valid UTF-8.
    std::string target;  ///< POI id for PoiLink (without "poi:"), the URL for UrlLink; else empty.
    bool operator==(const Span&) const = default;
};

struct Block {
    enum class Kind { Paragraph, ListItem };
    Kind kind = Kind::Paragraph;
    std::vector<Span> spans;  ///< Adjacent spans of the same kind are merged.
    bool operator==(const Block&) const = default;
};

/// Parses a body (one language of Poi::body). Empty or whitespace-only input gives no blocks.
std::vector<Block> parseBody(const std::string& body);

/// `text` with each invalid UTF-8 sequence (stray continuation bytes, overlong forms, surrogates,
/// code points above U+10FFFF, truncated sequences) replaced by U+FFFD. Valid text is unchanged.
std::string sanitizeUtf8(const std::string& text);

/// The POI ids that a body links to, in order of appearance (for reference checks and "see also").
std::vector<std::string> linkedPois(const std::string& body);

}  // namespace axis
