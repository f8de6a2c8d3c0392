#version 450
#include "shared.h"

layout(location = 0) in vec2 inClip;
layout(push_constant) uniform Push { SkyPush sky; };
layout(location = 0) out vec4 outColor;

void main() {
    vec4 p = sky.worldFromClip * vec4(inClip, 0.5, 1.0);
    vec3 dir = normalize(p.xyz / p.w);
    float up = dir.z;
    vec3 color = (up >= 0.0 ? mix(AXIS_SKY_HORIZON, AXIS_SKY_ZENITH, pow(up, 0.6))
                            : mix(AXIS_SKY_HORIZON, AXIS_GROUND_COLOR, pow(-up, 0.4))) * sky.skyTint.rgb;
    // A soft glow around the sun.
    float sun = max(dot(dir, sky.sunDirection.xyz), 0.0);
    color += vec3(1.0, 0.9, 0.7) * (pow(sun, 400.0) * 4.0 + pow(sun, 12.0) * 0.15) * sky.sunDirection.w;
    // A select, not a branch on the push constant: see mesh.frag on lavapipe's uniform inlining.
    outColor = vec4(mix(color, sky.solidColor.rgb, step(0.5, sky.solidColor.w)), 1.0);
}
