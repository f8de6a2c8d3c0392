// axis_make_demo_site ASSETS OUTDIR: writes the built-in Central Axis demo (site, POIs, models/*.glb)
// from the recipe in ASSETS (assets/demo-site: what people edit) and the geometry builders here.
// Deterministic: the same recipe and build write the same bytes. Bad input in ASSETS writes
// nothing and exits 1 with one line naming the file and the problem.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "content.h"
#include "demo_audio.h"
#include "core/file_io.h"
#include "glb_writer.h"
#include "layout.h"
#include "recipe.h"

namespace {

bool writeOrReport(const axis::Status& status) {
    if (status) return true;
    std::fprintf(stderr, "axis_make_demo_site: %s\n", status.error().message.c_str());
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--help") {
        std::printf(
            "usage: axis_make_demo_site ASSETS OUTDIR\n"
            "Reads the demo's recipe from ASSETS (assets/demo-site) and writes central-axis.site.json,\n"
            "central-axis.pois.json and models/*.glb to OUTDIR.\n");
        return 0;
    }
    if (argc != 3) {
        std::fprintf(stderr, "usage: axis_make_demo_site ASSETS OUTDIR\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const std::filesystem::path assets = argv[1], out = argv[2];
    // Everything that can be wrong in the recipe is found before anything is written, so that a
    // failed run leaves the previous site whole.
    demo::Recipe recipe;
    axis::Site site;
    axis::PoiFile pois;
    std::vector<std::pair<std::string, demo::Mesh>> meshes;
    try {
        recipe = demo::loadRecipe(assets);
        site = demo::makeSite(recipe);
        pois = demo::makePois(recipe);
        for (const auto& landmark : recipe.landmarks) {
            demo::Mesh mesh;
            demo::buildLandmark(mesh, landmark, recipe);
            meshes.emplace_back(landmark.id, std::move(mesh));
        }
    } catch (const demo::RecipeError& e) {
        std::fprintf(stderr, "axis_make_demo_site: %s\n", e.what());
        return 1;
    }
    std::error_code ec;
    std::filesystem::create_directories(out / "models", ec);
    std::size_t triangles = 0, bytes = 0;
    for (const auto& [id, mesh] : meshes) {
        const auto glb = demo::writeGlb(mesh, id);
        if (!writeOrReport(axis::saveFileAtomic(out / "models" / (id + ".glb"), glb, false))) return 1;
        triangles += mesh.triangleCount();
        bytes += glb.size();
        std::printf("  %-24s %8zu triangles %8zu KiB\n", id.c_str(), mesh.triangleCount(), glb.size() / 1024);
    }
    if (!demo::addDemoAudio(site, pois, out)) return 1;
    if (!writeOrReport(axis::saveFileAtomic(out / "central-axis.site.json", axis::toJson(site), false))) return 1;
    if (!writeOrReport(axis::saveFileAtomic(out / "central-axis.pois.json", axis::toJson(pois), false))) return 1;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("axis_make_demo_site: %zu models, %zu triangles, %.1f MiB in %s (%.1f s)\n", meshes.size(), triangles,
                bytes / 1048576.0, out.string().c_str(), seconds);
    return 0;
}
