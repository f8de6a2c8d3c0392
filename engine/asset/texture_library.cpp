#include <algorithm>
#include <cctype>
#include <system_error>
#include <thread>
#include <vector>

#include "asset/import_internal.h"
#include "asset/texture.h"
#include "core/file_io.h"
#include "core/log.h"

namespace axis::detail {
namespace fs = std::filesystem;

namespace {

// An image file bigger than this is surely not a texture we can use (and protects memory).
constexpr std::uint64_t kMaxImageFileBytes = 512ull << 20;

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percentDecoded(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool isRegularFile(const fs::path& p) {
    std::error_code ec;
    return !p.empty() && fs::is_regular_file(p, ec);
}

// Texture names written on Windows or another OS often differ from the files only in case.
fs::path findIgnoringCase(const fs::path& folder, const std::string& fileName) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return {};
    const std::string wanted = lowered(fileName);
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (lowered(it->path().filename().string()) == wanted && isRegularFile(it->path())) return it->path();
    return {};
}

fs::path resolveOne(const fs::path& folder, std::string reference) {
    std::replace(reference.begin(), reference.end(), '\\', '/');
    if (reference.rfind("file://", 0) == 0) reference.erase(0, 7);
    while (reference.rfind("./", 0) == 0) reference.erase(0, 2);
    if (reference.empty()) return {};
    const fs::path ref(reference);
    const fs::path fileName = ref.filename();
    std::vector<fs::path> candidates;
    if (ref.is_absolute()) candidates.push_back(ref);
    candidates.push_back((folder / ref).lexically_normal());
    candidates.push_back(folder / fileName);  // Absolute paths from the author's machine.
    for (const auto& c : candidates)
        if (isRegularFile(c)) return c;
    if (fs::path found = findIgnoringCase((folder / ref).parent_path(), fileName.string()); !found.empty())
        return found;
    return findIgnoringCase(folder, fileName.string());
}

}  // namespace

fs::path resolveReferencedFile(const fs::path& folder, const std::string& reference) {
    if (fs::path found = resolveOne(folder, reference); !found.empty()) return found;
    const std::string decoded = percentDecoded(reference);
    return decoded == reference ? fs::path() : resolveOne(folder, decoded);
}

TextureLibrary::TextureLibrary(Model& model, fs::path modelFolder, const ImportOptions& options)
    : model_(model), folder_(std::move(modelFolder)), enabled_(options.loadTextures),
      decodedSide_(options.decodedTextureSide),
      slots_(std::make_shared<std::counting_semaphore<>>(std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 16))) {}

TextureLibrary::~TextureLibrary() {
    for (Pending& p : pending_)
        if (p.texture.valid()) p.texture.wait();
}

void TextureLibrary::finish() {
    for (Pending& p : pending_) {
        Expected<Texture> texture = p.texture.get();
        model_.textures[p.index] =
            texture ? std::move(*texture) : fallbackTexture(p.name, "bad texture " + texture.error().message, p.usage);
    }
    pending_.clear();
}

int TextureLibrary::add(Texture texture) {
    model_.textures.push_back(std::move(texture));
    return static_cast<int>(model_.textures.size() - 1);
}

Texture TextureLibrary::fallbackTexture(const std::string& name, const std::string& why, TextureUsage usage) const {
    logWarn(model_.sourcePath + ": " + why + "; using a checkerboard instead");
    Texture texture = makeFallbackTexture(name);
    texture.usage = usage;
    return texture;
}

int TextureLibrary::fallback(const std::string& name, const std::string& why, TextureUsage usage) {
    return add(fallbackTexture(name, why, usage));
}

int TextureLibrary::decodeLater(fs::path file, std::span<const std::uint8_t> encoded, const std::string& name,
                                TextureUsage usage) {
    const int index = add(Texture{});  // Filled by finish().
    const std::uint32_t side = decodedSide_;
    // The file is read once a slot is free, so that no more images than slots are in memory.
    auto task = [slots = slots_, file = std::move(file), encoded, name, usage, side]() -> Expected<Texture> {
        slots->acquire();
        struct Release {
            std::counting_semaphore<>& s;
            ~Release() { s.release(); }
        } release{*slots};
        std::vector<std::uint8_t> owned;
        if (!file.empty()) {
            auto bytes = readFile(file, kMaxImageFileBytes);
            if (!bytes) return bytes.error();
            owned = std::move(*bytes);
        }
        const std::span<const std::uint8_t> bytes = file.empty() ? encoded : std::span<const std::uint8_t>(owned);
        return side > 0 ? decodeTextureTail(bytes, name, usage, side) : decodeTexture(bytes, name, usage);
    };
    pending_.push_back({index, name, usage, std::async(std::launch::async, std::move(task))});
    return index;
}

int TextureLibrary::fromFile(const std::string& reference, TextureUsage usage) {
    if (!enabled_ || reference.empty()) return -1;
    const fs::path file = resolveReferencedFile(folder_, reference);
    // Cache by the resolved file so differently spelt references share one decode.
    const std::string key = file.empty() ? "missing:" + reference : file.string();
    if (auto it = cache_.find({key, usage}); it != cache_.end()) return it->second;
    int index;
    if (file.empty()) {
        index = fallback(reference, "texture not found: " + (folder_ / reference).string(), usage);
    } else {
        index = decodeLater(file, {}, file.string(), usage);
    }
    cache_[{key, usage}] = index;
    return index;
}

int TextureLibrary::fromEncoded(const std::string& key, std::span<const std::uint8_t> encoded, TextureUsage usage) {
    if (!enabled_) return -1;
    if (auto it = cache_.find({key, usage}); it != cache_.end()) return it->second;
    const int index = decodeLater({}, encoded, key, usage);
    cache_[{key, usage}] = index;
    return index;
}

int TextureLibrary::undecodable(const std::string& key, const std::string& why, TextureUsage usage) {
    if (!enabled_) return -1;
    if (auto it = cache_.find({key, usage}); it != cache_.end()) return it->second;
    const int index = fallback(key, why, usage);
    cache_[{key, usage}] = index;
    return index;
}

int TextureLibrary::fromRgba(const std::string& key, std::uint32_t width, std::uint32_t height,
                             std::span<const std::uint8_t> rgba, TextureUsage usage) {
    if (!enabled_) return -1;
    if (auto it = cache_.find({key, usage}); it != cache_.end()) return it->second;
    int index;
    if (width == 0 || height == 0 || rgba.size() != std::size_t(width) * height * 4) {
        index = fallback(key, "embedded texture " + key + " has an inconsistent size", usage);
    } else {
        Texture texture;
        texture.name = key;
        texture.usage = usage;
        texture.levels.push_back({width, height, std::vector<std::uint8_t>(rgba.begin(), rgba.end())});
        buildMipChain(texture);
        index = add(std::move(texture));
    }
    cache_[{key, usage}] = index;
    return index;
}

}  // namespace axis::detail
