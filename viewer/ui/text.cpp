#include "viewer/ui/text.h"

#include <algorithm>
#include <filesystem>

#include "core/lang_text.h"
#include "core/log.h"

namespace axis::viewer {
namespace {

// The help overlay's lines, in order: "help.NAME.keys" and "help.NAME" in the catalogues.
constexpr const char* kHelpLines[] = {"move",  "run",        "look",       "pan",       "wheel",     "go_there",
                                      "modes", "jump",       "help",       "language",  "places",    "inspection",
                                      "stats", "fullscreen", "screenshot", "touch_one", "touch_two", "gamepad"};

i18n::UiStrings& catalogues() {
    static i18n::UiStrings strings = [] {
        std::error_code ec;
        const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        const std::filesystem::path dir =
            i18n::findUiStringsDir(ec ? std::filesystem::path() : exe, AXIS_UI_STRINGS_DIR);
        i18n::UiStrings loaded = i18n::UiStrings::loadDirectory(dir);
        for (const std::string& problem : loaded.problems()) logError(problem);
        return loaded;
    }();
    return strings;
}

}  // namespace

const i18n::UiStrings& uiStrings() { return catalogues(); }

void setUiFallbackLanguage(const Language& language) { catalogues().setFallback(language); }

std::vector<Language> offeredLanguages(const std::vector<std::string>& kioskLanguages) {
    std::vector<Language> out;
    for (const std::string& code : kioskLanguages)
        if (isWellFormedTag(code) && std::find(out.begin(), out.end(), canonicalTag(code)) == out.end())
            out.push_back(canonicalTag(code));
    return out.empty() ? std::vector<Language>{"zh", "en"} : out;
}

Language nextLanguage(const std::vector<Language>& offered, const Language& current) {
    if (offered.empty()) return current;
    auto it = std::find(offered.begin(), offered.end(), current);
    if (it == offered.end() || ++it == offered.end()) return offered.front();
    return *it;
}

std::string languageButtonLabel(const std::vector<Language>& offered, const Language& current) {
    return uiStrings().nativeName(nextLanguage(offered, current));
}

std::vector<std::string> allUiText() { return uiStrings().allText(); }

std::vector<std::pair<std::string, std::string>> controlsHelp(const Language& language) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* line : kHelpLines) {
        const std::string key = std::string("help.") + line;
        out.emplace_back(uiStrings().text(key + ".keys", language), uiStrings().text(key, language));
    }
    return out;
}

}  // namespace axis::viewer
