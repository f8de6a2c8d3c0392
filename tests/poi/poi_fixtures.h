#pragma once
// POI files for the poi tests and the save_child helper: fully populated, with unknown fields,
// so that round trips and equality checks cover every field.
#include <fstream>
#include <string>

#include "poi/poi.h"

namespace axis::test {

inline Poi samplePoi(const std::string& id, int n) {
    Poi p;
    p.id = id;
    p.anchor = {"model-" + std::to_string(n % 3), {0.25 * n, 4632.125 + n, 10.5}, {0, -1, 0}};
    p.title = {{"zh", "午门 " + std::to_string(n)}, {"en", "Meridian Gate " + std::to_string(n)}};
    p.body = {{"zh", "正门。\n\n- 明代\n- 清代"}, {"en", "The **main** gate, see [Taihe](poi:taihedian)."}};
    p.media = {{"media/wumen-" + std::to_string(n) + ".jpg", {{"en", "1900s"}, {"zh", "旧照"}}, R"({"credit":"archive"})"}};
    p.viewpoint = Viewpoint{{0, 4450.5, 1.7}, 12.5, -5, 55};
    p.tags = {"gate", "palace"};
    p.created = "2024-07-27";
    p.modified = "2024-07-28T10:15:00+08:00";
    p.extra = R"({"x_votes":3})";
    return p;
}

/// `count` POIs; `variant` changes every title so that two variants differ everywhere.
inline PoiFile sampleFile(int count = 3, int variant = 0) {
    PoiFile f;
    for (int i = 0; i < count; ++i) {
        Poi p = samplePoi("poi-" + std::to_string(i), i);
        p.title["en"] += " v" + std::to_string(variant);
        f.pois.push_back(p);
    }
    f.retiredIds = {"old-gate"};
    f.extra = R"({"x_editor":{"last":"poi-0"}})";
    return f;
}

inline void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace axis::test
