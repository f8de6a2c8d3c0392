#version 450
// Dear ImGui geometry: pixel positions, UVs into the font atlas or an image, sRGB vertex colours.
#include "srgb.glsl"

layout(location = 0) in vec2 inPosition;
layout(location = 1) in vec2 inUv;
layout(location = 2) in vec4 inColor;

layout(push_constant) uniform Push {
    vec2 scale;
    vec2 translate;
} push;

layout(location = 0) out vec2 outUv;
layout(location = 1) out vec4 outColor;

void main() {
    outUv = inUv;
    // The target is sRGB: decode so that the hardware's encode gives back ImGui's colours.
    outColor = vec4(srgbToLinear(inColor.rgb), inColor.a);
    gl_Position = vec4(inPosition * push.scale + push.translate, 0.0, 1.0);
}
