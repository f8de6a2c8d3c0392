#include "record/recorder.h"

#include <chrono>
#include <cmath>

namespace axis::record {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

FrameRange framesOf(const CameraPath& path, int fps, double fromSeconds, std::optional<double> seconds) {
    // A hair of tolerance so that 0.1 s * 30 fps does not round up to frame 4.
    const double eps = 1e-9;
    const double from = std::max(0.0, fromSeconds);
    const double to = seconds ? from + std::max(0.0, *seconds) : path.endTime();
    FrameRange r;
    r.first = std::int64_t(std::ceil(from * fps - eps));
    const std::int64_t end = std::int64_t(std::ceil(to * fps - eps));
    r.count = std::max<std::int64_t>(1, end - r.first);
    return r;
}

RenderFrame offscreenRenderFrame(render::OffscreenRenderer& renderer, std::span<const render::DrawItem> items,
                                 const render::FrameView& style) {
    return [&renderer, items, style](const Camera& camera, double) -> Expected<Rgba8Image> {
        render::FrameView view = style;
        view.camera = camera;
        view.aspect = renderer.aspect();
        return renderer.render(view, items);
    };
}

Expected<RecordStats> recordFrames(const CameraPath& path, int fps, FrameRange range, const RenderFrame& render,
                                   FrameSink& sink, const Progress& progress) {
    RecordStats stats;
    const auto start = Clock::now();
    for (std::int64_t k = 0; k < range.count; ++k) {
        const std::int64_t i = range.first + k;
        const double t = double(i) / double(fps);
        const auto renderStart = Clock::now();
        auto image = render(path.evaluate(t), t);
        stats.renderSeconds += secondsSince(renderStart);
        if (!image) return image.error();
        if (Status s = sink.write(std::move(*image), i); !s) return s.error();
        ++stats.frames;
        progress.report("recording", double(k + 1) / double(range.count));
    }
    if (Status s = sink.finish(); !s) return s.error();
    stats.totalSeconds = secondsSince(start);
    return stats;
}

}  // namespace axis::record
