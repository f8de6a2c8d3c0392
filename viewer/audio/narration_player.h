#pragma once
// Plays a POI's narration through the machine's sound output (OpenAL Soft): the kiosk's audio
// guide, and the curator hearing what they attached. One narration at a time. The output is
// opened on first use; without one (no sound card, no server), the viewer carries on silent and
// says so once in the log.
#include <filesystem>
#include <memory>
#include <optional>

#include "core/error.h"

namespace axis::viewer {

class NarrationPlayer {
public:
    /// The machine's default output, or nullptr (logged once) when there is none.
    static std::unique_ptr<NarrationPlayer> open();
    ~NarrationPlayer();
    NarrationPlayer(const NarrationPlayer&) = delete;
    NarrationPlayer& operator=(const NarrationPlayer&) = delete;

    /// Decodes `file` (anything FFmpeg reads) and plays it from the start, stopping what played;
    /// an error names the file.
    Status play(const std::filesystem::path& file);
    void stop();
    /// The file playing now (until it ends or is stopped).
    std::optional<std::filesystem::path> playing();

private:
    struct Device;
    explicit NarrationPlayer(std::unique_ptr<Device> device);

    std::unique_ptr<Device> device_;
    std::optional<std::filesystem::path> current_;
};

}  // namespace axis::viewer
