// `axisview record`: a camera path or a site's tour rendered headlessly to an MP4 or a PNG
// sequence. The engine does the work (record/); this file parses options, loads the scene and
// reports progress.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/file_io.h"
#include "audio/wav.h"
#include "core/log.h"
#include "gpu/context.h"
#include "record/equirect.h"
#include "record/equirect_stereo.h"
#include "record/card_overlay.h"
#include "record/label_overlay.h"
#include "record/output_format.h"
#include "record/path_file.h"
#include "record/recorder.h"
#include "record/subtitle_files.h"
#include "record/subtitles.h"
#include "record/tour_path.h"
#include "record/video_encoder.h"
#include "viewer/cli_util.h"
#include "viewer/commands.h"
#include "viewer/record_audio.h"
#include "viewer/record_cards.h"
#include "site/gpu_scene.h"
#include "site/scene_loader.h"
#include "site/site_picking.h"
#include "site/site_sun.h"
#include "geo/solar_position.h"

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
    std::string projection = "flat";  ///< "flat", "equirect" (360°) or "equirect-stereo" (ODS).
    double eyeSeparationMm = 64.0;    ///< equirect-stereo only.
    std::uint64_t gpuBudgetMb = 0;    ///< 0: the device's default.
    std::string pointSize;            ///< Empty: the default (2 pixels).
    bool eyeDome = false;
    std::string mode = "off";
    std::vector<std::string> clipPlanes, clipBoxes;
    std::string sun;  ///< Local date and time; empty: the default light.
    std::string shadows;  ///< "on", "off" or empty (on with --sun).
    std::string exposure;  ///< EV, "auto" (follows the path's sun) or empty (0).
    std::string format;     ///< A preset of record/output_format.h; empty: none.
    std::string subtitles;  ///< "zh,en": one track and two sidecars per language; empty: none.
    record::VideoMetadata metadata;  ///< Given on the command line; empty fields come from the site.
    CardArgs cards;                  ///< --title-card, --end-card, --watermark.
    AudioArgs audio;                 ///< --audio, --audio-lang, --loudness.
};

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

const record::FormatPreset* presetOf(const RecordArgs& a) { return record::findFormatPreset(a.format); }

// Both 360° projections: mono and stereo.
bool isEquirect(const RecordArgs& a) { return a.projection == "equirect" || a.projection == "equirect-stereo"; }
bool isStereo(const RecordArgs& a) { return a.projection == "equirect-stereo"; }

// The site frame is metres (site.h; each model's "scale" brings it there) and a bare model is
// taken as metres, so millimetres are a thousandth of a site unit.
record::StereoSettings stereoOf(const RecordArgs& a) {
    record::StereoSettings s;
    s.eyeSeparation = a.eyeSeparationMm / 1000.0;
    return s;
}

// A 360° frame's shape: 2:1 mono, square for stereo (two 2:1 eyes, one above the other).
std::optional<std::string> checkEquirectSize(const RecordArgs& a, const ImageSize& size) {
    if (isStereo(a) && size.width != size.height)
        return "--size: a stereo 360° (equirect-stereo) frame is square, two 2:1 eyes one above the other, got " +
               a.size;
    if (!isStereo(a) && isEquirect(a) && size.width != 2 * size.height)
        return "--size: a 360° (equirect) frame is twice as wide as it is high, got " + a.size;
    return std::nullopt;
}

// "-" is standard output, and a device or FIFO is written in place: a fragmented MP4 there,
// which players and ffmpeg read from a pipe.
bool isVideoOutput(const std::string& out) {
    return isStandardOutput(out) || isSpecialFile(out) || (out.size() > 4 && out.compare(out.size() - 4, 4, ".mp4") == 0);
}

// --format, --subtitles: presets and languages that exist, and no option that contradicts them.
std::optional<std::string> checkMediaUsage(const RecordArgs& a) {
    if (!a.format.empty()) {
        if (!presetOf(a)) return "--format: unknown preset '" + a.format + "' (" + record::formatPresetNames() + ")";
        if (!a.size.empty()) return "--format and --size both set the frame size: give one";
        if (isEquirect(a)) return "--format: not for --projection " + a.projection + " (use --size)";
    }
    for (const std::string& language : splitList(a.subtitles)) {
        if (!record::findLanguage(language))
            return "--subtitles: unknown language '" + language + "' (known: " + record::knownLanguages() + ")";
    }
    if (!a.subtitles.empty() && splitList(a.subtitles).empty()) return "--subtitles: expected languages such as zh,en";
    return checkAudioUsage(a.audio);
}

