#pragma once
// The demo site's sound, made at build time with no third-party recordings:
//   - a music bed synthesised here: a slow pentatonic melody over soft pad chords, 32 seconds
//     that loop seamlessly (whole bars, chords back to the first), the same samples every build;
//   - narration for every POI in Chinese and English, spoken by espeak-ng (`-v cmn`, `-v en`)
//     from its title and the first sentence of its story. Without espeak-ng the site gets no
//     narration, with one warning, and the build goes on.
#include <filesystem>

#include "poi/poi.h"
#include "scene/site.h"

namespace demo {

/// Writes OUT/audio/bed.wav and sets it as every tour's music; writes OUT/narration/ID.LANG.wav
/// and attaches each as the POI's narration. False (after a message) only when a file cannot be
/// written.
bool addDemoAudio(axis::Site& site, axis::PoiFile& pois, const std::filesystem::path& out);

}  // namespace demo
