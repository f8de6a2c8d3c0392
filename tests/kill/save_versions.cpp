#include "save_versions.h"

#include <fstream>
#include <vector>

#include "poi_fixtures.h"
#include "record/path_file.h"
#include "scene/site.h"

namespace axis::test {
namespace fs = std::filesystem;

namespace {

// Sizes chosen so that one save takes long enough for kills to land inside it (~100 KB each).
constexpr int kPois = 150, kModels = 150, kKeys = 1500;

const PoiFile& poiVersion(int v) {
    static const PoiFile versions[2] = {sampleFile(kPois, 0), sampleFile(kPois, 1)};
    return versions[v];
}

Site makeSite(int variant) {
    Site site;
    site.name = {{"zh", "中轴线 " + std::to_string(variant)}, {"en", "Central Axis v" + std::to_string(variant)}};
    site.origin = GeoOrigin{39.868, 116.3975, 44.0 + variant};
    for (int i = 0; i < kModels; ++i) {
        ModelPlacement m;
        m.id = "model-" + std::to_string(i);
        m.source = "models/m" + std::to_string(i % 4) + ".glb";
        m.position = {0.5 * i, 100.0 * i + variant, 0.25};
        m.rotationDeg = {0, 0, 15.0 * variant};
        m.scale = glm::dvec3(1.0 + 0.5 * variant);
        site.models.push_back(m);
    }
    site.start = Viewpoint{{0, -20.0 - variant, 1.7}, 0, -5, 60};
    site.pois = "site.pois.json";
    site.tours.push_back({"attract", {{"en", "Tour " + std::to_string(variant)}}, {{"poi-0", 6.0}, {"poi-1", 4.0 + variant}}, ""});
    site.kiosk = KioskSettings{};
    site.kiosk->exitPin = variant ? "4321" : "2024";
    return site;
}

const Site& siteVersion(int v) {
    static const Site versions[2] = {makeSite(0), makeSite(1)};
    return versions[v];
}

record::PathFile makePath(int variant) {
    record::PathFile path;
    path.name = "flythrough v" + std::to_string(variant);
    for (int i = 0; i < kKeys; ++i) {
        record::PathKey key;
        key.time = 2.0 * i;
        key.position = {0.0, 10.0 * i + variant, 1.7 + 0.01 * variant};
        key.angles = {double(variant), -5.0, 0.0};
        path.keys.push_back(key);
    }
    return path;
}

const record::PathFile& pathVersion(int v) {
    static const record::PathFile versions[2] = {makePath(0), makePath(1)};
    return versions[v];
}

void noPreparation(const fs::path&) {}

void prepareSite(const fs::path& dir) {
    fs::create_directories(dir / "models");
    for (int i = 0; i < 4; ++i) std::ofstream(dir / "models" / ("m" + std::to_string(i) + ".glb")) << "stand-in";
}

Expected<int> which(bool isV0, bool isV1, const fs::path& file) {
    if (isV0) return 0;
    if (isV1) return 1;
    return makeError(file.string(), "loads, but is neither the old nor the new version");
}

Expected<int> identifyPois(const fs::path& file) {
    auto loaded = loadPois(file);
    if (!loaded) return loaded.error();
    if (!loaded->problems.empty()) return makeError(file.string(), loaded->problems.front());
    return which(loaded->pois == poiVersion(0).pois, loaded->pois == poiVersion(1).pois, file);
}

Expected<int> identifySite(const fs::path& file) {
    auto loaded = loadSite(file);
    if (!loaded) return loaded.error();
    if (!loaded->problems.empty()) return makeError(file.string(), loaded->problems.front());
    const std::string text = toJson(*loaded);
    return which(text == toJson(siteVersion(0)), text == toJson(siteVersion(1)), file);
}

Expected<int> identifyPath(const fs::path& file) {
    auto loaded = record::loadPathFile(file);
    if (!loaded) return loaded.error();
    return which(*loaded == pathVersion(0), *loaded == pathVersion(1), file);
}

const std::vector<SaveSubject>& subjects() {
    static const std::vector<SaveSubject> all = {
        {"poi", "a.pois.json", noPreparation, [](int v, const fs::path& f) { return savePois(poiVersion(v), f); },
         identifyPois},
        {"site", "a.site.json", prepareSite, [](int v, const fs::path& f) { return saveSite(siteVersion(v), f); },
         identifySite},
        {"path", "a.path.json", noPreparation,
         [](int v, const fs::path& f) { return record::savePathFile(pathVersion(v), f); }, identifyPath},
    };
    return all;
}

}  // namespace

const SaveSubject& saveSubject(std::string_view kind) {
    static const SaveSubject kNone{};
    for (const SaveSubject& s : subjects())
        if (s.kind == kind) return s;
    return kNone;
}

}  // namespace axis::test
