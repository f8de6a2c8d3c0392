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

// Copies `source` into `folder` beside the POI file under a unique slug of its name.
Expected<std::string> importInto(const PoiFile& file, const fs::path& source, const std::string& folder,
                                 const std::string& fallbackStem) {
    if (file.file.empty()) return makeError("", "save the POI file before adding media: media is stored beside it");
    auto bytes = readFile(source, kMaxMediaBytes);
    if (!bytes) return bytes.error();
    const fs::path dir = file.file.parent_path() / folder;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return makeError(dir.string(), "cannot create folder: " + ec.message());
    std::string stem = slugify(source.stem().string(), 60);
    if (stem.empty()) stem = fallbackStem;
    const fs::path dest = uniqueName(dir, stem, lowerExtension(source));
    if (Status s = saveFileAtomic(dest, *bytes, /*keepBackup=*/false); !s) return s.error();
    return (fs::path(folder) / dest.filename()).generic_string();
}

}  // namespace

bool isMediaExtension(const std::string& ext) {
    return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "webp";
}

bool isAudioExtension(const std::string& ext) {
    for (const char* known : {"ogg", "oga", "opus", "mp3", "m4a", "aac", "flac", "wav"})
        if (ext == known) return true;
    return false;
}

Expected<std::string> importMedia(const PoiFile& file, const fs::path& sourceImage) {
    if (!isMediaExtension(lowerExtension(sourceImage)))
        return makeError(sourceImage.string(), "not a supported image (jpg, jpeg, png, webp)");
    return importInto(file, sourceImage, "media", "image");
}

Expected<std::string> importAudio(const PoiFile& file, const fs::path& sourceSound) {
    if (!isAudioExtension(lowerExtension(sourceSound)))
        return makeError(sourceSound.string(), "not a supported sound file (ogg, oga, opus, mp3, m4a, aac, flac, wav)");
    return importInto(file, sourceSound, "narration", "narration");
}

const PoiMedia* findNarration(const Poi& poi, const std::string& language) {
    for (const PoiMedia& m : poi.media)
        if (m.isAudio() && m.language == language) return &m;
    return nullptr;
}

std::vector<PoiMedia> withNarration(std::vector<PoiMedia> media, const std::string& language, const std::string& path) {
    for (PoiMedia& m : media)
        if (m.isAudio() && m.language == language) {
            m.path = path;
            return media;
        }
    PoiMedia m;
    m.type = "audio";
    m.language = language;
    m.path = path;
    media.push_back(std::move(m));
    return media;
}

std::vector<PoiMedia> withoutNarration(std::vector<PoiMedia> media, const std::string& language) {
    std::erase_if(media, [&](const PoiMedia& m) { return m.isAudio() && m.language == language; });
    return media;
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
