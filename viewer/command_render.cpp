#include <cstdio>
#include <future>

#include "core/log.h"
#include "gpu/context.h"
#include "nav/framing.h"
#include "render/image_io.h"
#include "render/offscreen.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"
#include "site/gpu_scene.h"
#include "site/scene_loader.h"
#include "site/site_sun.h"
#include "geo/solar_position.h"

namespace axis::viewer {
namespace {

struct RenderArgs {
    std::string scene;
    std::string output;
    std::string size = "1280x720";
    std::string shading = "auto";
    std::string view = "20,20";
    std::string up;
    std::string poi;
    int samples = 4;
    double pixelError = 1.0;
    std::string pointSize;  ///< Empty: the default (2 pixels).
    bool eyeDome = false;
    std::string mode = "off";
    std::vector<std::string> clipPlanes, clipBoxes;
    std::string sun;  ///< Local date and time; empty: the default light.
    std::string shadows;  ///< "on", "off" or empty (on with --sun).
    std::string exposure;  ///< EV, "auto" or empty (0).
    bool noCache = false;
    bool stats = false;
    std::uint64_t gpuBudgetMb = 0;  ///< 0: the device's default.
};

bool isNamedView(const std::string& view) { return view == "start" || view == "overview"; }

// The camera the arguments ask for: a POI's saved view, a site's start or overview, or the
// scene framed from the given angles.
Expected<Camera> chooseCamera(const RenderArgs& args, const site::LoadedScene& scene, double aspect) {
    if (!args.poi.empty() || isNamedView(args.view)) {
        const std::string& name = args.poi.empty() ? args.view : args.poi;
        if (!args.poi.empty() && !(scene.pois && scene.pois->find(name)))
            return Error{args.scene + ": no point of interest '" + name + "'" +
                         (scene.pois ? "" : " (the scene has no POI file)")};
        if (auto camera = scene.namedView(name)) return *camera;
        return Error{args.scene + ": no '" + name + "' view" + (scene.site ? "" : " (only sites have named views)")};
    }
    auto angles = parseViewAngles(args.view);
    if (!angles) return angles.error();
    // Frames what the cuts keep (a clip box around one hall frames the hall), or, when they keep
    // nothing, the whole scene.
    std::vector<glm::dvec3> silhouette, kept;
    for (const auto& m : scene.models) {
        const Clipping cuts = scene.clipping.with(m.clipping);
        for (const glm::dvec3& p : samplePositions(m, 50000 / scene.models.size() + 8)) {
            silhouette.push_back(p);
            if (cuts.keeps(p)) kept.push_back(p);
        }
    }
    return nav::framePoints(kept.empty() ? silhouette : kept, *angles, aspect);
}

Expected<site::LoadOptions> loadOptions(const RenderArgs& args) {
    site::LoadOptions o{};
    if (args.shading == "lit") o.shading = Shading::Lit;
    else if (args.shading == "unlit") o.shading = Shading::Unlit;
    else if (args.shading != "auto") return Error{"--shading: expected lit, unlit or auto, got '" + args.shading + "'"};
    if (args.up == "y") o.up = UpAxis::Y;
    else if (args.up == "z") o.up = UpAxis::Z;
    else if (!args.up.empty()) return Error{"--up: expected y or z, got '" + args.up + "'"};
    if (args.noCache) o.useCache = false;
    o.cpuModels = false;  // Rendering draws the baked streams; a decoded copy would only cost memory.
    return o;
}

int runRender(const RenderArgs& args) {
    auto size = parseSize(args.size);
    auto angles = isNamedView(args.view) ? Expected<nav::ViewAngles>(nav::ViewAngles{}) : parseViewAngles(args.view);
    auto options = loadOptions(args);
    auto points = args.pointSize.empty() ? Expected<render::FrameView::PointSize>(render::FrameView::PointSize{})
                                         : parsePointSize(args.pointSize);
    auto mode = parseInspectionMode(args.mode);
    auto clipping = parseClipping(args.clipPlanes, args.clipBoxes);
    auto sunTime = args.sun.empty() ? Expected<LocalDateTime>(LocalDateTime{}) : parseLocalDateTime(args.sun);
    if (!sunTime) sunTime = Error{"--sun " + sunTime.error().message};
    auto shadows = parseShadows(args.shadows);
    auto exposure = parseExposure(args.exposure);
    for (const Error* e : {size ? nullptr : &size.error(), angles ? nullptr : &angles.error(),
                           options ? nullptr : &options.error(), points ? nullptr : &points.error(),
                           mode ? nullptr : &mode.error(), clipping ? nullptr : &clipping.error(),
                           sunTime ? nullptr : &sunTime.error(), shadows ? nullptr : &shadows.error(),
                           exposure ? nullptr : &exposure.error()})
        if (e) {
            logError(e->message);
            return kExitUsage;
        }
    // Starting Vulkan (loading the driver, on lavapipe LLVM too) takes as long as opening a warm
    // cache and framing the model together: do both at once.
    auto pendingContext = std::async(std::launch::async, [] { return gpu::Context::create(); });
    auto scene = site::loadScene(args.scene, *options, Progress::toStderr());
    if (!scene) {
        logError(scene.error().message);
        return kExitFailure;
    }
    if (*clipping) scene->clipping = **clipping;
    render::Lighting lighting;
    const auto sunChoice = site::chosenSun(*scene, args.sun);  // --sun, else the site's.
    if (sunChoice) {
        auto sun = site::siteSunlight(*scene, sunChoice->time);
        if (!sun) {
            logError(sun.error().message);
            return kExitUsage;
        }
        lighting = *sun;
    }
    lighting.shadows = shadows->value_or(sunChoice && sunChoice->shadows);
    lighting = exposed(lighting, *exposure);
    auto camera = chooseCamera(args, *scene, double(size->width) / double(size->height));
    if (!camera) {
        logError(camera.error().message);
        return kExitFailure;
    }
    auto context = pendingContext.get();
    if (!context) {
        logError(context.error().message);
        return kExitFailure;
    }
    render::TargetDesc desc;
    desc.width = size->width;
    desc.height = size->height;
    desc.samples = static_cast<VkSampleCountFlagBits>(args.samples);
    render::OffscreenRenderer renderer(**context, desc);
    if (args.gpuBudgetMb > 0) renderer.scene().setStreamingBudget(args.gpuBudgetMb << 20);

    site::GpuScene gpuScene;
    gpuScene.addAll(renderer.scene(), *scene);
    for (auto& m : scene->models) m.baked.reset();  // On the GPU now, which keeps what it still reads.
    render::FrameView view;
    view.aspect = renderer.aspect();
    view.camera = *camera;
    view.pixelErrorBound = args.pixelError;
    view.pointSize = *points;
    if (args.eyeDome) view.eyeDome.strength = 1.0;
    view.inspection = *mode;
    view.lighting = lighting;
    const std::vector<render::DrawItem> items = gpuScene.itemsForStill(renderer.scene(), *scene, view, double(size->height));
    render::RenderStats stats;
    auto image = renderer.render(view, items, &stats);
    if (args.stats)
        logInfo("drew " + std::to_string(stats.triangles) + " triangles, " + std::to_string(stats.points) +
                " points in " + std::to_string(stats.clusters) + " clusters (" + std::to_string(stats.clustersCulled) +
                " culled), " + std::to_string(stats.drawCalls) + " draws");
    if (auto s = render::writePng(args.output, image); !s) {
        logError(s.error().message);
        return kExitFailure;
    }
    if (uint32_t n = (*context)->validationMessageCount()) {
        logError(std::to_string(n) + " Vulkan validation message(s) reported");
        return kExitFailure;
    }
    logInfo("wrote " + args.output + " (" + args.size + ", " + (*context)->deviceName() + ")");
    return 0;
}

}  // namespace

void addRenderCommand(CLI::App& app, int& exitCode) {
    auto args = std::make_shared<RenderArgs>();
    auto* cmd = app.add_subcommand("render", "Render one frame of a model or site headlessly to a PNG");
    cmd->add_option("SCENE", args->scene, "Model or site file")->required();
    cmd->add_option("-o,--output", args->output, "PNG file to write")->required();
    cmd->add_option("--size", args->size, "Image size WIDTHxHEIGHT")->capture_default_str();
    cmd->add_option("--shading", args->shading, "lit, unlit, or auto (unlit for textured scans)")->capture_default_str();
    cmd->add_option("--view", args->view,
                    "AZIMUTH,ELEVATION[,DISTANCE]: compass heading the camera looks along, degrees above the "
                    "horizon, and a distance scale (1 = fit the bounds); or a site's 'start' or 'overview'")
        ->capture_default_str();
    cmd->add_option("--poi", args->poi, "Render from this point of interest's saved viewpoint (sites)");
    cmd->add_option("--up", args->up, "Override the model's up axis: y or z");
    cmd->add_option("--samples", args->samples, "MSAA samples (1, 2, 4, 8)")->capture_default_str()
        ->check(CLI::IsMember({1, 2, 4, 8}));
    cmd->add_option("--pixel-error", args->pixelError,
                    "Largest on-screen geometric error of the level of detail, in pixels; 0 = full detail")
        ->capture_default_str()->check(CLI::NonNegativeNumber);
    cmd->add_flag("--no-cache", args->noCache, "Import models directly, without the bake cache (also AXIS_NO_CACHE=1)");
    cmd->add_option("--gpu-budget", args->gpuBudgetMb, kGpuBudgetHelp)->check(CLI::Range(1, 1 << 20));
    cmd->add_option("--point-size", args->pointSize, kPointSizeHelp);
    cmd->add_flag("--eye-dome", args->eyeDome, kEyeDomeHelp);
    cmd->add_option("--mode", args->mode, kInspectionModeHelp);
    cmd->add_option("--sun", args->sun, kSunHelp);
    cmd->add_option("--shadows", args->shadows, kShadowsHelp);
    cmd->add_option("--exposure", args->exposure, kExposureHelp);
    cmd->add_option("--clip-plane", args->clipPlanes, kClipPlaneHelp)->allow_extra_args(false);
    cmd->add_option("--clip-box", args->clipBoxes, kClipBoxHelp)->allow_extra_args(false);
    cmd->add_flag("--stats", args->stats, "Log what the frame drew: triangles, clusters, draws");
    cmd->callback([args, &exitCode] { exitCode = runRender(*args); });
}

}  // namespace axis::viewer
