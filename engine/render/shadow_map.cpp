#include "render/shadow_map.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "gpu/barriers.h"
#include "gpu/context.h"
#include "gpu/vk_check.h"

namespace axis::render {

ShadowMap::ShadowMap(gpu::Context& context, std::uint32_t size) : size_(size) {
    gpu::ImageDesc desc;
    desc.format = kFormat;
    desc.width = desc.height = size;
    desc.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
    desc.dedicatedMemory = size > 1;
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

glm::dmat4 ShadowMap::fit(const Camera& camera, double aspect, const glm::dvec3& sunDirection,
                          const glm::dvec3& sceneCentre, double sceneRadius) const {
    // The slice of the view that gets shadows, as a sphere (stable as the camera turns).
    const double reach = std::clamp(glm::length(sceneCentre - camera.position) + sceneRadius, 1.0, kReach);
    // The smallest sphere around the view's pyramid up to `reach`: its centre on the view axis
    // where the apex and the far corners are equally far, but not beyond the far plane.
    const double halfHeight = std::tan(camera.fovY * 0.5), halfWidth = halfHeight * aspect;
    const double spread = halfHeight * halfHeight + halfWidth * halfWidth;
    const double centreDistance = std::min(reach, reach * (1.0 + spread) * 0.5);
    const double radius = std::max(centreDistance, std::sqrt(std::pow(reach - centreDistance, 2.0) + reach * reach * spread));
    const glm::dvec3 forward = glm::normalize(camera.forward);
    const glm::dvec3 centre = forward * centreDistance;  // Camera-relative.

    // Casters up to the scene's far side towards the sun stay in front of the map's near plane.
    const glm::dvec3 sun = glm::normalize(sunDirection);
    const double behind = std::max(radius, glm::length(sceneCentre - camera.position) + sceneRadius);
    const glm::dvec3 eye = centre + sun * behind;
    const glm::dvec3 up = std::abs(sun.z) > 0.99 ? glm::dvec3(0, 1, 0) : glm::dvec3(0, 0, 1);
    const glm::dmat4 lightView = glm::lookAt(eye, centre, up);
    const double depthRange = behind + radius;
    // Orthographic, reversed Z: distance 0 from the eye maps to depth 1, depthRange to 0.
    glm::dmat4 projection(1.0);
    projection[0][0] = 1.0 / radius;
    projection[1][1] = 1.0 / radius;
    projection[2][2] = 1.0 / depthRange;  // z_view is negative in front: 1 + z_view / range.
    projection[3][2] = 1.0;
    // Whole texels per step of the eye, so edges do not crawl as the camera moves.
    glm::dmat4 clip = projection * lightView;
    const glm::dvec4 origin = clip * glm::dvec4(-camera.position, 1.0);  // The site's origin in the map.
    const double texels = double(size_) * 0.5;
    const glm::dvec2 snapped = glm::round(glm::dvec2(origin) * texels) / texels;
    clip = glm::translate(glm::dmat4(1.0), glm::dvec3(snapped - glm::dvec2(origin), 0.0)) * clip;
    return clip;
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
    info.renderArea = {{0, 0}, {size_, size_}};
    info.layerCount = 1;
    info.pDepthAttachment = &depth;
    vkCmdBeginRendering(cmd, &info);
    const VkViewport viewport{0, 0, float(size_), float(size_), 0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, {size_, size_}};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
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
