#include "viewer/ui/image_cache.h"

#include "render/image_io.h"

namespace axis::viewer {
namespace {

// Box-filters an image down so that its longer edge is at most `maxEdge`.
void shrink(uint32_t& w, uint32_t& h, std::vector<std::uint8_t>& rgba, uint32_t maxEdge) {
    uint32_t factor = 1;
    while (std::max(w, h) / factor > maxEdge) factor *= 2;
    if (factor == 1) return;
    const uint32_t nw = std::max(1u, w / factor), nh = std::max(1u, h / factor);
    std::vector<std::uint8_t> out(size_t(nw) * nh * 4);
    for (uint32_t y = 0; y < nh; ++y)
        for (uint32_t x = 0; x < nw; ++x)
            for (int c = 0; c < 4; ++c) {
                uint32_t sum = 0;
                for (uint32_t dy = 0; dy < factor; ++dy)
                    for (uint32_t dx = 0; dx < factor; ++dx)
                        sum += rgba[((size_t(y) * factor + dy) * w + x * factor + dx) * 4 + c];
                out[(size_t(y) * nw + x) * 4 + c] = std::uint8_t(sum / (factor * factor));
            }
    w = nw, h = nh;
    rgba = std::move(out);
}

}  // namespace

ImageCache::ImageCache(uint32_t maxEdge) : maxEdge_(maxEdge), worker_([this] { work(); }) {}

ImageCache::~ImageCache() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void ImageCache::work() {
    for (;;) {
        std::string path;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            path = queue_.front();
            queue_.pop_front();
        }
        Decoded d;
        auto image = render::readPng(path);  // stb_image: PNG, JPEG, BMP, TGA...
        if (image) {
            d.width = image->width, d.height = image->height, d.rgba = std::move(image->pixels);
            shrink(d.width, d.height, d.rgba, maxEdge_);
        } else {
            d.error = image.error().message;
        }
        std::lock_guard lock(mutex_);
        decoded_[path] = std::move(d);
    }
}

std::optional<ImageCache::Entry> ImageCache::get(const std::filesystem::path& file) {
    const std::string path = file.string();
    if (auto it = ready_.find(path); it != ready_.end()) return it->second;
    Decoded d;
    {
        std::lock_guard lock(mutex_);
        auto it = decoded_.find(path);
        if (it == decoded_.end()) {
            if (!requested_[path]) {
                requested_[path] = true;
                queue_.push_back(path);
                wake_.notify_one();
            }
            return std::nullopt;
        }
        d = std::move(it->second);
        decoded_.erase(it);
    }
    Entry e;
    e.error = d.error;
    if (d.error.empty() && uploader_) {
        e.texture = uploader_(d.width, d.height, d.rgba);
        e.width = d.width, e.height = d.height;
    }
    return ready_[path] = e;
}

void ImageCache::forgetTextures() {
    std::lock_guard lock(mutex_);
    ready_.clear();
    decoded_.clear();
    requested_.clear();
}

}  // namespace axis::viewer
