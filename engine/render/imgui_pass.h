#pragma once
// Draws Dear ImGui's draw lists with our own Vulkan 1.3 pipeline (dynamic rendering; Debian's
// imgui 1.86 Vulkan backend needs render pass objects). Takes ImDrawData; knows nothing of
// widgets. Texture ids are VkDescriptorSets made by this pass (the font atlas, or addImage()).
#include <memory>
#include <vector>

#include <imgui.h>
#include <vulkan/vulkan.h>

#include "gpu/frames.h"
#include "gpu/resources.h"
#include "gpu/unique.h"

namespace axis::render {

class ImGuiPass {
public:
    ImGuiPass(gpu::Context& context, VkFormat colorFormat);
    ~ImGuiPass();

    /// Uploads the current ImGui context's font atlas (build the fonts first) and sets its TexID.
    void uploadFonts();

    /// An RGBA8 sRGB image usable as an ImTextureID in ImGui::Image; lives as long as the pass.
    ImTextureID addImage(uint32_t width, uint32_t height, const std::vector<std::uint8_t>& rgba);

    /// Records `data` into `cmd`, drawing over `target` (COLOR_ATTACHMENT_OPTIMAL, contents kept).
    /// Per-frame vertex and index buffers are retired through `frames`.
    void record(VkCommandBuffer cmd, gpu::FrameRing& frames, VkImageView target, VkExtent2D extent,
                const ImDrawData* data);

private:
    VkDescriptorSet makeImageSet(VkImageView view);

    gpu::Context& context_;
    gpu::Unique<VkDescriptorSetLayout> setLayout_;
    gpu::Unique<VkPipelineLayout> layout_;
    gpu::Unique<VkPipeline> pipeline_;
    gpu::Unique<VkSampler> sampler_;
    gpu::Unique<VkDescriptorPool> pool_;
    std::vector<gpu::Image> images_;  ///< Font atlas and added images.
};

}  // namespace axis::render
