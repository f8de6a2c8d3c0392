#include "render/imgui_pass.h"

#include <cstring>

#include "gpu/context.h"
#include "gpu/pipeline.h"
#include "gpu/upload.h"
#include "gpu/vk_check.h"

namespace axis::render {
namespace {

const uint32_t kImGuiVert[] =
#include "imgui.vert.inc"
    ;
const uint32_t kImGuiFrag[] =
#include "imgui.frag.inc"
    ;

constexpr uint32_t kMaxImages = 256;  // Font atlas plus POI images shown at once.

}  // namespace

ImGuiPass::ImGuiPass(gpu::Context& context, VkFormat colorFormat) : context_(context) {
    VkDevice device = context.device();
    const VkDescriptorType types[] = {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER};
    setLayout_ = gpu::createSetLayout(device, types, VK_SHADER_STAGE_FRAGMENT_BIT);
    const VkDescriptorSetLayout sets[] = {setLayout_};
    layout_ = gpu::createPipelineLayout(device, sets, VK_SHADER_STAGE_VERTEX_BIT, 16);  // Scale and translate.

    gpu::GraphicsPipelineDesc d;
    d.vertexSpirv = kImGuiVert;
    d.fragmentSpirv = kImGuiFrag;
    d.layout = layout_;
    d.colorFormat = colorFormat;
    d.depthTest = false;
    d.depthWrite = false;
    d.alphaBlend = true;
    d.bindings = {{0, sizeof(ImDrawVert), VK_VERTEX_INPUT_RATE_VERTEX}};
    d.attributes = {{0, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(ImDrawVert, pos)},
                    {1, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(ImDrawVert, uv)},
                    {2, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(ImDrawVert, col)}};
    pipeline_ = gpu::createGraphicsPipeline(device, d);

    VkSamplerCreateInfo samplerInfo{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    samplerInfo.magFilter = samplerInfo.minFilter = VK_FILTER_LINEAR;
    samplerInfo.addressModeU = samplerInfo.addressModeV = samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    VkSampler sampler;
    AXIS_VK_CHECK(vkCreateSampler(device, &samplerInfo, nullptr, &sampler));
    sampler_ = {device, sampler, vkDestroySampler};

    VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, kMaxImages};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.maxSets = kMaxImages;
    poolInfo.poolSizeCount = 1;
    poolInfo.pPoolSizes = &size;
    VkDescriptorPool pool;
    AXIS_VK_CHECK(vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool));
    pool_ = {device, pool, vkDestroyDescriptorPool};
}

ImGuiPass::~ImGuiPass() { context_.waitIdle(); }

VkDescriptorSet ImGuiPass::makeImageSet(VkImageView view) {
    VkDescriptorSetLayout layout = setLayout_;
    VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    alloc.descriptorPool = pool_;
    alloc.descriptorSetCount = 1;
    alloc.pSetLayouts = &layout;
    VkDescriptorSet set;
    AXIS_VK_CHECK(vkAllocateDescriptorSets(context_.device(), &alloc, &set));
    VkDescriptorImageInfo image{sampler_, view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    write.dstSet = set;
    write.descriptorCount = 1;
    write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    write.pImageInfo = &image;
    vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
    return set;
}

ImTextureID ImGuiPass::addImage(uint32_t width, uint32_t height, const std::vector<std::uint8_t>& rgba) {
    gpu::MipData level{width, height, rgba};
    gpu::UploadBatch batch(context_);
    images_.push_back(batch.createTexture({&level, 1}, VK_FORMAT_R8G8B8A8_SRGB));
    batch.flush();
    return reinterpret_cast<ImTextureID>(makeImageSet(images_.back().view()));
}

void ImGuiPass::uploadFonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    std::vector<std::uint8_t> rgba(pixels, pixels + size_t(width) * height * 4);
    // The atlas is white with coverage in alpha: sRGB or not makes no difference to white.
    io.Fonts->SetTexID(addImage(uint32_t(width), uint32_t(height), rgba));
}

