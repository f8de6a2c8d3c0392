#include "viewer/ui/editor_text.h"

namespace axis::viewer {
namespace {

void fillIn(std::string& out, std::string_view name, const std::string& value) {
    const std::string placeholder = "{" + std::string(name) + "}";
    // Searching on past each value: a file named "{file}" is not replaced again.
    for (std::size_t at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at + value.size()))
        out.replace(at, placeholder.size(), value);
}

}  // namespace

std::string idLabel(UiText t, const Language& language) { return std::string(t(language)) + "###" + t.key; }

std::string formatText(UiText t, const Language& language,
                       std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out = t(language);
    for (const auto& [name, value] : values) fillIn(out, name, value);
    return out;
}

std::string formatText(UiText t, const Language& language,
                       const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out = t(language);
    for (const auto& [name, value] : values) fillIn(out, name, value);
    return out;
}

std::string StatusText::operator()(const Language& language) const {
    if (!key) return message;
    std::string out = formatText(UiText{key}, language, values);
    for (const auto& [name, term] : terms) fillIn(out, name, term(language));
    return out;
}

}  // namespace axis::viewer
