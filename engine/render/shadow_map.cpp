#include "render/shadow_map.h"

#include <algorithm>
#include <cmath>

#include "gpu/barriers.h"
#include "gpu/context.h"
#include "gpu/vk_check.h"

namespace axis::render {

ShadowMap::ShadowMap(gpu::Context& context, std::uint32_t tileSize)
    : tileSize_(tileSize), atlasSize_(tileSize > 1 ? tileSize * kColumns : 1) {
    gpu::ImageDesc desc;
    desc.format = kFormat;
    desc.width = desc.height = atlasSize_;
    desc.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
    desc.dedicatedMemory = atlasSize_ > 1;
    image_ = gpu::Image(context, desc);
    // Hardware depth comparison (reversed Z: lit where the fragment is at least as near as the
    // map says), linear: the four nearest comparisons blended, a 2x2 percentage-closer filter.
    VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    info.magFilter = info.minFilter = VK_FILTER_LINEAR;
    info.addressModeU = info.addressModeV = info.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER;
    info.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_BLACK;  // Outside the map: depth 0, the far plane: lit.
    info.compareEnable = VK_TRUE;
    info.compareOp = VK_COMPARE_OP_GREATER_OR_EQUAL;
    VkSampler sampler;
    AXIS_VK_CHECK(vkCreateSampler(context.device(), &info, nullptr, &sampler));
    sampler_ = {context.device(), sampler, vkDestroySampler};
}

VkRect2D ShadowMap::tile(std::size_t cascade) const {
    const auto column = std::uint32_t(cascade) % kColumns, row = std::uint32_t(cascade) / kColumns;
    return {{std::int32_t(column * tileSize_), std::int32_t(row * tileSize_)}, {tileSize_, tileSize_}};
}

ShadowLookup ShadowMap::lookup(const std::array<ShadowCascade, kShadowCascades>& cascades,
                               const glm::dvec3& viewForward) const {
    ShadowLookup l;
    const double atlas = double(atlasSize_), share = double(tileSize_) / atlas, halfTexel = 0.5 / atlas;
    for (std::size_t i = 0; i < kShadowCascades; ++i) {
        const ShadowCascade& c = cascades[i];
        const VkRect2D t = tile(i);
        const glm::dvec2 offset = glm::dvec2(t.offset.x, t.offset.y) / atlas;
        // Clip x, y in [-1, 1] to the tile's texture coordinates; depth as it is.
        glm::dmat4 toTile(1.0);
        toTile[0][0] = toTile[1][1] = 0.5 * share;
        toTile[3] = glm::dvec4(offset + 0.5 * share, 0.0, 1.0);
        // The fit's map is a scaled, moved copy of the sun's axes: its linear part is a diagonal
        // times sunFromCamera, recovered by undoing the rotation.
        const glm::dmat4 fromCamera = toTile * c.clipFromCamera;
        const glm::dmat3 scale = glm::dmat3(fromCamera) * glm::transpose(c.sunFromCamera);
        l.scales[i] = glm::vec4(float(scale[0][0]), float(scale[1][1]), float(scale[2][2]), 0.0f);
        l.offsets[i] = glm::vec4(glm::vec3(fromCamera[3]), 0.0f);
        // The filter reads a 2x2 block: half a texel in, it never reads the neighbouring tile.
        l.tiles[i] = glm::vec4(glm::dvec4(offset + halfTexel, offset + share - halfTexel));
        // The lookup steps two texels off the surface along its normal and compares one nearer
        // to the sun, so that no surface shadows itself; coarser cascades need larger steps.
        l.params[i] = glm::vec4(float(2.0 * c.texelMetres), float(c.texelMetres * c.depthPerMetre), float(c.farDepth),
                                float(c.blendFrom));
    }
    l.sunFromCamera = glm::mat4(glm::mat3(cascades[0].sunFromCamera));
    l.viewForward = glm::vec3(glm::normalize(viewForward));
    return l;
}

void ShadowMap::makeReadable(VkCommandBuffer cmd) {
    if (readable_) return;
    gpu::pipelineBarrier(cmd, {gpu::imageBarrier(image_.handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
                                                 VK_PIPELINE_STAGE_2_NONE, 0, VK_IMAGE_LAYOUT_UNDEFINED,
                                                 VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
                                                 VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL)});
    readable_ = true;
}

void ShadowMap::begin(VkCommandBuffer cmd) {
    // The previous frame's shading may still read it: its reads before these writes.
    gpu::pipelineBarrier(cmd, {gpu::imageBarrier(image_.handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
                                                 VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
                                                 VK_IMAGE_LAYOUT_UNDEFINED,
                                                 VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                                                 VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
                                                     VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                                                 VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL)});
    VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    depth.imageView = image_.view();
    depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
    depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    depth.clearValue.depthStencil = {0.0f, 0};  // Reversed Z: nothing drawn is as far as can be.
    VkRenderingInfo info{VK_STRUCTURE_TYPE_RENDERING_INFO};
    info.renderArea = {{0, 0}, {atlasSize_, atlasSize_}};
    info.layerCount = 1;
    info.pDepthAttachment = &depth;
    vkCmdBeginRendering(cmd, &info);
}

bool ShadowMap::target(VkCommandBuffer cmd, std::size_t cascade, const glm::dvec4& receivers) const {
    const VkRect2D t = tile(cascade);
    // Clip -1..1 to the tile's texels; whole texels around the part shading reads.
    const auto texel = [&](double clip) { return std::clamp((clip * 0.5 + 0.5) * tileSize_, 0.0, double(tileSize_)); };
    const auto x0 = std::uint32_t(std::floor(texel(receivers.x))), y0 = std::uint32_t(std::floor(texel(receivers.y)));
    const auto x1 = std::uint32_t(std::ceil(texel(receivers.z))), y1 = std::uint32_t(std::ceil(texel(receivers.w)));
    if (x1 <= x0 || y1 <= y0) return false;
    const VkViewport viewport{
        float(t.offset.x), float(t.offset.y), float(t.extent.width), float(t.extent.height), 0.0f, 1.0f};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    // Nothing spills into a neighbouring tile, and texels no shading reads are not drawn.
    const VkRect2D scissor{{t.offset.x + std::int32_t(x0), t.offset.y + std::int32_t(y0)}, {x1 - x0, y1 - y0}};
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    return true;
}

void ShadowMap::end(VkCommandBuffer cmd) {
    vkCmdEndRendering(cmd);
    gpu::pipelineBarrier(cmd, {gpu::imageBarrier(image_.handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
                                                 VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                                                 VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                                                 VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                                                 VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
                                                 VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL)});
    readable_ = true;
}

}  // namespace axis::render
