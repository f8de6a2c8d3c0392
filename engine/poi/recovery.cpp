#include "poi/recovery.h"

namespace axis {
namespace fs = std::filesystem;

fs::path autosavePathFor(const fs::path& poiFile) {
    fs::path p = poiFile;
    p += ".autosave";
    return p;
}

std::optional<Recovery> findRecovery(const fs::path& poiFile) {
    std::error_code ec;
    const fs::path autosave = autosavePathFor(poiFile);
    const auto written = fs::last_write_time(autosave, ec);
    if (ec || !fs::is_regular_file(autosave, ec)) return std::nullopt;
    const auto saved = fs::last_write_time(poiFile, ec);
    if (!ec && saved >= written) return std::nullopt;
    return Recovery{autosave, written};
}

Expected<PoiFile> loadRecovery(const fs::path& poiFile) {
    auto file = loadPois(autosavePathFor(poiFile));
    if (!file) return file.error();
    file->file = fs::absolute(poiFile);
    return file;
}

Status discardRecovery(const fs::path& poiFile) {
    std::error_code ec;
    fs::remove(autosavePathFor(poiFile), ec);
    if (ec) return makeError(autosavePathFor(poiFile).string(), "cannot remove: " + ec.message());
    return Ok{};
}

}  // namespace axis
