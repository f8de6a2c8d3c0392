// One level of the depth pyramid: each texel takes the farthest (smallest, reversed Z) depth of
// the 2x2 source texels it covers, or of every sample of those pixels for a multisampled depth
// image. At odd sizes the last row and column are read twice, so no pixel is left out.
#include "shared.h"

layout(local_size_x = 8, local_size_y = 8) in;

#ifdef AXIS_MULTISAMPLE
layout(constant_id = 0) const int kSamples = 4;
layout(binding = 0) uniform sampler2DMS source;
#else
layout(binding = 0) uniform sampler2D source;
#endif
layout(binding = 1, r32f) uniform writeonly image2D target;
layout(push_constant) uniform Push { HizPush push; };

float farthest(ivec2 p) {
#ifdef AXIS_MULTISAMPLE
    float d = texelFetch(source, p, 0).r;
    for (int s = 1; s < kSamples; ++s) d = min(d, texelFetch(source, p, s).r);
    return d;
#else
    return texelFetch(source, p, 0).r;
#endif
}

void main() {
    ivec2 t = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(t, push.targetSize))) return;
    ivec2 p = t * 2;
    ivec2 q = min(p + 1, push.sourceSize - 1);
    float d = min(min(farthest(p), farthest(ivec2(q.x, p.y))), min(farthest(ivec2(p.x, q.y)), farthest(q)));
    imageStore(target, t, vec4(d));
}
