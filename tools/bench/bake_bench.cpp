// axis_bench_bake [MODEL] [SCRATCH]: bake throughput and warm-open speed of the bake cache.
// MODEL (default ../shared/data/venus-gltf-draco/venus.gltf, 597,703 triangles) is imported,
// subdivided 1:4 (2.4M triangles) and written as a binary PLY into SCRATCH (default /tmp), so
// that Assimp can read the same big source. Then it times, on that PLY:
//   - Assimp::Importer::ReadFile with the flags engine/asset uses (the baseline);
//   - importModel (our own PLY reader);
//   - bake (import + LOD build + write), as triangles per second;
//   - openCached of the fresh cache (mmap, every checksum verified, tables decoded) = warm open;
//   - warm open to its first frame in a running viewer: openCached, upload, framing and one
//     1280x720 frame read back, on a Vulkan device already started (whose pipelines a first
//     model built), as when a site's models open one after another;
// and prints both against Assimp as ratios. Nothing is written into the repository.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "asset/bake_cache.h"
#include "asset/import.h"
#include "gpu/context.h"
#include "nav/framing.h"
#include "render/offscreen.h"

using namespace axis;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// 1:4 split with shared edge midpoints, so the result is still one connected mesh.
Primitive subdivide(const Primitive& in) {
    Primitive out = in;
    out.indices.clear();
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> mids;
    auto mid = [&](std::uint32_t a, std::uint32_t b) {
        auto [it, added] = mids.try_emplace(std::minmax(a, b), std::uint32_t(out.vertices.size()));
        if (added) {
            Vertex v = in.vertices[a];
            v.position = (in.vertices[a].position + in.vertices[b].position) * 0.5f;
            v.normal = glm::normalize(in.vertices[a].normal + in.vertices[b].normal + glm::vec3(1e-9f));
            v.uv = (in.vertices[a].uv + in.vertices[b].uv) * 0.5f;
            out.vertices.push_back(v);
        }
        return it->second;
    };
    for (std::size_t i = 0; i < in.indices.size(); i += 3) {
        std::uint32_t a = in.indices[i], b = in.indices[i + 1], c = in.indices[i + 2];
        std::uint32_t ab = mid(a, b), bc = mid(b, c), ca = mid(c, a);
        out.indices.insert(out.indices.end(), {a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca});
    }
    return out;
}

void writePly(const fs::path& path, const Model& model) {
    std::uint64_t vertices = 0, faces = 0;
    for (const Primitive& p : model.primitives) vertices += p.vertices.size(), faces += p.indices.size() / 3;
    std::ofstream out(path, std::ios::binary);
    out << "ply\nformat binary_little_endian 1.0\nelement vertex " << vertices
        << "\nproperty float x\nproperty float y\nproperty float z\nproperty float nx\nproperty float ny\n"
           "property float nz\nproperty float s\nproperty float t\nelement face "
        << faces << "\nproperty list uchar int vertex_indices\nend_header\n";
    for (const Primitive& p : model.primitives)
        for (const Vertex& v : p.vertices) {
            out.write(reinterpret_cast<const char*>(&v.position), 12);
            out.write(reinterpret_cast<const char*>(&v.normal), 12);
            out.write(reinterpret_cast<const char*>(&v.uv), 8);
        }
    std::uint32_t base = 0;
    for (const Primitive& p : model.primitives) {
        for (std::size_t i = 0; i < p.indices.size(); i += 3) {
            out.put(3);
            std::uint32_t tri[3] = {p.indices[i] + base, p.indices[i + 1] + base, p.indices[i + 2] + base};
            out.write(reinterpret_cast<const char*>(tri), 12);
        }
        base += std::uint32_t(p.vertices.size());
    }
}

