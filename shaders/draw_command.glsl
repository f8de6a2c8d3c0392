// VkDrawIndexedIndirectCommand, as the occlusion shaders read and write it (std430: 20 bytes).
struct DrawIndexedCommand {
    uint indexCount;
    uint instanceCount;
    uint firstIndex;
    int vertexOffset;
    uint firstInstance;
};
