// Writes the fuzzers' seed corpora: make_seeds DIR creates DIR/<target>/ for every fuzz target,
// filled from sample_files.cpp, and bake caches of some of those models for fuzz_bake_cache.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "asset/bake_cache.h"
#include "core/log.h"
#include "core/file_io.h"
#include "poi/poi.h"
#include "sample_files.h"
#if __has_include("poi/web_annotation.h")
#include "poi/web_annotation.h"
#define AXIS_HAVE_WEB_ANNOTATION 1
#endif

namespace fs = std::filesystem;
using namespace axis;

namespace {

void write(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds OUTPUT_DIR\n");
        return 2;
    }
    setLogSink([](LogLevel, std::string_view) {});
    const fs::path out = argv[1];
    // Model samples go to the import target of their extension.
    for (const auto& s : samples::modelFiles()) write(out / ("fuzz_import_" + lowerExtension(s.name)) / s.name, s.bytes);
    for (const auto& s : samples::siteFiles()) write(out / "fuzz_site" / s.name, s.bytes);
    for (const auto& s : samples::poiFiles()) write(out / "fuzz_poi" / s.name, s.bytes);
#ifdef AXIS_HAVE_WEB_ANNOTATION
    // Web Annotation seeds: the POI samples that load, exported.
    for (const auto& s : samples::poiFiles()) {
        write(out / "poi-work" / s.name, s.bytes);
        if (auto pois = loadPois(out / "poi-work" / s.name))
            write(out / "fuzz_web_annotation" / (s.name + ".jsonld"), toWebAnnotation(*pois));
    }
    fs::remove_all(out / "poi-work");
#endif
    for (const auto& s : samples::pathFiles()) write(out / "fuzz_path" / s.name, s.bytes);

    // Bake caches: bake some samples into a scratch cache folder, keep the cache files.
    const fs::path work = out / "bake-work";
    fs::remove_all(work);
    int baked = 0;
    for (const auto& s : samples::modelFiles()) {
        if (s.name != "quad_ascii.ply" && s.name != "points16.ply" && s.name != "quad_textured.glb" && s.name != "quad_draco.glb")
            continue;
        write(work / s.name, s.bytes);
        BakeOptions options;
        options.cacheDir = work / "cache";
        if (auto ok = bake(work / s.name, options); !ok) {
            std::fprintf(stderr, "make_seeds: %s\n", ok.error().message.c_str());
            return 1;
        }
        fs::create_directories(out / "fuzz_bake_cache");
        fs::copy_file(cachePathFor(work / s.name, options), out / "fuzz_bake_cache" / (s.name + ".axbake"),
                      fs::copy_options::overwrite_existing);
        ++baked;
    }
    fs::remove_all(work);
    std::printf("seeds written to %s (%d bake caches)\n", out.c_str(), baked);
    return 0;
}
