// axis_make_demo_site OUTDIR: writes the built-in Central Axis demo (site, POIs, models/*.glb).
// Deterministic: the same build writes the same bytes.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "content.h"
#include "core/file_io.h"
#include "glb_writer.h"
#include "layout.h"

namespace {

bool writeOrReport(const axis::Status& status) {
    if (status) return true;
    std::fprintf(stderr, "axis_make_demo_site: %s\n", status.error().message.c_str());
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 || std::string(argv[1]) == "--help") {
        std::fprintf(argc == 2 ? stdout : stderr, "usage: axis_make_demo_site OUTDIR\n"
                     "Writes central-axis.site.json, central-axis.pois.json and models/*.glb to OUTDIR.\n");
        return argc == 2 ? 0 : 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const std::filesystem::path out = argv[1];
    std::error_code ec;
    std::filesystem::create_directories(out / "models", ec);
    std::size_t triangles = 0, bytes = 0;
    for (const auto& spec : demo::models()) {
        demo::Mesh mesh;
        spec.build(mesh);
        const auto glb = demo::writeGlb(mesh, spec.id);
        if (!writeOrReport(axis::saveFileAtomic(out / "models" / (spec.id + ".glb"), glb, false))) return 1;
        triangles += mesh.triangleCount();
        bytes += glb.size();
        std::printf("  %-24s %8zu triangles %8zu KiB\n", spec.id.c_str(), mesh.triangleCount(), glb.size() / 1024);
    }
    if (!writeOrReport(axis::saveFileAtomic(out / "central-axis.site.json", axis::toJson(demo::makeSite()), false)))
        return 1;
    if (!writeOrReport(axis::saveFileAtomic(out / "central-axis.pois.json", axis::toJson(demo::makePois()), false)))
        return 1;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("axis_make_demo_site: %zu models, %zu triangles, %.1f MiB in %s (%.1f s)\n", demo::models().size(),
                triangles, bytes / 1048576.0, out.string().c_str(), seconds);
    return 0;
}
