#include "poi/migrate.h"

namespace axis {
namespace {

using json::Json;

// Moves root[from] to root[to] when present and `to` is free; returns whether it moved.
bool rename(Json& obj, const char* from, const char* to) {
    auto it = obj.find(from);
    if (it == obj.end() || obj.contains(to)) return false;
    Json value = std::move(*it);
    obj.erase(from);
    obj[to] = std::move(value);
    return true;
}

// "title": "午门", "title_en": "Meridian Gate" -> "title": {"zh": "午门", "en": "Meridian Gate"}.
void toLanguageMap(Json& poi, const char* zhKey, const char* enKey, const char* key) {
    const auto zh = poi.find(zhKey);
    const auto en = poi.find(enKey);
    const bool zhOk = zh == poi.end() || zh->is_string();
    const bool enOk = en == poi.end() || en->is_string();
    if (!zhOk || !enOk || (zh == poi.end() && en == poi.end())) return;
    Json map = Json::object();
    if (zh != poi.end()) map["zh"] = *zh;
    if (en != poi.end()) map["en"] = *en;
    poi.erase(zhKey);
    poi.erase(enKey);
    poi[key] = std::move(map);
}

void migrateAnchor(Json& poi) {
    if (poi.contains("anchor")) return;
    Json anchor = Json::object();
    for (const char* key : {"model", "position", "normal"}) {
        if (auto it = poi.find(key); it != poi.end()) {
            anchor[key] = *it;
            poi.erase(key);
        }
    }
    if (!anchor.empty()) poi["anchor"] = std::move(anchor);
}

void migrateImages(Json& poi) {
    auto it = poi.find("images");
    if (it == poi.end() || !it->is_array() || poi.contains("media")) return;
    Json media = Json::array();
    for (const Json& path : *it) media.push_back(Json{{"path", path}});
    poi.erase("images");
    poi["media"] = std::move(media);
}

void migrateTags(Json& poi) {
    auto it = poi.find("tags");
    if (it == poi.end() || !it->is_string()) return;
    Json tags = Json::array();
    const std::string s = it->get<std::string>();
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t comma = s.find(',', pos);
        if (comma == std::string::npos) comma = s.size();
        std::string tag = s.substr(pos, comma - pos);
        tag.erase(0, tag.find_first_not_of(' '));
        tag.erase(tag.find_last_not_of(' ') + 1);
        if (!tag.empty()) tags.push_back(tag);
        pos = comma + 1;
    }
    *it = std::move(tags);
}

void migratePoi(Json& poi) {
    if (!poi.is_object()) return;
    migrateAnchor(poi);
    toLanguageMap(poi, "title", "title_en", "title");
    toLanguageMap(poi, "text", "text_en", "body");
    migrateImages(poi);
    rename(poi, "camera", "viewpoint");
    migrateTags(poi);
}

}  // namespace

std::string migratePoisDocument(Json& root) {
    const auto format = root.find("format");
    const auto version = root.find("version");
    if (format == root.end() || *format != "axisview-pois" || version == root.end() || *version != "0.9")
        return {};
    if (auto pois = root.find("pois"); pois != root.end() && pois->is_array())
        for (Json& poi : *pois) migratePoi(poi);
    root["version"] = kPoiFormatVersion;
    return "0.9";
}

}  // namespace axis
