#include "viewer/record_cards.h"

#include "core/log.h"

namespace axis::viewer {

void addCardOptions(CLI::App& cmd, CardArgs& args) {
    cmd.add_option("--title-card", args.titleSeconds,
                   "Open with the site's name and description over the first SECONDS (fading out)")
        ->check(CLI::Range(0.0, 60.0));
    cmd.add_option("--end-card", args.endSeconds,
                   "Close with the site's credits and licence over the last SECONDS (fading in)")
        ->check(CLI::Range(0.0, 60.0));
    cmd.add_flag("--watermark", args.watermark, "A small copyright and licence line in the corner throughout");
}

std::unique_ptr<record::CardOverlay> makeCards(const CardArgs& args, const site::LoadedScene& scene, const std::string& language,
                                               gpu::Context& context, VkFormat colorFormat, std::uint32_t width,
                                               std::uint32_t height, double startSeconds, double videoSeconds) {
    if (!args.any()) return nullptr;
    record::CardText text;
    if (scene.site) text = record::cardTextOf(*scene.site, language);
    else logWarn("--title-card/--end-card/--watermark: a model has no site, so no name or credits to show");
    if (args.watermark && text.watermark.empty())
        logWarn("--watermark: the site has no \"credits\" (institution, year, licence) to show; no watermark");
    if (!args.watermark) text.watermark.clear();
    if (text.title.empty() && text.watermark.empty()) return nullptr;
    record::CardTiming timing;
    timing.titleSeconds = std::min(args.titleSeconds, videoSeconds);
    timing.endSeconds = std::min(args.endSeconds, videoSeconds);
    timing.startSeconds = startSeconds;
    timing.videoSeconds = videoSeconds;
    return std::make_unique<record::CardOverlay>(context, colorFormat, width, height, std::move(text), timing);
}

}  // namespace axis::viewer
