// axis_bench_lod [MODEL] [COPIES] [FRAMES] [SAMPLES]: frame time at 1280x720 of a "street" of COPIES copies
// of MODEL laid out along +y (instanced: one GpuModel, one DrawItem per copy) against MODEL alone,
// seen by the same camera (the first copy fills the view, the street recedes behind it). Prints
// both times, their ratio (target <= 1.5) and what each frame drew, plus the street at full
// detail (pixel error 0) to show what the cluster LOD saves, and the street seen end-on, with and
// without occlusion culling. Default: 35 copies of the Venus scan
// (597,703 triangles each, 20.9 M in all). The model opens through the bake cache.
// Environment: AXIS_BENCH_LEVELS=1 prints the hierarchy's triangles and error per level;
// AXIS_BENCH_PASS_PRIMITIVES=N sets FrameView::cpuPassPrimitives (0: one render pass);
// AXIS_BENCH_DUMP=PREFIX writes the street's image with and without occlusion culling.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "asset/bake_cache.h"
#include "gpu/context.h"
#include "nav/framing.h"
#include "render/image_io.h"
#include "render/offscreen.h"

using namespace axis;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "axis_bench_lod: %s\n", message.c_str());
    std::exit(1);
}

struct Timing {
    double msPerFrame = 0;
    render::RenderStats stats;
};

// Mean over `frames` after `warmUp` frames. The first builds the pipelines; then the renderer's
// occlusion history and its on/off feedback (scene_renderer.cpp), which arrive two frames late and
// switch the test off for 60 frames where it does not pay, settle for this view.
Timing timeFrames(render::OffscreenRenderer& r, const render::FrameView& view,
                  const std::vector<render::DrawItem>& items, int frames, int warmUp = 64) {
    Timing t;
    for (int i = 0; i < warmUp; ++i) r.render(view, items, &t.stats);
    const auto start = Clock::now();
    for (int i = 0; i < frames; ++i) r.render(view, items, &t.stats);
    t.msPerFrame = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / frames;
    return t;
}

