#include "site/scene_loader.h"

#include <cstdlib>
#include <cstring>
#include <utility>

#include <glm/gtc/matrix_transform.hpp>

#include "core/file_io.h"
#include "core/log.h"
#include "geo/geodesy.h"
#include "tiles/tileset.h"

namespace axis::site {
namespace {

void addModel(LoadedScene& scene, LoadedModel loaded) {
    scene.bounds.add(loaded.model.bounds.transformed(loaded.modelToSite));
    scene.models.push_back(std::move(loaded));
}

// What a LoadedModel needs of the source when the geometry stays in the cache.
Model metadataOnly(const BakedModel& baked) {
    Model m;
    m.sourcePath = baked.sourcePath;
    m.format = baked.format;
    m.up = baked.up;
    m.frame = baked.frame;
    m.meshCount = baked.meshCount;
    m.bounds = baked.bounds;
    return m;
}

// The bake cache first; a model it cannot take (or AXIS_NO_CACHE) is imported directly. The up
// axis override is part of the bake options: opening with another one rebakes.
struct Opened {
    Model model;
    std::optional<BakedModel> baked;
    std::shared_ptr<const tiles::Tileset> tileset;
};

// What a LoadedModel needs of a tileset: its frame (z up; earth-centred ones east-north-up at the
// root's centre, as an earth-centred model file is stored) and its bounds.
Model tilesetMetadata(const tiles::Tileset& set) {
    Model m;
    m.sourcePath = set.file.string();
    m.format = "3D Tiles " + set.version + " tileset";
    m.up = UpAxis::Z;
    m.frame.origin = glm::dvec3(set.localToSource[3]);
    m.frame.earthCentred = set.earthCentred;
    m.frame.upRule = "3D Tiles are z-up";
    m.meshCount = std::uint32_t(set.contentCount());
    m.bounds = set.localBounds();
    return m;
}

Expected<Opened> openTileset(const std::filesystem::path& path) {
    auto set = tiles::loadTileset(path);
    if (!set) return set.error();
    for (const auto& w : set->warnings) logWarn(w);
    Model model = tilesetMetadata(*set);
    return Opened{std::move(model), std::nullopt, std::make_shared<const tiles::Tileset>(std::move(*set))};
}

Expected<Opened> openModel(const std::filesystem::path& path, std::optional<UpAxis> up, const LoadOptions& options,
                           const Progress& progress) {
    if (tiles::isTilesetFile(path)) return openTileset(path);
    ImportOptions importOptions;
    importOptions.up = up;
    if (options.useCache) {
        BakeOptions bakeOptions;
        bakeOptions.import = importOptions;
        auto baked = openOrBake(path, bakeOptions, progress);
        if (baked) {
            // A texture missing when the model was baked is still missing: say so on every open,
            // not only on the first (the import that baked it warned then).
            for (const auto& t : baked->textures)
                if (t.isFallback)
                    logWarn(path.string() + ": texture not found: " + t.name + "; using a checkerboard instead");
            Model model = options.cpuModels ? toModel(*baked) : metadataOnly(*baked);
            // A CPU copy (toModel) reads every page: drop them until the upload reads them again.
            baked->file->evict();
            return Opened{std::move(model), std::move(*baked), nullptr};
        }
        logWarn(baked.error().message + "; opening " + path.filename().string() + " without the cache");
    }
    auto model = importModel(path, importOptions, progress);
    if (!model) return model.error();
    return Opened{std::move(*model), std::nullopt, nullptr};
}

Expected<LoadedScene> loadModelFile(const std::filesystem::path& path, const LoadOptions& options,
                                    const Progress& progress) {
    auto loaded = openModelFile(path, options.up, options, progress);
    if (!loaded) return loaded.error();
    LoadedScene scene;
    addModel(scene, std::move(*loaded));
    return scene;
}

void addSiteViewpoints(LoadedScene& scene) {
    const Site& site = *scene.site;
    if (site.start) scene.viewpoints.emplace_back("start", toCamera(*site.start));
    if (site.overview) scene.viewpoints.emplace_back("overview", toCamera(*site.overview));
    if (!scene.pois) return;
    const Tour* tour = site.kiosk ? site.findTour(site.kiosk->attractTour) : nullptr;
    if (!tour && !site.tours.empty()) tour = &site.tours.front();
    if (!tour) return;
    for (const auto& stop : tour->stops)
        if (const Poi* poi = scene.pois->find(stop.poi); poi && poi->viewpoint)
            scene.viewpoints.emplace_back(poi->id, toCamera(*poi->viewpoint));
}

// Site, POIs and viewpoints; the models only as pending entries.
Expected<LoadedScene> loadSiteShell(const std::filesystem::path& path, const LoadOptions& options) {
    auto site = loadSite(path);
    if (!site) return site.error();
    for (const auto& problem : site->problems) logWarn(problem);
    LoadedScene scene;
    for (const ModelPlacement& placement : site->models)
        if (placement.visible)
            scene.pending.push_back({placement.id, placement.resolvedSource, placement.up, placement.transform(),
                                     options.shading.value_or(placement.shading), {placement.crs, site->origin},
                                     placement.clipping});
    if (!site->pois.empty()) {
        auto pois = loadPois(site->poisPath());
        if (pois) {
            for (const auto& problem : pois->problems) logWarn(problem);
            scene.pois = std::move(*pois);
        } else {
            logError(pois.error().message);
        }
    }
    scene.clipping = site->clipping;
    scene.site = std::move(*site);
    addSiteViewpoints(scene);
    return scene;
}

Expected<LoadedScene> loadSiteFile(const std::filesystem::path& path, const LoadOptions& options,
                                   const Progress& progress) {
    auto scene = loadSiteShell(path, options);
    if (!scene) return scene.error();
    const std::vector<PendingModel> pending = std::exchange(scene->pending, {});
    for (size_t i = 0; i < pending.size(); ++i) {
        progress.report("loading " + pending[i].id, double(i) / double(pending.size()));
        auto loaded = loadPendingModel(pending[i], options, {});
        if (!loaded) {
            logError(path.filename().string() + ": " + loaded.error().message);
            continue;
        }
        addModel(*scene, std::move(*loaded));
    }
    progress.report("loading models", 1.0);
    if (scene->models.empty() && !pending.empty())
        return makeError(path.string(), "none of the site's models could be opened");
    return scene;
}

}  // namespace

bool cacheDisabledByEnvironment() {
    const char* v = std::getenv("AXIS_NO_CACHE");
    return v && *v && std::strcmp(v, "0") != 0;
}

std::vector<glm::dvec3> samplePositions(const LoadedModel& m, std::size_t maxCount) {
    if (m.tileset) {  // Its tiles are not read yet: the corners of its bounds stand in.
        const Bounds b = m.model.bounds.transformed(m.modelToSite);
        std::vector<glm::dvec3> corners;
        for (int i = 0; i < 8 && i < int(maxCount); ++i)
            corners.push_back({(i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z});
        return corners;
    }
    if (!m.model.primitives.empty() || !m.baked) return samplePositions(m.model, m.modelToSite, maxCount);
    const BakedModel& b = *m.baked;
    const std::uint64_t count = b.vertexCount();
    const std::uint64_t step = std::max<std::uint64_t>(1, count / std::max<std::size_t>(maxCount, 1));
    std::vector<glm::dvec3> out;
    for (std::uint64_t i = 0; i < count && out.size() < maxCount; i += step) {
        glm::vec3 p;
        std::memcpy(&p, b.vertexBytes.data() + i * b.vertexFormat.stride + BakedVertexFormat::kPositionOffset, sizeof p);
        out.push_back(glm::dvec3(m.modelToSite * glm::dvec4(glm::dvec3(p), 1.0)));
    }
    return out;
}

// defaultShading(Model)'s rule (textured scans unlit) on the baked tables.
Shading defaultShading(const LoadedModel& m) {
    if (m.tileset) return Shading::Unlit;  // 3D Tiles are photogrammetry, their light in the texels.
    if (!m.model.primitives.empty() || !m.baked) return defaultShading(m.model);
    bool anyTriangles = false;
    for (const LodPrimitive& p : m.baked->primitives) {
        if (p.topology != std::uint32_t(Topology::Triangles)) continue;
        anyTriangles = true;
        const Material& mat = m.baked->materials.at(p.material);
        if (mat.baseColorTexture < 0 || mat.metallicRoughnessTexture >= 0) return Shading::Lit;
    }
    return anyTriangles ? Shading::Unlit : Shading::Lit;
}

Expected<LoadedScene> openSiteDeferred(const std::filesystem::path& path, const LoadOptions& options) {
    return loadSiteShell(path, options);
}

Expected<LoadedScene> openForWindow(const std::filesystem::path& path, const LoadOptions& options,
                                    const Progress& progress) {
    if (isSiteFile(path))
        if (auto shell = loadSiteShell(path, options); shell && shell->site->start) return shell;
    return loadScene(path, options, progress);
}

Expected<LoadedModel> openModelFile(const std::filesystem::path& path, std::optional<UpAxis> up,
                                    const LoadOptions& options, const Progress& progress) {
    auto opened = openModel(path, up, options, progress);
    if (!opened) return opened.error();
    LoadedModel loaded;
    loaded.id = path.stem().string();
    loaded.modelToSite = modelAxesToSite(opened->model);
    loaded.model = std::move(opened->model);
    loaded.baked = std::move(opened->baked);
    loaded.tileset = std::move(opened->tileset);
    loaded.shading = options.shading.value_or(defaultShading(loaded));
    return loaded;
}

Expected<LoadedModel> loadPendingModel(const PendingModel& pending, const LoadOptions& options,
                                       const Progress& progress) {
    auto opened = openModel(pending.source, pending.up, options, progress);
    if (!opened) return Error{"model '" + pending.id + "': " + opened.error().message};
    const glm::dmat4 modelToSite = placedModelToSite(pending.modelToSite, pending.up, opened->model, pending.geo);
    return LoadedModel{pending.id,      std::move(opened->model),   std::move(opened->baked), modelToSite,
                       pending.shading, std::move(opened->tileset), pending.clipping};
}

namespace {

// A model's coordinates to the site's east-north-up frame, when both are tied to the earth.
std::optional<glm::dmat4> modelOnEarth(const Model& model, const GeoReference& geo) {
    const SourceFrame& frame = model.frame;
    const std::string crs = frame.earthCentred ? geo::kEarthCentred : geo.crs;
    if (crs.empty()) return std::nullopt;
    if (!geo.siteOrigin) {
        if (!geo.crs.empty())
            logWarn(model.sourcePath + ": declares CRS '" + geo.crs +
                    "' but the site has no geographic origin; placed by its own coordinates");
        return std::nullopt;
    }
    const geo::Geodetic origin{geo.siteOrigin->lat, geo.siteOrigin->lon, geo.siteOrigin->height};
    auto toSite = geo::crsToEastNorthUp(crs, frame.origin, origin);
    if (!toSite) {
        logWarn(model.sourcePath + ": " + toSite.error().message + "; placed by its own coordinates");
        return std::nullopt;
    }
    if (!frame.earthCentred) return *toSite;
    // Earth-centred positions were stored east-north-up at the model's origin: back to ECEF axes.
    auto at = geo::geodeticFromEcef(frame.origin);
    if (!at) return std::nullopt;
    return *toSite * glm::dmat4(glm::transpose(geo::enuFromEcef(*at)));
}

}  // namespace

glm::dmat4 modelAxesToSite(const Model& model) {
    // Earth-centred positions are east-north-up about the origin already (asset/import.h).
    if (model.frame.earthCentred) return glm::dmat4(1.0);
    return upAxisToZUp(model.up) * glm::translate(glm::dmat4(1.0), model.frame.origin);
}

// The placement's own up turn gives way to the model's: they differ for earth-centred
// coordinates and declared CRSs, whose up is the ellipsoid's.
glm::dmat4 placedModelToSite(const glm::dmat4& placement, UpAxis placementUp, const Model& model,
                             const GeoReference& geo) {
    const glm::dmat4 withoutUp = placement * glm::inverse(upAxisToZUp(placementUp));
    if (auto onEarth = modelOnEarth(model, geo)) return withoutUp * *onEarth;
    return withoutUp * modelAxesToSite(model);
}

Camera toCamera(const Viewpoint& v) { return Camera::fromHeading(v.position, v.yaw, v.pitch, v.fov); }

bool isSiteFile(const std::filesystem::path& path) { return lowerExtension(path) == "json" && !tiles::isTilesetFile(path); }

std::optional<Camera> LoadedScene::namedView(const std::string& name) const {
    if (site && name == "start" && site->start) return toCamera(*site->start);
    if (site && name == "overview" && site->overview) return toCamera(*site->overview);
    if (pois)
        if (const Poi* poi = pois->find(name); poi && poi->viewpoint) return toCamera(*poi->viewpoint);
    return std::nullopt;
}

Expected<LoadedScene> loadScene(const std::filesystem::path& path, const LoadOptions& options,
                                const Progress& progress) {
    return isSiteFile(path) ? loadSiteFile(path, options, progress) : loadModelFile(path, options, progress);
}

}  // namespace axis::site
