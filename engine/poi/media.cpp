#include "poi/media.h"

#include "core/file_io.h"
#include "poi/poi_ids.h"

namespace axis {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t kMaxMediaBytes = 256ull << 20;

// Whether `inner` is `outer` or lies below it; both lexically normal and absolute.
bool isWithin(const fs::path& inner, const fs::path& outer) {
    const fs::path rel = inner.lexically_relative(outer);
    return !rel.empty() && *rel.begin() != "..";
}

fs::path uniqueName(const fs::path& dir, const std::string& stem, const std::string& ext) {
    std::error_code ec;
    fs::path candidate = dir / (stem + "." + ext);
    for (int n = 2; fs::exists(fs::symlink_status(candidate, ec)); ++n)
        candidate = dir / (stem + "-" + std::to_string(n) + "." + ext);
    return candidate;
}

}  // namespace

bool isMediaExtension(const std::string& ext) {
    return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "webp";
}

Expected<std::string> importMedia(const PoiFile& file, const fs::path& sourceImage) {
    if (file.file.empty()) return makeError("", "save the POI file before adding media: media is stored beside it");
    const std::string ext = lowerExtension(sourceImage);
    if (!isMediaExtension(ext))
        return makeError(sourceImage.string(), "not a supported image (jpg, jpeg, png, webp)");
    auto bytes = readFile(sourceImage, kMaxMediaBytes);
    if (!bytes) return bytes.error();
    const fs::path dir = file.file.parent_path() / "media";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return makeError(dir.string(), "cannot create folder: " + ec.message());
    std::string stem = slugify(sourceImage.stem().string(), 60);
    if (stem.empty()) stem = "image";
    const fs::path dest = uniqueName(dir, stem, ext);
    if (Status s = saveFileAtomic(dest, *bytes, /*keepBackup=*/false); !s) return s.error();
    return (fs::path("media") / dest.filename()).generic_string();
}

Expected<fs::path> resolveMediaSafely(const PoiFile& file, const std::string& relative) {
    const std::string shown = file.file.filename().string();
    if (relative.empty()) return makeError(shown, "empty media path");
    if (relative.find('\0') != std::string::npos) return makeError(shown, "media path contains a NUL byte");
    const fs::path rel(relative);
    if (rel.is_absolute() || rel.has_root_name() || rel.has_root_directory())
        return makeError(shown, "media path \"" + relative + "\" is absolute; it must be relative to the POI file");
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(fs::absolute(file.file).parent_path(), ec);
    if (ec) return makeError(shown, "cannot resolve the POI folder: " + ec.message());
    const fs::path lexical = (folder / rel).lexically_normal();
    if (!isWithin(lexical, folder))
        return makeError(shown, "media path \"" + relative + "\" leads outside the POI file's folder");
    // weakly_canonical follows every symbolic link that exists on the way.
    const fs::path real = fs::weakly_canonical(lexical, ec);
    if (ec) return makeError(shown, "cannot resolve media path \"" + relative + "\": " + ec.message());
    if (!isWithin(real, folder))
        return makeError(shown, "media path \"" + relative + "\" is a link that leads outside the POI file's folder");
    return real;
}

}  // namespace axis
