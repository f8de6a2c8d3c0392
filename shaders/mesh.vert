#version 450
#include "shared.h"
#include "srgb.glsl"
#include "octahedral.glsl"

layout(location = 0) in vec3 inPosition;
// Plain: the float normal. Baked: R16G16_SNORM octahedral code in xy (z reads 0, unused).
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;     // Float or UNORM16 attribute; the same vec2 here.
layout(location = 3) in vec4 inColor;  // sRGB-encoded, UNORM.

layout(push_constant) uniform Push { DrawPush draw; };
layout(constant_id = 1) const float kMaxPointSize = 1.0;  // The device's largest point, pixels.
layout(constant_id = 2) const uint kVertexFormat = AXIS_VERTEX_PLAIN;
#include "point_size.glsl"

layout(location = 0) out vec3 outCameraPos;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec2 outUv;
layout(location = 3) out vec4 outColor;

vec3 modelNormal() {
    if (kVertexFormat == AXIS_VERTEX_BAKED) return decodeOctahedral(inNormal.xy);
    if (kVertexFormat == AXIS_VERTEX_BAKED_NO_NORMALS) return vec3(0.0);  // mesh.frag then shows colour.
    return inNormal;
}

void main() {
    gl_Position = draw.clipFromModel * vec4(inPosition, 1.0);
    outCameraPos = (draw.cameraFromModel * vec4(inPosition, 1.0)).xyz;  // Row 3 (w) is not used.
    gl_PointSize = pointSize(draw.cameraFromModel, outCameraPos);
    // Normals go through the inverse transpose, so non-uniform site scales keep them right.
    outNormal = transpose(inverse(mat3(draw.cameraFromModel))) * modelNormal();
    outUv = inUv;
    outColor = vec4(srgbToLinear(inColor.rgb), inColor.a);
}
