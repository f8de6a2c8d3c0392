#pragma once
// Images shown with a POI live in a "media/" folder beside the POI file and are referred to by
// paths relative to it ("media/wumen.jpg"), so that a site folder can be copied or zipped whole.
// Paths come from files people edit and exchange, so they are resolved defensively.
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "poi/poi.h"

namespace axis {

/// Extensions importMedia() accepts (lower case): jpg, jpeg, png, webp.
bool isMediaExtension(const std::string& lowerExtension);
/// Extensions importAudio() accepts (lower case): ogg, oga, opus, mp3, m4a, aac, flac, wav.
bool isAudioExtension(const std::string& lowerExtension);

/// Copies `sourceImage` into the "media/" folder beside `file.file` (created when missing) under
/// a unique name (its own lower-cased and slugified, "-2", "-3"... on a clash), atomically, and
/// returns the path to store in PoiMedia::path, e.g. "media/wumen-gate.jpg". The POI file must
/// have a path (saved at least once). Adding the media to a POI is a separate, undoable edit
/// (PoiDocument::setMedia); the copied file stays even if that edit is undone.
/// Fails for a missing or non-regular source, an unsupported extension or files over 256 MiB.
Expected<std::string> importMedia(const PoiFile& file, const std::filesystem::path& sourceImage);

/// As importMedia, for narration: a sound file copied into "narration/" beside the POI file
/// (e.g. "narration/wumen.zh.ogg"). Whether FFmpeg can decode it is checked when it is played or
/// recorded (audio/decode.h), which names the file.
Expected<std::string> importAudio(const PoiFile& file, const std::filesystem::path& sourceSound);

/// The POI's narration in `language` (the tag as written, e.g. "zh"), or nullptr.
const PoiMedia* findNarration(const Poi& poi, const std::string& language);
/// `media` with the narration in `language` set to `path` (replacing one in that language, else
/// appended): the list to hand to PoiDocument::setMedia, which makes it one undo step.
std::vector<PoiMedia> withNarration(std::vector<PoiMedia> media, const std::string& language, const std::string& path);
/// `media` without the narration in `language`.
std::vector<PoiMedia> withoutNarration(std::vector<PoiMedia> media, const std::string& language);

/// The absolute path of media path `relative`, only when it stays inside the POI file's folder:
/// refuses empty and absolute paths, ".." that climbs out, and symbolic links (anywhere on the
/// way) that lead outside. The target need not exist. Use this, not PoiFile::resolve(), for any
/// path read from a file before opening it.
Expected<std::filesystem::path> resolveMediaSafely(const PoiFile& file, const std::string& relative);

}  // namespace axis
