#version 450
#include "shared.h"
#include "mesh_shading.glsl"

layout(location = 4) noperspective in vec3 inBarycentric;

layout(location = 0) out vec4 outColor;

// The surface as it is shaded, with each triangle's edges drawn over it about one pixel wide:
// the distance to an edge in pixels is its barycentric coordinate over that coordinate's slope.
void main() {
    vec4 surface = kClipped ? shadeCut() : shadeFragment();
    vec3 pixels = inBarycentric / max(fwidth(inBarycentric), vec3(1e-6));
    float edge = 1.0 - smoothstep(0.5, 1.5, min(pixels.x, min(pixels.y, pixels.z)));
    outColor = vec4(mix(surface.rgb, AXIS_WIRE_COLOR, edge), max(surface.a, edge));
}
