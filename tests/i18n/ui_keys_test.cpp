// The viewer's UI keys against the catalogues: every UiText the viewer declares (text::k... in
// viewer/) names a string of en.json, so no label can show as its bare key.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/ui_strings.h"
#include "support/test_support.h"

using namespace axis;
namespace fs = std::filesystem;

namespace {

// Each key declared as `UiText kName{"key"}` in the viewer's sources.
std::set<std::string> declaredKeys() {
    const std::regex declaration(R"re(UiText\s+k\w+\s*\{\s*"([^"]+)"\s*\})re");
    std::set<std::string> keys;
    for (const auto& entry : fs::recursive_directory_iterator(test::sourceDir() / "viewer")) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), declaration), end; it != end; ++it)
            keys.insert((*it)[1]);
    }
    return keys;
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
