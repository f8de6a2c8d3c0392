// axis_bench_shadows [SITE] [FRAMES] [WIDTHxHEIGHT]: what sun shadows cost a frame. Renders
// FRAMES views of SITE's attract tour (default: the demo site of this build, 12 views at
// 1280x720, MSAA 4x, as `axisview render` draws) lit by the sun of `--sun 2024-06-21T09:30` at
// the Central Axis (azimuth 102, elevation 51 degrees), each view once without and once with
// shadows, alternating so that load on the machine falls on both alike, and prints the median
// frame time of each and their ratio (the target: at most 1.5). The CPU time of the
// process (lavapipe's threads included) is printed too: on a shared machine it varies less
// with others' load than the wall clock does.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "gpu/context.h"
#include "record/path_file.h"
#include "record/tour_path.h"
#include "render/lighting.h"
#include "render/offscreen.h"
#include "site/gpu_scene.h"

using namespace axis;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "axis_bench_shadows: %s\n", message.c_str());
    std::exit(1);
}

template <class T>
T orDie(Expected<T> e) {
    if (!e) die(e.error().message);
    return std::move(*e);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// The sun the render command shows for --sun 2024-06-21T09:30 at the demo site's origin.
glm::dvec3 morningSun() {
    const double azimuth = glm::radians(102.0), elevation = glm::radians(51.0);
    return {std::sin(azimuth) * std::cos(elevation), std::cos(azimuth) * std::cos(elevation), std::sin(elevation)};
}

}  // namespace

int main(int argc, char** argv) {
    const std::string site = argc > 1 ? argv[1] : AXIS_BENCH_DEMO_SITE;
    const int frames = argc > 2 ? std::max(1, std::atoi(argv[2])) : 12;
    std::uint32_t width = 1280, height = 720;
    if (argc > 3) std::sscanf(argv[3], "%ux%u", &width, &height);

    auto scene = orDie(axis::site::loadScene(site, {}, {}));
    if (!scene.site || !scene.pois) die(site + ": not a site with POIs");
    auto path = orDie(record::makeCameraPath(orDie(record::pathFromTour(*scene.site, *scene.pois, "attract")).file));
    auto context = orDie(gpu::Context::create());
    render::OffscreenRenderer renderer(*context, {width, height, VK_SAMPLE_COUNT_4_BIT});
    site::GpuScene gpuScene;
    gpuScene.addAll(renderer.scene(), scene);
    const std::vector<render::DrawItem> items = gpuScene.items(scene);

    render::FrameView view;
    view.aspect = double(width) / double(height);
    view.lighting = render::sunlight(morningSun());
    struct Cost {
        double wall, cpu;
    };
    const auto frameCost = [&](double t, bool shadows) {
        view.camera = path.evaluate(t);
        view.lighting.shadows = shadows;
        const auto start = Clock::now();
        const std::clock_t cpuStart = std::clock();
        (void)renderer.render(view, items);
        return Cost{std::chrono::duration<double>(Clock::now() - start).count(),
                    double(std::clock() - cpuStart) / CLOCKS_PER_SEC};
    };
    const double first = path.startTime(), step = (path.endTime() - first) / double(frames);
    frameCost(first, false);  // Warm-up: pipelines, residency, and the shadow atlas's first use.
    frameCost(first, true);
    // Each view is drawn kRepeats times each way, and its fastest of each kept: others' work on
    // a shared machine only ever adds time, so the minimum is the frame's own cost.
    constexpr int kRepeats = 3;
    std::vector<double> off, on, offCpu, onCpu;
    for (int i = 0; i < frames; ++i) {
        Cost without{1e9, 1e9}, with{1e9, 1e9};
        for (int r = 0; r < kRepeats; ++r) {
            const Cost a = frameCost(first + step * i, false), b = frameCost(first + step * i, true);
            without = {std::min(without.wall, a.wall), std::min(without.cpu, a.cpu)};
            with = {std::min(with.wall, b.wall), std::min(with.cpu, b.cpu)};
        }
        off.push_back(without.wall);
        on.push_back(with.wall);
        offCpu.push_back(without.cpu);
        onCpu.push_back(with.cpu);
    }
    std::printf("shadow benchmark: %d views of the attract tour, %ux%u, MSAA 4x, %s, fastest of %d each\n", frames,
                width, height, context->deviceName().c_str(), kRepeats);
    std::printf("  without shadows  %8.1f ms (median)\n", 1000.0 * median(off));
    std::printf("  with shadows     %8.1f ms (median)\n", 1000.0 * median(on));
    std::printf("  with / without = %.2f\n", median(on) / median(off));
    std::printf("  CPU time: %.1f -> %.1f ms (medians), with / without = %.2f\n", 1000.0 * median(offCpu),
                1000.0 * median(onCpu), median(onCpu) / median(offCpu));
    return 0;
}
