#pragma once
// POI images for the reading panel: decoded and shrunk to thumbnails on a worker thread, so a
// large photo never stalls a frame; uploaded on the render thread when first drawn.
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <imgui.h>

namespace axis::viewer {

class ImageCache {
public:
    /// Turns decoded RGBA8 pixels into an ImGui texture (the window's ImGuiPass::addImage).
    using Uploader = std::function<ImTextureID(uint32_t width, uint32_t height, const std::vector<std::uint8_t>& rgba)>;

    explicit ImageCache(uint32_t maxEdge = 512);
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    void setUploader(Uploader uploader) { uploader_ = std::move(uploader); }
    /// Drops every uploaded texture (their GPU device is gone): images decode and upload again
    /// when next drawn. Render thread only.
    void forgetTextures();

    struct Entry {
        ImTextureID texture = nullptr;
        uint32_t width = 0, height = 0;
        std::string error;  ///< Set when the file could not be read or decoded.
    };
    /// The image at `path`, once decoded and uploaded; nullopt while the worker is still on it.
    /// Render thread only.
    std::optional<Entry> get(const std::filesystem::path& path);

private:
    struct Decoded {
        uint32_t width = 0, height = 0;
        std::vector<std::uint8_t> rgba;
        std::string error;
    };
    void work();

    uint32_t maxEdge_;
    Uploader uploader_;
    std::map<std::string, Entry> ready_;  ///< Render thread only.
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::string> queue_;
    std::map<std::string, Decoded> decoded_;
    std::map<std::string, bool> requested_;
    bool stop_ = false;
    std::thread worker_;
};

}  // namespace axis::viewer