// Checks that need no files; failures are usage errors (exit 2).
std::optional<std::string> checkUsage(const RecordArgs& a) {
    if (a.labels && isEquirect(a)) return "--labels: not supported with --projection equirect";
    if (a.cards.any() && isEquirect(a))
        return "--title-card, --end-card, --watermark: not supported with --projection equirect";
    if (!a.pointSize.empty())
        if (auto size = parsePointSize(a.pointSize); !size) return size.error().message;
    if (auto mode = parseInspectionMode(a.mode); !mode) return mode.error().message;
    if (auto clipping = parseClipping(a.clipPlanes, a.clipBoxes); !clipping) return clipping.error().message;
    if (!a.sun.empty())
        if (auto time = parseLocalDateTime(a.sun); !time) return "--sun " + time.error().message;
    if (auto shadows = parseShadows(a.shadows); !shadows) return shadows.error().message;
    if (auto exposure = parseExposure(a.exposure); !exposure) return exposure.error().message;
    if (!isVideoOutput(a.output) && !record::isPngSequencePattern(a.output))
        return "-o: expected an .mp4 file, - (an MP4 on standard output) or a PNG pattern such as frames/%05d.png, got '" +
               a.output + "'";
    if (!a.size.empty()) {
        auto size = parseSize(a.size);
        if (!size) return size.error().message;
        if (auto problem = checkEquirectSize(a, *size)) return problem;
    }
    if (a.from < 0.0) return "--from: must be >= 0 seconds";
    if (!(a.eyeSeparationMm > 0.0 && a.eyeSeparationMm <= 1000.0))
        return "--eye-separation: expected millimetres in (0, 1000], got " + std::to_string(a.eyeSeparationMm);
    return checkMediaUsage(a);
}

// The recording's path and its output settings (the file's, overridden by options).
Expected<record::PathFile> choosePath(const RecordArgs& a) {
    if (!a.pathFile.empty()) return record::loadPathFile(a.pathFile);
    auto site = loadSite(a.scene);
    if (!site) return site.error();
    if (site->pois.empty()) return makeError(a.scene, "the site has no POI file, so its tours have no viewpoints");
    auto pois = loadPois(site->poisPath());
    if (!pois) return pois.error();
    record::TourPathOptions options;
    options.minDwellSeconds = narrationHolds(a.audio, *site, *pois, a.tour, splitList(a.subtitles));
    auto tour = record::pathFromTour(*site, *pois, a.tour, options);
    if (!tour) return tour.error();
    for (const auto& problem : tour->problems) logWarn(problem);
    return std::move(tour->file);
}

Status applyOverrides(const RecordArgs& a, record::OutputSettings& out) {
    if (const record::FormatPreset* preset = presetOf(a)) {  // The preset, then --fps and --quality.
        out.width = preset->width;
        out.height = preset->height;
        out.fps = preset->fps;
        out.quality = preset->crf;
    }
    if (a.fps > 0) out.fps = a.fps;
    if (a.quality >= 0) out.quality = a.quality;
    if (!a.size.empty() || isEquirect(a)) {
        // 4K 360° unless told; 4096 per eye in stereo, as headsets' players expect.
        auto size = parseSize(!a.size.empty() ? a.size : isStereo(a) ? "4096x4096" : "3840x1920");
        out.width = size->width;
        out.height = size->height;
    }
    if (auto problem = record::validateOutput(out)) return Error{*problem};
    return Ok{};
}

// High profile at the level the size and frame rate need, peaks capped for the preset.
void applyPreset(const record::FormatPreset& preset, record::EncoderSettings& settings) {
    settings.profile = "high";
    settings.level = record::h264LevelFor(settings.width, settings.height, settings.fps).value_or(0);
    const record::RateCap cap = record::rateCapFor(preset, settings.fps, settings.level);
    settings.maxKbps = cap.maxKbps;
    settings.bufferKbits = cap.bufferKbits;
}

