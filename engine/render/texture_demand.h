#pragma once
// Which mip level of each streamed texture a frame needs: from the clusters it draws, their
// distance, the texture coordinates per unit of their primitive (BakedPrimitiveInfo::uvDensity)
// and the texture's size. A level is needed when one of its texels covers at most one pixel of the
// nearest point of a cluster's bounding sphere, the finest any orientation of that surface asks
// the sampler for (anisotropic filtering included), so a frame drawn with these levels is as sharp
// as one drawn with every level.
#include <cstdint>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

#include "scene/lod.h"

namespace axis::render {

struct DrawItem;
struct FrameView;
struct GpuModel;

struct TextureNeed {
    const GpuModel* model = nullptr;
    std::uint32_t texture = 0;  ///< Index into model->streams->textures.
    std::uint32_t level = 0;    ///< Finest mip level needed.
    double distance = 0.0;      ///< From the eye to the nearest cluster that needs it, site units.
};

/// Appends the needs of `ranges` (one cluster each, as selectLod returns them) of `item` seen in
/// `view` on a target of `extent`. Models without streamed textures add nothing.
void addTextureNeeds(const DrawItem& item, std::span<const DrawRange> ranges, const FrameView& view, VkExtent2D extent,
                     std::vector<TextureNeed>& out);

/// The mip level whose texels are at most one pixel: `uvPerPixel` texture widths per pixel on a
/// texture of `side` texels and `levelCount` levels.
std::uint32_t neededLevel(double uvPerPixel, std::uint32_t side, std::uint32_t levelCount);

}  // namespace axis::render