template <class F>
double bestOf(int runs, F&& f) {
    double best = 1e30;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        f();
        best = std::min(best, secondsSince(start));
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path model = argc > 1 ? fs::path(argv[1]) : fs::path(AXIS_BENCH_SOURCE_DIR) / "../shared/data/venus-gltf-draco/venus.gltf";
    fs::path scratch = argc > 2 ? fs::path(argv[2]) : fs::path("/tmp");
    const fs::path ply = scratch / "axis_bench_bake.ply";
    BakeOptions options;
    options.cacheDir = scratch / "axis_bench_bake_cache";

    auto source = importModel(model);
    if (!source) return std::fprintf(stderr, "%s\n", source.error().message.c_str()), 1;
    for (Primitive& p : source->primitives)
        if (p.topology == Topology::Triangles) p = subdivide(p);
    writePly(ply, *source);
    std::printf("source: %s subdivided 1:4 -> %s (%llu triangles, %.1f MB)\n", model.c_str(), ply.c_str(),
                static_cast<unsigned long long>(source->triangleCount()), double(fs::file_size(ply)) / 1e6);

    const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
                           aiProcess_SortByPType | aiProcess_ValidateDataStructure | aiProcess_FlipUVs;
    double assimp = bestOf(2, [&] {
        Assimp::Importer importer;
        if (!importer.ReadFile(ply.string(), flags)) std::fprintf(stderr, "assimp: %s\n", importer.GetErrorString());
    });
    double ours = bestOf(3, [&] { (void)importModel(ply); });

    options.force = true;
    double bakeSeconds = bestOf(1, [&] {
        if (Status s = bake(ply, options); !s) std::fprintf(stderr, "%s\n", s.error().message.c_str());
    });
    auto opened = openCached(ply, options);
    if (!opened) return std::fprintf(stderr, "%s\n", opened.error().message.c_str()), 1;
    const double triangles = double(opened->triangleCount());
    double warm = bestOf(10, [&] { (void)openCached(ply, options); });

    // A running viewer: the device is up and a first model has built the pipelines.
    auto context = gpu::Context::create();
    if (!context) return std::fprintf(stderr, "%s\n", context.error().message.c_str()), 1;
    render::TargetDesc desc;
    desc.width = 1280;
    desc.height = 720;
    render::OffscreenRenderer renderer(**context, desc);
    render::RenderStats firstFrame;
    auto openToFrame = [&] {
        auto baked = openCached(ply, options);
        if (!baked) return;
        auto gm = renderer.scene().upload(*baked);
        render::FrameView view;
        view.aspect = renderer.aspect();
        const glm::dmat4 toSite = upAxisToZUp(baked->up);
        view.camera = nav::frameBounds(baked->bounds.transformed(toSite), {20.0, 15.0, 1.0}, view.aspect);
        const render::DrawItem item{gm.get(), toSite, Shading::Lit};
        (void)renderer.render(view, {&item, 1}, &firstFrame);
    };
    openToFrame();
    double toFrame = bestOf(5, openToFrame);

    std::printf("cache: %s, %.1f MB, %zu clusters\n", opened->cachePath.c_str(), double(opened->file->bytes().size()) / 1e6,
                opened->clusters.size());
    std::printf("assimp ReadFile (baseline):   %8.3f s\n", assimp);
    std::printf("importModel (own PLY reader): %8.3f s\n", ours);
    std::printf("bake (import+LOD+write):      %8.3f s  = %.2f M triangles/s\n", bakeSeconds, triangles / bakeSeconds / 1e6);
    std::printf("warm open (openCached):       %8.4f s\n", warm);
    std::printf("warm open vs assimp:          %8.1fx faster\n", assimp / warm);
    std::printf("warm open vs importModel:     %8.1fx faster\n", ours / warm);
    std::printf("warm open to first frame:     %8.4f s  (%llu triangles drawn, %s)\n", toFrame,
                static_cast<unsigned long long>(firstFrame.triangles), (*context)->deviceName().c_str());
    std::printf("  the same vs assimp:         %8.1fx faster\n", assimp / toFrame);
    return 0;
}