void print(const char* name, const Timing& t) {
    std::printf("%-22s %9.1f ms/frame  %11llu triangles  %6llu clusters  %6llu culled  %6llu hidden  %5llu draws\n",
                name, t.msPerFrame, (unsigned long long)t.stats.triangles, (unsigned long long)t.stats.clusters,
                (unsigned long long)t.stats.clustersCulled, (unsigned long long)t.stats.clustersOccluded,
                (unsigned long long)t.stats.drawCalls);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string model = argc > 1 ? argv[1] : AXIS_BENCH_SOURCE_DIR "/../shared/data/venus-gltf-draco/venus.gltf";
    const int copies = argc > 2 ? std::max(1, std::atoi(argv[2])) : 35;
    const int frames = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    const int samples = argc > 4 ? std::max(1, std::atoi(argv[4])) : 4;  // MSAA; F3D's default has none.

    auto baked = openOrBake(model, {}, Progress::toStderr());
    if (!baked) die(baked.error().message);
    auto context = gpu::Context::create();
    if (!context) die(context.error().message);
    render::TargetDesc desc;
    desc.width = 1280;
    desc.height = 720;
    desc.samples = static_cast<VkSampleCountFlagBits>(samples);
    render::OffscreenRenderer renderer(**context, desc);
    auto gm = renderer.scene().upload(*baked);

    // Copies one model length apart along +y, like statues down the Central Axis.
    const glm::dmat4 up = upAxisToZUp(baked->up);
    const Bounds siteBounds = baked->bounds.transformed(up);
    const double spacing = siteBounds.size().y * 1.5 + 0.1 * siteBounds.radius();
    std::vector<render::DrawItem> street;
    for (int i = 0; i < copies; ++i) {
        glm::dmat4 toSite = up;
        toSite[3] += glm::dvec4(0.0, spacing * i, 0.0, 0.0);
        street.push_back({gm.get(), toSite, Shading::Lit});
    }
    const std::vector<render::DrawItem> single(street.begin(), street.begin() + 1);

    render::FrameView view;
    view.aspect = renderer.aspect();
    view.camera = nav::framePoints(samplePositions(toModel(*baked), up, 20000), {20.0, 10.0, 1.0}, view.aspect);
    // Render passes on a CPU device hold this many primitives (0: one pass; see FrameView).
    if (const char* split = std::getenv("AXIS_BENCH_PASS_PRIMITIVES")) view.cpuPassPrimitives = std::strtoull(split, nullptr, 10);

    std::printf("%s: %llu triangles; street of %d copies: %llu triangles; %s, 1280x720, %d samples\n",
                model.c_str(), (unsigned long long)baked->triangleCount(), copies,
                (unsigned long long)(baked->triangleCount() * copies), (*context)->deviceName().c_str(),
                int(renderer.target().samples()));
    if (std::getenv("AXIS_BENCH_LEVELS")) {  // The hierarchy: triangles and error per level.
        std::map<std::uint32_t, std::pair<std::uint64_t, float>> levels;
        for (const LodCluster& c : baked->lod().clusters) {
            auto& [triangles, error] = levels[c.level];
            triangles += c.indexCount / 3;
            error = std::max(error, c.self.error);
        }
        for (const auto& [level, te] : levels)
            std::printf("level %2u: %9llu triangles, error up to %.3g (model radius %.3g)\n", level,
                        (unsigned long long)te.first, te.second, baked->bounds.radius());
    }
    if (const char* dump = std::getenv("AXIS_BENCH_DUMP")) {  // Look at what is timed.
        (void)render::writePng(std::string(dump) + "-street.png", renderer.render(view, street));
        render::FrameView noOcclusion = view;
        noOcclusion.occlusionCull = false;
        (void)render::writePng(std::string(dump) + "-street-all.png", renderer.render(noOcclusion, street));
    }
    const Timing one = timeFrames(renderer, view, single, frames);
    const Timing many = timeFrames(renderer, view, street, frames);
    render::FrameView noOcclusion = view;
    noOcclusion.occlusionCull = false;
    const Timing manyAll = timeFrames(renderer, noOcclusion, street, frames);
    print("single (1 px)", one);
    print("street (1 px)", many);
    print("street, no occlusion", manyAll);
    std::printf("street triangles by copy (1 px):");
    for (int i = 0; i < copies; ++i) {
        render::RenderStats stats;
        renderer.render(view, std::span(street).subspan(i, 1), &stats);
        std::printf(" %llu", (unsigned long long)stats.triangles);
    }
    std::printf("\n");
    // Seen straight down the street, each copy stands behind the one before: where occlusion
    // culling pays. Timed with and without it, each copy drawn at 1 px as above.
    render::FrameView endOn = view;
    endOn.camera = nav::framePoints(samplePositions(toModel(*baked), up, 20000), {0.0, 10.0, 1.0}, view.aspect);
    const Timing oneEndOn = timeFrames(renderer, endOn, single, frames);
    const Timing endOnCulled = timeFrames(renderer, endOn, street, frames);
    endOn.occlusionCull = false;
    const Timing endOnAll = timeFrames(renderer, endOn, street, frames);
    print("end-on single", oneEndOn);
    print("end-on street", endOnCulled);
    print("end-on, no occlusion", endOnAll);
    std::printf("end-on street / single: %.2f (%.2f without occlusion culling)\n",
                endOnCulled.msPerFrame / oneEndOn.msPerFrame, endOnAll.msPerFrame / oneEndOn.msPerFrame);
    view.pixelErrorBound = 0.0;
    const Timing oneFull = timeFrames(renderer, view, single, 1, 3);
    const Timing manyFull = timeFrames(renderer, view, street, 1, 3);
    print("single (full detail)", oneFull);
    print("street (full detail)", manyFull);
    std::printf("street / single frame time: %.2f (target <= 1.5); at full detail: %.2f\n",
                many.msPerFrame / one.msPerFrame, manyFull.msPerFrame / oneFull.msPerFrame);
    return 0;
}
