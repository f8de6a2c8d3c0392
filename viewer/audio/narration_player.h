#pragma once
// Plays a POI's narration through the machine's sound output (OpenAL Soft): the kiosk's audio
// guide, and the curator hearing what they attached. One narration at a time. The output is
// opened on first use; without one (no sound card, no server), the viewer carries on silent and
// says so once in the log. Files are decoded on a worker thread: a long narration in a compressed
// format takes a noticeable time to decode, and the kiosk's frames must not stall for it.
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include <cstdint>

#include "core/error.h"

namespace axis::viewer {

class NarrationPlayer {
public:
    /// The machine's default output, or nullptr (logged once) when there is none.
    static std::unique_ptr<NarrationPlayer> open();
    ~NarrationPlayer();
    NarrationPlayer(const NarrationPlayer&) = delete;
    NarrationPlayer& operator=(const NarrationPlayer&) = delete;

    /// Stops what played and starts decoding `file` (anything FFmpeg reads) on a worker; it
    /// plays from the start once decoded (see update). A file that cannot be decoded is logged
    /// by update, naming it.
    void play(const std::filesystem::path& file);
    void stop();
    /// Call once a frame: starts a narration whose decoding finished, and forgets abandoned ones.
    void update();
    /// The file playing or being decoded to play now (until it ends or is stopped).
    std::optional<std::filesystem::path> playing();

    /// 16-bit stereo samples, or the error that stopped the decoding.
    struct Decoded {
        std::vector<std::int16_t> samples;
        std::optional<Error> error;
    };

private:
    struct Device;
    explicit NarrationPlayer(std::unique_ptr<Device> device);
    /// Hands decoded samples to the output and starts them; an error names the file.
    Status start(const std::filesystem::path& file, const std::vector<std::int16_t>& samples);

    std::unique_ptr<Device> device_;
    std::optional<std::filesystem::path> current_;
    std::future<Decoded> pending_;               ///< Decoding current_ (valid until started).
    std::vector<std::future<Decoded>> abandoned_;  ///< Replaced or stopped while decoding.
};

}  // namespace axis::viewer
