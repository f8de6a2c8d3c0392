#include "render/image_io.h"

#include <algorithm>
#include <cstdlib>

#include <stb_image.h>
#include <stb_image_write.h>

#include "core/file_io.h"

namespace axis::render {

Status writePng(const std::filesystem::path& path, const Rgba8Image& image) {
    // stb tries all five row filters on every row; "sub" alone encodes a 1280x720 render about
    // 30% faster and, on renders (sky gradients, flat ground), also smaller. Set once: stb
    // reads a global.
    static const bool subFilter = (stbi_write_force_png_filter = 1, true);
    (void)subFilter;
    std::vector<std::uint8_t> encoded;
    auto append = [](void* ctx, void* data, int size) {
        auto* out = static_cast<std::vector<std::uint8_t>*>(ctx);
        out->insert(out->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
    };
    int ok = stbi_write_png_to_func(append, &encoded, int(image.width), int(image.height), 4, image.pixels.data(),
                                    int(image.width) * 4);
    if (!ok) return makeError(path.string(), "PNG encoding failed");
    return saveFileAtomic(path, encoded, false);
}

Expected<Rgba8Image> readPng(const std::filesystem::path& path) {
    auto bytes = readFile(path);
    if (!bytes) return bytes.error();
    int w = 0, h = 0, n = 0;
    stbi_uc* pixels = stbi_load_from_memory(bytes->data(), int(bytes->size()), &w, &h, &n, 4);
    if (!pixels) return makeError(path.string(), std::string("cannot decode image: ") + stbi_failure_reason());
    Rgba8Image image;
    image.width = uint32_t(w);
    image.height = uint32_t(h);
    image.pixels.assign(pixels, pixels + size_t(w) * h * 4);
    stbi_image_free(pixels);
    return image;
}

ImageDifference compareImages(const Rgba8Image& a, const Rgba8Image& b, int channelThreshold) {
    ImageDifference d;
    d.diff = a;
    if (a.width != b.width || a.height != b.height) {
        d.maxChannelDifference = 255;
        d.differingFraction = 1.0;
        return d;
    }
    size_t differing = 0;
    for (size_t i = 0; i < a.pixels.size(); i += 4) {
        int worst = 0;
        for (size_t c = 0; c < 3 + 1; ++c) worst = std::max(worst, std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])));
        d.maxChannelDifference = std::max(d.maxChannelDifference, worst);
        bool differs = worst > channelThreshold;
        differing += differs;
        for (size_t c = 0; c < 3; ++c) d.diff.pixels[i + c] = differs ? (c == 0 ? 255 : 0) : a.pixels[i + c] / 4;
        d.diff.pixels[i + 3] = 255;
    }
    d.differingFraction = a.pixels.empty() ? 0.0 : double(differing) / double(a.pixels.size() / 4);
    return d;
}

}  // namespace axis::render
