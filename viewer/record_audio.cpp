#include "viewer/record_audio.h"

#include <cstdio>

#include "audio/decode.h"
#include "core/log.h"
#include "poi/media.h"
#include "record/soundtrack.h"

namespace axis::viewer {
namespace {

std::string narrationLanguage(const AudioArgs& args, const Site* site, const std::vector<std::string>& subtitleLanguages) {
    if (!args.language.empty()) return args.language;
    if (!subtitleLanguages.empty()) return subtitleLanguages.front();
    if (site && site->kiosk && !site->kiosk->languages.empty()) return site->kiosk->languages.front();
    return "zh";
}

// A breath after a narration before the camera moves on.
constexpr double kPauseAfterNarration = 0.5;

// MP4 tags a track's language in ISO 639-2; "und" for a language --subtitles does not know.
std::string iso639Of(const std::string& language) {
    if (auto info = record::findLanguage(language)) return std::string(info->iso639);
    return "und";
}

}  // namespace

std::optional<std::string> checkAudioUsage(const AudioArgs& args) {
    if (!args.mode.empty() && !record::parseAudioMode(args.mode))
        return "--audio: expected narration, music, both or none, got '" + args.mode + "'";
    if (!(args.loudness >= -70.0 && args.loudness <= 0.0))
        return "--loudness: expected LUFS between -70 and 0 (web: -16, broadcast: -23)";
    return std::nullopt;
}

std::map<std::string, double> narrationHolds(const AudioArgs& args, const Site& site, const PoiFile& pois,
                                             const std::string& tourId, const std::vector<std::string>& subtitleLanguages) {
    std::map<std::string, double> holds;
    const auto mode = args.mode.empty() ? record::AudioMode::Both : *record::parseAudioMode(args.mode);
    const Tour* tour = site.findTour(tourId);
    if (mode == record::AudioMode::None || mode == record::AudioMode::Music || !tour) return holds;
    const std::string language = narrationLanguage(args, &site, subtitleLanguages);
    for (const TourStop& stop : tour->stops) {
        const Poi* poi = pois.find(stop.poi);
        const PoiMedia* narration = poi ? findNarration(*poi, language) : nullptr;
        if (!narration || holds.count(stop.poi)) continue;
        auto file = resolveMediaSafely(pois, narration->path);
        // A file that cannot be read is the soundtrack's to report; its stop keeps its dwell.
        auto sound = file ? audio::decodeFile(*file) : Expected<audio::Pcm>(file.error());
        if (sound) holds[stop.poi] = sound->seconds() + kPauseAfterNarration;
    }
    return holds;
}

bool siteHasSound(const site::LoadedScene& scene) {
    if (scene.site)
        for (const Tour& t : scene.site->tours)
            if (!t.music.empty()) return true;
    if (scene.pois)
        for (const Poi& p : scene.pois->pois)
            for (const PoiMedia& m : p.media)
                if (m.isAudio()) return true;
    return false;
}

record::AudioTrack soundtrackOf(const AudioArgs& args, const site::LoadedScene& scene, const std::string& tourId,
                                const std::vector<record::Caption>& stops, const record::VideoSpan& video,
                                const record::VideoSpan& timeline, const std::vector<std::string>& subtitleLanguages) {
    const record::AudioMode mode = args.mode.empty()
                                       ? (siteHasSound(scene) ? record::AudioMode::Both : record::AudioMode::None)
                                       : *record::parseAudioMode(args.mode);  // checkAudioUsage passed it.
    if (mode == record::AudioMode::None) return {};
    record::SoundtrackRequest request;
    request.mode = mode;
    request.language = narrationLanguage(args, scene.site ? &*scene.site : nullptr, subtitleLanguages);
    request.targetLufs = args.loudness;
    request.timeline = timeline;
    if (scene.site && !tourId.empty())
        if (const Tour* tour = scene.site->findTour(tourId); tour && !tour->music.empty())
            request.music = scene.site->resolve(tour->music);
    const PoiFile noPois;
    record::Soundtrack soundtrack = record::makeSoundtrack(stops, scene.pois ? *scene.pois : noPois, video, request);
    for (const std::string& warning : soundtrack.warnings) logWarn(warning);
    if (soundtrack.sound.empty()) return {};
    char summary[160];
    std::snprintf(summary, sizeof summary, "soundtrack: %d narration(s) in \"%s\"%s, %.1f LUFS", soundtrack.narrations,
                  request.language.c_str(), request.music.empty() ? "" : " over music", soundtrack.integratedLufs);
    logInfo(summary);
    record::AudioTrack track;
    track.sound = std::make_shared<const audio::Pcm>(std::move(soundtrack.sound));
    track.iso639 = iso639Of(request.language);
    return track;
}

}  // namespace axis::viewer