// The site's name and description in its first language, unless given on the command line.
record::VideoMetadata metadataOf(const RecordArgs& a, const site::LoadedScene& scene) {
    record::VideoMetadata m = a.metadata;
    if (!scene.site) return m;
    std::vector<std::string> languages = scene.site->kiosk ? scene.site->kiosk->languages : std::vector<std::string>{};
    const auto first = [&languages](const LangText& text) {
        for (const std::string& language : languages)
            if (auto it = text.find(language); it != text.end() && !it->second.empty()) return it->second;
        return text.empty() ? std::string() : text.begin()->second;
    };
    if (m.title.empty()) m.title = first(scene.site->name);
    if (m.comment.empty()) m.comment = first(scene.site->description);
    const std::string language = languages.empty() ? std::string() : languages.front();
    if (m.artist.empty()) m.artist = pickText(scene.site->credits.institution, language);
    if (m.copyright.empty()) m.copyright = copyrightLine(scene.site->credits, language);
    return m;
}

Expected<std::unique_ptr<record::FrameSink>> openSink(const RecordArgs& a, const record::OutputSettings& out,
                                                      record::VideoMetadata metadata,
                                                      std::vector<record::SubtitleTrack> subtitles,
                                                      record::AudioTrack audio) {
    if (!isVideoOutput(a.output)) return std::unique_ptr<record::FrameSink>(new record::PngSequenceSink(a.output));
    record::EncoderSettings settings;
    settings.width = out.width;
    settings.height = out.height;
    settings.fps = out.fps;
    settings.crf = out.quality;
    settings.preset = a.preset;
    settings.equirectangular = isEquirect(a);
    settings.stereoTopBottom = isStereo(a);
    if (const record::FormatPreset* preset = presetOf(a)) applyPreset(*preset, settings);
    settings.metadata = std::move(metadata);
    settings.subtitles = std::move(subtitles);
    settings.audio = std::move(audio);
    auto encoder = record::VideoEncoder::open(a.output, settings);
    if (!encoder) return encoder.error();
    return std::unique_ptr<record::FrameSink>(std::move(*encoder));
}

struct Renderer {
    std::unique_ptr<gpu::Context> context;
    std::unique_ptr<render::OffscreenRenderer> offscreen;
    site::GpuScene gpuScene;
    std::vector<render::DrawItem> items;
    Bvh bvh;  ///< Label occlusion (--labels only).
    Clipping labelCuts;  ///< The cuts `bvh` and the labels were made with.
    std::uint64_t tileGeneration = 0;  ///< Of the tiles `bvh` holds.
    render::FrameView style;  ///< Every frame's view but its camera: point size, eye-dome lighting.
    std::unique_ptr<record::LabelOverlay> labels;
    std::unique_ptr<record::CardOverlay> cards;  ///< Title and end cards, watermark.
};

// A 360° frame is stitched from square cube faces a quarter of its width across: the
// equator's resolution.
std::uint32_t cubeFaceSize(const record::OutputSettings& out) { return std::max(2u, out.width / 4); }

