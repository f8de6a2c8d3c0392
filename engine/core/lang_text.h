#pragma once
// Language tags (BCP 47: "zh", "zh-Hant", "zh-Hant-TW", "ja", "en-GB") and choosing the text of a
// language map for a reader. Content keeps whatever codes its authors used; a reader asking for
// a more specific tag gets the nearest broader one ("zh-Hant-TW" -> "zh-Hant" -> "zh"), so files
// written with plain "zh"/"en" read as before.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace axis {

/// Text that people read, one entry per language tag: {"zh": "午门", "en": "Meridian Gate"}.
using LangText = std::map<std::string, std::string>;

/// `tag` with each subtag in its conventional case ("ZH-hant-tw" -> "zh-Hant-TW"): language
/// lower, four-letter script title, two-letter region upper. Empty for an empty tag.
std::string canonicalTag(const std::string& tag);

/// True when `tag` is well formed: subtags of 1-8 letters or digits joined by '-', the first
/// 2-3 (or 5-8) letters. Not checked against the IANA registry.
bool isWellFormedTag(const std::string& tag);

/// The tags to try for `tag`, most specific first, by dropping subtags from the end; with the
/// script a region implies for Chinese put in ("zh-TW" -> zh-TW, zh-Hant-TW, zh-Hant, zh), and
/// a bare "zh" or "zh-CN" led to Simplified. Canonical case.
std::vector<std::string> fallbackTags(const std::string& tag);

/// The key of `available` to show a reader of `wanted`: the first of fallbackTags(wanted) found
/// (case-insensitive); else an available tag of the same language ("zh-Hans" for "zh"); else the
/// same for each of `fallbacks` in order (a site's languages); else nullopt.
std::optional<std::string> matchTag(const std::vector<std::string>& available, const std::string& wanted,
                                    const std::vector<std::string>& fallbacks = {});

/// The text of `text` for a reader of `wanted` (matchTag over its non-empty entries); when no tag
/// matches, the first non-empty entry, since another language is better than nothing; "" if none.
std::string pickText(const LangText& text, const std::string& wanted, const std::vector<std::string>& fallbacks = {});

}  // namespace axis
