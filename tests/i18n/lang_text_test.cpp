// BCP 47 tags and choosing the text of a language map (core/lang_text.h).
#include <catch2/catch.hpp>

#include "core/lang_text.h"

using namespace axis;

TEST_CASE("Language tags are put in their conventional case", "[i18n]") {
    CHECK(canonicalTag("ZH-hant-tw") == "zh-Hant-TW");
    CHECK(canonicalTag("en-gb") == "en-GB");
    CHECK(canonicalTag("JA") == "ja");
    CHECK(canonicalTag("zh_TW") == "zh-TW");
    CHECK(canonicalTag("sr-latn-rs") == "sr-Latn-RS");
    CHECK(canonicalTag("es-419") == "es-419");
    CHECK(canonicalTag("").empty());
}

TEST_CASE("Only well-formed tags are accepted", "[i18n]") {
    for (const char* good : {"zh", "en", "zh-Hant", "zh-Hant-TW", "ja", "ko", "yue-HK", "es-419", "de-CH-1996"})
        CHECK(isWellFormedTag(good));
    for (const char* bad :
         {"", "z", "zh_TW", "zh-", "-zh", "zh--TW", "中文", "en GB", "abcd", "en-toolongsubtag", "1en"})
        CHECK_FALSE(isWellFormedTag(bad));
}

TEST_CASE("Fallback goes from the most specific tag to the broadest", "[i18n]") {
    CHECK(fallbackTags("zh-TW") == std::vector<std::string>{"zh-TW", "zh-Hant-TW", "zh-Hant", "zh"});
    CHECK(fallbackTags("zh-HK") == std::vector<std::string>{"zh-HK", "zh-Hant-HK", "zh-Hant", "zh"});
    CHECK(fallbackTags("zh-CN") == std::vector<std::string>{"zh-CN", "zh-Hans-CN", "zh-Hans", "zh"});
    CHECK(fallbackTags("zh-Hant-TW") == std::vector<std::string>{"zh-Hant-TW", "zh-Hant", "zh"});
    CHECK(fallbackTags("en-gb") == std::vector<std::string>{"en-GB", "en"});
    CHECK(fallbackTags("ja") == std::vector<std::string>{"ja"});
}

TEST_CASE("A reader gets the nearest language the content has", "[i18n]") {
    const std::vector<std::string> both{"zh", "en"}, scripts{"zh-Hans", "zh-Hant", "en", "ja"};
    CHECK(matchTag(both, "zh-TW") == "zh");  // Old files: plain zh serves every Chinese reader.
    CHECK(matchTag(scripts, "zh-TW") == "zh-Hant");
    CHECK(matchTag(scripts, "zh-hk") == "zh-Hant");
    CHECK(matchTag(scripts, "zh") == "zh-Hans");  // A sibling: Simplified is what plain zh meant.
    CHECK(matchTag(scripts, "zh-CN") == "zh-Hans");
    CHECK(matchTag(scripts, "en-GB") == "en");
    CHECK(matchTag(scripts, "JA") == "ja");
    CHECK_FALSE(matchTag(both, "ko"));
    CHECK(matchTag(both, "ko", {"fr", "en"}) == "en");  // The site's languages, in order.
}

TEST_CASE("pickText chooses per reader and never leaves a title empty", "[i18n]") {
    const LangText title{{"zh", "午门"}, {"zh-Hant", "午門"}, {"ja", "午門（ごもん）"}, {"en", "Meridian Gate"}};
    CHECK(pickText(title, "zh") == "午门");
    CHECK(pickText(title, "zh-Hant-TW") == "午門");
    CHECK(pickText(title, "ja-JP") == "午門（ごもん）");
    CHECK(pickText(title, "en-US") == "Meridian Gate");
    CHECK(pickText(title, "fr", {"en"}) == "Meridian Gate");
    CHECK(pickText(LangText{{"en", ""}, {"zh", "钟楼"}}, "en") == "钟楼");  // Empty counts as missing.
    CHECK(pickText(LangText{}, "en").empty());
}
