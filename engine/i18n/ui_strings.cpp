#include "i18n/ui_strings.h"

#include <algorithm>

#include "core/file_io.h"
#include "core/lang_text.h"
#include "core/log.h"
#include "scene/json_fields.h"

namespace axis::i18n {
namespace fs = std::filesystem;
using json::Json;

namespace {

constexpr const char* kFormat = "axisview-ui-strings";

Catalogue readCatalogue(const fs::path& file, const Json& root) {
    Catalogue c;
    c.file = file;
    const std::string tag = json::readNonEmptyString(json::require(root, "language", ""), "language");
    if (!isWellFormedTag(tag)) throw json::FieldError{"language", "\"" + tag + "\" is not a BCP 47 language tag"};
    c.language = canonicalTag(tag);
    // The file name is how people find a language: a copy renamed but not edited would shadow one.
    if (canonicalTag(file.stem().string()) != c.language)
        throw json::FieldError{"language",
                               "\"" + tag + "\" does not match the file name (expected " + file.stem().string() + ")"};
    c.name = json::readNonEmptyString(json::require(root, "name", ""), "name");
    const Json& strings = json::require(root, "strings", "");
    if (!strings.is_object()) throw json::FieldError{"strings", "expected an object of strings"};
    for (const auto& [key, value] : strings.items())
        c.strings[key] = json::readString(value, json::child("strings", key));
    return c;
}

}  // namespace

Expected<Catalogue> loadCatalogue(const fs::path& file) {
    auto text = readTextFile(file);
    if (!text) return text.error();
    auto root = json::parseDocument(file, *text);
    if (!root) return root.error();
    if (auto version = json::checkHeader(file, *root, kFormat); !version) return version.error();
    try {
        return readCatalogue(file, *root);
    } catch (const json::FieldError& e) {
        return Error{json::describe(file, e)};
    }
}

UiStrings UiStrings::loadDirectory(const fs::path& dir) {
    UiStrings out;
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json") files.push_back(it->path());
    if (ec) out.problems_.push_back(dir.string() + ": cannot read the UI string catalogues (" + ec.message() + ")");
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        auto c = loadCatalogue(f);
        if (c)
            out.add(std::move(*c));
        else
            out.problems_.push_back(c.error().message);
    }
    if (ec || out.catalogues_.empty()) return out;
    if (!out.catalogues_.count("en"))
        out.problems_.push_back(dir.string() + ": no en.json; strings missing in a language show as their keys");
    return out;
}

void UiStrings::add(Catalogue catalogue) {
    std::string tag = catalogue.language;
    catalogues_[tag] = std::move(catalogue);
}

std::string UiStrings::catalogueFor(const std::string& language) const {
    return matchTag(languages(), language).value_or(std::string());
}

const std::string* UiStrings::find(const std::string& key, const std::string& catalogue) const {
    auto c = catalogues_.find(catalogue);
    if (c == catalogues_.end()) return nullptr;
    auto s = c->second.strings.find(key);
    return s == c->second.strings.end() ? nullptr : &s->second;
}

const char* UiStrings::text(const std::string& key, const std::string& language) const {
    const std::string own = catalogueFor(language);
    if (const std::string* s = find(key, own)) return s->c_str();
    const std::string* s = nullptr;
    for (const std::string& alt : {catalogueFor(fallback_), std::string("en")})
        if (!s) s = find(key, alt);
    const auto [at, first] = reported_.insert({language, key});
    if (first)
        logWarn("UI strings: no \"" + key + "\" in " + (own.empty() ? language : own + ".json") +
                (s ? "; shown in the fallback language" : " nor in English; shown as its key"));
    return s ? s->c_str() : at->second.c_str();
}

std::string UiStrings::nativeName(const std::string& language) const {
    const std::string tag = catalogueFor(language);
    return tag.empty() ? language : catalogues_.at(tag).name;
}

std::vector<std::string> UiStrings::languages() const {
    std::vector<std::string> out;
    for (const auto& [tag, c] : catalogues_) out.push_back(tag);
    return out;
}

std::vector<std::string> UiStrings::allText() const {
    std::vector<std::string> out;
    for (const auto& [tag, c] : catalogues_) {
        out.push_back(c.name);
        for (const auto& [key, s] : c.strings) out.push_back(s);
    }
    return out;
}

fs::path findUiStringsDir(const fs::path& executable, const fs::path& sourceDir) {
    if (const char* env = std::getenv("AXIS_UI_STRINGS")) return env;
    std::error_code ec;
    const fs::path installed = (executable.parent_path() / ".." / "share" / "axisview" / "i18n").lexically_normal();
    if (!executable.empty() && fs::is_directory(installed, ec)) return installed;
    return sourceDir;
}

}  // namespace axis::i18n
