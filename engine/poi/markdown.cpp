#include "poi/markdown.h"

#include <string_view>

namespace axis {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid (RFC 3629 table).
std::size_t validSequence(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // Allowed range of the second byte.
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c == 0xED) n = 3, hi = 0x9F;  // No UTF-16 surrogates.
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c == 0xF4) n = 4, hi = 0x8F;  // Nothing above U+10FFFF.
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else return 0;
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

// Valid UTF-8 in, at most `limit` bytes out, never splitting a character.
std::string cutAtBoundary(std::string s, std::size_t limit) {
    if (s.size() <= limit) return s;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s.resize(end);
    return s;
}

// Tabs become spaces; other C0 controls and DEL are dropped (they draw as boxes or move the
// cursor in a terminal log). Newlines stay: they separate blocks.
std::string dropControls(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\t') out += ' ';
        else if (c == '\n' || (c >= 0x20 && c != 0x7F)) out += ch;
    }
    return out;
}

void appendSpan(std::vector<Span>& spans, Span::Kind kind, std::string_view text, std::string target = {}) {
    if (text.empty()) return;
    if (!spans.empty() && spans.back().kind == kind && target.empty() && spans.back().target.empty() &&
        (kind == Span::Kind::Text || kind == Span::Kind::Bold)) {
        spans.back().text += text;
        return;
    }
    spans.push_back(Span{kind, std::string(text), std::move(target)});
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// A link "[text](target)" starting at s[i] == '['; false when it is not a well-formed link with
// a target we accept, in which case the bracket is plain text.
// The searches are bounded so that text full of unclosed brackets stays linear.
bool parseLink(std::string_view s, std::size_t i, std::vector<Span>& spans, std::size_t& next) {
    constexpr std::size_t kMaxLinkText = 512, kMaxTarget = 2048;
    const std::size_t close = s.substr(0, i + 1 + kMaxLinkText).find(']', i + 1);
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '(') return false;
    const std::size_t end = s.substr(0, close + 2 + kMaxTarget).find(')', close + 2);
    if (end == std::string_view::npos) return false;
    const std::string_view text = s.substr(i + 1, close - i - 1);
    const std::string_view target = s.substr(close + 2, end - close - 2);
    if (text.empty() || target.find(' ') != std::string_view::npos) return false;
    if (startsWith(target, "poi:") && target.size() > 4) {
        appendSpan(spans, Span::Kind::PoiLink, text, std::string(target.substr(4)));
    } else if (startsWith(target, "http://") || startsWith(target, "https://") || startsWith(target, "mailto:")) {
        appendSpan(spans, Span::Kind::UrlLink, text, std::string(target));
    } else {
        return false;
    }
    next = end + 1;
    return true;
}

std::vector<Span> parseInline(std::string_view s) {
    std::vector<Span> spans;
    bool bold = false;
    std::size_t i = 0, textStart = 0;
    const auto flush = [&](std::size_t upTo) {
        appendSpan(spans, bold ? Span::Kind::Bold : Span::Kind::Text, s.substr(textStart, upTo - textStart));
    };
    while (i < s.size()) {
        if (s.compare(i, 2, "**") == 0 && (bold || s.find("**", i + 2) != std::string_view::npos)) {
            flush(i);
            bold = !bold;
            i += 2;
            textStart = i;
        } else if (s[i] == '[') {
            std::size_t next = 0;
            flush(i);
            if (parseLink(s, i, spans, next)) {
                i = textStart = next;
            } else {
                textStart = i++;
            }
        } else {
            ++i;
        }
    }
    flush(s.size());
    return spans;
}

std::string_view trimLeft(std::string_view s, std::size_t& indent) {
    indent = 0;
    while (indent < s.size() && s[indent] == ' ') ++indent;
    return s.substr(indent);
}

std::string_view trimRight(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

struct RawBlock {
    Block::Kind kind;
    std::string text;
};

std::vector<RawBlock> splitBlocks(std::string_view text) {
    std::vector<RawBlock> blocks;
    bool open = false;  // Whether the last block still takes continuation lines.
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::size_t indent = 0;
        std::string_view line = trimRight(trimLeft(text.substr(pos, eol - pos), indent));
        pos = eol + 1;
        if (line.empty()) {
            open = false;
        } else if (startsWith(line, "- ") || startsWith(line, "* ")) {
            blocks.push_back({Block::Kind::ListItem, std::string(trimRight(line.substr(2)))});
            open = true;
        } else if (open && (blocks.back().kind == Block::Kind::Paragraph || indent >= 2)) {
            blocks.back().text += ' ';
            blocks.back().text += line;
        } else {
            blocks.push_back({Block::Kind::Paragraph, std::string(line)});
            open = true;
        }
    }
    return blocks;
}

}  // namespace

std::string sanitizeUtf8(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t n = validSequence(text, i);
        if (n == 0) {
            out += kReplacement;
            ++i;  // Resynchronise on the next byte, as the Unicode "maximal subpart" practice does.
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

std::vector<Block> parseBody(const std::string& body) {
    const std::string clean = cutAtBoundary(dropControls(sanitizeUtf8(body)), kMaxBodyBytes);
    std::vector<Block> out;
    for (const RawBlock& raw : splitBlocks(clean)) {
        Block b{raw.kind, parseInline(raw.text)};
        if (!b.spans.empty()) out.push_back(std::move(b));
    }
    return out;
}

std::vector<std::string> linkedPois(const std::string& body) {
    std::vector<std::string> out;
    for (const Block& b : parseBody(body))
        for (const Span& s : b.spans)
            if (s.kind == Span::Kind::PoiLink) out.push_back(s.target);
    return out;
}

}  // namespace axis
