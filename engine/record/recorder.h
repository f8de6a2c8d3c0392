#pragma once
// The offline frame loop: for each frame i, evaluate the camera path at exactly t = i / fps,
// render on the calling thread, and hand the image to a sink. Nothing depends on the wall
// clock, so a recording is the same however fast or slow the machine is. Wrap the sink in
// AsyncFrameSink to encode frame i while frame i+1 renders.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>

#include "core/error.h"
#include "core/progress.h"
#include "record/camera_path.h"
#include "record/frame_sink.h"
#include "render/offscreen.h"

namespace axis::record {

/// Frames first .. first+count-1 of a recording at some fps.
struct FrameRange {
    std::int64_t first = 0;
    std::int64_t count = 0;
};

/// The frames that show [fromSeconds, fromSeconds + seconds) of `path` at `fps` (all of the
/// path up to endTime() when `seconds` is empty): first = ceil(from * fps), and at least one
/// frame. Frame i always shows t = i / fps, so a slice has the same frames as the whole.
FrameRange framesOf(const CameraPath& path, int fps, double fromSeconds = 0.0,
                    std::optional<double> seconds = std::nullopt);

/// Renders one camera's view at time t (seconds: what overlays such as captions follow);
/// called on the recording thread only.
using RenderFrame = std::function<Expected<Rgba8Image>(const Camera& camera, double t)>;

/// A RenderFrame over an offscreen renderer and its draw list; both must outlive it. Each frame's
/// view is `style` (point size, eye-dome lighting...) with the path's camera.
RenderFrame offscreenRenderFrame(render::OffscreenRenderer& renderer, std::span<const render::DrawItem> items,
                                 const render::FrameView& style = {});

struct RecordStats {
    std::int64_t frames = 0;
    double renderSeconds = 0.0;  ///< Time spent inside `render`.
    double totalSeconds = 0.0;   ///< Whole loop including sink.finish().
};

/// Renders `range` of `path` at `fps` into `sink` and finishes it. Reports ("recording",
/// share of frames done) to `progress`. Stops at the first render or sink error.
Expected<RecordStats> recordFrames(const CameraPath& path, int fps, FrameRange range, const RenderFrame& render,
                                   FrameSink& sink, const Progress& progress = {});

}  // namespace axis::record
