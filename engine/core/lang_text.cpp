#include "core/lang_text.h"

#include <algorithm>
#include <cctype>

namespace axis {
namespace {

std::vector<std::string> subtags(const std::string& tag) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= tag.size()) {
        size_t end = tag.find_first_of("-_", start);  // "zh_TW" is seen in locale names: accept it.
        out.push_back(tag.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, size_t count) {
    std::string out;
    for (size_t i = 0; i < count && i < parts.size(); ++i) out += (i ? "-" : "") + parts[i];
    return out;
}

bool isAlpha(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower((unsigned char)c));
    return s;
}

// The script a Chinese tag without one means: Traditional in Taiwan, Hong Kong and Macao,
// Simplified elsewhere (and for plain "zh", which is how the old files wrote Simplified).
std::string impliedChineseScript(const std::vector<std::string>& parts) {
    for (size_t i = 1; i < parts.size(); ++i)
        if (parts[i] == "TW" || parts[i] == "HK" || parts[i] == "MO") return "Hant";
    return "Hans";
}

bool sameLanguage(const std::string& a, const std::string& b) {
    return lower(subtags(a).front()) == lower(subtags(b).front());
}

}  // namespace

std::string canonicalTag(const std::string& tag) {
    if (tag.empty()) return {};
    auto parts = subtags(tag);
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string& p = parts[i];
        p = lower(p);
        if (i > 0 && p.size() == 4 && isAlpha(p)) p[0] = char(std::toupper((unsigned char)p[0]));
        if (i > 0 && p.size() == 2 && isAlpha(p))
            for (char& c : p) c = char(std::toupper((unsigned char)c));
    }
    return join(parts, parts.size());
}

bool isWellFormedTag(const std::string& tag) {
    if (tag.empty() || tag.find('_') != std::string::npos) return false;
    auto parts = subtags(tag);
    const std::string& first = parts.front();
    if (!isAlpha(first) || first.size() < 2 || first.size() == 4 || first.size() > 8) return false;
    return std::all_of(parts.begin() + 1, parts.end(), [](const std::string& p) {
        return !p.empty() && p.size() <= 8 &&
               std::all_of(p.begin(), p.end(), [](unsigned char c) { return std::isalnum(c); });
    });
}

std::vector<std::string> fallbackTags(const std::string& tag) {
    std::vector<std::string> out;
    if (tag.empty()) return out;
    auto parts = subtags(canonicalTag(tag));
    const auto add = [&out](const std::string& t) {
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    };
    add(join(parts, parts.size()));
    const bool hasScript = parts.size() > 1 && parts[1].size() == 4;
    if (parts.front() == "zh" && !hasScript) {
        // Put the implied script in, so that zh-TW finds zh-Hant content before plain zh.
        auto withScript = parts;
        withScript.insert(withScript.begin() + 1, impliedChineseScript(parts));
        for (size_t n = withScript.size(); n >= 2; --n) add(join(withScript, n));
    }
    for (size_t n = parts.size(); n >= 1; --n) add(join(parts, n));
    return out;
}

std::optional<std::string> matchTag(const std::vector<std::string>& available, const std::string& wanted,
                                    const std::vector<std::string>& fallbacks) {
    const auto find = [&available](const std::string& tag) -> std::optional<std::string> {
        for (const std::string& a : available)
            if (lower(a) == lower(tag)) return a;
        return std::nullopt;
    };
    std::vector<std::string> wishes{wanted};
    wishes.insert(wishes.end(), fallbacks.begin(), fallbacks.end());
    for (const std::string& wish : wishes) {
        if (wish.empty()) continue;
        for (const std::string& t : fallbackTags(wish))
            if (auto hit = find(t)) return hit;
        // Broader content is gone; a sibling still reads better than another language. Prefer
        // the one whose fallbacks share most with the wish ("zh" -> "zh-Hans" over "zh-Hant").
        const auto wishChain = fallbackTags(wish);
        std::optional<std::string> best;
        size_t bestShared = 0;
        for (const std::string& a : available) {
            if (!sameLanguage(a, wish)) continue;
            size_t shared = 0;
            for (const std::string& t : fallbackTags(a))
                if (std::find(wishChain.begin(), wishChain.end(), t) != wishChain.end()) ++shared;
            for (const std::string& t : wishChain)  // zh's chain holds zh-Hans: count a chain reaching a.
                if (lower(t) == lower(a)) shared += 2;
            if (!best || shared > bestShared) best = a, bestShared = shared;
        }
        if (best) return best;
    }
    return std::nullopt;
}

std::string pickText(const LangText& text, const std::string& wanted, const std::vector<std::string>& fallbacks) {
    std::vector<std::string> available;
    for (const auto& [tag, value] : text)
        if (!value.empty()) available.push_back(tag);
    if (auto tag = matchTag(available, wanted, fallbacks)) return text.at(*tag);
    return available.empty() ? std::string() : text.at(available.front());
}

}  // namespace axis
