#pragma once
// Who made a site and on what terms: shown on a video's end card and watermark and written into
// its metadata, so every copy that leaves the museum carries them. A site file's "credits"
// (version 1.2):
//
//   "credits": {
//     "institution": {"zh": "北京中轴线遗产保护中心", "en": "Beijing Central Axis Heritage Centre"},
//     "authors": ["Survey team A (laser scans, 2023)", "Li Wei (photogrammetry)"],
//     "licence": "CC BY 4.0",                        as people write it
//     "licence_url": "https://creativecommons.org/licenses/by/4.0/",   optional
//     "year": 2024                                   optional; 1000..9999
//   }
#include <optional>
#include <string>
#include <vector>

#include "core/lang_text.h"

namespace axis {

struct SiteCredits {
    LangText institution;
    std::vector<std::string> authors;
    std::string licence;
    std::string licenceUrl;
    std::optional<int> year;

    bool empty() const { return institution.empty() && authors.empty() && licence.empty() && licenceUrl.empty() && !year; }
};

/// "© 2024 Beijing Central Axis Heritage Centre · CC BY 4.0", the institution in `language`
/// (nearest tag, else any); the parts that are known, "" when none is.
std::string copyrightLine(const SiteCredits& credits, const std::string& language);

}  // namespace axis
