// `axisview record`: a camera path or a site's tour rendered headlessly to an MP4 or a PNG
// sequence. The engine does the work (record/); this file parses options, loads the scene and
// reports progress.
#include <cstdio>

#include "core/file_io.h"
#include "core/log.h"
#include "gpu/context.h"
#include "record/equirect.h"
#include "record/label_overlay.h"
#include "record/path_file.h"
#include "record/recorder.h"
#include "record/tour_path.h"
#include "record/video_encoder.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"
#include "site/gpu_scene.h"
#include "site/scene_loader.h"
#include "site/site_picking.h"

namespace axis::viewer {
namespace {

struct RecordArgs {
    std::string scene, pathFile, tour, output, savePath;
    std::string size;  ///< Empty: from the path file, else 1920x1080.
    int fps = 0;       ///< 0: from the path file.
    int quality = -1;  ///< -1: from the path file.
    double from = 0.0;
    double duration = -1.0;  ///< < 0: to the end of the path.
    std::string preset = "medium";
    int samples = 4;
    bool labels = false;
    std::string language = "zh";      ///< Labels and captions.
    std::string projection = "flat";  ///< "flat" or "equirect" (360°).
    std::uint64_t gpuBudgetMb = 0;    ///< 0: the device's default.
    std::string pointSize;            ///< Empty: the default (2 pixels).
    bool eyeDome = false;
    std::string mode = "off";
};

bool isEquirect(const RecordArgs& a) { return a.projection == "equirect"; }

// "-" is standard output, and a device or FIFO is written in place: a fragmented MP4 there,
// which players and ffmpeg read from a pipe.
bool isVideoOutput(const std::string& out) {
    return isStandardOutput(out) || isSpecialFile(out) || (out.size() > 4 && out.compare(out.size() - 4, 4, ".mp4") == 0);
}

// Checks that need no files; failures are usage errors (exit 2).
std::optional<std::string> checkUsage(const RecordArgs& a) {
    if (a.labels && isEquirect(a)) return "--labels: not supported with --projection equirect";
    if (!a.pointSize.empty())
        if (auto size = parsePointSize(a.pointSize); !size) return size.error().message;
    if (auto mode = parseInspectionMode(a.mode); !mode) return mode.error().message;
    if (!isVideoOutput(a.output) && !record::isPngSequencePattern(a.output))
        return "-o: expected an .mp4 file, - (an MP4 on standard output) or a PNG pattern such as frames/%05d.png, got '" +
               a.output + "'";
    if (!a.size.empty()) {
        auto size = parseSize(a.size);
        if (!size) return size.error().message;
        if (isEquirect(a) && size->width != 2 * size->height)
            return "--size: a 360° (equirect) frame is twice as wide as it is high, got " + a.size;
    }
    if (a.from < 0.0) return "--from: must be >= 0 seconds";
    return std::nullopt;
}

// The recording's path and its output settings (the file's, overridden by options).
Expected<record::PathFile> choosePath(const RecordArgs& a) {
    if (!a.pathFile.empty()) return record::loadPathFile(a.pathFile);
    auto site = loadSite(a.scene);
    if (!site) return site.error();
    if (site->pois.empty()) return makeError(a.scene, "the site has no POI file, so its tours have no viewpoints");
    auto pois = loadPois(site->poisPath());
    if (!pois) return pois.error();
    auto tour = record::pathFromTour(*site, *pois, a.tour);
    if (!tour) return tour.error();
    for (const auto& problem : tour->problems) logWarn(problem);
    return std::move(tour->file);
}

Status applyOverrides(const RecordArgs& a, record::OutputSettings& out) {
    if (a.fps > 0) out.fps = a.fps;
    if (a.quality >= 0) out.quality = a.quality;
    if (!a.size.empty() || isEquirect(a)) {
        auto size = parseSize(a.size.empty() ? "3840x1920" : a.size);  // 4K 360° unless told.
        out.width = size->width;
        out.height = size->height;
    }
    if (auto problem = record::validateOutput(out)) return Error{*problem};
    return Ok{};
}

Expected<std::unique_ptr<record::FrameSink>> openSink(const RecordArgs& a, const record::OutputSettings& out) {
    if (!isVideoOutput(a.output)) return std::unique_ptr<record::FrameSink>(new record::PngSequenceSink(a.output));
    record::EncoderSettings settings;
    settings.width = out.width;
    settings.height = out.height;
    settings.fps = out.fps;
    settings.crf = out.quality;
    settings.preset = a.preset;
    settings.equirectangular = isEquirect(a);
    auto encoder = record::VideoEncoder::open(a.output, settings);
    if (!encoder) return encoder.error();
    return std::unique_ptr<record::FrameSink>(std::move(*encoder));
}

struct Renderer {
    std::unique_ptr<gpu::Context> context;
    std::unique_ptr<render::OffscreenRenderer> offscreen;
    GpuScene gpuScene;
    std::vector<render::DrawItem> items;
    Bvh bvh;  ///< Label occlusion (--labels only).
    std::uint64_t tileGeneration = 0;  ///< Of the tiles `bvh` holds.
    render::FrameView style;  ///< Every frame's view but its camera: point size, eye-dome lighting.
    std::unique_ptr<record::LabelOverlay> labels;
};

// A 360° frame is stitched from square cube faces a quarter of its width across: the
// equator's resolution.
std::uint32_t cubeFaceSize(const record::OutputSettings& out) { return std::max(2u, out.width / 4); }

Expected<Renderer> makeRenderer(const LoadedScene& scene, const record::OutputSettings& out, int samples,
                                bool equirect, std::uint64_t gpuBudgetMb) {
    auto context = gpu::Context::create();
    if (!context) return context.error();
    Renderer r;
    r.context = std::move(*context);
    render::TargetDesc desc;
    desc.width = equirect ? cubeFaceSize(out) : out.width;
    desc.height = equirect ? cubeFaceSize(out) : out.height;
    desc.samples = static_cast<VkSampleCountFlagBits>(samples);
    r.offscreen = std::make_unique<render::OffscreenRenderer>(*r.context, desc);
    if (gpuBudgetMb > 0) r.offscreen->scene().setStreamingBudget(gpuBudgetMb << 20);
    r.gpuScene.addAll(r.offscreen->scene(), scene);
    r.items = r.gpuScene.items(scene);
    return r;
}

int fail(const Error& e, int code = kExitFailure) {
    logError(e.message);
    return code;
}

void addLabels(Renderer& r, const RecordArgs& a, const LoadedScene& scene, const record::PathFile& file) {
    if (!scene.pois) {
        logWarn("--labels: the scene has no points of interest; no labels to draw");
        return;
    }
    r.bvh = buildSiteBvh(scene.models);
    record::LabelOverlaySettings settings;
    settings.language = a.language;
    r.labels = std::make_unique<record::LabelOverlay>(*r.context, r.offscreen->target().colorFormat(), file.output.width,
                                                      file.output.height, *scene.pois, r.bvh,
                                                      record::captionsOf(file.keys, *scene.pois), settings);
}

// Flat frames, flat frames with labels and captions drawn over, or 360° frames.
record::RenderFrame renderFrame(Renderer& r, const RecordArgs& a, const record::OutputSettings& out) {
    if (isEquirect(a)) return record::equirectRenderFrame(*r.offscreen, r.items, out.width, out.height, r.style);
    if (!r.labels) return record::offscreenRenderFrame(*r.offscreen, r.items, r.style);
    return [&r](const Camera& camera, double t) -> Expected<gpu::Rgba8Image> {
        render::FrameView view = r.style;
        view.camera = camera;
        view.aspect = r.offscreen->aspect();
        return r.offscreen->render(view, r.items, nullptr, r.labels->frame(camera, t));
    };
}

// With tilesets, each frame first selects and loads the tiles its camera needs (all around it for
// a 360° frame), and draws the list that gives.
record::RenderFrame renderFrameWithTiles(Renderer& r, const RecordArgs& a, const record::OutputSettings& out,
                                         const LoadedScene& scene) {
    if (!r.gpuScene.hasTilesets()) return renderFrame(r, a, out);
    return [&r, &a, out, &scene](const Camera& camera, double t) -> Expected<gpu::Rgba8Image> {
        GpuScene::View v;
        v.view.camera = camera;
        v.view.aspect = r.offscreen->aspect();
        v.view.frustumCull = !isEquirect(a);
        v.heightPx = double(r.offscreen->target().extent().height);
        v.wait = true;
        r.gpuScene.update(r.offscreen->scene(), scene, v);
        r.items = r.gpuScene.items(scene);
        if (r.labels && r.gpuScene.tileGeneration() != r.tileGeneration) {  // Labels hide behind tiles too.
            r.bvh = buildSiteBvh(scene.models, &r.gpuScene);
            r.tileGeneration = r.gpuScene.tileGeneration();
        }
        return renderFrame(r, a, out)(camera, t);  // Made anew: it holds a view of r.items.
    };
}

int record(const RecordArgs& a, const record::PathFile& file, const record::CameraPath& path) {
    LoadOptions options;
    options.cpuModels = false;  // Frames draw the baked streams; labels test the bake's triangles.
    auto scene = loadScene(a.scene, options, Progress::toStderr());
    if (!scene) return fail(scene.error());
    auto renderer = makeRenderer(*scene, file.output, a.samples, isEquirect(a), a.gpuBudgetMb);
    if (renderer && !a.pointSize.empty()) renderer->style.pointSize = *parsePointSize(a.pointSize);  // checkUsage passed it.
    if (renderer && a.eyeDome) renderer->style.eyeDome.strength = 1.0;
    if (renderer) renderer->style.inspection = *parseInspectionMode(a.mode);  // checkUsage passed it.
    for (auto& m : scene->models) m.baked.reset();  // On the GPU now, which keeps what it streams from.
    if (!renderer) return fail(renderer.error());
    if (a.labels) addLabels(*renderer, a, *scene, file);
    auto sink = openSink(a, file.output);
    if (!sink) return fail(sink.error());
    record::AsyncFrameSink async(std::move(*sink));
    const auto range = record::framesOf(path, file.output.fps, a.from,
                                        a.duration >= 0.0 ? std::optional(a.duration) : std::nullopt);
    auto stats = record::recordFrames(path, file.output.fps, range,
                                      renderFrameWithTiles(*renderer, a, file.output, *scene), async,
                                      Progress::toStderr());
    if (!stats) return fail(stats.error());
    if (uint32_t n = renderer->context->validationMessageCount())
        return fail(Error{std::to_string(n) + " Vulkan validation message(s) reported"});
    char summary[256];
    std::snprintf(summary, sizeof summary, "wrote %s (%lld frames, %ux%u at %d fps, %.2f s; %.2f frames/s, %s)",
                  a.output.c_str(), static_cast<long long>(stats->frames), file.output.width, file.output.height,
                  file.output.fps, double(stats->frames) / file.output.fps, double(stats->frames) / stats->totalSeconds,
                  renderer->context->deviceName().c_str());
    logInfo(summary);
    return 0;
}

int runRecord(RecordArgs a) {
    if (auto problem = checkUsage(a)) return fail(Error{*problem}, kExitUsage);
    auto file = choosePath(a);
    if (!file) return fail(file.error());
    if (Status s = applyOverrides(a, file->output); !s) return fail(s.error(), kExitUsage);
    if (!a.savePath.empty())
        if (Status s = record::savePathFile(*file, a.savePath); !s) return fail(s.error());
    auto path = record::makeCameraPath(*file);
    if (!path) return fail(path.error());
    return record(a, *file, *path);
}

}  // namespace

void addRecordCommand(CLI::App& app, int& exitCode) {
    auto args = std::make_shared<RecordArgs>();
    auto* cmd = app.add_subcommand("record", "Render a camera path or a site's tour headlessly to an MP4 or PNG frames");
    cmd->add_option("SCENE", args->scene, "Model or site file")->required();
    auto* path = cmd->add_option("--path", args->pathFile, "Camera path file (NAME.path.json)");
    auto* tour = cmd->add_option("--tour", args->tour, "Record this tour of the site (e.g. attract)");
    path->excludes(tour);
    cmd->add_option("-o,--output", args->output, "OUT.mp4 (H.264), or a PNG pattern like frames/%05d.png")->required();
    cmd->add_option("--fps", args->fps, "Frames per second (default: the path file's, else 30)")
        ->check(CLI::Range(1, 240));
    cmd->add_option("--size", args->size, "Frame size WIDTHxHEIGHT, even for MP4 (default: the path file's, else 1920x1080)");
    cmd->add_option("--quality", args->quality, "x264 CRF 0..51, lower is better (default: the path file's, else 20)")
        ->check(CLI::Range(0, 51));
    cmd->add_option("--from", args->from, "Start at this time, seconds (frame i still shows t = i / fps)");
    cmd->add_option("--duration", args->duration, "Record only this many seconds")->check(CLI::NonNegativeNumber);
    cmd->add_option("--preset", args->preset, "x264 speed/size trade-off, ultrafast .. veryslow")
        ->capture_default_str()
        ->check(CLI::IsMember({"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower",
                               "veryslow"}));
    cmd->add_option("--samples", args->samples, "MSAA samples (1, 2, 4, 8)")->capture_default_str()
        ->check(CLI::IsMember({1, 2, 4, 8}));
    cmd->add_option("--save-path", args->savePath, "Also save the camera path used (e.g. the tour's) to this file");
    cmd->add_option("--gpu-budget", args->gpuBudgetMb, kGpuBudgetHelp)->check(CLI::Range(1, 1 << 20));
    cmd->add_option("--point-size", args->pointSize, kPointSizeHelp);
    cmd->add_flag("--eye-dome", args->eyeDome, kEyeDomeHelp);
    cmd->add_option("--mode", args->mode, kInspectionModeHelp);
    cmd->add_flag("--labels", args->labels, "Burn POI labels, and captions during a tour's dwell, into the frames");
    cmd->add_option("--language", args->language, "Language of --labels: zh or en")
        ->capture_default_str()
        ->check(CLI::IsMember({"zh", "en"}));
    cmd->add_option("--projection", args->projection,
                    "flat, or equirect: 360° video from six cube faces (default size 3840x1920, 2:1)")
        ->capture_default_str()
        ->check(CLI::IsMember({"flat", "equirect"}));
    cmd->callback([args, path, tour, &exitCode] {
        if (path->count() + tour->count() != 1) {
            logError("record: give exactly one of --path FILE or --tour NAME");
            exitCode = kExitUsage;
            return;
        }
        exitCode = runRecord(*args);
    });
}

}  // namespace axis::viewer
