// axis_bench_record [SITE] [FRAMES] [WIDTHxHEIGHT] [PRESET] [PATH]: render-only, encode-only and
// combined (render overlapped with encoding, as `axisview record` runs) frames per second for an
// export of SITE's attract tour (default: the demo site of this build, 24 frames of the first
// move at 1920x1080, x264 preset medium); with PATH (NAME.path.json), of that camera path from its
// start through SITE, which may then be any model (tools/bench/textured_scans.sh). Prints each
// rate and combined / min(render, encode): 1.0 means the overlap hides the faster stage
// completely; 1 / (1/render + 1/encode) is what running them one after the other would give.
// `--projection equirect|equirect-stereo` (anywhere in the arguments) measures 360° frames
// instead (WIDTHxHEIGHT is then the panorama's: 2:1, or square for stereo), and `--sectors K`
// the stereo's slices per eye (default 16, as `axisview record` uses).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/log.h"
#include "gpu/context.h"
#include "record/equirect.h"
#include "record/equirect_stereo.h"
#include "record/path_file.h"
#include "record/recorder.h"
#include "record/tour_path.h"
#include "record/video_encoder.h"
#include "site/gpu_scene.h"
#include "site/scene_loader.h"

using namespace axis;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Options {
    std::string site = AXIS_BENCH_DEMO_SITE;
    int frames = 24;
    std::uint32_t width = 1920, height = 1080;
    std::string preset = "medium";
    int fps = 30;
    double from = 10.0;  ///< The demo tour's first move starts after a 10 s dwell.
    std::string path;    ///< A camera path file instead of the site's attract tour.
    std::string projection = "flat";
    record::StereoSettings stereo;
};

// Takes `--projection P` and `--sectors K` out of the arguments wherever they are.
void parseFlags(int& argc, char** argv, Options& o) {
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--projection" && i + 1 < argc)
            o.projection = argv[++i];
        else if (arg == "--sectors" && i + 1 < argc)
            o.stereo.sectors = std::max(1, std::atoi(argv[++i]));
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
}

Options parse(int argc, char** argv) {
    Options o;
    parseFlags(argc, argv, o);
    if (argc > 1) o.site = argv[1];
    if (argc > 2) o.frames = std::max(1, std::atoi(argv[2]));
    if (argc > 3) std::sscanf(argv[3], "%ux%u", &o.width, &o.height);
    if (argc > 4) o.preset = argv[4];
    if (argc > 5) o.path = argv[5], o.from = 0.0;
    return o;
}

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "axis_bench_record: %s\n", message.c_str());
    std::exit(1);
}

template <class T>
T orDie(Expected<T> e) {
    if (!e) die(e.error().message);
    return std::move(*e);
}

record::EncoderSettings encoderSettings(const Options& o) {
    record::EncoderSettings s;
    s.width = o.width;
    s.height = o.height;
    s.fps = o.fps;
    s.preset = o.preset;
    s.equirectangular = o.projection != "flat";
    s.stereoTopBottom = o.projection == "equirect-stereo";
    return s;
}

// The renderer's target: the frame itself, a cube face or a stereo slice.
render::TargetDesc targetOf(const Options& o) {
    if (o.projection == "equirect") return {o.width / 4, o.width / 4, VK_SAMPLE_COUNT_4_BIT};
    if (o.projection == "equirect-stereo") {
        const auto size = record::stereoTargetSize(o.width, o.stereo);
        return {size.width, size.height, VK_SAMPLE_COUNT_4_BIT};
    }
    return {o.width, o.height, VK_SAMPLE_COUNT_4_BIT};
}

record::RenderFrame renderFrameOf(const Options& o, render::OffscreenRenderer& renderer,
                                  std::span<const render::DrawItem> items) {
    if (o.projection == "equirect") return record::equirectRenderFrame(renderer, items, o.width, o.height);
    if (o.projection == "equirect-stereo") return record::equirectStereoRenderFrame(renderer, items, o.width, o.stereo);
    return record::offscreenRenderFrame(renderer, items);
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    auto scene = orDie(axis::site::loadScene(o.site, {}, {}));
    record::PathFile file;
    if (!o.path.empty()) {
        file = orDie(record::loadPathFile(o.path));
    } else {
        if (!scene.site || !scene.pois) die(o.site + ": not a site with POIs");
        file = orDie(record::pathFromTour(*scene.site, *scene.pois, "attract")).file;
    }
    auto path = orDie(record::makeCameraPath(file));
    const auto range = record::framesOf(path, o.fps, o.from, double(o.frames) / o.fps);

    auto context = orDie(gpu::Context::create());
    if (o.projection == "equirect-stereo" && o.width != o.height) die("equirect-stereo frames are square");
    if (o.projection == "equirect" && o.width != 2 * o.height) die("equirect frames are 2:1");
    render::OffscreenRenderer renderer(*context, targetOf(o));
    site::GpuScene gpuScene;
    gpuScene.addAll(renderer.scene(), scene);
    const std::vector<render::DrawItem> items = gpuScene.items(scene);
    const auto renderFrame = renderFrameOf(o, renderer, items);
    (void)orDie(renderFrame(path.evaluate(double(range.first) / o.fps), double(range.first) / o.fps));  // Warm-up: first-use costs.

    std::vector<record::Rgba8Image> frames;
    auto start = Clock::now();
    for (std::int64_t i = range.first; i < range.first + range.count; ++i)
        frames.push_back(orDie(renderFrame(path.evaluate(double(i) / o.fps), double(i) / o.fps)));
    const double renderFps = double(range.count) / secondsSince(start);

    const auto out = std::filesystem::temp_directory_path() / "axis_bench_record.mp4";
    start = Clock::now();
    {
        auto encoder = orDie(record::VideoEncoder::open(out, encoderSettings(o)));
        for (std::size_t i = 0; i < frames.size(); ++i)
            if (auto s = encoder->write(std::move(frames[i]), std::int64_t(i)); !s) die(s.error().message);
        if (auto s = encoder->finish(); !s) die(s.error().message);
    }
    const double encodeFps = double(range.count) / secondsSince(start);
    frames.clear();

    record::AsyncFrameSink sink(orDie(record::VideoEncoder::open(out, encoderSettings(o))));
    auto stats = orDie(record::recordFrames(path, o.fps, range, renderFrame, sink));
    const double combinedFps = double(stats.frames) / stats.totalSeconds;
    std::filesystem::remove(out);

    const double slower = std::min(renderFps, encodeFps);
    std::printf("record benchmark: %lld frames of %s from t=%.1f s, %ux%u %s, MSAA 4x, x264 %s, %s\n",
                static_cast<long long>(range.count), o.path.empty() ? "the attract tour" : o.path.c_str(), o.from,
                o.width, o.height, o.projection.c_str(), o.preset.c_str(), context->deviceName().c_str());
    if (o.projection == "equirect-stereo")
        std::printf("  %d slices per eye, views of %ux%u\n", o.stereo.sectors, targetOf(o).width, targetOf(o).height);
    std::printf("  render only      %7.2f frames/s\n", renderFps);
    std::printf("  encode only      %7.2f frames/s\n", encodeFps);
    std::printf("  combined         %7.2f frames/s   (one after the other would give %.2f)\n", combinedFps,
                1.0 / (1.0 / renderFps + 1.0 / encodeFps));
    std::printf("  combined / min(render, encode) = %.2f\n", combinedFps / slower);
    return 0;
}
