#pragma once
// Small parsers shared by the subcommands. Each returns an Error with a message fit for stderr.
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "nav/framing.h"
#include "render/scene_renderer.h"
#include "scene/clipping.h"

namespace axis::viewer {

struct ImageSize {
    uint32_t width = 0, height = 0;
};

/// "1920x1080" -> {1920, 1080}; 1..16384 on each side.
Expected<ImageSize> parseSize(const std::string& text);

/// "AZIMUTH,ELEVATION[,DISTANCE]" in degrees and a distance scale.
Expected<nav::ViewAngles> parseViewAngles(const std::string& text);

/// `--point-size`: "3" or "3px" (pixels, 1..64), "2cm", "5mm" or "0.02m" (in the site: near points grow).
Expected<render::FrameView::PointSize> parsePointSize(const std::string& text);
constexpr const char* kPointSizeHelp =
    "Size of points: pixels (e.g. 3), or metres in the site, near points larger (e.g. 2cm, 0.02m)";

/// `--mode`: clay, normals, wireframe, texel-density, vertex-colour or off.
Expected<render::InspectionMode> parseInspectionMode(const std::string& text);
constexpr const char* kInspectionModeHelp =
    "Inspection mode: clay (shape, no texture), normals, wireframe (edges over the surface), texel-density "
    "(texels per metre: blue 10, green 300, red 10000), vertex-colour, or off";

/// `--clip-plane` and `--clip-box` (each repeatable) as one Clipping; nothing when neither is given
/// (the site's own then apply).
Expected<std::optional<Clipping>> parseClipping(const std::vector<std::string>& planes,
                                                const std::vector<std::string>& boxes);
constexpr const char* kClipPlaneHelp =
    "Section plane NX,NY,NZ,D (site frame, metres): keeps n.p + D >= 0, the side the normal points to; "
    "repeatable. Replaces the site's saved cuts (models keep their own)";
constexpr const char* kClipBoxHelp =
    "Clip box MINX,MINY,MINZ,MAXX,MAXY,MAXZ (site frame, metres): keeps its inside; repeatable";

constexpr const char* kSunHelp =
    "Light lit models by the sun at this local date and time at the site (e.g. 2024-06-21T09:30): from the "
    "site's origin and time zone; at night only a dim sky lights them. Unlit scans stay unlit. Default: the "
    "site's saved sun, if it has one";

/// `--shadows on|off`: the default is on with `--sun`, off without.
Expected<std::optional<bool>> parseShadows(const std::string& text);
constexpr const char* kShadowsHelp =
    "Sun shadows on lit models: on or off (default: on with --sun, as the site's saved sun says, else off)";

/// `--exposure EV|auto` (empty: 0 EV).
struct ExposureChoice {
    double ev = 0.0;
    bool automatic = false;  ///< render::autoExposureEv of the light at hand.
};
Expected<ExposureChoice> parseExposure(const std::string& text);
/// `light` exposed as `choice` says (auto: for that light's sun).
render::Lighting exposed(render::Lighting light, const ExposureChoice& choice);
constexpr const char* kExposureHelp =
    "Exposure of lit models and the sky in stops (EV, -10 to 10; +1 doubles their light), or auto: up to +2 "
    "at dusk and night, as an eye adapts. Unlit scans keep their own light";

constexpr const char* kEyeDomeHelp =
    "Eye-dome lighting: shade by depth, so that point clouds without colours or normals show their shape";

/// `--gpu-budget MB`: device memory for the geometry and texture levels that stream in by need.
constexpr const char* kGpuBudgetHelp =
    "Device memory in MiB for geometry and texture levels loaded by need (default: a share of the GPU's)";

/// Exit codes: 0 success, 1 the work failed (bad input, render error), 2 bad command line.
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

}  // namespace axis::viewer
