#pragma once
// Burnt-in POI labels and captions for recordings (`axisview record --labels`). Each frame, the
// site's POI labels are laid out for the frame's camera (render/label_layout.h, occlusion by a
// BVH any-hit query) and drawn with render::drawLabels into a private ImGui context's draw list;
// while the camera rests at a POI's viewpoint (a tour's dwell), a caption with the POI's title
// and the first paragraph of its body fades in at the bottom. The draw data is then drawn over
// the rendered frame by an ImGuiPass before readback. Nothing depends on the wall clock: the
// same camera, time and inputs give the same pixels.
#include <memory>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "gpu/frames.h"
#include "poi/poi.h"
#include "record/camera_path.h"
#include "render/offscreen.h"
#include "scene/bvh.h"
#include "scene/clipping.h"

struct ImGuiContext;

namespace axis::render {
class ImGuiPass;
}

namespace axis::record {

/// A stretch of the recording during which the camera rests at a POI's saved viewpoint.
struct Caption {
    double start = 0.0, end = 0.0;  ///< Seconds; start < end.
    std::size_t poi = 0;            ///< Index into PoiFile::pois.
};

/// The holds of `keys` (two consecutive keys at one position, camera_path.h) whose position is
/// a POI's saved viewpoint (within 1 cm), in time order. A tour's path (tour_path.h) has one per
/// stop with a dwell; a hand-made path gets captions where it rests at a POI's viewpoint.
std::vector<Caption> captionsOf(const std::vector<PathKey>& keys, const PoiFile& pois);

/// The first paragraph of a POI body (paragraphs are separated by a blank line).
std::string firstParagraph(const std::string& body);

struct LabelOverlaySettings {
    std::string language = "zh";  ///< BCP 47 tag of label titles and captions (core/lang_text.h pickText).
    float fontPixels = 0.0f;      ///< Label font height; 0 scales with the frame (height / 40, at least 11).
    double captionFadeSeconds = 0.5;  ///< Captions fade in and out over this at each end of a dwell.
    Clipping clipping;  ///< The scene's cuts: a POI whose anchor they remove has no label.
};

class LabelOverlay {
public:
    /// `pois` and `bvh` must outlive the overlay. Creates its own ImGui context (the caller's
    /// current context, if any, is restored after every call) and uploads its font atlas through
    /// a pass for `colorFormat`. Frames are `width` x `height` pixels.
    LabelOverlay(gpu::Context& context, VkFormat colorFormat, std::uint32_t width, std::uint32_t height,
                 const PoiFile& pois, const Bvh& bvh, std::vector<Caption> captions,
                 const LabelOverlaySettings& settings = {});
    ~LabelOverlay();
    LabelOverlay(const LabelOverlay&) = delete;
    LabelOverlay& operator=(const LabelOverlay&) = delete;

    /// Lays out the labels (and caption, if t falls in one) for `camera` at time `t` seconds and
    /// returns the overlay that draws them; valid until the next call.
    render::OffscreenRenderer::Overlay frame(const Camera& camera, double t);

    /// The scene's cuts from the next frame on (a path that animates them, camera_path.h).
    void setClipping(const Clipping& clipping) { settings_.clipping = clipping; }

    /// The caption shown at time t, if any (index into the captions given).
    std::optional<std::size_t> captionAt(double t) const;

private:
    std::string text(const LangText& map) const;
    void drawCaption(const Caption& caption, double t);

    const PoiFile& pois_;
    const Bvh& bvh_;
    std::vector<Caption> captions_;
    LabelOverlaySettings settings_;
    float width_, height_;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<render::ImGuiPass> pass_;
    std::vector<std::string> titles_;  ///< Per POI, in the chosen language.
};

}  // namespace axis::record
