#pragma once
// The user interface's strings, one catalogue per language: assets/i18n/LANG.json, installed in
// PREFIX/share/axisview/i18n. Translators add a language by adding a file; no code changes.
//
//   {
//     "format": "axisview-ui-strings", "version": "1.0",
//     "language": "zh-Hant",            BCP 47 tag; the file is named after it (zh-Hant.json)
//     "name": "繁體中文",                the language in its own script: the kiosk's button
//     "strings": {"kiosk.places": "地點", ...}   key -> text; keys are those of en.json
//   }
//
// A string missing from a language falls back along its tag ("zh-Hant-TW" -> "zh-Hant" -> "zh"),
// then to the fallback language (the site's first, else English), then English; each missing
// key is reported once per language. A key found nowhere shows as itself.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"

namespace axis::i18n {

struct Catalogue {
    std::filesystem::path file;
    std::string language;  ///< Canonical BCP 47 tag.
    std::string name;      ///< The language named in itself ("日本語").
    std::map<std::string, std::string> strings;
};

/// Reads one catalogue. A bad file fails with one line naming the file and the JSON path
/// ("ja.json: strings.kiosk.map: expected a string"); so does a "language" that is not a
/// well-formed tag or does not match the file's name.
Expected<Catalogue> loadCatalogue(const std::filesystem::path& file);

class UiStrings {
public:
    /// Every *.json in `dir`. Catalogues that fail to load are left out and their errors returned
    /// in problems(); a missing folder is a problem too (the strings then show as their keys).
    static UiStrings loadDirectory(const std::filesystem::path& dir);
    void add(Catalogue catalogue);

    /// The text of `key` for a reader of `language` (see the file comment); the pointer stays
    /// valid while this object lives. Reports a missing key once per language through logWarn.
    const char* text(const std::string& key, const std::string& language) const;
    /// The language tried after `language`'s own tags and before English (the site's first).
    void setFallback(const std::string& language) { fallback_ = language; }

    /// The catalogue tag that serves `language` ("zh" -> "zh-Hans"); empty when none does.
    std::string catalogueFor(const std::string& language) const;
    /// `language` named in itself, from its catalogue; the tag itself when there is none.
    std::string nativeName(const std::string& language) const;
    std::vector<std::string> languages() const;  ///< Catalogue tags, sorted.
    /// Every string of every catalogue (for a font atlas that holds only the glyphs in use).
    std::vector<std::string> allText() const;
    const std::vector<std::string>& problems() const { return problems_; }

private:
    const std::string* find(const std::string& key, const std::string& catalogue) const;

    std::map<std::string, Catalogue> catalogues_;  ///< By tag.
    std::string fallback_ = "en";
    std::vector<std::string> problems_;
    mutable std::set<std::pair<std::string, std::string>> reported_;  ///< (language, key) warned about.
};

/// Where the catalogues are: $AXIS_UI_STRINGS, else share/axisview/i18n beside the executable's
/// bin/ (an installed copy), else `sourceDir` (the source tree's assets/i18n, for the build tree).
std::filesystem::path findUiStringsDir(const std::filesystem::path& executable, const std::filesystem::path& sourceDir);

}  // namespace axis::i18n
