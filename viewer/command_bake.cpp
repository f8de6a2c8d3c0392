// `axisview bake MODEL...`: build (or refresh) the bake cache of each model ahead of time, so the
// first open in the viewer is an mmap instead of an import.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "asset/bake_cache.h"
#include "core/log.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"

namespace axis::viewer {
namespace {

struct BakeArgs {
    std::vector<std::string> models;
    std::string cacheDir;
    bool force = false;
};

std::string megabytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.1f MB", double(bytes) / 1e6);
    return text;
}

void printCache(const std::string& model, const BakedModel& baked, const std::string& how) {
    std::printf("%s\n  cache: %s (%s)\n  %llu triangles, %llu points, %zu clusters; %s\n", model.c_str(),
                baked.cachePath.c_str(), megabytes(baked.file->bytes().size()).c_str(),
                static_cast<unsigned long long>(baked.triangleCount()),
                static_cast<unsigned long long>(baked.pointCount()), baked.clusters.size(), how.c_str());
    std::fflush(stdout);
}

int bakeOne(const std::string& model, BakeOptions options) {
    if (!options.force)
        if (auto cached = openCached(model, options)) {
            printCache(model, *cached, "up to date");
            return 0;
        }
    options.force = true;  // Checked just now.
    const auto start = std::chrono::steady_clock::now();
    if (Status baked = bake(model, options, Progress::toStderr()); !baked) {
        logError(baked.error().message);
        return kExitFailure;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto opened = openCached(model, options);
    if (!opened) {
        logError(opened.error().message);
        return kExitFailure;
    }
    char how[96];
    std::snprintf(how, sizeof(how), "baked in %.2f s, %.2f M triangles/s", seconds,
                  double(opened->triangleCount()) / seconds / 1e6);
    printCache(model, *opened, how);
    return 0;
}

}  // namespace

void addBakeCommand(CLI::App& app, int& exitCode) {
    auto* cmd = app.add_subcommand("bake", "Build the bake cache (quantised streams, cluster LOD, textures with mips) "
                                           "of each model; a valid cache is kept unless --force");
    auto args = std::make_shared<BakeArgs>();
    cmd->add_option("MODEL", args->models, "Model files")->required();
    cmd->add_option("--cache-dir", args->cacheDir,
                    "Cache folder (default: $AXIS_CACHE_DIR, $XDG_CACHE_HOME/axisview or ~/.cache/axisview)");
    cmd->add_flag("--force", args->force, "Rebuild even when a valid cache exists");
    cmd->callback([args, &exitCode] {
        BakeOptions options;
        options.cacheDir = args->cacheDir;
        options.force = args->force;
        exitCode = 0;
        for (const auto& model : args->models)
            if (bakeOne(model, options) != 0) exitCode = kExitFailure;
    });
}

}  // namespace axis::viewer