record::DeviceCapacity capacityOf(const gpu::Context& context) {
    record::DeviceCapacity capacity;
    capacity.maxImageDimension2D = context.properties().limits.maxImageDimension2D;
    VkPhysicalDeviceMemoryProperties memory{};
    vkGetPhysicalDeviceMemoryProperties(context.physicalDevice(), &memory);
    for (std::uint32_t i = 0; i < memory.memoryHeapCount; ++i)
        if (memory.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
            capacity.largestDeviceHeap = std::max(capacity.largestDeviceHeap, std::uint64_t(memory.memoryHeaps[i].size));
    return capacity;
}

// What chose the frame size, for messages: "--format landscape-8k", "--size 7680x4320", or the path.
std::string sizeOrigin(const RecordArgs& a) {
    if (!a.format.empty()) return "--format " + a.format;
    if (!a.size.empty()) return "--size " + a.size;
    return a.pathFile.empty() ? "frame size" : a.pathFile + ": output.size";
}

Expected<Renderer> makeRenderer(const site::LoadedScene& scene, const record::OutputSettings& out, const RecordArgs& a) {
    const bool equirect = isEquirect(a);
    auto context = gpu::Context::create();
    if (!context) return context.error();
    Renderer r;
    r.context = std::move(*context);
    render::TargetDesc desc;
    desc.width = equirect ? cubeFaceSize(out) : out.width;
    desc.height = equirect ? cubeFaceSize(out) : out.height;
    if (isStereo(a)) {  // One target for every slice and cap view.
        const record::TargetSize views = record::stereoTargetSize(out.width, stereoOf(a));
        desc.width = views.width;
        desc.height = views.height;
    }
    if (auto problem = record::checkDeviceFits(capacityOf(*r.context), desc.width, desc.height, a.samples))
        return Error{sizeOrigin(a) + ": " + *problem + " (" + r.context->deviceName() + ")"};
    desc.samples = static_cast<VkSampleCountFlagBits>(a.samples);
    r.offscreen = std::make_unique<render::OffscreenRenderer>(*r.context, desc);
    if (a.gpuBudgetMb > 0) r.offscreen->scene().setStreamingBudget(a.gpuBudgetMb << 20);
    r.gpuScene.addAll(r.offscreen->scene(), scene);
    r.items = r.gpuScene.items(scene);
    return r;
}

int fail(const Error& e, int code = kExitFailure) {
    logError(e.message);
    return code;
}

void addLabels(Renderer& r, const RecordArgs& a, const site::LoadedScene& scene, const record::PathFile& file) {
    if (!scene.pois) {
        logWarn("--labels: the scene has no points of interest; no labels to draw");
        return;
    }
    r.bvh = site::buildSiteBvh(scene.models, nullptr, scene.clipping);
    r.labelCuts = scene.clipping;
    record::LabelOverlaySettings settings;
    settings.language = a.language;
    settings.clipping = scene.clipping;
    r.labels = std::make_unique<record::LabelOverlay>(*r.context, r.offscreen->target().colorFormat(), file.output.width,
                                                      file.output.height, *scene.pois, r.bvh,
                                                      record::captionsOf(file.keys, *scene.pois), settings);
}

// Flat frames, flat frames with labels and captions drawn over, or 360° frames.
record::RenderFrame renderFrame(Renderer& r, const RecordArgs& a, const record::OutputSettings& out) {
    if (isStereo(a)) return record::equirectStereoRenderFrame(*r.offscreen, r.items, out.width, stereoOf(a), r.style);
    if (isEquirect(a)) return record::equirectRenderFrame(*r.offscreen, r.items, out.width, out.height, r.style);
    if (!r.labels && !r.cards) return record::offscreenRenderFrame(*r.offscreen, r.items, r.style);
    return [&r](const Camera& camera, double t) -> Expected<gpu::Rgba8Image> {
        render::FrameView view = r.style;
        view.camera = camera;
        view.aspect = r.offscreen->aspect();
        using Overlay = render::OffscreenRenderer::Overlay;
        return r.offscreen->render(view, r.items, nullptr,
                                   record::chainOverlays(r.labels ? r.labels->frame(camera, t) : Overlay{},
                                                         r.cards ? r.cards->frame(t) : Overlay{}));
    };
}

// With tilesets, each frame first selects and loads the tiles its camera needs (all around it for
// a 360° frame), and draws the list that gives.
record::RenderFrame renderFrameWithTiles(Renderer& r, const RecordArgs& a, const record::OutputSettings& out,
                                         const site::LoadedScene& scene) {
    if (!r.gpuScene.hasTilesets()) return renderFrame(r, a, out);
    return [&r, &a, out, &scene](const Camera& camera, double t) -> Expected<gpu::Rgba8Image> {
        site::GpuScene::View v;
        v.view.camera = camera;
        v.view.aspect = r.offscreen->aspect();
        v.view.frustumCull = !isEquirect(a);
        v.heightPx = double(r.offscreen->target().extent().height);
        v.wait = true;
        r.gpuScene.update(r.offscreen->scene(), scene, v);
        r.items = r.gpuScene.items(scene);
        if (r.labels && r.gpuScene.tileGeneration() != r.tileGeneration) {  // Labels hide behind tiles too.
            r.bvh = site::buildSiteBvh(scene.models, &r.gpuScene, scene.clipping);
            r.tileGeneration = r.gpuScene.tileGeneration();
        }
        return renderFrame(r, a, out)(camera, t);  // Made anew: it holds a view of r.items.
    };
}

// A path whose keys hold cuts or a time of day: each frame takes the cuts (else the scene's own)
// and the sun at its time before it is drawn.
record::RenderFrame animatedRenderFrame(Renderer& r, const RecordArgs& a, const record::OutputSettings& out,
                                        site::LoadedScene& scene, const record::CameraPath& path) {
    if (!path.animatesScene()) return renderFrameWithTiles(r, a, out, scene);
    return [&r, &a, out, &scene, &path, sceneCuts = scene.clipping](const Camera& camera, double t) {
        scene.clipping = path.clipping(t).value_or(sceneCuts);
        if (r.labels && scene.clipping != r.labelCuts) {
            // Labels go with what the cuts take away and show through what they open up.
            r.labelCuts = scene.clipping;
            r.bvh = site::buildSiteBvh(scene.models, &r.gpuScene, scene.clipping);
            r.labels->setClipping(scene.clipping);
        }
        if (auto when = path.sunTime(t)) {
            const bool shadows = r.style.lighting.shadows;
            r.style.lighting = exposed(site::siteSunlight(scene, *when), *parseExposure(a.exposure));  // checkUsage passed it.
            r.style.lighting.shadows = shadows;
        }
        r.items = r.gpuScene.items(scene);
        return renderFrameWithTiles(r, a, out, scene)(camera, t);  // Made anew: it holds a view of r.items.
    };
}

// The milliseconds that frames `range` show at `fps`.
record::VideoSpan spanOf(record::FrameRange range, int fps) {
    return {std::llround(double(range.first) * 1000.0 / fps), std::llround(double(range.first + range.count) * 1000.0 / fps)};
}

// The --subtitles tracks: each dwell at a POI's viewpoint, in the recorded slice. Problems are
// warnings: the video is written with what there is.
std::vector<record::SubtitleTrack> subtitlesOf(const RecordArgs& a, const site::LoadedScene& scene,
                                               const record::PathFile& file, record::FrameRange range) {
    if (a.subtitles.empty()) return {};
    if (!scene.pois) {
        logWarn("--subtitles: the scene has no points of interest, so its stops have no text; no subtitles");
        return {};
    }
    record::SubtitleRequest request;
    request.languages = splitList(a.subtitles);
    if (scene.site && scene.site->kiosk) request.fallbackLanguages = scene.site->kiosk->languages;
    auto subtitles = record::makeSubtitles(record::captionsOf(file.keys, *scene.pois), *scene.pois,
                                           spanOf(range, file.output.fps), request);
    for (const std::string& warning : subtitles.warnings) logWarn(warning);
    return std::move(subtitles.tracks);
}

// The --audio soundtrack of the recorded slice `range` of the path's frames `whole`: the tour's
// music, each stop's narration from its arrival. A PNG sequence gets it as soundtrack.wav beside
// the frames.
record::AudioTrack audioOf(const RecordArgs& a, const site::LoadedScene& scene, const record::PathFile& file,
                           record::FrameRange range, record::FrameRange whole) {
    const int fps = file.output.fps;
    const auto stops = scene.pois ? record::captionsOf(file.keys, *scene.pois) : std::vector<record::Caption>{};
    record::AudioTrack track = soundtrackOf(a.audio, scene, a.tour, stops, spanOf(range, fps), spanOf(whole, fps),
                                            splitList(a.subtitles));
    if (!track.sound || isVideoOutput(a.output)) return track;
    const auto wav = std::filesystem::path(a.output).parent_path() / "soundtrack.wav";
    if (Status s = audio::writeWav(wav, *track.sound); !s) logWarn(s.error().message);
    else logInfo("wrote " + wav.string() + " (the frames' sound)");
    return {};
}

// OUT.LANG.vtt and .srt beside an MP4 file, subtitles.LANG.* beside PNG frames; none for a
// stream (standard output, a device), whose MP4 carries the tracks.
Status writeSidecars(const RecordArgs& a, const std::vector<record::SubtitleTrack>& subtitles) {
    if (subtitles.empty()) return Ok{};
    if (isStandardOutput(a.output) || isSpecialFile(a.output)) {
        logInfo("--subtitles: the tracks are in the MP4 stream; no sidecar files beside " + a.output);
        return Ok{};
    }
    const std::filesystem::path beside = isVideoOutput(a.output)
                                             ? std::filesystem::path(a.output)
                                             : std::filesystem::path(a.output).parent_path() / "subtitles.mp4";
    for (const record::SubtitleTrack& track : subtitles) {
        if (Status s = record::writeSidecars(track, beside); !s) return s;
        logInfo("wrote " + record::sidecarPath(beside, track.language, "vtt").string() + " and .srt (" +
                std::to_string(track.cues.size()) + " cues)");
    }
    return Ok{};
}

int record(const RecordArgs& a, const record::PathFile& file, const record::CameraPath& path) {
    site::LoadOptions options;
    options.cpuModels = false;  // Frames draw the baked streams; labels test the bake's triangles.
    auto scene = site::loadScene(a.scene, options, Progress::toStderr());
    if (!scene) return fail(scene.error());
    if (auto clipping = *parseClipping(a.clipPlanes, a.clipBoxes)) scene->clipping = *clipping;  // checkUsage passed it.
    render::Lighting lighting;
    const auto sunChoice = site::chosenSun(*scene, a.sun);  // --sun, else the site's.
    if (sunChoice) {
        auto light = site::siteSunlight(*scene, sunChoice->time);
        if (!light) return fail(light.error());
        lighting = *light;
    }
    const bool pathSun = path.sunTime(path.startTime()).has_value();  // Shadows follow the sun, as with --sun.
    const bool sunShadows = (sunChoice && sunChoice->shadows) || pathSun;
    lighting.shadows = parseShadows(a.shadows)->value_or(sunShadows);  // checkUsage passed it.
    lighting = exposed(lighting, *parseExposure(a.exposure));
    auto renderer = makeRenderer(*scene, file.output, a);
    if (renderer && !a.pointSize.empty()) renderer->style.pointSize = *parsePointSize(a.pointSize);  // checkUsage passed it.
    if (renderer && a.eyeDome) renderer->style.eyeDome.strength = 1.0;
    if (renderer) renderer->style.inspection = *parseInspectionMode(a.mode);  // checkUsage passed it.
    if (renderer) renderer->style.lighting = lighting;
    for (auto& m : scene->models) m.baked.reset();  // On the GPU now, which keeps what it streams from.
    if (!renderer) return fail(renderer.error());
    if (a.labels) addLabels(*renderer, a, *scene, file);
    const auto range = record::framesOf(path, file.output.fps, a.from,
                                        a.duration >= 0.0 ? std::optional(a.duration) : std::nullopt);
    const int fps = file.output.fps;
    renderer->cards = makeCards(a.cards, *scene, a.language, *renderer->context, renderer->offscreen->target().colorFormat(),
                                file.output.width, file.output.height, double(range.first) / fps,
                                double(range.count) / fps);
    std::vector<record::SubtitleTrack> subtitles = subtitlesOf(a, *scene, file, range);
    auto sink = openSink(a, file.output, metadataOf(a, *scene), subtitles, audioOf(a, *scene, file, range, record::framesOf(path, file.output.fps)));
    if (!sink) return fail(sink.error());
    record::AsyncFrameSink async(std::move(*sink));
    auto stats = record::recordFrames(path, file.output.fps, range,
                                      animatedRenderFrame(*renderer, a, file.output, *scene, path), async,
                                      Progress::toStderr());
    if (!stats) return fail(stats.error());
    if (uint32_t n = renderer->context->validationMessageCount())
        return fail(Error{std::to_string(n) + " Vulkan validation message(s) reported"});
    if (Status s = writeSidecars(a, subtitles); !s) return fail(s.error());
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

namespace {

// The presets with their sizes and rates, and how to choose a frame rate: --help's footer.
std::string formatGuide() {
    std::string out = "Formats (--format; --fps and --quality override its defaults; --size conflicts):\n";
    char line[200];
    for (const record::FormatPreset& p : record::formatPresets()) {
        const int level = record::h264LevelFor(p.width, p.height, p.fps).value_or(0);
        std::snprintf(line, sizeof line, "  %-19s %ux%u, %d fps, CRF %d, ~%d Mbps (peaks <= %d), High %s: %s\n",
                      std::string(p.name).c_str(), p.width, p.height, p.fps, p.crf, p.typicalKbps / 1000,
                      p.peakKbps / 1000, record::levelName(level).c_str(), std::string(p.use).c_str());
        out += line;
    }
    out += "  At 50 or 60 fps peaks scale with the rate (1080p ~12 Mbps, 4K ~53-68, 8K ~120-240) and the level\n"
           "  rises (1080p 4.2, 4K 5.2, 8K 6.1). --preset ultrafast makes Baseline, not High.\n"
           "  H.264 through libx264; Debian 12's FFmpeg also has libx265 (HEVC), not used: H.264 plays\n"
           "  everywhere and level 6 covers 8K.\n"
           "Frame rate: 30 for the web (smooth camera moves; the default), 25 where broadcasts are PAL\n"
           "  (China, Europe), 24 for a film look, 50/60 for fast flights and LED walls (twice the rendering).\n"
           "Quality: CRF 18 (masters, archives) .. 23 (quick previews); 20 is visually clean for uploads.";
    return out;
}

void addMediaOptions(CLI::App& cmd, RecordArgs& args) {
    cmd.add_option("--format", args.format, "Publishing preset: " + record::formatPresetNames() + " (see below)");
    cmd.add_option("--subtitles", args.subtitles,
                   "Subtitles from the stops' titles and texts, e.g. zh,en: one switchable track per language in the "
                   "MP4 and OUT.LANG.vtt/.srt beside it (" + record::knownLanguages() + ")");
    cmd.add_option("--audio", args.audio.mode,
                   "Sound: narration, music, both or none: the tour's music ducked under each stop's narration, "
                   "from the camera's arrival (default: both when the site has sound, else none)");
    cmd.add_option("--audio-lang", args.audio.language,
                   "Narration language (default: the first --subtitles language, else the site's first)");
    cmd.add_option("--loudness", args.audio.loudness, "Integrated loudness of the sound, LUFS (EBU R128)")
        ->capture_default_str();
    cmd.add_option("--title", args.metadata.title, "MP4 title (default: the site's name)");
    cmd.add_option("--artist", args.metadata.artist, "MP4 artist: who made the recording or the scans");
    cmd.add_option("--copyright", args.metadata.copyright, "MP4 copyright, e.g. \"© 2024 Museum, CC BY 4.0\"");
    cmd.add_option("--comment", args.metadata.comment, "MP4 comment (default: the site's description)");
    addCardOptions(cmd, args.cards);
    cmd.footer(formatGuide());
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
    cmd->add_option("--sun", args->sun, kSunHelp);
    cmd->add_option("--shadows", args->shadows, kShadowsHelp);
    cmd->add_option("--exposure", args->exposure, kExposureHelp);
    cmd->add_option("--clip-plane", args->clipPlanes, kClipPlaneHelp)->allow_extra_args(false);
    cmd->add_option("--clip-box", args->clipBoxes, kClipBoxHelp)->allow_extra_args(false);
    cmd->add_flag("--labels", args->labels, "Burn POI labels, and captions during a tour's dwell, into the frames");
    cmd->add_option("--language", args->language,
                    "Language of --labels, a BCP 47 tag (zh, zh-Hant, ja, en...); the POIs' nearest is shown")
        ->capture_default_str()
        ->check([](const std::string& tag) { return isWellFormedTag(tag) ? std::string() : "not a BCP 47 language tag"; });
    cmd->add_option("--projection", args->projection,
                    "flat; equirect: 360° video from six cube faces (default size 3840x1920, 2:1); equirect-stereo: "
                    "stereo 360° for headsets, omni-directional stereo, left eye on top of the right (default "
                    "4096x4096, square), stereo fading out above 55° of latitude")
        ->capture_default_str()
        ->check(CLI::IsMember({"flat", "equirect", "equirect-stereo"}));
    auto* eyes =
        cmd->add_option("--eye-separation", args->eyeSeparationMm,
                        "equirect-stereo: distance between the eyes, mm (0 < MM <= 1000); the site frame is metres, a "
                        "bare model is taken as metres; raise it to give a large site more depth")
            ->capture_default_str();
    addMediaOptions(*cmd, *args);
    cmd->callback([args, path, tour, eyes, &exitCode] {
        if (path->count() + tour->count() != 1) {
            logError("record: give exactly one of --path FILE or --tour NAME");
            exitCode = kExitUsage;
            return;
        }
        if (eyes->count() > 0 && !isStereo(*args)) {  // Else a user would wait for a mono video in vain.
            logError("--eye-separation: only with --projection equirect-stereo");
            exitCode = kExitUsage;
            return;
        }
        exitCode = runRecord(*args);
    });
}

}  // namespace axis::viewer
