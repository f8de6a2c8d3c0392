// Cutting a stop's text into readable cues: UTF-8 walking, line widths and reading times, and
// breaks after sentences, clauses, then words (subtitles.h); words as i18n/line_break.h cuts them,
// so no cue starts with "，" nor ends with "（".
#include <algorithm>
#include <cmath>

#include "i18n/line_break.h"
#include "poi/markdown.h"
#include "record/subtitles.h"

namespace axis::record {
namespace {

struct CodePoint {
    char32_t value = 0;
    std::size_t bytes = 1;
};

// Invalid bytes count as one replacement character each: the text came through the POI loader,
// which keeps UTF-8 valid, so this is only a guard.
CodePoint decodeAt(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > s.size()) return {0xFFFD, 1};
    char32_t value = lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    return {value, length};
}

std::vector<char32_t> codePoints(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const CodePoint cp = decodeAt(s, i);
        out.push_back(cp.value);
        i += cp.bytes;
    }
    return out;
}

// Characters set on a square grid and read as whole words: CJK ideographs and punctuation,
// kana, Hangul, full-width forms.
bool isWide(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool isOneOf(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

enum class Level { Sentence, Clause, Word };

bool breaksAfter(char32_t a, char32_t b, Level level) {
    if (i18n::noLineStart(b)) return false;
    switch (level) {
        case Level::Sentence:
            return (isOneOf(a, U".!?") && b == U' ') || isOneOf(a, U"。！？");
        case Level::Clause:
            return (isOneOf(a, U",;:") && b == U' ') || isOneOf(a, U"，、；：");
        case Level::Word: break;  // splitAt() takes i18n::breakableRuns.
    }
    return false;
}

std::string trimSpaces(std::string_view s) {
    const std::size_t first = s.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(' ') - first + 1));
}

// `text` cut at every break of `level`, spaces at the cuts dropped.
std::vector<std::string> splitAt(std::string_view text, Level level) {
    std::vector<std::string> out;
    if (level == Level::Word) {
        for (const std::string& run : i18n::breakableRuns(text))
            if (auto unit = trimSpaces(run); !unit.empty()) out.push_back(unit);
        return out;
    }
    std::size_t unitStart = 0;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint a = decodeAt(text, i);
        const std::size_t next = i + a.bytes;
        if (next < text.size() && breaksAfter(a.value, decodeAt(text, next).value, level)) {
            if (auto unit = trimSpaces(text.substr(unitStart, next - unitStart)); !unit.empty()) out.push_back(unit);
            unitStart = next;
        }
        i = next;
    }
    if (auto unit = trimSpaces(text.substr(unitStart)); !unit.empty()) out.push_back(unit);
    return out;
}

double lineWidth(std::string_view text, const SubtitleStyle& style) {
    double lines = 0.0;
    for (char32_t c : codePoints(text)) lines += 1.0 / (isWide(c) ? style.cjkCharsPerLine : style.latinCharsPerLine);
    return lines;
}

struct Unit {
    std::string text;
    std::size_t sentence = 0;  ///< Which sentence it belongs to: a cue holds pieces of one only.
};

// Units no wider than `maxLines`, cut as coarsely as that allows (a single overlong word stays whole).
void collectUnits(std::string_view text, Level level, const SubtitleStyle& style, std::size_t sentence,
                  std::vector<Unit>& out) {
    for (std::string& piece : splitAt(text, level)) {
        if (level == Level::Sentence) sentence = out.empty() ? 0 : out.back().sentence + 1;
        if (level != Level::Word && lineWidth(piece, style) > style.maxLines)
            collectUnits(piece, level == Level::Sentence ? Level::Clause : Level::Word, style, sentence, out);
        else
            out.push_back({std::move(piece), sentence});
    }
}

// Latin words are joined by a space; CJK text has none between characters.
std::string joiner(std::string_view before, std::string_view after) {
    const auto last = codePoints(before), first = codePoints(after.substr(0, 4));
    if (last.empty() || first.empty() || isWide(last.back()) || isWide(first.front())) return {};
    return " ";
}

}  // namespace

double readingSeconds(std::string_view text, const SubtitleStyle& style) {
    double seconds = 0.0;
    for (char32_t c : codePoints(text))
        if (c != U'\n') seconds += 1.0 / (isWide(c) ? style.cjkCharsPerSecond : style.latinCharsPerSecond);
    return std::max(seconds, style.minCueSeconds);
}

std::vector<std::string> splitIntoCues(const std::string& title, const std::string& text, const SubtitleStyle& style) {
    std::vector<Unit> units;
    collectUnits(text, Level::Sentence, style, 0, units);
    std::vector<std::string> cues;
    std::string cue = trimSpaces(title);
    bool titleOnly = !cue.empty();
    double usedLines = titleOnly ? std::max(1.0, std::ceil(lineWidth(cue, style) - 1e-9)) : 0.0;
    std::size_t sentence = 0;
    // One sentence (or a piece of one) per cue, as subtitlers do; the title shares the first.
    for (const auto& [unit, unitSentence] : units) {
        const double width = lineWidth(unit, style);
        const bool newSentence = !titleOnly && unitSentence != sentence;
        if (!cue.empty() && (newSentence || usedLines + width > style.maxLines + 1e-9)) {
            cues.push_back(std::move(cue));
            cue.clear();
            usedLines = 0.0;
            titleOnly = false;
        }
        cue += cue.empty() ? std::string() : titleOnly ? std::string("\n") : joiner(cue, unit);
        cue += unit;
        titleOnly = false;
        usedLines += width;
        sentence = unitSentence;
    }
    if (!cue.empty()) cues.push_back(std::move(cue));
    return cues;
}

std::string captionText(const std::string& body) {
    std::string out;
    for (const Block& block : parseBody(firstParagraph(body))) {
        std::string line;
        for (const Span& span : block.spans) line += span.text;
        for (char& c : line)
            if (c == '\n' || c == '\t') c = ' ';
        line = trimSpaces(line);
        if (line.empty()) continue;
        out += (out.empty() ? std::string() : joiner(out, line)) + line;
    }
    return out;
}

}  // namespace axis::record
