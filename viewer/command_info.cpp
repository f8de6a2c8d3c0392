#include <cstdio>
#include <iostream>
#include <sstream>

#include "asset/import.h"
#include "core/log.h"
#include "geo/geodesy.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"
#include "site/scene_loader.h"
#include "tiles/tileset.h"

namespace axis::viewer {
namespace {

// Where on the earth the model's centre is, when its coordinates say so (earth-centred, or the
// CRS a site declares for them); `indent` goes before the line.
std::string geographicCentre(const Model& model, const std::string& crs = "", const std::string& indent = "") {
    const std::string system = model.frame.earthCentred ? geo::kEarthCentred : crs;
    if (system.empty()) return "";
    auto at = geo::geodeticOf(system, model.frame.origin);
    if (!at) return indent + "centre: unknown (" + at.error().message + ")\n";
    char text[200];
    std::snprintf(text, sizeof text, "centre: lat %.8f, lon %.8f, height %.3f m (WGS84; from %s)\n", at->latitude,
                  at->longitude, at->height, system.c_str());
    return indent + text;
}

std::string describeSite(const site::LoadedScene& scene, const std::filesystem::path& path) {
    const Site& site = *scene.site;
    std::ostringstream out;
    uint64_t triangles = 0, points = 0, vertices = 0;
    out << "file: " << path.string() << "\n";
    out << "format: axisview site " << site.version << "\n";
    for (const auto& [lang, text] : site.name) out << "name (" << lang << "): " << text << "\n";
    if (site.origin)
        out << "origin: lat " << site.origin->lat << ", lon " << site.origin->lon << ", height " << site.origin->height
            << " m\n";
    out << "models: " << site.models.size() << " (" << scene.models.size() << " opened)\n";
    for (const auto& m : scene.models) {
        triangles += m.model.triangleCount();
        points += m.model.pointCount();
        vertices += m.model.vertexCount();
        out << "  " << m.id << ": " << m.model.format << ", " << m.model.triangleCount() << " triangles, "
            << m.model.pointCount() << " points, " << m.model.textures.size() << " textures\n";
        const ModelPlacement* placement = site.findModel(m.id);
        out << geographicCentre(m.model, placement ? placement->crs : "", "    ");
    }
    out << "triangles: " << triangles << "\npoints: " << points << "\nvertices: " << vertices << "\n";
    out << "points of interest: " << (scene.pois ? scene.pois->pois.size() : 0) << "\n";
    out << "tours: " << site.tours.size() << "\n";
    const Bounds& b = scene.bounds;
    if (!b.empty()) {
        glm::dvec3 s = b.size();
        out << "bounds min: " << b.min.x << " " << b.min.y << " " << b.min.z << "\n";
        out << "bounds max: " << b.max.x << " " << b.max.y << " " << b.max.z << "\n";
        out << "bounds size: " << s.x << " " << s.y << " " << s.z << " (metres, east-north-up)\n";
    }
    return out.str();
}

int describe(const std::string& file, bool several) {
    if (site::isSiteFile(file)) {
        auto scene = site::loadScene(file, {}, Progress::toStderr());
        if (!scene) {
            logError(scene.error().message);
            return kExitFailure;
        }
        std::cout << describeSite(*scene, file) << (several ? "\n" : "") << std::flush;
        return 0;
    }
    if (tiles::isTilesetFile(file)) {
        auto tileset = tiles::loadTileset(file);
        if (!tileset) {
            logError(tileset.error().message);
            return kExitFailure;
        }
        std::cout << tiles::describeTileset(*tileset) << (several ? "\n" : "") << std::flush;
        return 0;
    }
    auto model = importModel(file, {}, Progress::toStderr());
    if (!model) {
        logError(model.error().message);
        return kExitFailure;
    }
    std::cout << describeModel(*model) << geographicCentre(*model) << (several ? "\n" : "") << std::flush;
    return 0;
}

}  // namespace

void addInfoCommand(CLI::App& app, int& exitCode) {
    auto* cmd = app.add_subcommand("info", "Print a model's or site's format, meshes, triangles, vertices, "
                                           "materials, textures and bounds");
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("MODEL_OR_SITE", *files, "Model or site files")->required();
    cmd->callback([files, &exitCode] {
        exitCode = 0;
        for (const auto& file : *files)
            if (describe(file, files->size() > 1) != 0) exitCode = kExitFailure;
    });
}

}  // namespace axis::viewer
