#version 460
// Occlusion test of clusters against the depth pyramid of what is drawn so far: a
// cluster whose bounding sphere lies behind the farthest depth everywhere under it is hidden, and
// its indirect draw gets zero instances. Nothing visible is dropped: the footprint covers every
// pixel the sphere can touch, and the pyramid keeps the farthest depth of each.
#include "shared.h"

layout(local_size_x = 64) in;

#include "draw_command.glsl"

layout(binding = 0) uniform sampler2D pyramid;
layout(std430, binding = 1) readonly buffer Candidates { OcclusionCandidate candidates[]; };
layout(std430, binding = 2) buffer Commands { DrawIndexedCommand commands[]; };
layout(push_constant) uniform Push { CullPush push; };

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= push.count) return;
    OcclusionCandidate c = candidates[i];
    int level = int(c.level);
    float farthest = 1.0;
    for (int y = c.rect.y; y <= c.rect.w; ++y)
        for (int x = c.rect.x; x <= c.rect.z; ++x) farthest = min(farthest, texelFetch(pyramid, ivec2(x, y), level).r);
    commands[c.command].instanceCount = c.depth < farthest ? 0u : 1u;
}
