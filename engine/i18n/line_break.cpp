#include "i18n/line_break.h"

namespace axis::i18n {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;  // A byte that starts no valid UTF-8 sequence.

struct CodePoint {
    char32_t value = 0;
    size_t bytes = 1;
};

CodePoint decodeAt(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    const size_t length = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > s.size()) return {kInvalid, 1};
    char32_t value = lead & (0x3F >> (length - 1));
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {kInvalid, 1};
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    return {value, length};
}

bool isOneOf(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

// JIS X 4051 classes cl-02, cl-04, cl-05, cl-06, cl-07, cl-09 and cl-11 (closing brackets, hyphens,
// dividing and middle punctuation, full stops, commas, iteration marks, the prolonged sound mark,
// small kana), with their full-width, half-width and ASCII forms.
constexpr std::u32string_view kNoStart =
    U"，。、；：？！）］｝〕〉》」』】〙〗〟’”｠»"
    U"．，：；！？）］｝｡｣､･ｰ"
    U",.;:!?)]}%"
    U"…‥‼⁇⁈⁉・゠‐–〜～"
    U"ヽヾゝゞ々〻ー"
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    U"ｧｨｩｪｫｬｭｮｯ";
// JIS X 4051 cl-01: opening brackets and quotes.
constexpr std::u32string_view kNoEnd = U"（［｛〔〈《「『【〘〖〝‘“｟«｢([{";
// Marks that are doubled in use and must not be split: ……, ——.
constexpr std::u32string_view kInseparable = U"…‥—―";

bool isSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

bool breakAllowed(char32_t before, char32_t after) {
    if (before == U'\n') return true;
    if (isSpace(after) || after == U'\n') return false;  // Spaces stay with the word before them.
    if (noLineStart(after) || noLineEnd(before)) return false;
    if (before == after && isOneOf(before, kInseparable)) return false;
    if (isSpace(before)) return true;
    return isIdeographic(before) || isIdeographic(after) || before == kInvalid || after == kInvalid;
}

}  // namespace

bool noLineStart(char32_t c) { return isOneOf(c, kNoStart); }
bool noLineEnd(char32_t c) { return isOneOf(c, kNoEnd); }

bool isIdeographic(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FFF) ||  // Radicals, ideographic description.
           (c >= 0x3000 && c <= 0x312F) ||  // CJK punctuation, hiragana, katakana, bopomofo.
           (c >= 0x3190 && c <= 0x33FF) ||  // Kanbun, strokes, small katakana, enclosed, squared.
           (c >= 0x3400 && c <= 0x4DBF) ||  // Extension A.
           (c >= 0x4E00 && c <= 0x9FFF) ||  // Unified ideographs.
           (c >= 0xF900 && c <= 0xFAFF) ||  // Compatibility ideographs.
           (c >= 0xFE30 && c <= 0xFE4F) ||  // Vertical and compatibility forms.
           (c >= 0xFF00 && c <= 0xFF9F) ||  // Full-width forms, half-width katakana.
           (c >= 0xFFE0 && c <= 0xFFE6) ||  // Full-width signs.
           (c >= 0x20000 && c <= 0x3FFFF);  // Extensions B and later.
}

std::vector<std::string> breakableRuns(std::string_view text) {
    std::vector<std::string> runs;
    size_t start = 0;
    char32_t before = 0;
    for (size_t i = 0; i < text.size();) {
        const CodePoint cp = decodeAt(text, i);
        if (i > start && breakAllowed(before, cp.value)) {
            runs.emplace_back(text.substr(start, i - start));
            start = i;
        }
        before = cp.value;
        i += cp.bytes;
    }
    if (start < text.size()) runs.emplace_back(text.substr(start));
    return runs;
}

std::vector<std::string> wrapLines(std::string_view text, float maxWidth,
                                   const std::function<float(std::string_view)>& measure) {
    const auto trimmedEnd = [](std::string_view s) {
        const size_t last = s.find_last_not_of(" \t\n");
        return last == std::string_view::npos ? std::string_view() : s.substr(0, last + 1);
    };
    std::vector<std::string> lines;
    std::string line;
    bool open = false;  // A line has begun (it may still be empty: "\n\n" makes an empty line).
    for (const std::string& run : breakableRuns(text)) {
        if (open && !line.empty()) {
            const std::string candidate = line + run;
            if (measure(trimmedEnd(candidate)) > maxWidth) {
                lines.emplace_back(trimmedEnd(line));
                line.clear();
            }
        }
        open = true;
        line += run;
        if (line.back() == '\n') {
            lines.emplace_back(trimmedEnd(line));
            line.clear();
            open = false;
        }
    }
    if (open) lines.emplace_back(trimmedEnd(line));
    return lines;
}

}  // namespace axis::i18n
