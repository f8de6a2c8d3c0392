#pragma once
// Ids for new POIs: readable (they appear in tour stops, links "[..](poi:ID)" and Web Annotation
// IRIs) and never reused within a file, so that nothing naming a deleted POI silently starts to
// mean a different one.
#include <cstddef>
#include <string>

#include "poi/poi.h"

namespace axis {

/// Lower-case ASCII letters and digits of `text`, runs of anything else turned into one '-',
/// trimmed of '-' and cut to `maxLength`. "Meridian Gate (Wumen)" -> "meridian-gate-wumen";
/// "午门" -> "" (no ASCII to build from).
std::string slugify(const std::string& text, std::size_t maxLength = 40);

/// An id not used by `file.pois` or `file.measurements` nor listed in `file.retiredIds`: slugify(title) when free, else
/// with "-2", "-3"...; "poi-1", "poi-2"... when the slug is empty. Pass the English title when
/// there is one.
std::string makePoiId(const PoiFile& file, const std::string& title);

/// Whether `id` may be given to a new POI or measurement of `file` (non-empty, used by neither,
/// not retired).
bool isFreePoiId(const PoiFile& file, const std::string& id);

}  // namespace axis
