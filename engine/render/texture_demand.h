#pragma once
// Which mip level of each streamed texture a frame needs: for each primitive the frame draws, from
// the nearest of its original (level-0) clusters inside the view, the texture coordinates per unit
// of the primitive (BakedPrimitiveInfo::uvDensity) and the texture's size. A level is needed when
// its texels cover at most one pixel at the nearest point of such a cluster's bounding sphere: the
// finest any orientation of that surface asks the sampler for (anisotropic filtering included), so
// a frame drawn with these levels is as sharp as one drawn with every level. Occlusion is not
// considered: a texture behind a wall is loaded as if seen.
#include <cstdint>
#include <span>
#include <vector>

#include "scene/lod.h"

namespace axis::render {

struct DrawItem;
struct GpuModel;

struct TextureNeed {
    const GpuModel* model = nullptr;
    std::uint32_t texture = 0;  ///< Index into model->streams->textures.
    std::uint32_t level = 0;    ///< Finest mip level needed.
    double distance = 0.0;      ///< From the eye to the nearest cluster that needs it, site units.
};

/// Appends the needs of the primitives of `ranges` (what selectLod chose for `item` and
/// `request`). Models without streamed textures add nothing.
void addTextureNeeds(const DrawItem& item, std::span<const DrawRange> ranges, const LodRequest& request,
                     std::vector<TextureNeed>& out);

/// The mip level whose texels are at most one pixel: `uvPerPixel` texture widths per pixel on a
/// texture of `side` texels and `levelCount` levels.
std::uint32_t neededLevel(double uvPerPixel, std::uint32_t side, std::uint32_t levelCount);

}  // namespace axis::render
