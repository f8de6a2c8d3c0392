#pragma once
// A recording's title card, end card and watermark (`axisview record --title-card --end-card
// --watermark`): the institution's name, the scans' authors and the licence on every copy that
// leaves the museum. The cards are drawn over the first and last seconds of the video (the scene
// dimmed behind them, fading), so the video keeps its length and its subtitles their times; the
// watermark is a small line in a corner throughout. Drawn like the labels (label_overlay.h):
// a private ImGui context's draw list, drawn over the frame before readback. Nothing depends on
// the wall clock.
#include <memory>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "gpu/context.h"
#include "render/offscreen.h"
#include "scene/site.h"

struct ImGuiContext;

namespace axis::render {
class ImGuiPass;
}

namespace axis::record {

/// What the cards say, already in the video's language.
struct CardText {
    std::string title;                     ///< The site's name.
    std::string subtitle;                  ///< Its description's first paragraph; may be empty.
    std::vector<std::string> creditLines;  ///< End card, under the title: institution, authors, licence.
    std::string watermark;                 ///< Corner line; empty: none.
};

/// The cards of `site` in `language` (nearest tag, else any): its name, its description's first
/// paragraph, and for the end card the institution, the authors and the copyright and licence
/// (with its address); the watermark is the copyright line, else the institution.
CardText cardTextOf(const Site& site, const std::string& language);

struct CardTiming {
    double startSeconds = 0.0;  ///< Path time of the video's first frame (record --from).
    double videoSeconds = 0.0;  ///< The video's length.
    double titleSeconds = 0.0;  ///< Title card over the first titleSeconds; 0: none.
    double endSeconds = 0.0;    ///< End card over the last endSeconds; 0: none.
    double fadeSeconds = 0.6;   ///< Each card fades in (end) or out (title) over this.
};

class CardOverlay {
public:
    /// Creates its own ImGui context and font atlas (holding the glyphs of `text`) and a pass for
    /// `colorFormat`; frames are `width` x `height` pixels.
    CardOverlay(gpu::Context& context, VkFormat colorFormat, std::uint32_t width, std::uint32_t height, CardText text,
                CardTiming timing);
    ~CardOverlay();
    CardOverlay(const CardOverlay&) = delete;
    CardOverlay& operator=(const CardOverlay&) = delete;

    /// What shows at path time `t` seconds; an empty overlay when nothing does. Valid until the
    /// next call.
    render::OffscreenRenderer::Overlay frame(double t);

    /// The title and end cards' opacity at `t` in [0, 1]: 1 while shown, ramping over the fades.
    double titleOpacity(double t) const;
    double endOpacity(double t) const;

private:
    void drawCard(const std::string& heading, const std::vector<std::string>& lines, double opacity);
    void drawWatermark();

    CardText text_;
    CardTiming timing_;
    float width_, height_, fontPixels_;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<render::ImGuiPass> pass_;
};

/// Both overlays in turn (either may be empty).
render::OffscreenRenderer::Overlay chainOverlays(render::OffscreenRenderer::Overlay first,
                                                 render::OffscreenRenderer::Overlay second);

}  // namespace axis::record
