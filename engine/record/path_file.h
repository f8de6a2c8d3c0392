#pragma once
// Camera path files, NAME.path.json: keyframes, interpolation and output settings for a
// recording. Format "axisview-path", version "1.1" (readers accept 1.x, reject other majors; 1.1
// added the keys' "clipping" and "sun", written as 1.1 only by paths that use them; a 1.0
// reader ignores them):
//
//   {
//     "format": "axisview-path", "version": "1.1",
//     "name": "attract",                                   optional, free text
//     "interpolation": {                                   optional; defaults shown
//       "position": "centripetal-catmull-rom",             the only choice
//       "orientation": "squad" | "slerp",                  default "squad"
//       "timing": "constant-speed" | "key-times",          default "constant-speed"; see camera_path.h
//       "ease": 1.5                                        seconds of speed-up/slow-down at each stop
//     },
//     "output": {"fps": 30, "size": [1920, 1080], "quality": 20},   optional; fps 1..240, even
//                                                          sizes 2..16384, quality = x264 CRF 0..51
//                                                          (lower is better)
//     "keyframes": [ {
//       "time": 0.0,              seconds, strictly increasing
//       "position": [x, y, z],    site frame (x east, y north, z up), metres
//       "yaw": 0, "pitch": 0, "roll": 0,   degrees; yaw = compass heading (0 north/+y, 90 east/+x),
//                                 pitch above the horizon [-90, 90], roll banks (+ = up tilts right).
//                                 Orientation is stored as angles, not a quaternion, so people can
//                                 read and edit it; interpolation converts to quaternions.
//       "fov": 60,                vertical, degrees (0, 180); default 60
//       "speed": 1.0,             optional, > 0: speed factor of the segment after this key
//       "ease": 1.5,              optional, >= 0: ease seconds when this key is a stop
//       "clipping": {"planes": [{"normal": [nx, ny, nz], "offset": d}],      optional (1.1): the
//                    "boxes": [{"min": [x, y, z], "max": [x, y, z]}]},       cuts from here on,
//                                 replacing the site's (as scene/site.h's "clipping"); moved
//                                 between keys with the same numbers of planes and boxes
//       "sun": "2024-06-21T09:30" optional (1.1): the sun's local date and time at the site from
//                                 here on (record lights lit models by it, as --sun does); a
//                                 date that does not exist fails. See camera_path.h.
//     } ]
//   }
//
// Unlike site and POI files a path is all or nothing: any bad field fails the load with
// "FILE: JSON.PATH: problem". Two consecutive keys at the same position make the camera hold
// still between their times (see camera_path.h). Unknown top-level fields are kept on save.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "record/camera_path.h"

namespace axis::record {

struct OutputSettings {
    int fps = 30;                               ///< Frames per second, 1..240.
    std::uint32_t width = 1920, height = 1080;  ///< Even (yuv420p halves chroma), 2..16384.
    int quality = 20;                           ///< x264 CRF, 0 (lossless) ..51; 18-23 look good.
    bool operator==(const OutputSettings&) const = default;
};

/// "output.fps: ..." style problem, or nullopt.
std::optional<std::string> validateOutput(const OutputSettings& output);

struct PathFile {
    std::string version = "1.0";
    std::string name;
    PathInterpolation interpolation;
    OutputSettings output;
    std::vector<PathKey> keys;
    std::string extra;  ///< Unknown top-level fields as JSON text; written back on save.
    bool operator==(const PathFile&) const = default;
};

Expected<PathFile> loadPathFile(const std::filesystem::path& path);
/// Parses file text; `file` only names the source in errors.
Expected<PathFile> parsePathFile(const std::string& text, const std::filesystem::path& file);
/// The text savePathFile() writes (2-space indent, trailing newline).
std::string toJson(const PathFile& path);
/// Validates (refusing to write a path it could not read back), then saves atomically keeping
/// PATH.bak.
Status savePathFile(const PathFile& file, const std::filesystem::path& path);

/// The CameraPath of a file.
Expected<CameraPath> makeCameraPath(const PathFile& file);

}  // namespace axis::record
