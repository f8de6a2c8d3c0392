#version 450
// The sun's shadow map (render/shadow_map.h), for clipped casters only (the others draw depth with
// no fragment shader at all): what a section plane or clip box cuts away casts no shadow.
#include "shared.h"

layout(location = 0) in vec3 inCameraPos;
layout(set = 1, binding = 0) uniform Draw { DrawParams draw; };
layout(constant_id = 5) const bool kClipped = false;

void main() {
    if (kClipped)
        for (int i = 0; i < AXIS_MAX_CLIP_HALF_SPACES; ++i)
            if (dot(draw.halfSpaces[i].xyz, inCameraPos) + draw.halfSpaces[i].w < 0.0) discard;
}
