#pragma once
// Images shown with a POI live in a "media/" folder beside the POI file and are referred to by
// paths relative to it ("media/wumen.jpg"), so that a site folder can be copied or zipped whole.
// Paths come from files people edit and exchange, so they are resolved defensively.
#include <filesystem>
#include <string>

#include "core/error.h"
#include "poi/poi.h"

namespace axis {

/// Extensions importMedia() accepts (lower case): jpg, jpeg, png, webp.
bool isMediaExtension(const std::string& lowerExtension);

/// Copies `sourceImage` into the "media/" folder beside `file.file` (created when missing) under
/// a unique name (its own lower-cased and slugified, "-2", "-3"... on a clash), atomically, and
/// returns the path to store in PoiMedia::path, e.g. "media/wumen-gate.jpg". The POI file must
/// have a path (saved at least once). Adding the media to a POI is a separate, undoable edit
/// (PoiDocument::setMedia); the copied file stays even if that edit is undone.
/// Fails for a missing or non-regular source, an unsupported extension or files over 256 MiB.
Expected<std::string> importMedia(const PoiFile& file, const std::filesystem::path& sourceImage);

/// The absolute path of media path `relative`, only when it stays inside the POI file's folder:
/// refuses empty and absolute paths, ".." that climbs out, and symbolic links (anywhere on the
/// way) that lead outside. The target need not exist. Use this, not PoiFile::resolve(), for any
/// path read from a file before opening it.
Expected<std::filesystem::path> resolveMediaSafely(const PoiFile& file, const std::string& relative);

}  // namespace axis
