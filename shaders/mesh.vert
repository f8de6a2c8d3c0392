#version 450
#include "shared.h"
#include "srgb.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;
layout(location = 3) in vec4 inColor;  // sRGB-encoded, UNORM.

layout(push_constant) uniform Push { DrawPush draw; };
layout(constant_id = 1) const float kPointSize = 1.0;

layout(location = 0) out vec3 outCameraPos;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec2 outUv;
layout(location = 3) out vec4 outColor;

void main() {
    gl_Position = draw.clipFromModel * vec4(inPosition, 1.0);
    gl_PointSize = kPointSize;
    outCameraPos = (draw.cameraFromModel * vec4(inPosition, 1.0)).xyz;
    // Normals go through the inverse transpose, so non-uniform site scales keep them right.
    outNormal = transpose(inverse(mat3(draw.cameraFromModel))) * inNormal;
    outUv = inUv;
    outColor = vec4(srgbToLinear(inColor.rgb), inColor.a);
}