void ImGuiPass::record(VkCommandBuffer cmd, gpu::FrameRing& frames, VkImageView target, VkExtent2D extent,
                       const ImDrawData* data) {
    if (!data || data->TotalVtxCount == 0) return;
    gpu::Buffer vertices(context_, data->TotalVtxCount * sizeof(ImDrawVert), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                         gpu::MemoryUsage::Upload);
    gpu::Buffer indices(context_, data->TotalIdxCount * sizeof(ImDrawIdx), VK_BUFFER_USAGE_INDEX_BUFFER_BIT,
                        gpu::MemoryUsage::Upload);
    size_t vOffset = 0, iOffset = 0;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        std::memcpy(vertices.mapped() + vOffset, list->VtxBuffer.Data, list->VtxBuffer.Size * sizeof(ImDrawVert));
        std::memcpy(indices.mapped() + iOffset, list->IdxBuffer.Data, list->IdxBuffer.Size * sizeof(ImDrawIdx));
        vOffset += list->VtxBuffer.Size * sizeof(ImDrawVert);
        iOffset += list->IdxBuffer.Size * sizeof(ImDrawIdx);
    }

    VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    color.imageView = target;
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    VkRenderingInfo info{VK_STRUCTURE_TYPE_RENDERING_INFO};
    info.renderArea = {{0, 0}, extent};
    info.layerCount = 1;
    info.colorAttachmentCount = 1;
    info.pColorAttachments = &color;
    vkCmdBeginRendering(cmd, &info);

    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
    VkBuffer vb = vertices.handle();
    VkDeviceSize zero = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
    vkCmdBindIndexBuffer(cmd, indices.handle(), 0, sizeof(ImDrawIdx) == 2 ? VK_INDEX_TYPE_UINT16 : VK_INDEX_TYPE_UINT32);
    VkViewport viewport{0, 0, float(extent.width), float(extent.height), 0, 1};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    const ImVec2 scale(2.0f / data->DisplaySize.x, 2.0f / data->DisplaySize.y);
    const float push[4] = {scale.x, scale.y, -1.0f - data->DisplayPos.x * scale.x, -1.0f - data->DisplayPos.y * scale.y};
    vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(push), push);

    // Clip rectangles are in ImGui's display space; the framebuffer may be scaled (HiDPI).
    const ImVec2 clipScale = data->FramebufferScale;
    uint32_t firstVertex = 0, firstIndex = 0;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        for (const ImDrawCmd& c : list->CmdBuffer) {
            float x0 = (c.ClipRect.x - data->DisplayPos.x) * clipScale.x, y0 = (c.ClipRect.y - data->DisplayPos.y) * clipScale.y;
            float x1 = (c.ClipRect.z - data->DisplayPos.x) * clipScale.x, y1 = (c.ClipRect.w - data->DisplayPos.y) * clipScale.y;
            x0 = std::max(x0, 0.0f), y0 = std::max(y0, 0.0f);
            x1 = std::min(x1, float(extent.width)), y1 = std::min(y1, float(extent.height));
            if (x1 <= x0 || y1 <= y0 || c.UserCallback) continue;
            VkRect2D scissor{{int32_t(x0), int32_t(y0)}, {uint32_t(x1 - x0), uint32_t(y1 - y0)}};
            vkCmdSetScissor(cmd, 0, 1, &scissor);
            VkDescriptorSet set = reinterpret_cast<VkDescriptorSet>(c.GetTexID());
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &set, 0, nullptr);
            vkCmdDrawIndexed(cmd, c.ElemCount, 1, firstIndex + c.IdxOffset, int32_t(firstVertex + c.VtxOffset), 0);
        }
        firstVertex += uint32_t(list->VtxBuffer.Size);
        firstIndex += uint32_t(list->IdxBuffer.Size);
    }
    vkCmdEndRendering(cmd);
    frames.retire(std::move(vertices));
    frames.retire(std::move(indices));
}

}  // namespace axis::render
