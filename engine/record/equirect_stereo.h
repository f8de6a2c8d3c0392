#pragma once
// Stereo 360° video for headsets: omni-directional stereo (ODS), top-bottom. The frame is square:
// the left eye's 2:1 equirectangular panorama on top, the right eye's below, laid out as
// equirect.h's (longitude across with the heading in the middle, latitude down).
//
// In ODS every longitude is seen from an eye moved sideways by half the eye separation,
// perpendicular to that longitude's direction (to the left for the left eye), as a person turning
// their head sees it. Rasterizers need one eye position per image, so each eye's panorama is cut
// into `sectors` slices of longitude, each rendered from its own sideways-moved position with a
// narrow, tall camera; an output column samples the slice its longitude falls in. Within a slice
// the eye sits at most (separation / 2) * pi / sectors off its true ODS position, almost all of it
// along the view direction, which shifts what a column sees by well under a degree.
//
// Towards the poles ODS has no meaning (every direction is the same up there) and turning the
// eye positions around the pole makes it swirl. So the stereo fades out: up to kStereoFadeStart
// of latitude each eye's slices alone; to kStereoFadeEnd each eye's slice is blended into the
// view from the centre; above it both eyes show the centre's view, rendered once for both. The
// blend is of images, not of eye positions: a near object in the fade band may show faintly
// doubled; far ones (sky, distant buildings) look the same from every eye position.
#include <cstdint>
#include <span>
#include <vector>

#include "record/recorder.h"
#include "render/offscreen.h"

namespace axis::record {

inline constexpr double kStereoFadeStart = 55.0;  ///< Degrees of latitude: full separation below.
inline constexpr double kStereoFadeEnd = 65.0;    ///< Degrees: the centre's view above.

struct StereoSettings {
    /// Between the eyes, site units. The site frame is metres (models are scaled into it by the
    /// site file), so 0.064 is an adult's 64 mm.
    double eyeSeparation = 0.064;
    /// Longitude slices per eye. More slices put each column's eye nearer its true ODS position
    /// (seams between slices on near surfaces shrink) but cost more renders. Record uses 16: on
    /// the demo site at 4096x4096, 8, 16 and 24 cost the same within noise (0.12-0.15 frames/s on
    /// lavapipe: as many pixels, split differently), and at 16 an eye sits within 6.3 mm of its
    /// ODS position, which moves a surface 2 m away by 2 px at most at slice seams, with a third
    /// fewer renders (and per-view culling work on large sites) than 24.
    int sectors = 16;
};

/// One pinhole view that the panorama is sampled from: where it looks from, its axes (site frame;
/// right is cross(forward, up)) and the tangents of its half fields of view across and up.
struct PanoramaView {
    glm::dvec3 position{0.0}, forward{0, 1, 0}, up{0, 0, 1};
    double tanHalfX = 1.0, tanHalfY = 1.0;
};

/// What the frame is stitched from, in heading-0 terms: `eyes[0]` the left eye's slices (slice k
/// centred on longitude -180° + k * 360° / sectors), `eyes[1]` the right's, then the
/// views that cover the caps above kStereoFadeStart from the centre: narrow strips through the
/// pole, fanned around it (`caps`, the upper cap's first, then the lower's). All views share one
/// target size (stereoTargetSize), some with stretched pixels, so that one renderer draws them all.
struct StereoLayout {
    std::vector<PanoramaView> eyes[2];
    std::vector<PanoramaView> caps;
};

/// The layout around `position` for a panorama centred on compass heading `yawDegrees` (the
/// views turned by it), given the target size the views are rendered at.
StereoLayout stereoLayout(const glm::dvec3& position, double yawDegrees, const StereoSettings& settings,
                          std::uint32_t width);

/// The target every view of a `width` x `width` frame is rendered at: enough pixels across and
/// up for a slice to match the equator's resolution (width / 360° per degree).
struct TargetSize {
    std::uint32_t width = 0, height = 0;
};
TargetSize stereoTargetSize(std::uint32_t width, const StereoSettings& settings);

/// Stitches the rendered views (each stereoTargetSize, in the layout's order) into the square
/// top-bottom frame `width` x `width`. Bilinear; texels outside a view clamp to its edge.
Rgba8Image stereoFromViews(const StereoLayout& layout, std::span<const Rgba8Image> eyeViews0,
                           std::span<const Rgba8Image> eyeViews1, std::span<const Rgba8Image> capViews,
                           std::uint32_t width);

/// A RenderFrame giving `width` x `width` top-bottom ODS frames from `renderer`, whose target
/// must be stereoTargetSize(width, settings). Renderer and items must outlive it. Each view is
/// `style` with that view's camera (the path's near plane; its pitch and roll are dropped, as in
/// equirect.h).
RenderFrame equirectStereoRenderFrame(render::OffscreenRenderer& renderer, std::span<const render::DrawItem> items,
                                      std::uint32_t width, const StereoSettings& settings,
                                      const render::FrameView& style = {});

}  // namespace axis::record
