// The viewer's UI text against the catalogues: every UiText the viewer declares (text::k... in
// viewer/) names a string of en.json, so no label can show as its bare key; and no widget of the
// viewer is labelled with an English literal, which would stay English in every language.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/ui_strings.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

// The viewer's sources (.h and .cpp), by path.
std::map<fs::path, std::string> viewerSources() {
    std::map<fs::path, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(test::sourceDir() / "viewer")) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        out[entry.path()] = text.str();
    }
    return out;
}

// Each key declared as `UiText kName{"key"}` in the viewer's sources.
std::set<std::string> declaredKeys() {
    const std::regex declaration(R"re(UiText\s+k\w+\s*\{\s*"([^"]+)"\s*\})re");
    std::set<std::string> keys;
    for (const auto& [path, source] : viewerSources())
        for (std::sregex_iterator it(source.begin(), source.end(), declaration), end; it != end; ++it)
            keys.insert((*it)[1]);
    return keys;
}

// What a literal label shows: its text before an ImGui id ("##..."), without printf conversions
// and without the words every language writes the same (units, and "English" as a column of
// content in English, named in itself).
std::string shownWords(const std::string& label) {
    std::string shown = label.substr(0, label.find("##"));
    shown = std::regex_replace(shown, std::regex(R"re(%[-+ #0-9.]*(ll|l|z|h)?[a-zA-Z])re"), "");
    return std::regex_replace(shown, std::regex(R"re(\b(English|EV|ms|fps)\b)re"), "");
}

}  // namespace

TEST_CASE("Every UI key the viewer declares is in the English catalogue", "[i18n]") {
    const auto en = i18n::loadCatalogue(test::sourceDir() / "assets" / "i18n" / "en.json");
    REQUIRE(en);
    const std::set<std::string> keys = declaredKeys();
    // The explore, kiosk and editing panels' keys: far more than a scan that matched nothing.
    REQUIRE(keys.size() > 60);
    CHECK(keys.count("sections.add_plane") == 1);  // A key of the editing panels' header is seen.
    for (const std::string& key : keys) {
        INFO(key);
        CHECK(en->strings.count(key) == 1);
    }
}

TEST_CASE("No widget of the viewer is labelled with an English literal", "[i18n]") {
    // A widget call whose label (or format, or a coloured text's format) is a string literal.
    const std::regex call(
        R"re(ImGui::(Button|SmallButton|Checkbox|RadioButton|Begin|BeginTabItem|Text|TextUnformatted|TextDisabled|)re"
        R"re(TextWrapped|TextColored|InputText\w*|InputDouble|InputFloat|InputScalarN|SliderFloat|SliderInt|)re"
        R"re(Selectable|CollapsingHeader|ProgressBar|MenuItem|SetTooltip)\(\s*(?:ImVec4\([^)]*\),\s*)?"([^"]*)")re");
    const std::regex word("[A-Za-z]{2,}");
    std::size_t calls = 0;
    for (const auto& [path, source] : viewerSources())
        for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it) {
            ++calls;
            const std::string label = (*it)[2];
            INFO(path.filename().string() << ": \"" << label << "\"");
            CHECK_FALSE(std::regex_search(shownWords(label), word));
        }
    CHECK(calls > 20);  // The scan sees the widgets (ids such as "##scan" and formats such as "%s").
    CHECK(std::regex_search(shownWords("Add plane##p"), word));  // What it would catch.
    CHECK_FALSE(std::regex_search(shownWords("%s: %.2f ms (%.0f fps)"), word));
}
