#pragma once
// --frame-log FILE: one CSV line per drawn frame, to measure the window while geometry and
// textures stream in (tools/bench/window_flythrough.sh reads it). Columns:
//
//   frame            drawn frames so far
//   seconds          wall-clock seconds since the log opened
//   frame_ms         wall-clock milliseconds since the previous drawn frame
//   streaming_ms     of those, the render thread's loading (RenderStats::streamingSeconds)
//   textures_waiting textures drawn coarser than their pixels need, finer levels on the way
//   texture_mib      streamed texture levels resident on the device
//   geometry_mib     geometry pages resident on the device (0 where the cache is mapped)
//   rss_mib          the process's resident memory
//   camera_moved     1 when the camera moved or turned since the previous drawn frame
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/error.h"
#include "core/stopwatch.h"
#include "scene/camera.h"

namespace axis::viewer {

struct FrameLogSample {
    double streamingSeconds = 0.0;
    std::uint32_t texturesWaiting = 0;
    std::uint64_t textureBytes = 0, geometryBytes = 0;
    Camera camera;
};

class FrameLog {
public:
    /// Creates (truncates) the file and writes the header; the error names the file.
    static Expected<std::unique_ptr<FrameLog>> open(const std::filesystem::path& path);
    void add(const FrameLogSample& sample);

private:
    explicit FrameLog(std::ofstream out) : out_(std::move(out)) {}

    std::ofstream out_;
    Stopwatch clock_;
    double lastSeconds_ = 0.0;
    std::uint64_t frames_ = 0;
    Camera lastCamera_;
};

}  // namespace axis::viewer
