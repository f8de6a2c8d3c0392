// The body markdown subset, and its robustness to whatever a curator pastes.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "poi/markdown.h"

using namespace axis;
using Kind = Span::Kind;

namespace {
Span text(const char* s) { return Span{Kind::Text, s, ""}; }
Span bold(const char* s) { return Span{Kind::Bold, s, ""}; }
const std::string kFffd = "\xEF\xBF\xBD";
}  // namespace

TEST_CASE("Paragraphs, lists, bold and links", "[poi][markdown]") {
    const auto blocks = parseBody(
        "The **main** gate\nof the palace.\n\n- Ming [Taihe](poi:taihedian)\n- see [site](https://dpm.org.cn/x)\n"
        "  continued\n\nEnd.");
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[0] == Block{Block::Kind::Paragraph, {text("The "), bold("main"), text(" gate of the palace.")}});
    CHECK(blocks[1] == Block{Block::Kind::ListItem, {text("Ming "), Span{Kind::PoiLink, "Taihe", "taihedian"}}});
    CHECK(blocks[2] == Block{Block::Kind::ListItem,
                             {text("see "), Span{Kind::UrlLink, "site", "https://dpm.org.cn/x"}, text(" continued")}});
    CHECK(blocks[3] == Block{Block::Kind::Paragraph, {text("End.")}});
    CHECK(linkedPois("a [x](poi:one) b [y](poi:two)") == std::vector<std::string>{"one", "two"});
}

TEST_CASE("Markdown outside the subset, and broken markup, show as typed", "[poi][markdown]") {
    CHECK(parseBody("a ** b") == std::vector<Block>{{Block::Kind::Paragraph, {text("a ** b")}}});
    CHECK(parseBody("**a** **b") == std::vector<Block>{{Block::Kind::Paragraph, {bold("a"), text(" **b")}}});
    CHECK(parseBody("[x](javascript:alert(1))") == std::vector<Block>{{Block::Kind::Paragraph, {text("[x](javascript:alert(1))")}}});
    CHECK(parseBody("[x](poi:)") == std::vector<Block>{{Block::Kind::Paragraph, {text("[x](poi:)")}}});
    CHECK(parseBody("# title _it_") == std::vector<Block>{{Block::Kind::Paragraph, {text("# title _it_")}}});
    CHECK(parseBody("[unclosed (x") == std::vector<Block>{{Block::Kind::Paragraph, {text("[unclosed (x")}}});
    CHECK(parseBody("").empty());
    CHECK(parseBody(" \n\n \r\n").empty());
    CHECK(parseBody("午门\r\n是正门") == std::vector<Block>{{Block::Kind::Paragraph, {text("午门 是正门")}}});
}

TEST_CASE("sanitizeUtf8 replaces each invalid sequence and keeps valid text", "[poi][markdown]") {
    CHECK(sanitizeUtf8("午门 ok \xF0\x9F\x8F\xAF") == "午门 ok \xF0\x9F\x8F\xAF");
    CHECK(sanitizeUtf8("a\xFF" "b") == "a" + kFffd + "b");
    CHECK(sanitizeUtf8("\xC0\xAF") == kFffd + kFffd);            // overlong '/'
    CHECK(sanitizeUtf8("\xED\xA0\x80") == kFffd + kFffd + kFffd);  // UTF-16 surrogate
    CHECK(sanitizeUtf8("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);  // above U+10FFFF
    CHECK(sanitizeUtf8("end\xE5\x8D") == "end" + kFffd + kFffd);  // truncated
}

TEST_CASE("Hostile bodies parse quickly into valid UTF-8 without control characters", "[poi][markdown]") {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> inputs = {
        "%s%n%x%p%%n {} {0} \\x00",
        std::string("a\0b\x01\x1b[31mred\x7f\tc", 16),
        std::string(1 << 20, '['),
        std::string(1 << 20, '*'),
        std::string(1 << 20, '\n'),
        std::string(300000, '\xE5'),
    };
    std::string links;
    for (int i = 0; i < 50000; ++i) links += "[a](poi:x) **b";
    inputs.push_back(links);
    std::mt19937 rng(42);
    for (int k = 0; k < 200; ++k) {
        std::string s(static_cast<std::size_t>(rng() % 2000), '\0');
        for (char& c : s) c = static_cast<char>("*[]()-\n :poi\xE5\x8D\x88\xFF"[rng() % 17]);
        inputs.push_back(s);
    }
    std::size_t shown = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        bool clean = true;
        for (const Block& b : parseBody(inputs[i])) {
            clean = clean && !b.spans.empty();
            for (const Span& s : b.spans) {
                clean = clean && sanitizeUtf8(s.text) == s.text;
                for (unsigned char c : s.text) clean = clean && c >= 0x20 && c != 0x7F;
                shown += s.text.size();
            }
        }
        INFO("input " << i);
        CHECK(clean);
    }
    CHECK(shown > 0);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    CHECK(ms < 5000);
    const auto blocks = parseBody("%s%n%x");
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].spans[0].text == "%s%n%x");  // Shown literally, never used as a format.
}
