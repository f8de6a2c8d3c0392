#pragma once
// The UI's text in any language: each label is a key of the string catalogues (assets/i18n/LANG.json,
// engine/i18n/ui_strings.h), looked up for the visitor's language, a BCP 47 tag ("zh", "zh-Hant",
// "ja", "en-GB"). Adding a language is adding a catalogue; no code names a language.
#include <string>
#include <vector>

#include "i18n/ui_strings.h"

namespace axis::viewer {

/// A BCP 47 language tag, as written in the site's kiosk languages or chosen by the visitor.
using Language = std::string;

/// The catalogues this process uses: loaded on first use from i18n::findUiStringsDir (the
/// installed share/axisview/i18n, else the source tree's assets/i18n); problems are logged once.
const i18n::UiStrings& uiStrings();
/// The language tried before English when a catalogue lacks a string (the site's first).
void setUiFallbackLanguage(const Language& language);

struct UiText {
    const char* key;
    const char* operator()(const Language& l) const { return uiStrings().text(key, l); }
};

namespace text {
inline constexpr UiText kExplore{"mode.explore"};
inline constexpr UiText kCurator{"mode.curator"};
inline constexpr UiText kWalk{"nav.walk"};
inline constexpr UiText kFly{"nav.fly"};
inline constexpr UiText kOrbit{"nav.orbit"};
inline constexpr UiText kModels{"toolbar.models"};
inline constexpr UiText kHelp{"toolbar.help"};
inline constexpr UiText kStats{"toolbar.stats"};
inline constexpr UiText kVisible{"models.visible"};
inline constexpr UiText kLit{"models.lit"};
inline constexpr UiText kUnlit{"models.unlit"};
inline constexpr UiText kControls{"help.title"};
inline constexpr UiText kFrame{"stats.frame"};
inline constexpr UiText kTriangles{"stats.triangles"};
inline constexpr UiText kHiddenClusters{"stats.hidden_clusters"};
inline constexpr UiText kDevice{"stats.device"};
inline constexpr UiText kScreenshotSaved{"toast.screenshot_saved"};
inline constexpr UiText kViewpoints{"places.title"};
inline constexpr UiText kGoThere{"poi.go_there"};
inline constexpr UiText kPrevious{"poi.previous"};
inline constexpr UiText kNext{"poi.next"};
inline constexpr UiText kListen{"poi.listen"};
inline constexpr UiText kStopListening{"poi.stop_listening"};
inline constexpr UiText kTags{"places.tags"};
inline constexpr UiText kSun{"sun.title"};
inline constexpr UiText kShadows{"sun.shadows"};
}  // namespace text

/// The languages a site offers, in order: its kiosk languages that are well-formed tags, in
/// canonical case, each once; zh and en when there are none.
std::vector<Language> offeredLanguages(const std::vector<std::string>& kioskLanguages);

/// The language after `current` in `offered` (wrapping round; the first when `current` is not
/// offered): what the language key and button switch to.
Language nextLanguage(const std::vector<Language>& offered, const Language& current);

/// The language button's label: the next language named in itself ("English", "日本語").
std::string languageButtonLabel(const std::vector<Language>& offered, const Language& current);

/// Every string of every catalogue, for building the font atlas's glyph ranges.
std::vector<std::string> allUiText();

/// The help overlay's lines: {keys, what they do} in `language`.
std::vector<std::pair<std::string, std::string>> controlsHelp(const Language& language);

}  // namespace axis::viewer
