#include "viewer/frame_log.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/process.h"

namespace axis::viewer {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

bool sameView(const Camera& a, const Camera& b) {
    return a.position == b.position && a.forward == b.forward && a.fovY == b.fovY;
}

}  // namespace

Expected<std::unique_ptr<FrameLog>> FrameLog::open(const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::trunc);
    if (!out) return makeError(path.string(), std::string("cannot write the frame log: ") + std::strerror(errno));
    out << "frame,seconds,frame_ms,streaming_ms,textures_waiting,texture_mib,geometry_mib,rss_mib,camera_moved\n";
    return std::unique_ptr<FrameLog>(new FrameLog(std::move(out)));
}

void FrameLog::add(const FrameLogSample& s) {
    const double now = clock_.seconds();
    const bool moved = frames_ > 0 && !sameView(s.camera, lastCamera_);
    char line[256];
    std::snprintf(line, sizeof line, "%llu,%.4f,%.2f,%.2f,%u,%.1f,%.1f,%.1f,%d\n",
                  static_cast<unsigned long long>(++frames_), now, (now - lastSeconds_) * 1000.0,
                  s.streamingSeconds * 1000.0, s.texturesWaiting, double(s.textureBytes) / kMiB,
                  double(s.geometryBytes) / kMiB, double(residentKb()) / 1024.0, moved ? 1 : 0);
    out_ << line;
    out_.flush();  // A run killed by its timeout still leaves its frames.
    lastSeconds_ = now;
    lastCamera_ = s.camera;
}

}  // namespace axis::viewer
