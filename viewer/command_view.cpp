#include <cstdlib>
#include <filesystem>

#include "core/lang_text.h"
#include "core/log.h"
#include "geo/solar_position.h"
#include "site/site_sun.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"
#include "viewer/demo_site.h"
#include "viewer/window_app.h"

namespace axis::viewer {
namespace {

struct ViewArgs {
    std::vector<std::string> scenes;
    std::string size = "1280x720";
    bool fullscreen = false;
    bool noVsync = false;
    std::string screenshot;
    std::string script;
    std::string view;
    std::string language;
    bool recordMode = false;
    std::uint64_t gpuBudgetMb = 0;
    std::string pointSize;
    bool eyeDome = false;
    std::string mode = "off";
    std::string sun, shadows, exposure;
    std::string frameLog;
    std::string touchRecording;
    std::string recordPath = "flythrough.path.json";
    bool curator = false;
    bool kiosk = false;
    bool sizeGiven = false;  // A kiosk with --size runs windowed (trying it out, tests).
    int soakCycles = 0;
    uint32_t screenshotFrames = 5;
    std::string outDir = "out";
};

int runView(const ViewArgs& args) {
    auto size = parseSize(args.size);
    if (!size) {
        logError(size.error().message);
        return kExitUsage;
    }
    auto pointSize = args.pointSize.empty() ? Expected<render::FrameView::PointSize>(render::FrameView::PointSize{})
                                            : parsePointSize(args.pointSize);
    if (!pointSize) {
        logError(pointSize.error().message);
        return kExitUsage;
    }
    auto mode = parseInspectionMode(args.mode);
    if (!mode) {
        logError(mode.error().message);
        return kExitUsage;
    }
    auto sunTime = args.sun.empty() ? Expected<LocalDateTime>(LocalDateTime{}) : parseLocalDateTime(args.sun);
    auto shadows = parseShadows(args.shadows);
    auto exposure = parseExposure(args.exposure);
    if (!sunTime || !shadows || !exposure) {
        logError(!sunTime ? "--sun " + sunTime.error().message
                          : !shadows ? shadows.error().message : exposure.error().message);
        return kExitUsage;
    }
    if (!args.language.empty() && !isWellFormedTag(args.language)) {
        logError("--language \"" + args.language + "\" is not a BCP 47 language tag (e.g. en, zh-Hans, ja)");
        return kExitUsage;
    }
    std::filesystem::path scenePath = args.scenes.empty() ? demoSitePath() : std::filesystem::path(args.scenes[0]);
    if (!displayAvailable()) {
        logInfo("no display: rendering stills instead of opening a window");
        return renderStills(scenePath, args.outDir);
    }
    auto scene = site::openForWindow(scenePath, windowLoadOptions(), Progress::toStderr());  // A site streams in.
    if (!scene) {
        logError(scene.error().message);
        return kExitFailure;
    }
    WindowOptions options;
    options.width = size->width;
    options.height = size->height;
    options.fullscreen = args.fullscreen;
    options.vsync = !args.noVsync;
    if (!args.screenshot.empty()) options.screenshot = args.screenshot;
    if (!args.script.empty()) options.script = args.script;
    options.startView = args.view;
    if (!args.language.empty()) options.language = canonicalTag(args.language);
    options.recordMode = args.recordMode;
    options.gpuBudgetMb = args.gpuBudgetMb;
    options.pointSize = *pointSize;
    options.eyeDome = args.eyeDome;
    options.inspection = *mode;
    const auto sunChoice = site::chosenSun(*scene, args.sun);  // --sun, else the site's.
    if (sunChoice)  // Checked both: the option above, the site's when it was read.
        options.sunTime = *parseLocalDateTime(sunChoice->time);
    options.shadows = shadows->value_or(sunChoice && sunChoice->shadows);
    options.exposure = *exposure;
    if (!args.frameLog.empty()) options.frameLog = args.frameLog;
    if (!args.touchRecording.empty()) options.touchRecording = args.touchRecording;
    options.scenePath = std::filesystem::absolute(scenePath);
    options.recordPath = args.recordPath;
    options.curator = args.curator;
    options.kiosk = args.kiosk || args.soakCycles > 0;
    options.soakCycles = args.soakCycles;
    if (options.kiosk && !args.sizeGiven) options.fullscreen = true;
    if (options.kiosk && args.curator) {
        logError("--kiosk and --curator exclude each other");
        return kExitUsage;
    }
    options.screenshotAfterFrames = args.screenshotFrames;
    return runWindow(std::move(*scene), "axisview - " + scenePath.filename().string(), options);
}

}  // namespace

void addViewOptions(CLI::App& app, int& exitCode) {
    auto args = std::make_shared<ViewArgs>();
    app.add_option("SITE_OR_MODEL", args->scenes, "Site or model files to open");
    app.add_option("--size", args->size, "Window size WIDTHxHEIGHT")->capture_default_str();
    app.add_flag("--fullscreen", args->fullscreen, "Start fullscreen (F11 toggles)");
    app.add_flag("--no-vsync", args->noVsync, "Present as fast as possible");
    app.add_option("--screenshot", args->screenshot, "Write the frame to this PNG after --screenshot-frames and quit");
    app.add_option("--screenshot-frames", args->screenshotFrames, "Frames to draw before --screenshot")
        ->capture_default_str();
    app.add_option("--script", args->script, "Timed input events, screenshots and quit (see viewer/script.h)")
        ->check(CLI::ExistingFile);
    app.add_flag("--curator", args->curator, "Start in curator mode: place and edit points of interest");
    app.add_flag("--kiosk", args->kiosk,
                 "Unattended touch exhibit: fullscreen (windowed with --size), locked down, attract tour when idle");
    app.add_option("--soak", args->soakCycles, "Kiosk soak test: replay N idle/visitor cycles, print memory, quit")
        ->check(CLI::Range(1, 10000000));
    app.add_flag("--record-mode", args->recordMode,
                 "Record mode: keyframes (K), timeline, preview (Space), save and export a camera path");
    app.add_option("--record-path", args->recordPath, "Record mode: the camera path file to load and save")
        ->capture_default_str();
    app.add_option("--view", args->view, "Start at this view: start, overview or a POI id");
    app.add_option("--language", args->language,
                   "The interface's language at start, a BCP 47 tag (en, zh-Hans, zh-Hant, ja); L switches; "
                   "a kiosk starts in its site's first");
    app.add_option("--gpu-budget", args->gpuBudgetMb, kGpuBudgetHelp)->check(CLI::Range(1, 1 << 20));
    app.add_option("--point-size", args->pointSize, kPointSizeHelp);
    app.add_flag("--eye-dome", args->eyeDome, kEyeDomeHelp);
    app.add_option("--mode", args->mode, std::string(kInspectionModeHelp) + "; M cycles through them");
    app.add_option("--sun", args->sun, std::string(kSunHelp) + "; a slider then moves it through that day");
    app.add_option("--shadows", args->shadows, kShadowsHelp);
    app.add_option("--exposure", args->exposure, std::string(kExposureHelp) + "; a slider in the sun's panel moves it");
    app.add_option("--frame-log", args->frameLog,
                   "Write a CSV line per drawn frame: wall time, streaming cost, textures still sharpening");
    app.add_option("--record-touch", args->touchRecording,
                   "Write every multi-touch event of the screen to this file, to replay in tests (one a line)");
    app.add_option("--out", args->outDir, "Without a display: the folder for the stills")->capture_default_str();
    app.callback([args, &app, &exitCode] {
        args->sizeGiven = app.count("--size") > 0;
        if (app.get_subcommands().empty()) exitCode = runView(*args);
    });
}

}  // namespace axis::viewer
