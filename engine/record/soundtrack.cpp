#include "record/soundtrack.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "audio/decode.h"
#include "audio/limiter.h"
#include "audio/loudness.h"
#include "poi/media.h"

namespace axis::record {
namespace {

using SoundCache = std::map<std::filesystem::path, std::shared_ptr<const audio::Pcm>>;

// Decoded once per file and brought to `lufs`; nullptr (and a warning) when it cannot be used.
std::shared_ptr<const audio::Pcm> loadLevelled(const std::filesystem::path& file, double lufs, SoundCache& cache,
                                               std::vector<std::string>& warnings) {
    if (auto it = cache.find(file); it != cache.end()) return it->second;
    std::shared_ptr<const audio::Pcm> out;
    if (auto pcm = audio::decodeFile(file)) {
        audio::normalise(*pcm, lufs);
        out = std::make_shared<const audio::Pcm>(std::move(*pcm));
    } else {
        warnings.push_back(pcm.error().message + "; left out of the soundtrack");
    }
    cache[file] = out;
    return out;
}

// `seconds` of `sound` from `from`, silence where it has none.
audio::Pcm sliceOf(const audio::Pcm& sound, double from, double seconds) {
    audio::Pcm out = audio::silence(audio::framesOf(seconds));
    const std::size_t first = audio::framesOf(std::max(0.0, from));
    const std::size_t n = std::min(out.frames(), sound.frames() > first ? sound.frames() - first : 0);
    std::copy_n(sound.samples.begin() + std::ptrdiff_t(first * audio::kChannels), n * audio::kChannels,
                out.samples.begin());
    return out;
}

std::string seconds(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", s);
    return text;
}

// Each stop's narration, placed at its arrival in the video's time.
std::vector<audio::Clip> narrationClips(const std::vector<Caption>& stops, const PoiFile& pois, const VideoSpan& video,
                                        const SoundtrackRequest& request, SoundCache& cache, Soundtrack& out) {
    std::vector<audio::Clip> clips;
    const double videoStart = double(video.startMs) / 1000.0, videoEnd = double(video.endMs) / 1000.0;
    for (std::size_t i = 0; i < stops.size(); ++i) {
        const Poi& poi = pois.pois.at(stops[i].poi);
        const PoiMedia* narration = findNarration(poi, request.language);
        if (!narration) {
            out.warnings.push_back("--audio: POI \"" + poi.id + "\" has no narration in \"" + request.language + "\"");
            continue;
        }
        auto file = resolveMediaSafely(pois, narration->path);
        if (!file) {
            out.warnings.push_back(file.error().message + " (POI \"" + poi.id + "\"); left out of the soundtrack");
            continue;
        }
        auto sound = loadLevelled(*file, request.speechLufs, cache, out.warnings);
        if (!sound) continue;
        const double start = stops[i].start, end = start + sound->seconds();
        if (i + 1 < stops.size() && end > stops[i + 1].start)
            out.warnings.push_back("--audio: the \"" + request.language + "\" narration of POI \"" + poi.id +
                                   "\" lasts " + seconds(sound->seconds()) + " and runs into the next stop's (" +
                                   seconds(stops[i + 1].start - start) + " later)");
        if (end <= videoStart || start >= videoEnd) continue;  // Outside the recorded slice.
        clips.push_back({sound, start - videoStart, 0.0});
        ++out.narrations;
    }
    return clips;
}

}  // namespace

std::optional<AudioMode> parseAudioMode(const std::string& text) {
    if (text == "none") return AudioMode::None;
    if (text == "narration") return AudioMode::Narration;
    if (text == "music") return AudioMode::Music;
    if (text == "both") return AudioMode::Both;
    return std::nullopt;
}

Soundtrack makeSoundtrack(const std::vector<Caption>& stops, const PoiFile& pois, const VideoSpan& video,
                          const SoundtrackRequest& request) {
    Soundtrack out;
    if (request.mode == AudioMode::None || video.endMs <= video.startMs) return out;
    const bool sliced = request.timeline.endMs > request.timeline.startMs;
    const VideoSpan whole = sliced ? request.timeline : video;
    SoundCache cache;
    audio::MixPlan plan;
    plan.seconds = double(whole.endMs - whole.startMs) / 1000.0;
    plan.duck = request.duck;
    const bool narration = request.mode == AudioMode::Narration || request.mode == AudioMode::Both;
    const bool music = request.mode == AudioMode::Music || request.mode == AudioMode::Both;
    if (narration) plan.speech = narrationClips(stops, pois, whole, request, cache, out);
    if (music && !request.music.empty())
        plan.music = loadLevelled(request.music, request.musicLufs, cache, out.warnings);
    if (music && request.music.empty()) out.warnings.push_back("--audio: the tour has no music");
    if (plan.speech.empty() && !plan.music) {
        out.warnings.push_back("--audio: nothing to hear; the video is silent");
        return out;
    }
    out.sound = audio::mix(plan);
    // Sample peaks at -2 dBFS keep true peaks under -1 dBTP (EBU R128's ceiling) once the AAC
    // encoder's reconstruction adds its overshoot (the demo tour: -1.3 dBTP by ffmpeg's ebur128).
    audio::LimiterSettings limiter;
    limiter.ceilingDb = -2.0;
    const audio::Normalisation n = audio::normalise(out.sound, request.targetLufs, limiter);
    out.integratedLufs = n.measured ? n.resultLufs : 0.0;
    if (sliced) out.sound = sliceOf(out.sound, double(video.startMs - whole.startMs) / 1000.0,
                                    double(video.endMs - video.startMs) / 1000.0);
    return out;
}

}  // namespace axis::record
