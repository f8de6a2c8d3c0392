#pragma once
// `record --title-card --end-card --watermark`: the site's name, credits and licence on the video
// (record/card_overlay.h), in the video's language.
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "record/card_overlay.h"
#include "site/scene_loader.h"

namespace axis::viewer {

struct CardArgs {
    double titleSeconds = 0.0;  ///< 0: no title card.
    double endSeconds = 0.0;    ///< 0: no end card.
    bool watermark = false;

    bool any() const { return titleSeconds > 0.0 || endSeconds > 0.0 || watermark; }
};

void addCardOptions(CLI::App& cmd, CardArgs& args);

/// The cards for a video showing path times [startSeconds, startSeconds + videoSeconds) of
/// `scene`, in `language`, or nullptr when none were
/// asked for. A site without credits still gets its name; without a site, the cards have only
/// what the options give (a warning says so).
std::unique_ptr<record::CardOverlay> makeCards(const CardArgs& args, const site::LoadedScene& scene, const std::string& language,
                                               gpu::Context& context, VkFormat colorFormat, std::uint32_t width,
                                               std::uint32_t height, double startSeconds, double videoSeconds);

}  // namespace axis::viewer
