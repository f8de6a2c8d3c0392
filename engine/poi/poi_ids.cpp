#include "poi/poi_ids.h"

#include <algorithm>

namespace axis {

std::string slugify(const std::string& text, std::size_t maxLength) {
    std::string out;
    bool gap = false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) {
            if (gap && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(c));
            gap = false;
        } else {
            gap = true;
        }
        if (out.size() >= maxLength) break;
    }
    out.resize(std::min(out.size(), maxLength));
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

bool isFreePoiId(const PoiFile& file, const std::string& id) {
    const auto& retired = file.retiredIds;
    return !id.empty() && !file.find(id) && !file.findMeasurement(id) && std::find(retired.begin(), retired.end(), id) == retired.end();
}

std::string makePoiId(const PoiFile& file, const std::string& title) {
    const std::string slug = slugify(title);
    if (!slug.empty() && isFreePoiId(file, slug)) return slug;
    const std::string stem = slug.empty() ? "poi" : slug;
    for (std::size_t n = slug.empty() ? 1 : 2;; ++n) {
        std::string id = stem + "-" + std::to_string(n);
        if (isFreePoiId(file, id)) return id;
    }
}

}  // namespace axis
