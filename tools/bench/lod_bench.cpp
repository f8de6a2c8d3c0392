// axis_bench_lod [MODEL] [COPIES] [FRAMES]: frame time at 1280x720 of a "street" of COPIES copies
// of MODEL laid out along +y (instanced: one GpuModel, one DrawItem per copy) against MODEL alone,
// seen by the same camera (the first copy fills the view, the street recedes behind it). Prints
// both times, their ratio (target <= 1.5) and what each frame drew, plus the street at full
// detail (pixel error 0) to show what the cluster LOD saves. Default: 35 copies of the Venus scan
// (597,703 triangles each, 20.9 M in all). The model opens through the bake cache.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "asset/bake_cache.h"
#include "gpu/context.h"
#include "nav/framing.h"
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

// Mean over `frames` after one warm-up frame (which builds the pipelines).
Timing timeFrames(render::OffscreenRenderer& r, const render::FrameView& view,
                  const std::vector<render::DrawItem>& items, int frames) {
    Timing t;
    r.render(view, items, &t.stats);
    const auto start = Clock::now();
    for (int i = 0; i < frames; ++i) r.render(view, items, &t.stats);
    t.msPerFrame = std::chrono::duration<double, std::milli>(Clock::now() - start).count() / frames;
    return t;
}

void print(const char* name, const Timing& t) {
    std::printf("%-22s %9.1f ms/frame  %11llu triangles  %6llu clusters  %6llu culled  %5llu draws\n", name,
                t.msPerFrame, (unsigned long long)t.stats.triangles, (unsigned long long)t.stats.clusters,
                (unsigned long long)t.stats.clustersCulled, (unsigned long long)t.stats.drawCalls);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string model = argc > 1 ? argv[1] : AXIS_BENCH_SOURCE_DIR "/../shared/data/venus-gltf-draco/venus.gltf";
    const int copies = argc > 2 ? std::max(1, std::atoi(argv[2])) : 35;
    const int frames = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;

    auto baked = openOrBake(model, {}, Progress::toStderr());
    if (!baked) die(baked.error().message);
    auto context = gpu::Context::create();
    if (!context) die(context.error().message);
    render::TargetDesc desc;
    desc.width = 1280;
    desc.height = 720;
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
    view.camera = framePoints(samplePositions(toModel(*baked), up, 20000), {20.0, 10.0, 1.0}, view.aspect);

    std::printf("%s: %llu triangles; street of %d copies: %llu triangles; %s, 1280x720, %d samples\n",
                model.c_str(), (unsigned long long)baked->triangleCount(), copies,
                (unsigned long long)(baked->triangleCount() * copies), (*context)->deviceName().c_str(),
                int(renderer.target().samples()));
    const Timing one = timeFrames(renderer, view, single, frames);
    const Timing many = timeFrames(renderer, view, street, frames);
    print("single (1 px)", one);
    print("street (1 px)", many);
    std::printf("street triangles by copy (1 px):");
    for (int i = 0; i < copies; ++i) {
        render::RenderStats stats;
        renderer.render(view, std::span(street).subspan(i, 1), &stats);
        std::printf(" %llu", (unsigned long long)stats.triangles);
    }
    std::printf("\n");
    view.pixelErrorBound = 0.0;
    const Timing oneFull = timeFrames(renderer, view, single, 1);
    const Timing manyFull = timeFrames(renderer, view, street, 1);
    print("single (full detail)", oneFull);
    print("street (full detail)", manyFull);
    std::printf("street / single frame time: %.2f (target <= 1.5); at full detail: %.2f\n",
                many.msPerFrame / one.msPerFrame, manyFull.msPerFrame / oneFull.msPerFrame);
    return 0;
}
