// Line breaking: kinsoku for Chinese and Japanese, words for Latin text (i18n/line_break.h).
#include <catch2/catch.hpp>

#include "i18n/line_break.h"

using namespace axis::i18n;

namespace {

std::string joined(const std::vector<std::string>& pieces) {
    std::string out;
    for (const auto& p : pieces) out += p;
    return out;
}

// The first and last character of a UTF-8 piece, decoded.
std::u32string decode(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t v = n == 1 ? c : c & (0x3F >> (n - 1));
        for (size_t k = 1; k < n; ++k) v = (v << 6) | (s[i + k] & 0x3F);
        out.push_back(v);
        i += n;
    }
    return out;
}

// Each CJK character counts 1, each ASCII byte 0.5: a monospaced stand-in for a font.
float cells(std::string_view s) {
    float w = 0;
    for (char32_t c : decode(std::string(s))) w += c < 0x80 ? 0.5f : 1.0f;
    return w;
}

}  // namespace

TEST_CASE("Pieces concatenate back to the text exactly", "[i18n]") {
    for (const char* text :
         {"", "a", "永乐十八年（1420年）建成，嘉靖年间重修。", "The Meridian Gate, built in 1420.",
          "「午門」は、明の永楽十八年に建てられた。", "東京タワー。ちょっと待って！",
          "mixed 中文 and English…… 以及——破折号", "line one\nline two\n\n", "bad \xff\xfe bytes \xe4\xb8"})
        CHECK(joined(breakableRuns(text)) == text);
}

TEST_CASE("Latin words are kept whole with their trailing spaces", "[i18n]") {
    CHECK(breakableRuns("The Gate of Supreme Harmony, 1420.") ==
          std::vector<std::string>{"The ", "Gate ", "of ", "Supreme ", "Harmony, ", "1420."});
    CHECK(breakableRuns("one  two\nthree") == std::vector<std::string>{"one  ", "two\n", "three"});
}

TEST_CASE("Chinese breaks between characters but never before closing punctuation", "[i18n]") {
    const auto runs = breakableRuns("建于明永乐年间，嘉靖三十二年（1553年）增筑外城。");
    CHECK(runs == std::vector<std::string>{"建", "于", "明", "永", "乐", "年", "间，", "嘉", "靖", "三", "十", "二",
                                           "年", "（1553", "年）", "增", "筑", "外", "城。"});
    for (const std::string& run : runs) {
        CHECK_FALSE(noLineStart(decode(run).front()));
        CHECK_FALSE(noLineEnd(decode(run).back()));
    }
}

TEST_CASE("Japanese keeps small kana, the prolonged mark and quotes with their neighbours", "[i18n]") {
    CHECK(breakableRuns("「ちょっと」タワー") == std::vector<std::string>{"「ちょっ", "と」", "タ", "ワー"});
    CHECK(breakableRuns("待って……！") == std::vector<std::string>{"待っ", "て……！"});
}

TEST_CASE("Korean breaks at spaces, like Latin text", "[i18n]") {
    CHECK(breakableRuns("자금성 오문") == std::vector<std::string>{"자금성 ", "오문"});
}

TEST_CASE("Wrapped lines never start with closing punctuation nor end with opening", "[i18n]") {
    // At 9 cells, a plain cut would put "，" at the start of the second line (",嘉靖...").
    const std::string text = "正阳门始建于明永乐，嘉靖年间增建瓮城（后毁于火）。";
    const auto lines = wrapLines(text, 9.0f, cells);
    REQUIRE(lines.size() == 3);
    std::string back;
    for (const auto& line : lines) {
        CHECK(cells(line) <= 9.0f);
        CHECK_FALSE(noLineStart(decode(line).front()));
        CHECK_FALSE(noLineEnd(decode(line).back()));
        back += line;
    }
    CHECK(back == text);
    CHECK(lines[0] == "正阳门始建于明永");  // "乐，" moves down whole rather than leave "，" behind.
    CHECK(lines[1] == "乐，嘉靖年间增建瓮");
    CHECK(lines[2] == "城（后毁于火）。");
    // At 3 cells a plain cut would leave "（" at the end of the first line.
    CHECK(wrapLines("瓮城（后毁", 3.0f, cells) == std::vector<std::string>{"瓮城", "（后毁"});
}

TEST_CASE("Wrapping Latin text drops the spaces at the break and keeps long words whole", "[i18n]") {
    CHECK(wrapLines("the Gate of Heavenly Peace", 5.0f, cells) ==
          std::vector<std::string>{"the Gate", "of", "Heavenly", "Peace"});
    CHECK(wrapLines("a\n\nb", 100.0f, cells) == std::vector<std::string>{"a", "", "b"});
    CHECK(wrapLines("", 10.0f, cells).empty());
}
