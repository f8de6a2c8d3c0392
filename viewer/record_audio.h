#pragma once
// `record --audio`: choosing the soundtrack's parts, language and loudness from the options and
// the site, and making it (record/soundtrack.h). Problems are logged as warnings; the video is
// written silent rather than not at all.
#include <map>
#include <string>
#include <vector>

#include "record/aac_track.h"
#include "record/label_overlay.h"
#include "record/subtitles.h"
#include "site/scene_loader.h"

namespace axis::viewer {

struct AudioArgs {
    std::string mode;         ///< none, narration, music, both; empty: both when the site has sound, else none.
    std::string language;     ///< Narration language; empty: the first --subtitles language, else the site's first.
    double loudness = -16.0;  ///< Target integrated loudness, LUFS.
};

/// A usage problem with the options alone (an unknown mode, a loudness out of -70..0), or nullopt.
std::optional<std::string> checkAudioUsage(const AudioArgs& args);

/// For recording tour `tourId` with narration: each stop's POI id and how long its hold must last
/// for its narration in the video's language to be spoken before the camera moves on (plus a
/// short pause). Empty without narration (--audio none or music).
std::map<std::string, double> narrationHolds(const AudioArgs& args, const Site& site, const PoiFile& pois,
                                             const std::string& tourId, const std::vector<std::string>& subtitleLanguages);

/// Whether the site names any sound: a tour's music or a POI's narration.
bool siteHasSound(const site::LoadedScene& scene);

/// The soundtrack of `video`, a slice of the path's `timeline`, for the tour `tourId` (empty for a
/// hand-made path: narration only), whose holds are `stops`. `subtitleLanguages` are --subtitles'
/// languages in order.
record::AudioTrack soundtrackOf(const AudioArgs& args, const site::LoadedScene& scene, const std::string& tourId,
                                const std::vector<record::Caption>& stops, const record::VideoSpan& video,
                                const record::VideoSpan& timeline, const std::vector<std::string>& subtitleLanguages);

}  // namespace axis::viewer
