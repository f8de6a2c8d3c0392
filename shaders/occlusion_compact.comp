#version 460
// After the occlusion test: each batch's visible draws, in their order, packed to the front of
// its run, and their number, for vkCmdDrawIndexedIndirectCount. One invocation walks one batch, so
// the order (and with it the image, where depths tie) is the same every run; hidden clusters cost
// no draw at all.
#include "shared.h"
#include "draw_command.glsl"

layout(local_size_x = 64) in;

layout(std430, binding = 2) readonly buffer Commands { DrawIndexedCommand commands[]; };
layout(std430, binding = 3) readonly buffer Batches { DrawBatch batches[]; };
layout(std430, binding = 4) writeonly buffer Packed { DrawIndexedCommand packed[]; };
layout(std430, binding = 5) writeonly buffer Counts { uint counts[]; };
layout(push_constant) uniform Push { CullPush push; };

void main() {
    uint b = gl_GlobalInvocationID.x;
    if (b >= push.count) return;
    DrawBatch batch = batches[b];
    uint n = 0;
    for (uint i = batch.first; i < batch.first + batch.count; ++i) {
        if (commands[i].instanceCount != 0u) {
            packed[batch.first + n] = commands[i];
            ++n;
        }
    }
    counts[b] = n;
}
