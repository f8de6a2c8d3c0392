#include "content.h"

#include "layout.h"
#include "poi_texts.h"

namespace demo {
namespace {

// Fixed, so that the generator's output is byte-for-byte reproducible.
constexpr const char* kCreated = "2024-07-27T00:00:00Z";  // the day of the World Heritage inscription

const ModelSpec& modelSpec(const std::string& id) {
    for (const auto& m : models())
        if (m.id == id) return m;
    throw std::out_of_range("no demo model " + id);
}

axis::Tour attractTour() {
    axis::Tour t;
    t.id = "attract";
    t.name = {{"zh", "中轴线漫游"}, {"en", "Along the Central Axis"}};
    for (const auto& p : poiTexts()) t.stops.push_back({p.id, std::string(p.id) == "central-axis" ? 10.0 : 8.0});
    return t;
}

}  // namespace

axis::Site makeSite() {
    axis::Site s;
    s.name = {{"zh", "北京中轴线"}, {"en", "Beijing Central Axis"}};
    s.description = {
        {"zh", "axisview 内置演示场景：北京中轴线从永定门到钟楼的简化模型，按真实比例（1单位=1米）沿+y方向排列，"
               "全长约7.8公里。模型与纹理均为程序生成，位置和尺寸为近似值。"},
        {"en", "The built-in axisview demo: a simplified, procedurally generated model of the Beijing Central Axis "
               "from Yongdingmen to the Bell Tower, at real scale (1 unit = 1 m) along +y, about 7.8 km long. "
               "Positions and sizes are approximate."}};
    s.origin = axis::GeoOrigin{39.8678, 116.3977, 44.0};  // Yongdingmen, WGS84
    for (const auto& spec : models()) {
        axis::ModelPlacement m;
        m.id = spec.id;
        m.source = "models/" + spec.id + ".glb";
        m.up = axis::UpAxis::Y;
        m.position = spec.position;
        s.models.push_back(m);
    }
    s.start = axis::Viewpoint{{0, -180, 1.7}, 0, 3, 60};
    s.overview = axis::Viewpoint{{0, -900, 420}, 0, -22, 55};
    s.pois = "central-axis.pois.json";
    s.tours = {attractTour()};
    s.kiosk = axis::KioskSettings{90, {"zh", "en"}, "attract", "2024", ""};
    return s;
}

axis::PoiFile makePois() {
    axis::PoiFile f;
    for (const auto& t : poiTexts()) {
        const glm::dvec3 base = modelSpec(t.model).position;
        axis::Poi p;
        p.id = t.id;
        p.anchor = {t.model, base + t.anchor, glm::normalize(t.normal)};
        p.title = {{"zh", t.titleZh}, {"en", t.titleEn}};
        p.body = {{"zh", t.bodyZh}, {"en", t.bodyEn}};
        p.viewpoint = axis::Viewpoint::lookAt(base + t.eye, base + t.target, 60.0);
        for (const char* tag : t.tags) p.tags.push_back(tag);
        p.created = p.modified = kCreated;
        f.pois.push_back(std::move(p));
    }
    return f;
}

}  // namespace demo
